/**
 * Subscribed sources: what to fetch, how often, and how the last attempts went.
 * A failing source is backed off exponentially (capped at a day) but never
 * disabled; `last_error` and `next_check_at` say why and until when.
 */

import type BetterSqlite3 from 'better-sqlite3';
import { UsageError } from '../errors.js';
import { urlKey } from '../normalize/url.js';
import type { Lang } from '../types.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

/** How a source is read: a feed (RSS/Atom/RDF/JSON Feed), a listing page of teasers, or one page. */
export type SourceKind = 'feed' | 'listing' | 'page';

/** Outcome of the last fetch of a source. */
export type SourceStatus = 'ok' | 'not-modified' | 'error';

/** A subscribed source as stored. Times are ISO 8601 UTC; absent values are `null`. */
export interface Source {
  id: number;
  /** The URL as given when subscribing. */
  url: string;
  name: string | null;
  lang: Lang | null;
  kind: SourceKind;
  addedAt: string;
  lastFetchAt: string | null;
  lastStatus: SourceStatus | null;
  lastError: string | null;
  /** New items this source has brought in, over its lifetime. */
  itemsTotal: number;
  consecutiveFailures: number;
  /** When the source is next due; `null` means due now. */
  nextCheckAt: string | null;
  intervalSeconds: number;
}

export interface NewSource {
  url: string;
  name: string | null;
  lang: Lang | null;
  kind: SourceKind;
  /** Normal time between checks; default `DEFAULT_INTERVAL_SECONDS`. */
  intervalSeconds?: number;
  /** When subscribed; default now. */
  addedAt?: Date;
}

/** What `recordFailure` is told: when, why, and the server's own retry time if it gave one. */
export interface FailureInput {
  at: Date;
  error: string;
  /** E.g. from Retry-After; used when later than the computed backoff. */
  retryAt?: Date | null;
}

/** Fifteen minutes between checks unless the user says otherwise. */
export const DEFAULT_INTERVAL_SECONDS = 900;

/** Longest backoff for a failing source (unless its own interval is longer). */
export const MAX_BACKOFF_SECONDS = 24 * 60 * 60;

/** `last_error` is kept to this many characters. */
const MAX_ERROR_LENGTH = 500;

interface SourceRow {
  id: number;
  url: string;
  url_key: string;
  name: string | null;
  lang: string | null;
  kind: string;
  added_at: string;
  last_fetch_at: string | null;
  last_status: string | null;
  last_error: string | null;
  items_total: number;
  consecutive_failures: number;
  next_check_at: string | null;
  interval_seconds: number;
}

const KINDS: readonly string[] = ['feed', 'listing', 'page'];

/**
 * Seconds to wait after the `failures`-th consecutive failure:
 * `interval × 2^failures`, capped at a day (or at the interval itself when that is
 * longer than a day, so backing off never checks sooner than normal).
 */
export function backoffSeconds(intervalSeconds: number, failures: number): number {
  const cap = Math.max(MAX_BACKOFF_SECONDS, intervalSeconds);
  const exponent = Math.min(Math.max(failures, 0), 32);
  return Math.min(intervalSeconds * 2 ** exponent, cap);
}

/**
 * When a source that just failed (for the `failures`-th time in a row, counting this
 * one) is next due: `at + backoffSeconds(…)`, or the server's `retryAt` when later.
 */
export function nextCheckAfterFailure(at: Date, intervalSeconds: number, failures: number, retryAt: Date | null = null): Date {
  const backoff = new Date(at.getTime() + backoffSeconds(intervalSeconds, failures) * 1000);
  return retryAt !== null && retryAt.getTime() > backoff.getTime() ? retryAt : backoff;
}

function toSource(row: SourceRow): Source {
  return {
    id: row.id,
    url: row.url,
    name: row.name,
    lang: row.lang === 'vi' || row.lang === 'en' ? row.lang : null,
    kind: row.kind as SourceKind,
    addedAt: row.added_at,
    lastFetchAt: row.last_fetch_at,
    lastStatus: row.last_status as SourceStatus | null,
    lastError: row.last_error,
    itemsTotal: row.items_total,
    consecutiveFailures: row.consecutive_failures,
    nextCheckAt: row.next_check_at,
    intervalSeconds: row.interval_seconds,
  };
}

/** Reject values the table would refuse, with a message a user can act on. */
function validate(input: NewSource): void {
  if (input.url.trim() === '') throw new UsageError('source URL is empty');
  if (!KINDS.includes(input.kind)) throw new UsageError(`invalid source kind: ${input.kind} (expected feed, listing or page)`);
  if (input.lang !== null && input.lang !== 'vi' && input.lang !== 'en') {
    throw new UsageError(`invalid source language: ${String(input.lang)} (expected vi or en)`);
  }
  const interval = input.intervalSeconds;
  if (interval !== undefined && (!Number.isInteger(interval) || interval <= 0)) {
    throw new UsageError(`invalid check interval: ${interval} (expected a whole number of seconds > 0)`);
  }
}

/** Subscribed sources in one SQLite database (see store/database.ts to open one). */
export class SourceStore {
  private readonly byId: Statement;
  private readonly byUrlKey: Statement;
  private readonly insertRow: Statement;
  private readonly deleteRow: Statement;
  private readonly listRows: Statement;
  private readonly dueRows: Statement;
  private readonly successRow: Statement;
  private readonly failureRow: Statement;
  private readonly insertChecked: BetterSqlite3.Transaction<(input: NewSource) => Source>;
  private readonly failOnce: BetterSqlite3.Transaction<(id: number, failure: FailureInput) => boolean>;

  constructor(db: Database) {
    this.byId = db.prepare('SELECT * FROM sources WHERE id = ?');
    this.byUrlKey = db.prepare('SELECT * FROM sources WHERE url_key = ?');
    this.insertRow = db.prepare(`
      INSERT INTO sources (url, url_key, name, lang, kind, added_at, interval_seconds)
      VALUES (@url, @urlKey, @name, @lang, @kind, @addedAt, @intervalSeconds)`);
    this.deleteRow = db.prepare('DELETE FROM sources WHERE id = ?');
    this.listRows = db.prepare('SELECT * FROM sources ORDER BY id');
    this.dueRows = db.prepare(`
      SELECT * FROM sources
      WHERE next_check_at IS NULL OR next_check_at <= ?
      ORDER BY last_fetch_at ASC, id ASC`);
    this.successRow = db.prepare(`
      UPDATE sources SET
        last_fetch_at = @at, last_status = @status, last_error = NULL,
        items_total = items_total + @newItems, consecutive_failures = 0,
        next_check_at = strftime('%Y-%m-%dT%H:%M:%fZ', @at, '+' || interval_seconds || ' seconds')
      WHERE id = @id`);
    this.failureRow = db.prepare(`
      UPDATE sources SET
        last_fetch_at = @at, last_status = 'error', last_error = @error,
        consecutive_failures = @failures, next_check_at = @nextCheckAt
      WHERE id = @id`);
    this.insertChecked = db.transaction((input: NewSource) => this.insert(input));
    this.failOnce = db.transaction((id: number, failure: FailureInput) => this.fail(id, failure));
  }

  /**
   * Subscribe to a source. The URL is stored as given (trimmed); a URL with the same
   * URL key as an existing source is refused with a `UsageError`
   * ("already subscribed: <url> (id N)"). A new source is due at once.
   */
  add(input: NewSource): Source {
    validate(input);
    return this.insertChecked.immediate(input);
  }

  /** Every source, oldest subscription first. */
  list(): Source[] {
    return (this.listRows.all() as SourceRow[]).map(toSource);
  }

  /** One source by numeric id, or by URL (matched by URL key); `null` when absent. */
  get(idOrUrl: number | string): Source | null {
    const row = this.findRow(idOrUrl);
    return row === undefined ? null : toSource(row);
  }

  /** Unsubscribe (by id or URL); false when there was no such source. Its items stay. */
  remove(idOrUrl: number | string): boolean {
    const row = this.findRow(idOrUrl);
    return row !== undefined && this.deleteRow.run(row.id).changes > 0;
  }

  /** Sources due at `now` (never scheduled, or scheduled at or before `now`), least recently checked first. */
  due(now: Date): Source[] {
    return (this.dueRows.all(now.toISOString()) as SourceRow[]).map(toSource);
  }

  /**
   * A fetch that worked (`ok`) or found nothing changed (`not-modified`): clears the
   * failure count and error, adds `newItems` to the total, and schedules the next
   * check one interval after `at`. False when the source is gone (removed meanwhile).
   */
  recordSuccess(id: number, result: { at: Date; status: 'ok' | 'not-modified'; newItems: number }): boolean {
    const params = { id, at: result.at.toISOString(), status: result.status, newItems: result.newItems };
    return this.successRow.run(params).changes > 0;
  }

  /**
   * A failed fetch: one more consecutive failure, the error kept (shortened), and the
   * next check pushed back by `nextCheckAfterFailure` (or to `retryAt`, e.g. from
   * Retry-After, when that is later). The source is never disabled. False when the
   * source is gone.
   */
  recordFailure(id: number, failure: FailureInput): boolean {
    return this.failOnce.immediate(id, failure);
  }

  /** Insert after checking for a duplicate; runs inside an IMMEDIATE transaction. */
  private insert(input: NewSource): Source {
    const url = input.url.trim();
    const key = urlKey(url);
    const existing = this.byUrlKey.get(key) as SourceRow | undefined;
    if (existing !== undefined) throw new UsageError(`already subscribed: ${existing.url} (id ${existing.id})`);
    const id = Number(
      this.insertRow.run({
        url,
        urlKey: key,
        name: input.name,
        lang: input.lang,
        kind: input.kind,
        addedAt: (input.addedAt ?? new Date()).toISOString(),
        intervalSeconds: input.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS,
      }).lastInsertRowid,
    );
    return toSource(this.byId.get(id) as SourceRow);
  }

  /** The body of `recordFailure`; runs inside an IMMEDIATE transaction. */
  private fail(id: number, failure: FailureInput): boolean {
    const row = this.byId.get(id) as SourceRow | undefined;
    if (row === undefined) return false;
    const failures = row.consecutive_failures + 1;
    const next = nextCheckAfterFailure(failure.at, row.interval_seconds, failures, failure.retryAt ?? null);
    const error = failure.error.length > MAX_ERROR_LENGTH ? `${failure.error.slice(0, MAX_ERROR_LENGTH - 1)}…` : failure.error;
    this.failureRow.run({ id, at: failure.at.toISOString(), error, failures, nextCheckAt: next.toISOString() });
    return true;
  }

  private findRow(idOrUrl: number | string): SourceRow | undefined {
    if (typeof idOrUrl === 'number') return this.byId.get(idOrUrl) as SourceRow | undefined;
    const value = idOrUrl.trim();
    if (/^\d+$/u.test(value)) return this.byId.get(Number(value)) as SourceRow | undefined;
    return this.byUrlKey.get(urlKey(value)) as SourceRow | undefined;
  }
}
