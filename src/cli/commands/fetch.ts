/**
 * `news fetch [url...]`: fetch the URLs named, or with none every subscribed source
 * that is due. One line per URL on stderr (a live progress line on a terminal), exit
 * 1 when anything named failed. A run over the sources holds a lease in the database
 * so overlapping cron runs never fetch twice; it is recorded for `news runs`.
 */
import { Chalk } from 'chalk';
import { hostname } from 'node:os';
import { describeError, UsageError } from '../../errors.js';
import { closeAgent } from '../../fetch/http.js';
import { PoliteFetcher } from '../../fetch/polite-fetch.js';
import { runFetch, type FetchRunSummary, type FetchTarget, type UrlOutcome } from '../../pipeline/fetch-run.js';
import { recordSourceOutcomes, sourceTargets } from '../../pipeline/sources-run.js';
import { terminalLine } from '../../render/sanitize.js';
import { FetchStateStore } from '../../store/fetch-state.js';
import { acquireLease } from '../../store/lock.js';
import { RunStore } from '../../store/runs.js';
import { SourceStore } from '../../store/sources.js';
import type { Io } from '../io.js';
import { openStore } from '../open-store.js';
import { ProgressLine } from '../progress.js';

export interface FetchCommandOptions {
  db?: string;
  json?: boolean;
  quiet?: boolean;
  concurrency: number;
  timeout: number;
  timeLimit: number;
  perHostInterval: number;
  follow: boolean;
  maxItems: number;
  ignoreRobots?: boolean;
  /** Fetch every source now, due or not. */
  force?: boolean;
}

/** A run's lease lasts this long past the run's own time limit (then it is stale). */
const LEASE_SLACK_MS = 60_000;

export async function fetchCommand(urls: string[], options: FetchCommandOptions, io: Io): Promise<number> {
  const { store, db, close } = openStore(options.db, io.env);
  const style = new Chalk({ level: io.colorErr ? 1 : 0 });
  const startedAt = new Date();
  const deadline = startedAt.getTime() + options.timeLimit * 1000;
  const fetchState = new FetchStateStore(db);
  const sources = new SourceStore(db);
  const runs = new RunStore(db);
  const fetcher = new PoliteFetcher({
    perHostIntervalMs: options.perHostInterval,
    concurrency: options.concurrency,
    deadline,
    httpCache: fetchState,
    hostState: fetchState,
    respectRobots: !options.ignoreRobots,
    fetchOptions: { timeoutMs: options.timeout * 1000 },
    // Validators are committed by the run once a response was fully handled.
    deferValidators: true,
  });

  let lease: ReturnType<typeof acquireLease> | null = null;
  let runId: number | null = null;
  const progress = new ProgressLine(io, io.stderrIsTTY && !options.quiet);
  // One try from here on: the lease, the run record, the database and the connection
  // pool are released on every path, errors included.
  try {
    let targets: FetchTarget[];
    if (urls.length > 0) {
      targets = urls.map((url) => ({ url, kind: 'auto', sourceId: null, lang: null }));
    } else {
      if (sources.list().length === 0) {
        throw new UsageError('no URL given and no sources subscribed: news fetch <url...>, or news sources add <url>');
      }
      lease = acquireLease(db, { name: 'fetch', owner: `news fetch on ${hostname()}`, ttlMs: options.timeLimit * 1000 + LEASE_SLACK_MS });
      if (!lease.acquired) {
        // Another run is fetching: not an error for cron, and nothing is fetched twice.
        if (!options.quiet) io.stderr.write(`another news fetch (pid ${lease.heldBy.pid}, since ${lease.heldBy.acquiredAt}) is running; nothing to do\n`);
        if (options.json) io.stdout.write(`${JSON.stringify({ version: 1, skipped: 'another run holds the lock', heldBy: lease.heldBy }, null, 2)}\n`);
        return 0;
      }
      runs.markInterrupted(startedAt, options.timeLimit * 1000 + LEASE_SLACK_MS);
      targets = sourceTargets(options.force ? sources.list() : sources.due(startedAt));
    }

    runId = runs.start({ startedAt });
    let done = 0;
    let newItems = 0;
    let errors = 0;
    if (targets.length > 1) progress.update({ total: targets.length });
    const heldLease = lease?.acquired ? lease : null;
    const summary = await runFetch(targets, {
      store,
      fetcher,
      concurrency: Math.max(options.concurrency * 4, 8),
      follow: options.follow,
      maxItems: options.maxItems,
      onOutcome: (outcome) => {
        if (outcome.via === null) done++;
        if (outcome.ok && outcome.status === 'new') newItems++;
        if (!outcome.ok && outcome.via === null) errors++;
        heldLease?.renew();
        // --quiet keeps real errors only: a followed link that failed was kept from its listing/feed.
        if (!(options.quiet && (outcome.ok || outcome.via !== null))) progress.log(describeOutcome(outcome, style));
        if (targets.length > 1) progress.update({ done, newItems, errors });
      },
    });
    progress.done();
    const finishedAt = new Date();
    // A run over named URLs counts them the way a run over sources counts sources.
    const tally =
      lease !== null
        ? recordSourceOutcomes(sources, targets, summary, finishedAt)
        : { ok: summary.outcomes.filter((o) => o.ok && o.via === null).length, failed: summary.failed };
    const finishedRun = runId;
    runs.finish(finishedRun, {
      finishedAt,
      status: summary.failed > 0 ? 'failed' : 'ok',
      sourcesOk: tally.ok,
      sourcesFailed: tally.failed,
      itemsNew: summary.inserted,
      itemsUpdated: summary.updated,
      errors: summary.outcomes.flatMap((o) => (o.ok ? [] : [`${o.url}: ${o.error}`])), // bounded by RunStore.finish
    });
    runId = null;
    if (!options.quiet) {
      io.stderr.write(`${lease !== null && targets.length === 0 ? 'no source is due' : summaryLine(targets.length, lease !== null, summary)}\n`);
    }
    if (options.json) io.stdout.write(`${JSON.stringify(summaryDocument(summary, finishedRun), null, 2)}\n`);
    return summary.failed > 0 ? 1 : 0;
  } catch (error) {
    // The run record says how it ended, even when it ended in an error.
    if (runId !== null) {
      runs.finish(runId, { finishedAt: new Date(), status: 'failed', sourcesOk: 0, sourcesFailed: 0, itemsNew: 0, itemsUpdated: 0, errors: [describeError(error)] });
    }
    throw error;
  } finally {
    progress.done();
    if (lease?.acquired) lease.release();
    close();
    await closeAgent();
  }
}

function describeOutcome(outcome: UrlOutcome, style: InstanceType<typeof Chalk>): string {
  if (!outcome.ok) {
    if (outcome.via !== null) return `${style.yellow('warn')} ${terminalLine(outcome.url)}: ${terminalLine(outcome.error)} (kept the teaser)`;
    return `${style.red('fail')} ${terminalLine(outcome.url)}: ${terminalLine(outcome.error)}`;
  }
  if (outcome.status === 'not-modified') return `${style.dim('same')} ${terminalLine(outcome.finalUrl)} (not modified)`;
  if (outcome.kind === 'listing' || outcome.kind === 'feed') {
    const what = outcome.followed > 0 ? `following ${outcome.followed} new` : 'nothing new to follow';
    const problems = outcome.problems.length > 0 ? `; ${outcome.problems.map((p) => terminalLine(p)).join('; ')}` : '';
    const noun = outcome.kind === 'feed' ? 'entries' : 'teasers';
    return `${style.cyan(outcome.kind === 'feed' ? 'feed' : 'list')} ${terminalLine(outcome.finalUrl)} ${style.dim('→')} ${outcome.teasers} ${noun}, ${what}${problems}`;
  }
  const title = terminalLine(outcome.article?.title ?? '(no title)');
  const label = outcome.status === 'new' ? style.green('new ') : style.dim('upd ');
  return `${label} ${terminalLine(outcome.finalUrl)} ${style.dim('→')} ${title}`;
}

function summaryLine(targets: number, sources: boolean, summary: FetchRunSummary): string {
  const stored = summary.outcomes.filter((o) => o.ok && o.kind === 'article' && o.status !== 'not-modified').length;
  const warnings = summary.outcomes.filter((o) => !o.ok && o.via !== null).length;
  const what = sources ? `source${targets === 1 ? '' : 's'}` : `URL${targets === 1 ? '' : 's'}`;
  const parts = [`${targets} ${what}: ${stored} stored (${summary.inserted} new, ${summary.updated} updated)`, `${summary.failed} failed`];
  if (warnings > 0) parts.push(`${warnings} link${warnings === 1 ? '' : 's'} failed (teasers kept)`);
  return parts.join(', ');
}

function summaryDocument(summary: FetchRunSummary, runId: number): Record<string, unknown> {
  return {
    version: 1,
    run: runId,
    startedAt: summary.startedAt,
    finishedAt: summary.finishedAt,
    urls: summary.outcomes.length,
    ok: summary.outcomes.filter((o) => o.ok).length,
    failed: summary.failed,
    inserted: summary.inserted,
    updated: summary.updated,
    results: summary.outcomes.map((outcome) =>
      outcome.ok
        ? {
            url: outcome.url, ok: true, kind: outcome.kind, finalUrl: outcome.finalUrl, id: outcome.id, status: outcome.status,
            title: outcome.article?.title ?? null, lang: outcome.article?.lang ?? null, via: outcome.via, source: outcome.sourceId,
            ...(outcome.kind === 'listing' || outcome.kind === 'feed' ? { teasers: outcome.teasers, followed: outcome.followed, problems: outcome.problems } : {}),
          }
        : {
            url: outcome.url, ok: false, error: outcome.error, code: outcome.code, httpStatus: outcome.httpStatus, via: outcome.via,
            source: outcome.sourceId, teaserKept: outcome.teaserKept,
          },
    ),
  };
}
