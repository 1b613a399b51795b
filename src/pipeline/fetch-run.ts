/**
 * A fetch run: targets (URLs the user named, or subscribed sources) → fetch →
 * analyze → item inputs → store.
 *
 * - An article page is stored as one item.
 * - A listing (home/section) page yields teasers; a feed yields entries. Each new
 *   link is followed (unless `follow` is off) and extracted as a full article, and
 *   what the teaser or feed entry shows fills any gap the article page leaves. A link
 *   that fails is stored from the teaser/entry alone and reported as a warning.
 * - One failing target never stops the others; writes are batched in transactions.
 */
import { describeError, FetchError } from '../errors.js';
import type { FetchedPage } from '../fetch/http.js';
import { HostNotBeforeError } from '../fetch/politeness.js';
import { RateLimitedError } from '../fetch/retry-after.js';
import { toItemInput } from '../normalize/item.js';
import { languageTag } from '../normalize/lang.js';
import { urlKey } from '../normalize/url.js';
import type { ItemStore } from '../store/items.js';
import type { Article, Item, ItemInput } from '../types.js';
import { analyzePage, hintArticle, type Hint, type PageKind } from './analyze.js';

/** How a target is read: `auto` decides between article and listing from the page. */
export type TargetKind = 'auto' | 'feed' | 'listing' | 'page';

export interface FetchTarget {
  url: string;
  kind: TargetKind;
  /** The subscribed source this target is, or `null` for a URL named on the command line. */
  sourceId: number | null;
  /** A language prior for the source (`sources add --lang`), or `null`. */
  lang: string | null;
}

/** Fetches one URL. `explicit` pages were named by the user (robots.txt does not apply). */
export interface PageFetcher {
  fetch(url: string, options: { explicit: boolean; accept: 'html' | 'any'; conditional: boolean }): Promise<FetchedPage>;
  /** Remember a conditional response's validators once it was fully handled (see PoliteFetcher). */
  commitValidators?(url: string, page: FetchedPage): void;
}

export type UrlOutcome =
  | {
      ok: true;
      url: string;
      finalUrl: string;
      kind: PageKind | 'feed';
      /** The stored article (for a listing page or feed: its main fields, not stored). */
      article: Article | null;
      /** `new`/`updated` once stored; `listing`/`feed` for a page of links; `not-modified` after a 304. */
      status: 'new' | 'updated' | 'listing' | 'feed' | 'not-modified';
      /** Stored item id; `null` for a listing page or feed. */
      id: number | null;
      /** For a listing page or feed: links found and how many were queued to follow. */
      teasers: number;
      followed: number;
      /** For a followed link: the listing page or feed it came from. */
      via: string | null;
      sourceId: number | null;
      /** Parts of a broken feed that could not be read. */
      problems: string[];
    }
  | {
      ok: false;
      url: string;
      error: string;
      code: string;
      httpStatus: number | null;
      via: string | null;
      sourceId: number | null;
      /** For a followed link: the teaser/entry was stored instead. */
      teaserKept: boolean;
      /** Epoch ms before which the host asked not to be contacted (429/503 Retry-After). */
      retryAt: number | null;
    };

export interface FetchRunOptions {
  store: ItemStore;
  fetcher: PageFetcher;
  /** Targets worked on at once (the fetcher may still queue them per host). */
  concurrency: number;
  /** Follow links of listing pages and feeds (default true). */
  follow?: boolean;
  /** At most this many links taken from each listing page or feed (default 30). */
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
  /** Targets that failed (followed links that failed are kept as teasers and not counted). */
  failed: number;
  /** New items stored per source id (followed articles and kept teasers alike). */
  newItemsBySource: Map<number, number>;
}

interface Task {
  url: string;
  target: FetchTarget;
  /** Set for a followed link: what the listing page or feed showed, and where. */
  hint: { hint: Hint; via: string } | null;
}

interface PendingSave {
  input: ItemInput;
  sourceId: number | null;
  finish: (id: number, status: 'new' | 'updated') => void;
}

/**
 * Store writes are batched, one transaction per batch, and a batch is written when it
 * is full or has waited this long, so a run killed midway loses at most that much.
 */
const SAVE_BATCH = 25;
const SAVE_WAIT_MS = 500;
const DEFAULT_MAX_ITEMS = 30;

export async function runFetch(targets: readonly FetchTarget[], options: FetchRunOptions): Promise<FetchRunSummary> {
  const now = options.now ?? (() => new Date());
  const follow = options.follow ?? true;
  const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
  const startedAt = now().toISOString();
  const outcomes: UrlOutcome[] = [];
  const pending: PendingSave[] = [];
  const queue: Task[] = targets.map((target) => ({ url: target.url, target, hint: null }));
  const seen = new Set(targets.map((target) => urlKey(target.url)));
  // Distinct items: two URLs of one article in a run are one item.
  const insertedIds = new Set<number>();
  const updatedIds = new Set<number>();
  let lastFlush = Date.now();
  let storeFailed = false;
  /** Conditional responses handled in full: their validators are committed at the end. */
  const handled: { url: string; page: FetchedPage }[] = [];
  const newItemsBySource = new Map<number, number>();

  const report = (outcome: UrlOutcome): void => {
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
  };
  const record = (entry: PendingSave, id: number, status: 'new' | 'updated'): void => {
    if (status === 'new') insertedIds.add(id);
    else if (!insertedIds.has(id)) updatedIds.add(id);
    if (status === 'new' && entry.sourceId !== null) newItemsBySource.set(entry.sourceId, (newItemsBySource.get(entry.sourceId) ?? 0) + 1);
    entry.finish(id, status);
  };
  /**
   * Write what is waiting. Never throws: when a batch fails (the database busy or
   * full), each item is tried on its own and the ones that still fail are reported.
   */
  const flush = (): void => {
    if (pending.length === 0) return;
    lastFlush = Date.now();
    const batch = pending.splice(0, pending.length);
    try {
      const result = options.store.save(batch.map((entry) => entry.input));
      batch.forEach((entry, position) => {
        const { id, status } = result.perInput[position]!;
        record(entry, id, status);
      });
      return;
    } catch {
      // Fall through: one transaction per item, so one bad item cannot sink the others.
    }
    for (const entry of batch) {
      try {
        const { id, status } = options.store.save([entry.input]).perInput[0]!;
        record(entry, id, status);
      } catch (error) {
        storeFailed = true;
        report({
          ok: false, url: entry.input.url, error: `cannot store the item: ${describeError(error)}`, code: 'store', httpStatus: null,
          via: null, sourceId: entry.sourceId, teaserKept: false, retryAt: null,
        });
      }
    }
  };
  const save = (article: Article & { url: string }, sourceId: number | null, finish: PendingSave['finish'] = () => undefined): void => {
    pending.push({ input: toItemInput(article, now().toISOString()), sourceId, finish });
    if (pending.length >= SAVE_BATCH || Date.now() - lastFlush >= SAVE_WAIT_MS) flush();
  };

  /** Store what a teaser or feed entry shows about the article at `url`. */
  const saveHint = (hint: Hint, url: string, sourceId: number | null): void => save({ ...hintArticle(hint), url }, sourceId);

  /** Queue (or, without follow, store) the new links of a listing page or feed. */
  const takeLinks = (hints: Hint[], via: string, target: FetchTarget): number => {
    let followed = 0;
    for (const hint of hints.slice(0, maxItems)) {
      const key = urlKey(hint.url);
      if (seen.has(key)) continue;
      seen.add(key);
      // Articles already stored are not fetched again on every run; new ones, and ones
      // stored from a teaser alone (an earlier failure or --no-follow), are.
      const stored = options.store.get(hint.url);
      if (stored !== null && !(follow && isTeaserOnly(stored))) continue;
      if (follow) {
        queue.push({ url: hint.url, target, hint: { hint, via } });
        followed++;
      } else {
        saveHint(hint, hint.url, target.sourceId);
      }
    }
    return followed;
  };

  const handle = async (task: Task): Promise<void> => {
    const { target } = task;
    const via = task.hint?.via ?? null;
    const isFeed = task.hint === null && target.kind === 'feed';
    let page: FetchedPage;
    try {
      page = await options.fetcher.fetch(task.url, {
        explicit: task.hint === null,
        accept: isFeed ? 'any' : 'html',
        conditional: task.hint === null && target.sourceId !== null,
      });
    } catch (error) {
      // A followed link that fails is still stored from what the listing or feed showed.
      if (task.hint !== null) saveHint(task.hint.hint, task.url, target.sourceId);
      report({ ok: false, url: task.url, ...describeFailure(error), via, sourceId: target.sourceId, teaserKept: task.hint !== null });
      return;
    }
    const base = { ok: true as const, url: task.url, finalUrl: page.finalUrl, via, sourceId: target.sourceId, problems: [] as string[] };
    // A source's own URL, once read (or not modified): its validators are committed at the end.
    const markHandled = (): void => {
      if (task.hint === null && target.sourceId !== null) handled.push({ url: task.url, page });
    };
    if (page.notModified) {
      markHandled();
      report({ ...base, kind: isFeed ? 'feed' : 'article', article: null, status: 'not-modified', id: null, teasers: 0, followed: 0 });
      return;
    }
    try {
      if (isFeed) {
        const { parseFeed } = await import('../feeds/parse.js');
        const feed = parseFeed(page.text, { url: page.finalUrl, contentType: page.contentType });
        // The user's --lang for the source beats the feed's own <language>.
        const declaredLang = target.lang ?? (feed.language === null ? null : languageTag(feed.language));
        const hints: Hint[] = feed.items.flatMap((item) =>
          item.url === null ? [] : [{ url: item.url, title: item.title, summary: item.summary, byline: item.byline, attribution: item.attribution, publishedAt: item.publishedAt, declaredLang }],
        );
        const followed = takeLinks(hints, page.finalUrl, target);
        markHandled();
        report({ ...base, kind: 'feed', article: null, status: 'feed', id: null, teasers: hints.length, followed, problems: feed.problems });
        return;
      }
      const wantTeasers = task.hint === null && target.kind !== 'page';
      const analysis = analyzePage(page.text, page.finalUrl, { teasers: wantTeasers, declaredLang: target.lang });
      const isListing = wantTeasers && (target.kind === 'listing' || analysis.kind === 'listing');
      if (isListing) {
        const hints = analysis.teasers.map((teaser) => ({ ...teaser, attribution: null, publishedAt: null, declaredLang: analysis.article.declaredLang }));
        const followed = takeLinks(hints, page.finalUrl, target);
        markHandled();
        report({ ...base, kind: 'listing', article: analysis.article, status: 'listing', id: null, teasers: analysis.teasers.length, followed });
        return;
      }
      const article = task.hint === null ? analysis.article : fillFromHint(analysis.article, task.hint.hint);
      markHandled();
      save({ ...article, url: page.finalUrl }, target.sourceId, (id, status) => report({ ...base, kind: 'article', article, status, id, teasers: 0, followed: 0 }));
    } catch (error) {
      // Like a failed fetch: a followed link keeps its teaser; a target is not "handled".
      if (task.hint !== null) saveHint(task.hint.hint, task.url, target.sourceId);
      report({
        ok: false, url: task.url, error: `cannot read the page: ${describeError(error)}`, code: error instanceof FetchError ? error.code : 'extract',
        httpStatus: page.status, via, sourceId: target.sourceId, teaserKept: task.hint !== null, retryAt: null,
      });
    }
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
            try {
              // Write what is waiting when the run goes quiet or the batch has waited long enough.
              if (queue.length === 0 || Date.now() - lastFlush >= SAVE_WAIT_MS) flush();
            } finally {
              pump();
            }
          });
      }
      if (active === 0 && queue.length === 0) resolve();
    };
    pump();
  });
  flush();
  // Validators only now: a run that dies midway re-reads its feeds next time instead of getting a 304.
  if (!storeFailed) for (const { url, page } of handled) options.fetcher.commitValidators?.(url, page);

  return {
    startedAt,
    finishedAt: now().toISOString(),
    outcomes,
    inserted: insertedIds.size,
    updated: updatedIds.size,
    failed: outcomes.filter((o) => !o.ok && o.via === null).length,
    newItemsBySource,
  };
}

/**
 * An item stored from a teaser or feed entry alone: nothing the article page gives
 * (site name, canonical URL, image) was ever read. Such items are followed again.
 */
function isTeaserOnly(item: Item): boolean {
  return item.siteName === null && item.canonicalUrl === null && item.imageUrl === null;
}

/** What the article page lacks, the teaser or feed entry may show. */
function fillFromHint(article: Article, hint: Hint): Article {
  return {
    ...article,
    title: article.title ?? hint.title,
    summary: article.summary ?? hint.summary,
    byline: article.byline ?? hint.byline,
    attribution: article.attribution ?? hint.attribution,
    publishedAt: article.publishedAt ?? hint.publishedAt,
  };
}

function describeFailure(error: unknown): { error: string; code: string; httpStatus: number | null; retryAt: number | null } {
  if (error instanceof FetchError) {
    // Rate limits and paused hosts say when to come back.
    const at = error instanceof RateLimitedError ? error.retryAt : error instanceof HostNotBeforeError ? error.notBefore : null;
    return { error: error.message, code: error.code, httpStatus: error.status, retryAt: at };
  }
  return { error: describeError(error), code: 'extract', httpStatus: null, retryAt: null };
}

