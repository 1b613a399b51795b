/**
 * The item table: saving with dedup, listing newest first, lookups. Item SQL lives
 * here, but for what the search index, the URL pairs and story filing own
 * (search-index.ts, url-index.ts, stories.ts); statements are prepared once per store.
 */

import type BetterSqlite3 from 'better-sqlite3';
import { UsageError } from '../errors.js';
import { urlKey } from '../normalize/url.js';
import type { GroupedItem, Item, ItemFilter, ItemInput, Lang } from '../types.js';
import { filterConditions } from './item-filter.js';
import { SearchIndex } from './search-index.js';
import { parseSearchQuery } from './search-query.js';
import { CANDIDATES, SearchRanker } from './search.js';
import { type Filing, StoryIndex } from './stories.js';
import { urlHash } from './url-hash.js';
import { UrlIndex } from './url-index.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

/**
 * A row of ITEM_COLUMNS as the item reads return it: an array in the columns' order
 * (raw mode). Reading 100k rows this way took 454–500 ms against 640–770 ms for an
 * object per row, which an export then turns into an Item anyway.
 */
type ItemRow = [
  id: number,
  url: string,
  canonicalUrl: string | null,
  title: string | null,
  byline: string | null,
  attribution: string | null,
  summary: string | null,
  lang: string | null,
  declaredLang: string | null,
  langSource: string | null,
  publishedAt: string | null,
  siteName: string | null,
  imageUrl: string | null,
  source: string,
  storyId: number | null,
  firstSeenAt: string,
  fetchedAt: string,
  updatedAt: string,
  sortAt: string,
];

/** What a save needs of the row an input matched (MATCH_COLUMNS): the id, and what the search index and story filing compare. */
interface MatchRow {
  id: number;
  title: string | null;
  summary: string | null;
  byline: string | null;
  sort_at: string;
}

/**
 * What `save` did: rows created, existing rows updated, and the saved items. `items`
 * is read from the database on first access (after the save: the rows as they are then).
 */
export interface SaveResult {
  inserted: number;
  updated: number;
  items: Item[];
  /** One entry per input, in input order: the row it landed on and whether that row is new. */
  perInput: { id: number; status: 'new' | 'updated' }[];
}

const COLUMNS_FROM_INPUT = `canonical_url, canonical_key, content_key, title, byline, attribution, summary,
  lang, declared_lang, lang_source, published_at, site_name, image_url, source`;

// `canonical_key` is NULL when the canonical URL is the item's own (url_key): most
// items, whose index entries then cost nothing to write (a NULL key appends, a URL
// lands on a random page); the dedup arms below find those items by url_key.
// Bound by position from an array (insertValues): better-sqlite3 binds an object by
// looking each name up on it, ~4% of a save at 1M items for this statement.
const INSERT_COLUMNS = `url, url_key, url_hash, ${COLUMNS_FROM_INPUT}, first_seen_at, fetched_at, updated_at, sort_at,
  story_id, story_keys, story_at`;
const INSERT_SQL = `INSERT INTO items (${INSERT_COLUMNS}) VALUES (${INSERT_COLUMNS.replace(/\w+/gu, '?')})`;

// SQLite evaluates every SET expression against the old row, so `sort_at` sees the old
// `published_at`. A new NULL never erases an old value (COALESCE(new, old)).
const UPDATE_SQL = `
  UPDATE items SET
    url = CASE WHEN url_key = @urlKey THEN @url ELSE url END,
    canonical_url = COALESCE(@canonicalUrl, canonical_url),
    canonical_key = CASE WHEN @canonicalKey IS NULL THEN canonical_key WHEN @canonicalKey = url_key THEN NULL ELSE @canonicalKey END,
    content_key = COALESCE(@contentKey, content_key),
    title = COALESCE(@title, title),
    byline = COALESCE(@byline, byline),
    attribution = COALESCE(@attribution, attribution),
    summary = COALESCE(@summary, summary),
    lang = COALESCE(@lang, lang),
    declared_lang = COALESCE(@declaredLang, declared_lang),
    lang_source = CASE WHEN @lang IS NULL THEN lang_source ELSE @langSource END,
    published_at = COALESCE(@publishedAt, published_at),
    site_name = COALESCE(@siteName, site_name),
    image_url = COALESCE(@imageUrl, image_url),
    source = @source,
    fetched_at = @fetchedAt,
    updated_at = @fetchedAt,
    sort_at = COALESCE(@publishedAt, published_at, first_seen_at)
  WHERE id = @id`;

/**
 * The columns an Item is made of (toItem, in ItemRow's order), plus `sort_at` for
 * ordering: every read of items, so the keys (URL, content, story) never cost a string.
 */
const ITEM_COLUMNS = `id, url, canonical_url, title, byline, attribution, summary, lang, declared_lang, lang_source,
  published_at, site_name, image_url, source, story_id, first_seen_at, fetched_at, updated_at, sort_at`;

/** The columns of MatchRow. */
const MATCH_COLUMNS = 'id, title, summary, byline, sort_at';

/** MATCH_COLUMNS of `items i` in a join. */
const MATCH_COLUMNS_OF_I = MATCH_COLUMNS.replace(/\w+/gu, 'i.$&');

/**
 * The row an input is the same item as, in `save`'s order of precedence, in one
 * statement: SQLite runs UNION ALL arms in order and stops at the first row (each arm
 * is one index seek; a NULL key matches nothing). 2.4 µs against 5.5 µs for an outer
 * ORDER BY, which makes SQLite run every arm and sort. URL keys are found through
 * their hash, in the recent pairs and then the rest (store/url-index.ts). Exported
 * for its query-plan test.
 */
export const MATCH_SQL = `
  SELECT * FROM (SELECT 1 AS precedence, ${MATCH_COLUMNS_OF_I} FROM item_urls_recent u JOIN items i ON i.id = u.id
    WHERE u.url_hash = @urlHash AND i.url_key = @urlKey)
  UNION ALL SELECT * FROM (SELECT 1, ${MATCH_COLUMNS_OF_I} FROM item_urls u JOIN items i ON i.id = u.id
    WHERE u.url_hash = @urlHash AND i.url_key = @urlKey)
  UNION ALL SELECT * FROM (SELECT 2, ${MATCH_COLUMNS} FROM items WHERE canonical_key = @urlKey ORDER BY id LIMIT 1)
  UNION ALL SELECT * FROM (SELECT 3, ${MATCH_COLUMNS_OF_I} FROM item_urls_recent u JOIN items i ON i.id = u.id
    WHERE u.url_hash = @canonicalHash AND i.url_key = @canonicalKey)
  UNION ALL SELECT * FROM (SELECT 3, ${MATCH_COLUMNS_OF_I} FROM item_urls u JOIN items i ON i.id = u.id
    WHERE u.url_hash = @canonicalHash AND i.url_key = @canonicalKey)
  UNION ALL SELECT * FROM (SELECT 4, ${MATCH_COLUMNS} FROM items WHERE canonical_key = @canonicalKey ORDER BY id LIMIT 1)
  UNION ALL SELECT * FROM (SELECT 5, ${MATCH_COLUMNS} FROM items WHERE content_key = @contentKey ORDER BY id LIMIT 1)
  LIMIT 1`;

const LIST_SQL = `
  SELECT ${ITEM_COLUMNS} FROM items
  WHERE ${filterConditions('')}
    AND (@search IS NULL OR id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH @search))
  ORDER BY sort_at DESC, id DESC
  LIMIT @limit`;

/** The list's rows regrouped for digests: language (vi, en, other), site name, newest first. */
const GROUPED_SQL = `
  SELECT * FROM (${LIST_SQL})
  ORDER BY CASE lang WHEN 'vi' THEN 0 WHEN 'en' THEN 1 ELSE 2 END,
    COALESCE(site_name, source) COLLATE NOCASE, COALESCE(site_name, source), sort_at DESC, id DESC`;

/** Order of `ItemStore.iterate`: newest first, or grouped by language and site (digests). */
export type ItemOrder = 'newest' | 'grouped';

/** Rows turned into items lazily, one per step. */
function* mapRows(rows: IterableIterator<ItemRow>): IterableIterator<Item> {
  for (const row of rows) yield toItem(row);
}

/** Case-folding for the site-name filter: SQLite's `lower()` only folds ASCII ("Đ"). */
function lowerText(value: unknown): string | null {
  return typeof value === 'string' ? value.normalize('NFC').toLowerCase() : null;
}

/**
 * Timestamps already in the one ISO form, with a day every month has: parsing and
 * printing them again gives the same text (days 29–31 and hour 24 can roll over).
 * The pipeline's dates are all in this form; skipping Date saves ~2.5 µs a save.
 */
const PLAIN_CANONICAL_ISO = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/u;

/** A timestamp in the one ISO form (`…T03:30:00.000Z`) so string order is time order. */
export function canonicalIso(value: string): string {
  if (PLAIN_CANONICAL_ISO.test(value)) return value;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

/** A UsageError unless `limit` is null or a whole number ≥ 0. */
function checkLimit(limit: number | null): void {
  if (limit !== null && (!Number.isInteger(limit) || limit < 0)) throw new UsageError(`invalid limit: ${limit}`);
}

/** A filter bound as canonical ISO, or a UsageError naming the bad value. */
function filterBound(name: string, value: string | null): string | null {
  if (value === null) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new UsageError(`invalid ${name} date: ${value}`);
  return new Date(ms).toISOString();
}

function toLang(value: string | null): Lang | null {
  return value === 'vi' || value === 'en' ? value : null;
}

function toItem([id, url, canonicalUrl, title, byline, attribution, summary, lang, declaredLang, langSource, publishedAt,
  siteName, imageUrl, source, storyId, firstSeenAt, fetchedAt, updatedAt]: ItemRow): Item {
  return {
    id,
    url,
    canonicalUrl,
    title,
    byline,
    attribution,
    summary,
    lang: toLang(lang),
    declaredLang,
    langSource,
    publishedAt,
    firstSeenAt,
    fetchedAt,
    updatedAt,
    siteName,
    imageUrl,
    source,
    // NULL: a new item that stands alone is its own story (store/stories.ts).
    storyId: storyId ?? id,
  };
}

/** Named parameters of MATCH_SQL; `keyHash` is `urlHash(key)`. */
function matchParams(
  key: string,
  keyHash: number,
  canonicalKey: string | null,
  contentKey: string | null,
): Record<string, string | number | null> {
  return {
    urlKey: key,
    urlHash: keyHash,
    canonicalKey,
    canonicalHash: canonicalKey === null ? null : urlHash(canonicalKey),
    contentKey,
  };
}

/** An input's times as stored (canonicalIso). */
interface StoredTimes {
  publishedAt: string | null;
  fetchedAt: string;
}

function storedTimes(input: ItemInput): StoredTimes {
  return {
    publishedAt: input.publishedAt === null ? null : canonicalIso(input.publishedAt),
    fetchedAt: canonicalIso(input.fetchedAt),
  };
}

/** The time a row sorts by: published, else first seen (for a new row, the fetch time). */
function sortTime({ publishedAt, fetchedAt }: StoredTimes): string {
  return publishedAt ?? fetchedAt;
}

/**
 * INSERT_SQL's values, in INSERT_COLUMNS' order, for a new item filed under its story
 * (`keyHash` is `urlHash(input.urlKey)`): a canonical key equal to the URL key is
 * stored as NULL; first seen, fetched and updated are the fetch time.
 */
function insertValues(input: ItemInput, keyHash: number, times: StoredTimes, filing: Filing): (string | number | null)[] {
  const { publishedAt, fetchedAt } = times;
  return [
    input.url, input.urlKey, keyHash, input.canonicalUrl, input.canonicalKey === input.urlKey ? null : input.canonicalKey,
    input.contentKey, input.title, input.byline, input.attribution, input.summary, input.lang, input.declaredLang,
    input.langSource, publishedAt, input.siteName, input.imageUrl, input.source,
    fetchedAt, fetchedAt, fetchedAt, sortTime(times), filing.story, filing.keysJson, filing.keysAt,
  ];
}

/** UPDATE_SQL's named parameters: the input's values, for the row `id`. */
function updateParams(input: ItemInput, id: number): Record<string, string | number | null> {
  const { publishedAt, fetchedAt } = storedTimes(input);
  return {
    id,
    url: input.url,
    urlKey: input.urlKey,
    canonicalUrl: input.canonicalUrl,
    canonicalKey: input.canonicalKey,
    contentKey: input.contentKey,
    title: input.title,
    byline: input.byline,
    attribution: input.attribution,
    summary: input.summary,
    lang: input.lang,
    declaredLang: input.declaredLang,
    langSource: input.langSource,
    publishedAt,
    siteName: input.siteName,
    imageUrl: input.imageUrl,
    source: input.source,
    fetchedAt,
  };
}

/** Saved news items in one SQLite database (see store/database.ts to open one). */
export class ItemStore {
  private readonly byId: Statement;
  private readonly matchRow: Statement;
  private readonly insertRow: Statement;
  private readonly updateRow: Statement;
  private readonly listRows: Statement;
  private readonly groupedRows: Statement;
  private readonly countRows: Statement;
  private readonly saveBatch: (inputs: readonly ItemInput[]) => SaveResult;
  private readonly stories: StoryIndex;
  /** The full-text index, kept in step by `save` (store/search-index.ts). */
  private readonly searchIndex: SearchIndex;
  /** Where new items' URL hashes go (store/url-index.ts). */
  private readonly urlIndex: UrlIndex;
  private readonly ranker: SearchRanker;

  constructor(db: Database) {
    db.function('news_lower', { deterministic: true }, lowerText);
    this.byId = db.prepare(`SELECT ${ITEM_COLUMNS} FROM items WHERE id = ?`).raw();
    this.matchRow = db.prepare(MATCH_SQL);
    this.insertRow = db.prepare(INSERT_SQL);
    this.updateRow = db.prepare(UPDATE_SQL);
    this.listRows = db.prepare(LIST_SQL).raw();
    this.groupedRows = db.prepare(GROUPED_SQL).raw();
    this.countRows = db.prepare('SELECT COUNT(*) FROM items').pluck();
    // IMMEDIATE: take the write lock (waiting up to busy_timeout) before the first read,
    // so another writer cannot commit between our dedup lookups and our writes.
    this.saveBatch = db.transaction((inputs: readonly ItemInput[]) => this.saveAll(inputs)).immediate;
    this.stories = new StoryIndex(db);
    this.searchIndex = new SearchIndex(db);
    this.urlIndex = new UrlIndex(db);
    this.ranker = new SearchRanker(db);
  }

  /**
   * Save a batch in one transaction. Each input updates the existing row for the same
   * item, else inserts one. Same item means, in this order: the same URL key; an
   * existing canonical key equal to the input's URL key; an existing URL or canonical
   * key equal to the input's canonical key; the same content key (when not null).
   * An update keeps `first_seen_at` (and the row's URL key), sets `fetched_at` and
   * `updated_at` to the input's `fetchedAt`, and replaces fields with the new values
   * except that a new null never erases an old value. Duplicates inside the batch
   * land on one row. `inserted + updated` equals `items.length` (distinct rows).
   * Each saved row is filed under its story in the same transaction (store/stories.ts).
   */
  save(inputs: readonly ItemInput[]): SaveResult {
    try {
      return this.saveBatch(inputs);
    } catch (error) {
      // Rolled back: what the story index kept in memory may name rows that are gone.
      this.stories.forget();
      throw error;
    }
  }

  /** Items newest first (`sort_at` = published, else first seen; then id), filtered. */
  list(filter: ItemFilter): Item[] {
    const rows = this.listRows.all(this.filterParams(filter)) as ItemRow[];
    return rows.map(toItem);
  }

  /**
   * The same items as `list`, read one row at a time so a big export never holds them
   * all in memory. `newest`: list's order. `grouped`: the same items (the newest
   * `limit`) ordered for sectioned digests: language (vi, en, other), then site name
   * (or source), then newest first. The filter is checked now. Until the iteration
   * ends (or the loop breaks) the connection is busy: reads work, writes throw.
   */
  iterate(filter: ItemFilter, order: ItemOrder = 'newest'): IterableIterator<Item> {
    const statement = order === 'grouped' ? this.groupedRows : this.listRows;
    const rows = statement.iterate(this.filterParams(filter)) as IterableIterator<ItemRow>;
    return mapRows(rows);
  }

  /**
   * `list` with each story once: newest first, a story shown by its newest item that
   * passes the filter, with the story's other items (whatever the filter) as `also`.
   * `limit` counts stories. Nothing is hidden for good: `list` shows every item.
   */
  listStories(filter: ItemFilter): GroupedItem[] {
    checkLimit(filter.limit);
    return [...this.groupStories(this.iterate({ ...filter, limit: null }), filter.limit)];
  }

  /**
   * Collapse items (e.g. from `iterate`, read lazily) to one per story, in their order:
   * the first item of each story, with the story's other items as `also`. `limit`
   * counts stories (`null`: all).
   */
  groupStories(items: Iterable<Item>, limit: number | null = null): IterableIterator<GroupedItem> {
    return this.stories.collapse(items, limit);
  }

  /** Named parameters of the list query for a filter; a UsageError on a bad limit or date. */
  private filterParams(filter: ItemFilter): Record<string, string | number | null> {
    checkLimit(filter.limit);
    const source = filter.source === null ? null : lowerText(filter.source.trim());
    return {
      lang: filter.lang,
      source: source === '' ? null : source,
      since: filterBound('since', filter.since),
      until: filterBound('until', filter.until),
      limit: filter.limit ?? -1,
      search: filter.search === undefined || filter.search === null ? null : parseSearchQuery(filter.search).match,
    };
  }

  /**
   * Full-text search (store/search-query.ts for the query language): items matching
   * `query` and the filter, best first — the diacritics as typed, then bm25 relevance,
   * then newest (store/search.ts) — at most `filter.limit` (`null`: every ranked
   * candidate, i.e. the newest 1,000 matches). `filter.search` is ignored. A query
   * that asks for nothing is a UsageError.
   */
  search(query: string, filter: ItemFilter): Item[] {
    return [...this.searchRanked(query, filter)];
  }

  /**
   * `search` with each story once, in rank order: a story shown by its best-ranked
   * item, with its other items as `also`. `limit` counts stories.
   */
  searchStories(query: string, filter: ItemFilter): GroupedItem[] {
    checkLimit(filter.limit);
    const ranked = this.searchRanked(query, { ...filter, limit: Math.max(CANDIDATES, filter.limit ?? 0) });
    return [...this.groupStories(ranked, filter.limit)];
  }

  /** `search`, read lazily (so `groupStories` reads only the items it needs). */
  private searchRanked(query: string, filter: ItemFilter): IterableIterator<Item> {
    const parsed = parseSearchQuery(query);
    const params = this.filterParams({ ...filter, search: null });
    return this.itemsById(this.ranker.rank(parsed, params, filter.limit));
  }

  /** Items for ids, in order, read one at a time. */
  private *itemsById(ids: readonly number[]): Generator<Item> {
    for (const id of ids) {
      const row = this.byId.get(id) as ItemRow | undefined;
      if (row !== undefined) yield toItem(row);
    }
  }

  /** One item by numeric id, or by URL (matched by URL key, then canonical key); `null` when absent. */
  get(idOrUrl: string): Item | null {
    const value = idOrUrl.trim();
    if (/^\d+$/u.test(value)) {
      const row = this.byId.get(Number(value)) as ItemRow | undefined;
      return row === undefined ? null : toItem(row);
    }
    const key = urlKey(value);
    // MATCH_SQL's first two arms: the URL key, then the first item naming it as canonical.
    const match = this.matchRow.get(matchParams(key, urlHash(key), null, null)) as MatchRow | undefined;
    const row = match === undefined ? undefined : (this.byId.get(match.id) as ItemRow | undefined);
    return row === undefined ? null : toItem(row);
  }

  /** Number of stored items. */
  count(): number {
    return this.countRows.get() as number;
  }

  /** The row an input is the same item as, or undefined (see `save` for the order); `keyHash` is its URL key's hash. */
  private findMatch(input: ItemInput, keyHash: number): MatchRow | undefined {
    // A canonical key equal to the URL key (most items) would only repeat arms 1 and 2.
    const canonicalKey = input.canonicalKey === input.urlKey ? null : input.canonicalKey;
    return this.matchRow.get(matchParams(input.urlKey, keyHash, canonicalKey, input.contentKey)) as MatchRow | undefined;
  }

  /** The body of `save`; runs inside the batch transaction. */
  private saveAll(inputs: readonly ItemInput[]): SaveResult {
    const insertedIds = new Set<number>();
    const updatedIds = new Set<number>();
    const order = new Set<number>();
    const perInput: SaveResult['perInput'] = [];
    this.stories.begin();
    for (const input of inputs) {
      const keyHash = urlHash(input.urlKey);
      const match = this.findMatch(input, keyHash);
      let id: number;
      if (match === undefined) {
        // Filed under its story before the insert, so the row is written once.
        const times = storedTimes(input);
        const filing = this.stories.fileNew({ title: input.title, summary: input.summary, sort_at: sortTime(times) });
        id = Number(this.insertRow.run(insertValues(input, keyHash, times, filing)).lastInsertRowid);
        this.urlIndex.add(keyHash, id);
        this.stories.inserted(id, filing);
        insertedIds.add(id);
      } else {
        id = match.id;
        this.updateRow.run(updateParams(input, id));
        if (!insertedIds.has(id)) updatedIds.add(id);
        this.stories.assign(id, match);
      }
      this.searchIndex.saved(id, match ?? null, input);
      order.add(id);
      perInput.push({ id, status: insertedIds.has(id) ? 'new' : 'updated' });
    }
    this.urlIndex.settle();
    const ids = [...order];
    const byId = this.byId;
    let items: Item[] | null = null;
    return {
      inserted: insertedIds.size,
      updated: updatedIds.size,
      // Read back only when asked (the pipeline needs `perInput` alone): ~10% of a save.
      get items(): Item[] {
        items ??= ids.map((id) => toItem(byId.get(id) as ItemRow));
        return items;
      },
      perInput,
    };
  }
}
