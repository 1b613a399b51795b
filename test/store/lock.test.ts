import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { acquireLease, isProcessAlive, type HeldLease, type LeaseResult } from '../../src/store/lock.js';
import { ROOT } from '../helpers/cli.js';

let dir: string;
let path: string;
const opened: Database[] = [];
const children: ChildProcessWithoutNullStreams[] = [];

function open(): Database {
  const db = openDatabase(path);
  opened.push(db);
  return db;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-lock-test-'));
  path = join(dir, 'news.db');
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const db of opened.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

function held(result: LeaseResult): HeldLease {
  if (!result.acquired) throw new Error(`expected to hold the lease, held by ${JSON.stringify(result.heldBy)}`);
  return result;
}

const T0 = new Date('2024-08-13T10:00:00.000Z');
const later = (ms: number): Date => new Date(T0.getTime() + ms);
const TTL = 60_000;

describe('isProcessAlive', () => {
  it.each([
    ['this process', process.pid, true],
    ['an exited process', deadPid(), false],
    ['pid 0', 0, false],
    ['a negative pid', -1, false],
    ['a fractional pid', 1.5, false],
  ])('%s', (_label, pid, expected) => {
    expect(isProcessAlive(pid)).toBe(expected);
  });
});

describe('acquireLease in one process', () => {
  it('is exclusive while held and says who holds it', () => {
    const a = open();
    const b = open();
    const first = held(acquireLease(a, { name: 'fetch', owner: 'news fetch', ttlMs: TTL, now: T0 }));
    expect(first.tookOver).toBe(false);
    const second = acquireLease(b, { name: 'fetch', owner: 'other', ttlMs: TTL, now: later(1_000) });
    expect(second).toEqual({
      acquired: false,
      heldBy: {
        owner: 'news fetch',
        pid: process.pid,
        hostname: expect.any(String),
        acquiredAt: '2024-08-13T10:00:00.000Z',
        expiresAt: '2024-08-13T10:01:00.000Z',
      },
    });
    // Another name is another lease.
    expect(acquireLease(b, { name: 'prune', owner: 'other', ttlMs: TTL, now: T0 }).acquired).toBe(true);
  });

  it('is free again after release; a second release is a no-op', () => {
    const db = open();
    const first = held(acquireLease(db, { name: 'fetch', owner: 'a', ttlMs: TTL, now: T0 }));
    expect(first.release()).toBe(true);
    expect(first.release()).toBe(false);
    const second = held(acquireLease(db, { name: 'fetch', owner: 'b', ttlMs: TTL, now: later(1) }));
    expect(second.tookOver).toBe(false);
  });

  it('expires at expires_at; the old holder can then neither renew nor release the new lease', () => {
    const db = open();
    const first = held(acquireLease(db, { name: 'fetch', owner: 'a', ttlMs: TTL, now: T0 }));
    expect(acquireLease(db, { name: 'fetch', owner: 'b', ttlMs: TTL, now: later(TTL - 1) }).acquired).toBe(false);
    const second = held(acquireLease(db, { name: 'fetch', owner: 'b', ttlMs: TTL, now: later(TTL) }));
    expect(second.tookOver).toBe(true);
    expect(first.renew(later(TTL + 1))).toBe(false);
    expect(first.release()).toBe(false);
    const third = acquireLease(db, { name: 'fetch', owner: 'c', ttlMs: TTL, now: later(TTL + 2) });
    expect(third.acquired === false && third.heldBy.owner).toBe('b');
  });

  it('renew pushes the expiry to now + ttl', () => {
    const db = open();
    const lease = held(acquireLease(db, { name: 'fetch', owner: 'a', ttlMs: TTL, now: T0 }));
    expect(lease.renew(later(50_000))).toBe(true);
    const blocked = acquireLease(db, { name: 'fetch', owner: 'b', ttlMs: TTL, now: later(TTL + 10_000) });
    expect(blocked.acquired === false && blocked.heldBy.expiresAt).toBe('2024-08-13T10:01:50.000Z');
    expect(acquireLease(db, { name: 'fetch', owner: 'b', ttlMs: TTL, now: later(110_000) }).acquired).toBe(true);
  });

  it('takes over at once from a process on this machine that is gone', () => {
    const db = open();
    held(acquireLease(db, { name: 'fetch', owner: 'killed', pid: deadPid(), ttlMs: 3_600_000, now: T0 }));
    const next = held(acquireLease(db, { name: 'fetch', owner: 'next', ttlMs: TTL, now: later(1_000) }));
    expect(next.tookOver).toBe(true);
  });

  it('never probes the pid of a lease taken on another host: only expiry frees it', () => {
    const db = open();
    held(acquireLease(db, { name: 'fetch', owner: 'remote', pid: deadPid(), ttlMs: TTL, now: T0 }));
    db.prepare("UPDATE locks SET hostname = 'another-host'").run();
    expect(acquireLease(db, { name: 'fetch', owner: 'next', ttlMs: TTL, now: later(1_000) }).acquired).toBe(false);
    expect(acquireLease(db, { name: 'fetch', owner: 'next', ttlMs: TTL, now: later(TTL) }).acquired).toBe(true);
  });

  it('refuses a nonsensical ttl', () => {
    expect(() => acquireLease(open(), { name: 'fetch', owner: 'a', ttlMs: 0 })).toThrow('invalid lease ttl: 0');
  });
});

/** A child that opens the database, says "ready", takes the lease on "go", prints the outcome, and holds it until stdin ends. */
const CHILD_SCRIPT = `
import { createInterface } from 'node:readline';
import { openDatabase } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/store/database.js')).href)};
import { acquireLease } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/store/lock.js')).href)};
const db = openDatabase(process.argv[2]);
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line !== 'go') return;
  const lease = acquireLease(db, { name: 'fetch', owner: 'child ' + process.pid, ttlMs: 600000 });
  process.stdout.write(JSON.stringify({ pid: process.pid, acquired: lease.acquired }) + '\\n');
});
lines.on('close', () => db.close());
process.stdout.write('ready\\n');
`;

interface Contender {
  child: ChildProcessWithoutNullStreams;
  next: () => Promise<string>;
}

/** Start a contender and wait until it has opened the database. */
async function startContender(script: string): Promise<Contender> {
  const child = spawn(process.execPath, [script, path], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const queue: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const resolve = waiting.shift();
    if (resolve !== undefined) resolve(line);
    else queue.push(line);
  });
  const exited = new Promise<never>((_resolve, reject) =>
    child.on('exit', (code) => reject(new Error(`contender exited (${code}): ${stderr}`))),
  );
  const next = (): Promise<string> =>
    Promise.race([queue.length > 0 ? Promise.resolve(queue.shift()!) : new Promise<string>((r) => waiting.push(r)), exited]);
  expect(await next()).toBe('ready');
  return { child, next };
}

function exitOf(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.on('exit', () => resolve());
  });
}

describe('acquireLease across processes', () => {
  it('of several processes racing for it, exactly one wins', async () => {
    open().close(); // create and migrate the file first
    const script = join(dir, 'contender.mjs');
    writeFileSync(script, CHILD_SCRIPT);
    for (let round = 0; round < 2; round++) {
      const contenders = await Promise.all([1, 2, 3, 4].map(() => startContender(script)));
      for (const c of contenders) c.child.stdin.write('go\n');
      const outcomes = (await Promise.all(contenders.map((c) => c.next()))).map(
        (line) => JSON.parse(line) as { pid: number; acquired: boolean },
      );
      const winners = outcomes.filter((o) => o.acquired);
      expect(winners).toHaveLength(1);
      const db = open();
      expect(db.prepare("SELECT pid FROM locks WHERE name = 'fetch'").pluck().get()).toBe(winners[0]!.pid);
      db.close();
      for (const c of contenders) c.child.stdin.end();
      await Promise.all(contenders.map((c) => exitOf(c.child)));
      // The winner exited without releasing: its lease is stale now, and is taken over.
      const after = held(acquireLease(open(), { name: 'fetch', owner: 'test', ttlMs: TTL }));
      expect(after.tookOver).toBe(true);
      expect(after.release()).toBe(true);
    }
  });

  it('recovers the lease of a process killed with SIGKILL while holding it', async () => {
    const script = join(dir, 'contender.mjs');
    writeFileSync(script, CHILD_SCRIPT);
    const holder = await startContender(script);
    holder.child.stdin.write('go\n');
    expect(JSON.parse(await holder.next())).toEqual({ pid: holder.child.pid, acquired: true });

    const db = open();
    const blocked = acquireLease(db, { name: 'fetch', owner: 'test', ttlMs: TTL });
    expect(blocked.acquired === false && blocked.heldBy.pid).toBe(holder.child.pid);

    holder.child.kill('SIGKILL');
    await exitOf(holder.child);
    const recovered = held(acquireLease(db, { name: 'fetch', owner: 'test', ttlMs: TTL }));
    expect(recovered.tookOver).toBe(true);
  });
});
