/**
 * The run log behind `news runs`: one row per `news fetch` over the sources, with
 * its counts and a bounded list of short error messages. A run whose process died
 * (kill -9, crash, reboot) is found later and marked `interrupted`.
 */

import type BetterSqlite3 from 'better-sqlite3';
import { hostname as osHostname } from 'node:os';
import { isProcessAlive } from './lock.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

export type RunStatus = 'running' | 'ok' | 'failed' | 'interrupted';

/** One run as stored. Times are ISO 8601 UTC. */
export interface Run {
  id: number;
  startedAt: string;
  /** `null` while running, and for a run found interrupted (its end is unknown). */
  finishedAt: string | null;
  pid: number;
  hostname: string;
  status: RunStatus;
  sourcesOk: number;
  sourcesFailed: number;
  itemsNew: number;
  itemsUpdated: number;
  errors: string[];
}

/** How a run ended, for `finish`. */
export interface RunResult {
  finishedAt: Date;
  status: 'ok' | 'failed' | 'interrupted';
  sourcesOk: number;
  sourcesFailed: number;
  itemsNew: number;
  itemsUpdated: number;
  errors: readonly string[];
}

/** At most this many error messages are kept per run… */
export const MAX_RUN_ERRORS = 20;
/** …each at most this many characters. */
export const MAX_RUN_ERROR_LENGTH = 300;

interface RunRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  pid: number;
  hostname: string;
  status: string;
  sources_ok: number;
  sources_failed: number;
  items_new: number;
  items_updated: number;
  errors: string;
}

function shorten(message: string): string {
  return message.length > MAX_RUN_ERROR_LENGTH ? `${message.slice(0, MAX_RUN_ERROR_LENGTH - 1)}…` : message;
}

/**
 * The error list as stored: each message shortened to `MAX_RUN_ERROR_LENGTH`, and
 * past `MAX_RUN_ERRORS` the rest replaced by one "… and N more errors" line.
 */
export function boundErrors(errors: readonly string[]): string[] {
  if (errors.length <= MAX_RUN_ERRORS) return errors.map(shorten);
  const kept = errors.slice(0, MAX_RUN_ERRORS - 1).map(shorten);
  return [...kept, `… and ${errors.length - kept.length} more errors`];
}

function parseErrors(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

function toRun(row: RunRow): Run {
  return {
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    pid: row.pid,
    hostname: row.hostname,
    status: row.status as RunStatus,
    sourcesOk: row.sources_ok,
    sourcesFailed: row.sources_failed,
    itemsNew: row.items_new,
    itemsUpdated: row.items_updated,
    errors: parseErrors(row.errors),
  };
}

/** The run log in one SQLite database (see store/database.ts to open one). */
export class RunStore {
  private readonly insertRow: Statement;
  private readonly finishRow: Statement;
  private readonly recentRows: Statement;
  private readonly runningRows: Statement;
  private readonly interruptRow: Statement;
  private readonly interruptAll: BetterSqlite3.Transaction<(now: Date, maxAgeMs: number) => number>;

  constructor(db: Database) {
    this.insertRow = db.prepare(
      "INSERT INTO runs (started_at, pid, hostname, status) VALUES (?, ?, ?, 'running')",
    );
    this.finishRow = db.prepare(`
      UPDATE runs SET finished_at = @finishedAt, status = @status, sources_ok = @sourcesOk,
        sources_failed = @sourcesFailed, items_new = @itemsNew, items_updated = @itemsUpdated, errors = @errors
      WHERE id = @id`);
    this.recentRows = db.prepare('SELECT * FROM runs ORDER BY started_at DESC, id DESC LIMIT ?');
    this.runningRows = db.prepare("SELECT * FROM runs WHERE status = 'running'");
    this.interruptRow = db.prepare("UPDATE runs SET status = 'interrupted', errors = ? WHERE id = ? AND status = 'running'");
    this.interruptAll = db.transaction((now: Date, maxAgeMs: number) => this.interrupt(now, maxAgeMs));
  }

  /** Record a run as started (status `running`) and return its id. */
  start(run: { startedAt: Date; pid?: number }): number {
    const pid = run.pid ?? process.pid;
    return Number(this.insertRow.run(run.startedAt.toISOString(), pid, osHostname()).lastInsertRowid);
  }

  /**
   * Record how a run ended: counts, status and the errors (bounded, see
   * `boundErrors`). Overwrites an `interrupted` mark a too-eager `markInterrupted`
   * left, since the run did end. False when there is no such run.
   */
  finish(id: number, result: RunResult): boolean {
    return (
      this.finishRow.run({
        id,
        finishedAt: result.finishedAt.toISOString(),
        status: result.status,
        sourcesOk: result.sourcesOk,
        sourcesFailed: result.sourcesFailed,
        itemsNew: result.itemsNew,
        itemsUpdated: result.itemsUpdated,
        errors: JSON.stringify(boundErrors(result.errors)),
      }).changes > 0
    );
  }

  /** The `limit` most recent runs, newest first. */
  recent(limit: number): Run[] {
    return (this.recentRows.all(limit) as RunRow[]).map(toRun);
  }

  /**
   * Mark as `interrupted` every run still `running` whose process is gone (same
   * hostname, pid not alive) or that started `maxAgeMs` or more before `now` (use the
   * lease TTL: a run that old no longer holds the lease). Runs of this very process
   * are left alone. Call it after taking the fetch lease. Returns how many were marked.
   */
  markInterrupted(now: Date, maxAgeMs: number): number {
    return this.interruptAll.immediate(now, maxAgeMs);
  }

  /** The body of `markInterrupted`; runs inside an IMMEDIATE transaction. */
  private interrupt(now: Date, maxAgeMs: number): number {
    const host = osHostname();
    let marked = 0;
    for (const row of this.runningRows.all() as RunRow[]) {
      const local = row.hostname === host;
      if (local && row.pid === process.pid) continue;
      const gone = local && !isProcessAlive(row.pid);
      const tooOld = now.getTime() - Date.parse(row.started_at) >= maxAgeMs;
      if (!gone && !tooOld) continue;
      const reason = gone
        ? `interrupted: process ${row.pid} ended without finishing the run`
        : `interrupted: no end recorded within ${Math.round(maxAgeMs / 1000)} s`;
      const errors = boundErrors([...parseErrors(row.errors), reason]);
      marked += this.interruptRow.run(JSON.stringify(errors), row.id).changes;
    }
    return marked;
  }
}
