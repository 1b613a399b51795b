/**
 * A fetch run: URLs → fetch → analyze → item inputs → store, with a small worker
 * pool. A listing (home/section) page stores its teasers and, unless told not to,
 * follows each new teaser link to extract the full article; what the teaser shows
 * fills any gap the article page leaves. One failing URL never stops the others;
 * writes are batched in transactions.
 */
import { describeError, FetchError } from '../errors.js';
import { fetchPage, type FetchOptions } from '../fetch/http.js';
import { toItemInput } from '../normalize/item.js';
import { urlKey } from '../normalize/url.js';
import type { ItemStore } from '../store/items.js';
import type { Article, ItemInput, Teaser } from '../types.js';
import { analyzePage, teaserArticle, type PageKind } from './analyze.js';

export type UrlOutcome =
  | {
      ok: true;
      url: string;
      finalUrl: string;
      kind: PageKind;
      /** The stored article (for a listing page: its main fields, not stored). */
      article: Article;
      /** `new` or `updated` once stored; `listing` for a listing page itself. */
      status: 'new' | 'updated' | 'listing';
      /** Stored item id; `null` for a listing page. */
      id: number | null;
      /** For a listing page: teasers found and how many were queued to follow. */
      teasers: number;
      followed: number;
      /** For a followed teaser: the listing page it came from. */
      via: string | null;
    }
  | { ok: false; url: string; error: string; code: string; httpStatus: number | null; via: string | null; teaserKept: boolean };

export interface FetchRunOptions {
  store: ItemStore;
  concurrency: number;
  fetch?: FetchOptions;
  /** Follow teaser links of listing pages (default true). */
  follow?: boolean;
  /** At most this many teasers taken from each listing page (default 30). */
  maxItems?: number;
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
  /** URLs named by the user that failed (followed teasers that failed are kept as teasers and not counted). */
  failed: number;
}

interface Task {
  url: string;
  /** Set for a followed teaser: what the listing page showed, and where. */
  teaser: { teaser: Teaser; listingUrl: string; declaredLang: string | null } | null;
}

interface PendingSave {
  input: ItemInput;
  finish: (id: number, status: 'new' | 'updated') => void;
}

/** Batch size for store writes: one transaction per batch keeps a long run crash-safe and fast. */
const SAVE_BATCH = 25;
const DEFAULT_MAX_ITEMS = 30;

export async function runFetch(urls: readonly string[], options: FetchRunOptions): Promise<FetchRunSummary> {
  const now = options.now ?? (() => new Date());
  const follow = options.follow ?? true;
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  const startedAt = now().toISOString();
  const outcomes: UrlOutcome[] = [];
  const pending: PendingSave[] = [];
  const queue: Task[] = urls.map((url) => ({ url, teaser: null }));
  const seen = new Set(urls.map((url) => safeKey(url)));
  let inserted = 0;
  let updated = 0;

  const report = (outcome: UrlOutcome): void => {
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
  };
  const flush = (): void => {
    if (pending.length === 0) return;
    const batch = pending.splice(0, pending.length);
    const result = options.store.save(batch.map((entry) => entry.input));
    inserted += result.inserted;
    updated += result.updated;
    batch.forEach((entry, position) => {
      const { id, status } = result.perInput[position]!;
      entry.finish(id, status);
    });
  };
  const save = (input: ItemInput, finish: PendingSave['finish']): void => {
    pending.push({ input, finish });
    if (pending.length >= SAVE_BATCH) flush();
  };

  const handle = async (task: Task): Promise<void> => {
    const via = task.teaser?.listingUrl ?? null;
    let page;
    try {
      page = await fetchPage(task.url, options.fetch ?? {});
    } catch (error) {
      const failure = describeFailure(error);
      // A teaser whose article page fails is still stored from what the listing showed.
      if (task.teaser !== null) {
        const article = teaserArticle(task.teaser.teaser, task.teaser.declaredLang);
        save(toItemInput({ ...article, url: task.url }, now().toISOString()), () => undefined);
      }
      report({ ok: false, url: task.url, ...failure, via, teaserKept: task.teaser !== null });
      return;
    }
    let analysis;
    try {
      analysis = analyzePage(page.text, page.finalUrl, { teasers: task.teaser === null });
    } catch (error) {
      report({ ok: false, url: task.url, error: `cannot extract the page: ${describeError(error)}`, code: 'extract', httpStatus: page.status, via, teaserKept: false });
      return;
    }
    const fetchedAt = now().toISOString();
    if (analysis.kind === 'listing' && task.teaser === null) {
      const teasers = analysis.teasers.slice(0, maxItems);
      let followed = 0;
      for (const teaser of teasers) {
        const key = safeKey(teaser.url);
        if (seen.has(key)) continue;
        seen.add(key);
        const teaserTask = { teaser, listingUrl: page.finalUrl, declaredLang: analysis.article.declaredLang };
        // Already stored articles are not fetched again on every run; new ones are.
        if (follow && options.store.get(teaser.url) === null) {
          queue.push({ url: teaser.url, teaser: teaserTask });
          followed++;
        } else if (!follow) {
          const article = teaserArticle(teaser, analysis.article.declaredLang);
          save(toItemInput({ ...article, url: teaser.url }, fetchedAt), () => undefined);
        }
      }
      report({
        ok: true, url: task.url, finalUrl: page.finalUrl, kind: 'listing', article: analysis.article,
        status: 'listing', id: null, teasers: analysis.teasers.length, followed, via: null,
      });
      return;
    }
    const article = task.teaser === null ? analysis.article : fillFromTeaser(analysis.article, task.teaser.teaser);
    const finalUrl = page.finalUrl;
    save(toItemInput({ ...article, url: finalUrl }, fetchedAt), (id, status) =>
      report({ ok: true, url: task.url, finalUrl, kind: 'article', article, status, id, teasers: 0, followed: 0, via }),
    );
  };

  let active = 0;
  await new Promise<void>((resolve, reject) => {
    const pump = (): void => {
      while (active < Math.max(1, options.concurrency) && queue.length > 0) {
        const task = queue.shift()!;
        active++;
        handle(task)
          .catch(reject)
          .finally(() => {
            active--;
            pump();
          });
      }
      if (active === 0 && queue.length === 0) resolve();
    };
    pump();
  });
  flush();

  return {
    startedAt,
    finishedAt: now().toISOString(),
    outcomes,
    inserted,
    updated,
    failed: outcomes.filter((o) => !o.ok && o.via === null).length,
  };
}

/** What the article page lacks, the teaser may show (title, summary, byline). */
function fillFromTeaser(article: Article, teaser: Teaser): Article {
  return {
    ...article,
    title: article.title ?? teaser.title,
    summary: article.summary ?? teaser.summary,
    byline: article.byline ?? teaser.byline,
  };
}

function describeFailure(error: unknown): { error: string; code: string; httpStatus: number | null } {
  if (error instanceof FetchError) return { error: error.message, code: error.code, httpStatus: error.status };
  return { error: describeError(error), code: 'extract', httpStatus: null };
}

function safeKey(url: string): string {
  try {
    return urlKey(url);
  } catch {
    return url;
  }
}
