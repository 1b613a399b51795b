import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/store/database.js';
import { boundErrors, MAX_RUN_ERROR_LENGTH, MAX_RUN_ERRORS, RunStore, type RunResult } from '../../src/store/runs.js';

let dir: string;
let db: Database;
let runs: RunStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-runs-test-'));
  db = openDatabase(join(dir, 'news.db'));
  runs = new RunStore(db);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

/** A process that certainly is alive while the test runs: this one's parent. */
const ALIVE_PID = process.ppid;

const at = (iso: string): Date => new Date(iso);

function result(overrides: Partial<RunResult> = {}): RunResult {
  return {
    finishedAt: at('2024-08-13T10:01:30.000Z'),
    status: 'ok',
    sourcesOk: 4,
    sourcesFailed: 0,
    itemsNew: 12,
    itemsUpdated: 3,
    errors: [],
    ...overrides,
  };
}

describe('boundErrors', () => {
  it.each([
    ['none', [], []],
    ['a few short ones unchanged', ['a', 'b'], ['a', 'b']],
    ['a long one shortened', ['x'.repeat(1000)], [`${'x'.repeat(MAX_RUN_ERROR_LENGTH - 1)}…`]],
  ])('%s', (_label, input, expected) => {
    expect(boundErrors(input)).toEqual(expected);
  });

  it('keeps at most MAX_RUN_ERRORS lines, the last one counting the rest', () => {
    const many = Array.from({ length: 45 }, (_v, i) => `error ${i}`);
    const bounded = boundErrors(many);
    expect(bounded).toHaveLength(MAX_RUN_ERRORS);
    expect(bounded[0]).toBe('error 0');
    expect(bounded[MAX_RUN_ERRORS - 2]).toBe(`error ${MAX_RUN_ERRORS - 2}`);
    expect(bounded.at(-1)).toBe(`… and ${45 - (MAX_RUN_ERRORS - 1)} more errors`);
    expect(boundErrors(many.slice(0, MAX_RUN_ERRORS))).toEqual(many.slice(0, MAX_RUN_ERRORS));
  });
});

describe('RunStore lifecycle', () => {
  it('start records a running run; finish records how it ended', () => {
    const id = runs.start({ startedAt: at('2024-08-13T10:00:00.000Z') });
    expect(runs.recent(10)).toEqual([
      {
        id,
        startedAt: '2024-08-13T10:00:00.000Z',
        finishedAt: null,
        pid: process.pid,
        hostname: hostname(),
        status: 'running',
        sourcesOk: 0,
        sourcesFailed: 0,
        itemsNew: 0,
        itemsUpdated: 0,
        errors: [],
      },
    ]);
    const errors = ['https://a.vn/feed: HTTP 500', 'https://b.vn/feed: timeout after 30 s'];
    expect(runs.finish(id, result({ status: 'failed', sourcesOk: 3, sourcesFailed: 2, errors }))).toBe(true);
    expect(runs.recent(1)[0]).toMatchObject({
      finishedAt: '2024-08-13T10:01:30.000Z',
      status: 'failed',
      sourcesOk: 3,
      sourcesFailed: 2,
      itemsNew: 12,
      itemsUpdated: 3,
      errors,
    });
    expect(runs.finish(9999, result())).toBe(false);
  });

  it('stores a bounded error list', () => {
    const id = runs.start({ startedAt: at('2024-08-13T10:00:00.000Z') });
    runs.finish(id, result({ errors: Array.from({ length: 500 }, () => 'e'.repeat(5000)) }));
    const stored = runs.recent(1)[0]!.errors;
    expect(stored).toHaveLength(MAX_RUN_ERRORS);
    expect(stored.every((e) => e.length <= MAX_RUN_ERROR_LENGTH)).toBe(true);
  });

  it('recent lists newest first, up to the limit', () => {
    const ids = ['2024-08-13T10:00:00.000Z', '2024-08-13T10:10:00.000Z', '2024-08-13T10:05:00.000Z'].map((iso) =>
      runs.start({ startedAt: at(iso), pid: ALIVE_PID }),
    );
    expect(runs.recent(10).map((r) => r.id)).toEqual([ids[1], ids[2], ids[0]]);
    expect(runs.recent(2).map((r) => r.id)).toEqual([ids[1], ids[2]]);
  });
});

describe('RunStore.markInterrupted', () => {
  const NOW = at('2024-08-13T12:00:00.000Z');
  const LEASE_MS = 30 * 60_000;

  it('marks runs whose process is gone or that are older than the lease; leaves live, recent and own runs', () => {
    const dead = runs.start({ startedAt: at('2024-08-13T11:59:00.000Z'), pid: deadPid() });
    const stuck = runs.start({ startedAt: at('2024-08-13T11:30:00.000Z'), pid: ALIVE_PID });
    const live = runs.start({ startedAt: at('2024-08-13T11:30:00.001Z'), pid: ALIVE_PID });
    const own = runs.start({ startedAt: at('2024-08-13T08:00:00.000Z') });
    const done = runs.start({ startedAt: at('2024-08-13T08:00:00.000Z'), pid: deadPid() });
    runs.finish(done, result());

    expect(runs.markInterrupted(NOW, LEASE_MS)).toBe(2);
    const byId = new Map(runs.recent(10).map((r) => [r.id, r]));
    expect(byId.get(dead)).toMatchObject({ status: 'interrupted', finishedAt: null });
    expect(byId.get(dead)!.errors).toEqual([`interrupted: process ${byId.get(dead)!.pid} ended without finishing the run`]);
    expect(byId.get(stuck)).toMatchObject({ status: 'interrupted', errors: ['interrupted: no end recorded within 1800 s'] });
    expect(byId.get(live)?.status).toBe('running');
    expect(byId.get(own)?.status).toBe('running');
    expect(byId.get(done)?.status).toBe('ok');
    expect(runs.markInterrupted(NOW, LEASE_MS)).toBe(0);
  });

  it('judges a run from another host by age only', () => {
    const id = runs.start({ startedAt: at('2024-08-13T11:59:00.000Z'), pid: deadPid() });
    db.prepare('UPDATE runs SET hostname = ? WHERE id = ?').run('some-other-host', id);
    expect(runs.markInterrupted(NOW, LEASE_MS)).toBe(0);
    expect(runs.markInterrupted(at('2024-08-13T12:29:00.000Z'), LEASE_MS)).toBe(1);
  });

  it('a run that does finish afterwards records its real outcome', () => {
    const id = runs.start({ startedAt: at('2024-08-13T10:00:00.000Z'), pid: ALIVE_PID });
    expect(runs.markInterrupted(NOW, LEASE_MS)).toBe(1);
    runs.finish(id, result());
    expect(runs.recent(1)[0]).toMatchObject({ status: 'ok', errors: [] });
  });
});
