/**
 * Story grouping in the store: which story each saved item belongs to, and the
 * other items of a story for "also: …" lines. Items are never merged or deleted;
 * they only share a `story_id` (the id of the story's first item). The matching
 * itself is normalize/similarity.ts; the schema is migrations/0005-stories.ts.
 */

import type BetterSqlite3 from 'better-sqlite3';
import { StoreError } from '../errors.js';
import {
  STORY_THRESHOLD,
  storyKeys,
  storyProfile,
  storySimilarity,
} from '../normalize/similarity.js';
import type { GroupedItem, Item, StoryLink } from '../types.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

/** Items dated this far before or after an item are compared with it. */
export const STORY_WINDOW_MS = 48 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A stored key: the day (UTC days since 1970) × 2³² + a `storyKeys` hash (an exact integer until the year 7000). */
const DAY_FACTOR = 2 ** 32;

/**
 * Work per saved item is bounded whatever the data: at most KEY_ROWS key rows are
 * read; of the CANDIDATES sharing the most keys, those sharing two or more are
 * scored, and at least the first LONE_CANDIDATES. News text makes the limits rarely
 * matter (a report shares keys with a handful of items); text from a small
 * vocabulary (generated data) would otherwise make every item a candidate of every other.
 */
const KEY_ROWS = 256;
const CANDIDATES = 10;
const LONE_CANDIDATES = 2;

/** The story columns of an item row. */
interface StoryRow {
  id: number;
  title: string | null;
  summary: string | null;
  sort_at: string;
  story_id: number | null;
  story_keys: string | null;
  story_at: number | null;
}

/** What an item looked like before an update (a row of `items`). */
export interface StoryBefore {
  title: string | null;
  summary: string | null;
  sort_at: string;
}

/** An item sharing `shared` keys with the item being filed. */
interface CandidateRow {
  item_id: number;
  shared: number;
}

/** What scoring a candidate needs. */
interface CandidateText {
  id: number;
  title: string | null;
  summary: string | null;
  story_id: number | null;
}

/** Items sharing a key with `@probes` (a JSON array of stored keys), dated `@from`..`@to`. */
const CANDIDATES_SQL = `
  SELECT item_id, COUNT(*) AS shared
  FROM (
    SELECT item_id FROM story_keys
    WHERE key IN (SELECT value FROM json_each(@probes)) AND at BETWEEN @from AND @to AND item_id <> @id
    LIMIT ${KEY_ROWS}
  )
  GROUP BY item_id
  ORDER BY shared DESC, item_id
  LIMIT ${CANDIDATES}`;

/** The keys an item dated `at` is filed under: its day joined to each hash. */
function storedKeys(hashes: readonly number[], at: number): number[] {
  const day = Math.floor(at / DAY_MS);
  return hashes.map((hash) => day * DAY_FACTOR + hash);
}

/** The keys to look up for an item dated `at`: each hash on every day the window touches. */
function probeKeys(hashes: readonly number[], at: number): number[] {
  const probes: number[] = [];
  const first = Math.floor((at - STORY_WINDOW_MS) / DAY_MS);
  const last = Math.floor((at + STORY_WINDOW_MS) / DAY_MS);
  for (let day = first; day <= last; day++) for (const hash of hashes) probes.push(day * DAY_FACTOR + hash);
  return probes;
}

function storyOf(row: { id: number; story_id: number | null }): number {
  return row.story_id ?? row.id;
}

/** Story ids for saved items, and story members for grouped lists. Statements are prepared once. */
export class StoryIndex {
  private readonly rowById: Statement;
  private readonly candidates: Statement;
  private readonly textById: Statement;
  private readonly setStory: Statement;
  private readonly insertKeys: Statement;
  private readonly deleteKeys: Statement;
  private readonly membersOf: Statement;

  constructor(db: Database) {
    this.rowById = db.prepare('SELECT id, title, summary, sort_at, story_id, story_keys, story_at FROM items WHERE id = ?');
    this.candidates = db.prepare(CANDIDATES_SQL);
    this.textById = db.prepare('SELECT id, title, summary, story_id FROM items WHERE id = ?');
    this.setStory = db.prepare('UPDATE items SET story_id = ?, story_keys = ?, story_at = ? WHERE id = ?');
    this.insertKeys = db.prepare('INSERT OR IGNORE INTO story_keys (key, item_id, at) SELECT value, ?, ? FROM json_each(?)');
    this.deleteKeys = db.prepare('DELETE FROM story_keys WHERE key IN (SELECT value FROM json_each(?)) AND item_id = ?');
    this.membersOf = db.prepare('SELECT source, url FROM items WHERE story_id = ? AND id <> ? ORDER BY sort_at, id');
  }

  /**
   * File item `id` (just inserted, or updated from `before`) under its story and return
   * the story id. The item joins the story of the most similar item dated within
   * ±48 h (similarity ≥ STORY_THRESHOLD), else it starts its own (story id = its id).
   * An updated item keeps its story while it still matches one of the story's items,
   * and is left alone when its title, summary and date did not change.
   */
  assign(id: number, before: StoryBefore | null): number {
    const row = this.rowById.get(id) as StoryRow | undefined;
    if (row === undefined) throw new StoreError(`no item ${id} to file under a story`);
    const unchanged =
      before !== null && before.title === row.title && before.summary === row.summary && before.sort_at === row.sort_at;
    if (unchanged && row.story_id !== null && row.story_keys !== null) return row.story_id;

    const at = Date.parse(row.sort_at);
    const profile = storyProfile(row);
    // An item without a usable date cannot be placed in a time window: it stands alone.
    const hashes = Number.isNaN(at) ? [] : storyKeys(profile);
    const candidates =
      hashes.length === 0
        ? []
        : (this.candidates.all({ probes: JSON.stringify(probeKeys(hashes, at)), from: at - STORY_WINDOW_MS, to: at + STORY_WINDOW_MS, id }) as CandidateRow[]);
    let best: { story: number; score: number } | null = null;
    let stillInStory = false;
    for (const [index, { item_id: candidateId, shared }] of candidates.entries()) {
      if (index >= LONE_CANDIDATES && shared < 2) break;
      const candidate = this.textById.get(candidateId) as CandidateText;
      const score = storySimilarity(profile, storyProfile(candidate));
      if (score < STORY_THRESHOLD) continue;
      if (row.story_id !== null && storyOf(candidate) === row.story_id) stillInStory = true;
      if (best === null || score > best.score) best = { story: storyOf(candidate), score };
    }
    const story = stillInStory && row.story_id !== null ? row.story_id : (best?.story ?? id);

    const keysJson = JSON.stringify(hashes.length === 0 ? [] : storedKeys(hashes, at));
    const keysAt = hashes.length === 0 ? null : at;
    if (row.story_keys !== keysJson || row.story_at !== keysAt) {
      if (row.story_keys !== null) this.deleteKeys.run(row.story_keys, id);
      if (hashes.length > 0) this.insertKeys.run(id, at, keysJson);
    }
    this.setStory.run(story, keysJson, keysAt, id);
    return story;
  }

  /** The other items of story `storyId` (all of them, whatever a list's filters), oldest first. */
  members(storyId: number, exceptId: number): StoryLink[] {
    return this.membersOf.all(storyId, exceptId) as StoryLink[];
  }

  /**
   * One item per story from `items`, in their order: the first item seen of each story,
   * with the story's other items as `also`; later items of a story already shown are
   * skipped. `limit` counts stories (`null`: no limit). Only the ids of stories with
   * more than one item are remembered, so memory stays small on long streams.
   */
  *collapse(items: Iterable<Item>, limit: number | null = null): Generator<GroupedItem> {
    if (limit !== null && limit <= 0) return;
    const shown = new Set<number>();
    let count = 0;
    for (const item of items) {
      if (item.storyId !== null && shown.has(item.storyId)) continue;
      const also = item.storyId === null ? [] : this.members(item.storyId, item.id);
      if (also.length > 0 && item.storyId !== null) shown.add(item.storyId);
      yield { ...item, also };
      count += 1;
      if (limit !== null && count >= limit) return;
    }
  }
}
