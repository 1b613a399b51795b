/**
 * Story grouping in the store: which story each saved item belongs to, and the
 * other items of a story for "also: …" lines. Items are never merged or deleted;
 * they only share a `story_id` (the id of the story's first item). The matching
 * itself is normalize/similarity.ts; candidates come from story-candidates.ts; the
 * schema is migrations/0005-stories.ts and 0006-lighter-writes.ts.
 */

import type BetterSqlite3 from 'better-sqlite3';
import { StoreError } from '../errors.js';
import {
  STORY_THRESHOLD,
  storyKeys,
  storyProfile,
  storySimilarity,
  type StoryFeatures,
} from '../normalize/similarity.js';
import type { GroupedItem, Item, StoryLink } from '../types.js';
import { CandidateIndex } from './story-candidates.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

/** Items dated this far before or after an item are compared with it. */
export const STORY_WINDOW_MS = 48 * 60 * 60 * 1000;

/**
 * Of the candidates (story-candidates.ts: at most ten, those sharing the most keys
 * first), those sharing two or more keys are scored, and at least the first
 * LONE_CANDIDATES.
 */
const LONE_CANDIDATES = 2;

/**
 * Features kept for items filed or scored lately (each under 1 KB): a new item is compared
 * with items of the days around it, mostly ones just saved, so their profiles are
 * not computed again.
 */
const PROFILE_CACHE = 8192;

/** The story columns of an item row. */
interface StoryRow {
  title: string | null;
  summary: string | null;
  sort_at: string;
  story_id: number | null;
  story_keys: string | null;
  story_at: number | null;
}

/** The text and date an item is filed by: a row of `items` as it was before an update, or will be when inserted. */
interface FiledText {
  title: string | null;
  summary: string | null;
  sort_at: string;
}

/** What scoring a candidate needs: its text's features and its story. */
interface Filed {
  features: StoryFeatures;
  story: number;
}

/** The features of a profile without its lookup shingles (no longer needed once filed). */
function featuresOf({ hashes, weights, norm, dates, weekdays, figures }: StoryFeatures): StoryFeatures {
  return { hashes, weights, norm, dates, weekdays, figures };
}

/** What filing an item decided: its story and lookup keys, and what to keep in memory. */
export interface Filing {
  /** The story joined, or `null` when the item stands alone (its own story). */
  story: number | null;
  /** The `story_keys` column: the lookup hashes (`storyKeys`) as a JSON array. */
  keysJson: string;
  /** The `story_at` column: the item's time in epoch ms, `null` without keys. */
  keysAt: number | null;
  hashes: number[];
  features: StoryFeatures;
}

/**
 * Story ids for saved items, and story members for grouped lists. Statements are
 * prepared once.
 *
 * `story_id` is the id of the story's first item; a new item that stands alone is
 * stored with `story_id` NULL (its own story: `story_id ?? id`), which saves a write
 * per item. When another item joins it, its `story_id` is set to its own id, so
 * `story_id = X` finds every item of story X.
 *
 * What is kept in memory (features of items filed or scored lately, lookup keys by
 * day) follows this connection's writes; it is dropped when another connection
 * commits (PRAGMA data_version, checked by `begin`) and when a save rolls back
 * (`forget`). Rows deleted through this same connection by other code (news prune
 * runs as its own command) must be followed by `forget`.
 */
export class StoryIndex {
  private readonly rowById: Statement;
  private readonly setStory: Statement;
  private readonly markRoot: Statement;
  private readonly membersOf: Statement;
  private readonly dataVersion: Statement;
  private readonly candidates: CandidateIndex;
  /** Item id → its features and story, for items filed or scored lately (see `remember`). */
  private recent = new Map<number, Filed>();
  private older = new Map<number, Filed>();
  private seenVersion: number | null = null;

  constructor(db: Database) {
    this.rowById = db.prepare('SELECT title, summary, sort_at, story_id, story_keys, story_at FROM items WHERE id = ?');
    this.setStory = db.prepare('UPDATE items SET story_id = ?, story_keys = ?, story_at = ? WHERE id = ?');
    this.markRoot = db.prepare('UPDATE items SET story_id = id WHERE id = ? AND story_id IS NULL');
    this.membersOf = db.prepare('SELECT source, url FROM items WHERE story_id = ? AND id <> ? ORDER BY sort_at, id');
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.candidates = new CandidateIndex(db, STORY_WINDOW_MS);
  }

  /**
   * Call at the start of each write transaction: what is kept in memory is dropped
   * when another connection has committed since.
   */
  begin(): void {
    const version = this.dataVersion.get() as number;
    if (this.seenVersion !== null && version !== this.seenVersion) this.forget();
    this.seenVersion = version;
  }

  /** Drop what is kept in memory (after a rolled-back save, or another writer). */
  forget(): void {
    this.recent = new Map();
    this.older = new Map();
    this.candidates.clear();
  }

  /**
   * The story of an item about to be inserted (title, summary and `sort_at` as they
   * will be stored): the story of the most similar item dated within ±48 h
   * (similarity ≥ STORY_THRESHOLD), else none (it stands alone). Write the filing's
   * columns with the row, then call `inserted`.
   */
  fileNew(text: FiledText): Filing {
    return this.decide(text, null, null);
  }

  /** Item `id` was inserted with `filing`'s columns: remember it, and mark the story it joined. */
  inserted(id: number, filing: Filing): void {
    if (filing.keysAt !== null) this.candidates.add(id, filing.keysAt, filing.hashes);
    if (filing.story !== null) this.markRoot.run(filing.story);
    this.remember(id, { features: filing.features, story: filing.story ?? id });
  }

  /**
   * File item `id` (already stored, e.g. just updated from `before`) under its story
   * and return the story id. It keeps its story while it still matches one of the
   * story's items, else it is filed as a new item would be (a lone item's story id
   * is its id); it is left alone when its title, summary and date did not change.
   */
  assign(id: number, before: FiledText | null): number {
    const row = this.rowById.get(id) as StoryRow | undefined;
    if (row === undefined) throw new StoreError(`no item ${id} to file under a story`);
    const unchanged =
      before !== null && before.title === row.title && before.summary === row.summary && before.sort_at === row.sort_at;
    if (unchanged && row.story_keys !== null) return row.story_id ?? id;

    const filing = this.decide(row, id, row.story_id);
    const story = filing.story ?? id;
    if (row.story_keys !== filing.keysJson || row.story_at !== filing.keysAt) {
      if (row.story_keys !== null && row.story_at !== null) this.candidates.remove(id, row.story_at, JSON.parse(row.story_keys) as number[]);
      if (filing.keysAt !== null) this.candidates.add(id, filing.keysAt, filing.hashes);
    }
    this.setStory.run(story, filing.keysJson, filing.keysAt, id);
    if (filing.story !== null && filing.story !== id) this.markRoot.run(filing.story);
    this.remember(id, { features: filing.features, story });
    return story;
  }

  /**
   * Compare a text with the items around its date: the best-scoring story at or above
   * the threshold (or `currentStory` while the text still matches one of its items).
   * `id` is the item's own id when it is stored (never its own candidate).
   */
  private decide(text: FiledText, id: number | null, currentStory: number | null): Filing {
    const at = Date.parse(text.sort_at);
    const profile = storyProfile(text);
    // An item without a usable date cannot be placed in a time window: it stands alone.
    const hashes = Number.isNaN(at) ? [] : storyKeys(profile);
    const candidates = hashes.length === 0 ? [] : this.candidates.find(hashes, at, id ?? -1);
    let best: { story: number; score: number } | null = null;
    let stillInStory = false;
    for (const [index, { id: candidateId, shared }] of candidates.entries()) {
      if (index >= LONE_CANDIDATES && shared < 2) break;
      const candidate = this.filedItem(candidateId);
      if (candidate === null) continue;
      const score = storySimilarity(profile, candidate.features);
      if (score < STORY_THRESHOLD) continue;
      if (currentStory !== null && candidate.story === currentStory) stillInStory = true;
      if (best === null || score > best.score) best = { story: candidate.story, score };
    }
    return {
      story: stillInStory ? currentStory : (best?.story ?? null),
      keysJson: JSON.stringify(hashes),
      keysAt: hashes.length === 0 ? null : at,
      hashes,
      features: featuresOf(profile),
    };
  }

  /** A candidate's features and story: from memory, else read and profiled (`null` if it is gone). */
  private filedItem(id: number): Filed | null {
    const known = this.recent.get(id) ?? this.older.get(id);
    if (known !== undefined) {
      this.remember(id, known);
      return known;
    }
    const row = this.rowById.get(id) as StoryRow | undefined;
    if (row === undefined) return null;
    const filed = { features: featuresOf(storyProfile(row)), story: row.story_id ?? id };
    this.remember(id, filed);
    return filed;
  }

  /**
   * Keep `filed` as item `id`'s. Two generations stand in for a least-recently-used
   * list without its per-access cost: when the recent one is full it becomes the
   * older one, and what was older is dropped; what is used again moves back to recent.
   */
  private remember(id: number, filed: Filed): void {
    if (this.recent.size >= PROFILE_CACHE / 2) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(id, filed);
  }

  /** The other items of story `storyId` (all of them, whatever a list's filters), oldest first. */
  private members(storyId: number, exceptId: number): StoryLink[] {
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
