/**
 * A fetch run: URLs → fetch → analyze → item inputs → store, with a small worker
 * pool. One failing URL never stops the others; writes are batched in transactions.
 */
import { describeError, FetchError } from '../errors.js';
import { fetchPage, type FetchOptions } from '../fetch/http.js';
import { toItemInput } from '../normalize/item.js';
import type { ItemStore } from '../store/items.js';
import type { Article } from '../types.js';
import { analyzeArticle } from './analyze.js';

export type UrlOutcome =
  | {
      ok: true;
      url: string;
      finalUrl: string;
      article: Article;
      /** `new` or `updated` once stored. */
      status: 'new' | 'updated';
      id: number;
    }
  | { ok: false; url: string; error: string; code: string; httpStatus: number | null };

export interface FetchRunOptions {
  store: ItemStore;
  concurrency: number;
  fetch?: FetchOptions;
  /** Called once per URL as soon as its outcome is known (stored or failed). */
  onOutcome?: (outcome: UrlOutcome) => void;
  now?: () => Date;
}

export interface FetchRunSummary {
  startedAt: string;
  finishedAt: string;
  outcomes: UrlOutcome[];
  inserted: number;
  updated: number;
  failed: number;
}

type Fetched = { ok: true; url: string; finalUrl: string; article: Article; fetchedAt: string } | Extract<UrlOutcome, { ok: false }>;

/** Batch size for store writes: one transaction per batch keeps a long run crash-safe and fast. */
const SAVE_BATCH = 25;

export async function runFetch(urls: readonly string[], options: FetchRunOptions): Promise<FetchRunSummary> {
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const outcomes: UrlOutcome[] = new Array(urls.length);
  const pending: { index: number; fetched: Extract<Fetched, { ok: true }> }[] = [];
  let inserted = 0;
  let updated = 0;

  const flush = (): void => {
    if (pending.length === 0) return;
    const batch = pending.splice(0, pending.length);
    const result = options.store.save(batch.map(({ fetched }) => toItemInput({ ...fetched.article, url: fetched.finalUrl }, fetched.fetchedAt)));
    batch.forEach(({ index, fetched }, position) => {
      const { id, status } = result.perInput[position]!;
      outcomes[index] = { ok: true, url: fetched.url, finalUrl: fetched.finalUrl, article: fetched.article, status, id };
      options.onOutcome?.(outcomes[index]!);
    });
    inserted += result.inserted;
    updated += result.updated;
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const index = next++;
      const fetched = await fetchAndAnalyze(urls[index]!, options.fetch ?? {}, now);
      if (fetched.ok) {
        pending.push({ index, fetched });
        if (pending.length >= SAVE_BATCH) flush();
      } else {
        outcomes[index] = fetched;
        options.onOutcome?.(fetched);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, urls.length)) }, () => worker()));
  flush();

  return {
    startedAt,
    finishedAt: now().toISOString(),
    outcomes,
    inserted,
    updated,
    failed: outcomes.filter((o) => !o.ok).length,
  };
}

async function fetchAndAnalyze(url: string, fetchOptions: FetchOptions, now: () => Date): Promise<Fetched> {
  try {
    const page = await fetchPage(url, fetchOptions);
    const article = analyzeArticle(page.text, page.finalUrl);
    return { ok: true, url, finalUrl: page.finalUrl, article, fetchedAt: now().toISOString() };
  } catch (error) {
    if (error instanceof FetchError) return { ok: false, url, error: error.message, code: error.code, httpStatus: error.status };
    return { ok: false, url, error: describeError(error), code: 'extract', httpStatus: null };
  }
}
