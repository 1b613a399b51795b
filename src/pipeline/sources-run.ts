/**
 * Fetching subscribed sources: the due ones become targets of one fetch run, and
 * each source's outcome is written back (last status, new items, next check with
 * backoff after failures or the host's own Retry-After).
 */
import type { Source, SourceStore } from '../store/sources.js';
import type { FetchRunSummary, FetchTarget } from './fetch-run.js';

export function sourceTargets(sources: readonly Source[]): FetchTarget[] {
  return sources.map((source) => ({ url: source.url, kind: source.kind, sourceId: source.id, lang: source.lang }));
}

export interface SourceTally {
  ok: number;
  failed: number;
}

/** Record each source's result from the run's outcomes; returns how many sources succeeded and failed. */
export function recordSourceOutcomes(
  sources: SourceStore,
  targets: readonly FetchTarget[],
  summary: Pick<FetchRunSummary, 'outcomes' | 'newItemsBySource'>,
  at: Date,
): SourceTally {
  // Each source's own outcome (the first, not a followed link's), found once.
  const ownOutcomes = new Map<number, FetchRunSummary['outcomes'][number]>();
  for (const outcome of summary.outcomes) {
    if (outcome.via === null && outcome.sourceId !== null && !ownOutcomes.has(outcome.sourceId)) ownOutcomes.set(outcome.sourceId, outcome);
  }
  const tally: SourceTally = { ok: 0, failed: 0 };
  for (const target of targets) {
    if (target.sourceId === null) continue;
    const own = ownOutcomes.get(target.sourceId);
    const newItems = summary.newItemsBySource.get(target.sourceId) ?? 0;
    if (own === undefined) continue;
    if (!own.ok && own.code === 'deadline') {
      // Our own time limit, not the source's fault: it stays due for the next run.
      tally.failed++;
      continue;
    }
    if (own.ok) {
      sources.recordSuccess(target.sourceId, { at, status: own.status === 'not-modified' ? 'not-modified' : 'ok', newItems });
      tally.ok++;
    } else {
      sources.recordFailure(target.sourceId, { at, error: own.error, retryAt: own.retryAt === null ? null : new Date(own.retryAt) });
      tally.failed++;
    }
  }
  return tally;
}
