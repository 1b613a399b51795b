/**
 * Named leases in the database, so overlapping cron runs never work at once.
 *
 * Semantics:
 * - A lease is one row of `locks` (name, owner label, a random token for this
 *   acquisition, pid, hostname, acquired_at, expires_at).
 * - `acquireLease` runs in a `BEGIN IMMEDIATE` transaction: SQLite lets one writer in
 *   at a time, so of two processes racing for a free or stale lease exactly one wins;
 *   the other waits (busy_timeout) and then sees the winner's row.
 * - A held lease is stale, and may be taken over, when its `expires_at` is at or
 *   before `now`, or when it was taken on this machine (same hostname) by a process
 *   that no longer exists (`process.kill(pid, 0)` fails with ESRCH) — the recovery
 *   after `kill -9`, a crash or a reboot. A pid on another host is never probed: only
 *   expiry frees such a lease.
 * - The holder should `renew()` well within `ttlMs` during a long run; `renew` and
 *   `release` only touch the row while it still carries this acquisition's token, so
 *   a holder that lost its lease (expired and taken over) cannot extend or delete the
 *   new holder's lease — both then return false.
 * - A lease in the same process (same pid) is not stale until it expires: a second
 *   acquisition from one process is refused like any other.
 */

import type BetterSqlite3 from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { hostname as osHostname } from 'node:os';

type Database = BetterSqlite3.Database;

export interface LeaseOptions {
  /** The lease's name, e.g. `fetch`. */
  name: string;
  /** Who holds it, for people reading `heldBy` (e.g. `news fetch`). */
  owner: string;
  /** The holder's process id; default `process.pid`. */
  pid?: number;
  /** How long the lease lasts without a renew. */
  ttlMs: number;
  /** Default: the current time. */
  now?: Date;
}

/** Who holds a lease that could not be acquired. */
export interface LeaseHolder {
  owner: string;
  pid: number;
  hostname: string;
  acquiredAt: string;
  expiresAt: string;
}

export interface HeldLease {
  acquired: true;
  /** True when this lease took over a stale one (expired, or its process is gone). */
  tookOver: boolean;
  /** Give the lease up; false when it was no longer ours (expired and taken over). */
  release(): boolean;
  /** Extend to `now + ttlMs`; false when it was no longer ours. */
  renew(now?: Date): boolean;
}

export type LeaseResult = HeldLease | { acquired: false; heldBy: LeaseHolder };

interface LockRow {
  name: string;
  owner: string;
  token: string;
  pid: number;
  hostname: string;
  acquired_at: string;
  expires_at: string;
}

/**
 * True unless the process with this id certainly does not exist on this machine
 * (ESRCH). EPERM means it exists under another user: alive.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** True when a lease row may be taken over at `now` (see the module comment). */
function isStale(row: LockRow, now: Date): boolean {
  if (Date.parse(row.expires_at) <= now.getTime()) return true;
  return row.hostname === osHostname() && !isProcessAlive(row.pid);
}

/**
 * Take the named lease if it is free or stale, atomically (BEGIN IMMEDIATE). Returns
 * a handle with `release`/`renew`, or who holds it. See the module comment for when a
 * lease counts as stale.
 */
export function acquireLease(db: Database, options: LeaseOptions): LeaseResult {
  if (!Number.isFinite(options.ttlMs) || options.ttlMs <= 0) throw new RangeError(`invalid lease ttl: ${options.ttlMs}`);
  const now = options.now ?? new Date();
  const token = randomUUID();
  const pid = options.pid ?? process.pid;
  const expiresAt = new Date(now.getTime() + options.ttlMs).toISOString();
  const take = db.transaction((): { heldBy: LeaseHolder } | { tookOver: boolean } => {
    const row = db.prepare('SELECT * FROM locks WHERE name = ?').get(options.name) as LockRow | undefined;
    if (row !== undefined && !isStale(row, now)) {
      const { owner, pid: heldPid, hostname, acquired_at: acquiredAt, expires_at: heldUntil } = row;
      return { heldBy: { owner, pid: heldPid, hostname, acquiredAt, expiresAt: heldUntil } };
    }
    db.prepare(
      `INSERT OR REPLACE INTO locks (name, owner, token, pid, hostname, acquired_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(options.name, options.owner, token, pid, osHostname(), now.toISOString(), expiresAt);
    return { tookOver: row !== undefined };
  });
  const outcome = take.immediate();
  if ('heldBy' in outcome) return { acquired: false, heldBy: outcome.heldBy };
  const ours = (sql: string, ...params: unknown[]): boolean => db.prepare(sql).run(...params, options.name, token).changes > 0;
  return {
    acquired: true,
    tookOver: outcome.tookOver,
    release: () => ours('DELETE FROM locks WHERE name = ? AND token = ?'),
    renew: (at = new Date()) =>
      ours('UPDATE locks SET expires_at = ? WHERE name = ? AND token = ?', new Date(at.getTime() + options.ttlMs).toISOString()),
  };
}
