/**
 * Which stored items a new item should be compared with for story grouping: the
 * items dated within the window that share a lookup key with it (store/stories.ts).
 *
 * An item's keys are stored in its row (`items.story_keys`, a JSON array of
 * `storyKeys` hashes, with `items.story_at`, the time they were filed at; see
 * migrations/0006-lighter-writes.ts). This is an in-memory index of them for the days in
 * use, read one day at a time (the items whose `sort_at` falls on that day, through
 * the `sort_at` index) and kept in step by the writes of this connection. Finding
 * candidates is then a few map lookups: the SQL lookup table this replaced cost
 * ~130 µs per saved item on generated news, and a write of eight rows per item.
 *
 * The index is only as fresh as this connection's view: `StoryIndex` drops it when
 * another connection has committed and when a save rolls back.
 */

import type BetterSqlite3 from 'better-sqlite3';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Work per saved item is bounded whatever the data: at most KEY_ROWS postings in the
 * window are counted (the rarest keys' first), and the CANDIDATES sharing the most keys are returned. News
 * text makes the limits rarely matter (a report shares keys with a handful of
 * items); text from a small vocabulary (generated data) would otherwise make every
 * item a candidate of every other.
 */
const KEY_ROWS = 128;
const CANDIDATES = 10;

/** Days held in memory at most (the least recently used go first): a bulk import of old news stays bounded. */
const MAX_DAYS = 64;

/** The items filed under one hash on one day, by time (`ats` ascending), so a window is a slice. */
interface Postings {
  ids: number[];
  ats: number[];
}

/** An item sharing `shared` keys with the item being filed. */
export interface Candidate {
  id: number;
  shared: number;
}

/** The first index of `ats` (ascending) holding a time ≥ `from`: a binary search. */
function firstAtOrAfter(ats: readonly number[], from: number): number {
  let low = 0;
  let high = ats.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ats[middle]! < from) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A day's postings are keyed by the hash as a signed 32-bit integer (`hash | 0`): V8
 * keeps those as small integers, while a uint32 over 2³¹ is a heap number, slow as
 * a map key (measured: the lookups were most of `find`).
 */
type Day = Map<number, Postings>;

/** Add item `id` at time `at` to a day's postings of `hash`, keeping them in time order. */
function post(postingsOfDay: Day, hash: number, id: number, at: number): void {
  let postings = postingsOfDay.get(hash | 0);
  if (postings === undefined) postingsOfDay.set(hash | 0, (postings = { ids: [], ats: [] }));
  // Saves come roughly in time order: the place is almost always the end.
  let index = postings.ats.length;
  while (index > 0 && postings.ats[index - 1]! > at) index--;
  if (index === postings.ats.length) {
    postings.ids.push(id);
    postings.ats.push(at);
  } else {
    postings.ids.splice(index, 0, id);
    postings.ats.splice(index, 0, at);
  }
}

/** Lookup keys in memory, by day. */
export class CandidateIndex {
  private readonly days = new Map<number, Day>();
  private readonly readDay: Statement;

  constructor(
    db: Database,
    private readonly windowMs: number,
  ) {
    // `story_at` is `sort_at` in epoch ms (both set when an item is filed), so a day's
    // items are a range of the `sort_at` index.
    this.readDay = db
      .prepare('SELECT id, story_keys, story_at FROM items WHERE sort_at >= ? AND sort_at < ? AND story_at IS NOT NULL')
      .raw(true);
  }

  /**
   * The items dated within the window around `at` that share one of `hashes` with
   * it (other than `exceptId`): those sharing the most first, then the oldest id.
   */
  find(hashes: readonly number[], at: number, exceptId: number): Candidate[] {
    const from = at - this.windowMs;
    const to = at + this.windowMs;
    // Each key's postings in the window (a slice per day), the rarest keys first: a
    // key shared by a handful of items points at a story, one shared by hundreds (a
    // common phrase) does not, so it is the one cut short by KEY_ROWS.
    const slices: { postings: Postings; start: number; end: number; key: number }[] = [];
    const perKey = new Float64Array(hashes.length);
    for (let day = Math.floor(from / DAY_MS); day <= Math.floor(to / DAY_MS); day++) {
      const postingsOfDay = this.day(day);
      for (let key = 0; key < hashes.length; key++) {
        const postings = postingsOfDay.get(hashes[key]! | 0);
        if (postings === undefined) continue;
        const start = firstAtOrAfter(postings.ats, from);
        const end = firstAtOrAfter(postings.ats, to + 1);
        if (start === end) continue;
        slices.push({ postings, start, end, key });
        perKey[key] = perKey[key]! + (end - start);
      }
    }
    slices.sort((a, b) => perKey[a.key]! - perKey[b.key]! || a.key - b.key);
    // The ids of the postings read, then counted by sorting (cheaper than a map).
    const found = new Int32Array(KEY_ROWS);
    let read = 0;
    search: for (const { postings, start, end } of slices) {
      for (let i = start; i < end; i++) {
        const id = postings.ids[i]!;
        if (id === exceptId) continue;
        found[read++] = id;
        if (read >= KEY_ROWS) break search;
      }
    }
    const ids = found.subarray(0, read).sort();
    // The CANDIDATES sharing the most keys, kept sorted while counting runs of equal
    // ids; ids ascend, so among equals the oldest id stays first.
    const best: Candidate[] = [];
    for (let i = 0; i < ids.length; ) {
      let j = i + 1;
      while (j < ids.length && ids[j] === ids[i]) j++;
      const shared = j - i;
      if (best.length < CANDIDATES || shared > best[best.length - 1]!.shared) {
        let place = best.length;
        while (place > 0 && best[place - 1]!.shared < shared) place--;
        best.splice(place, 0, { id: ids[i]!, shared });
        if (best.length > CANDIDATES) best.pop();
      }
      i = j;
    }
    return best;
  }

  /** Item `id`, dated `at`, was filed under `hashes` (its row is the caller's to write). */
  add(id: number, at: number, hashes: readonly number[]): void {
    const postingsOfDay = this.days.get(Math.floor(at / DAY_MS));
    // A day not in memory is read from the database when needed, with this item in it.
    if (postingsOfDay === undefined) return;
    for (const hash of hashes) post(postingsOfDay, hash, id, at);
  }

  /** Item `id`, filed at `at` under `hashes`, was filed again or is gone. */
  remove(id: number, at: number, hashes: readonly number[]): void {
    const postingsOfDay = this.days.get(Math.floor(at / DAY_MS));
    if (postingsOfDay === undefined) return;
    for (const hash of hashes) {
      const postings = postingsOfDay.get(hash | 0);
      if (postings === undefined) continue;
      const index = postings.ids.indexOf(id);
      if (index < 0) continue;
      postings.ids.splice(index, 1);
      postings.ats.splice(index, 1);
    }
  }

  /** Forget everything (read again from the database on the next `find`). */
  clear(): void {
    this.days.clear();
  }

  /** One day's postings, read from the database the first time; the day becomes the most recently used. */
  private day(day: number): Day {
    let postingsOfDay = this.days.get(day);
    if (postingsOfDay !== undefined) {
      this.days.delete(day);
      this.days.set(day, postingsOfDay);
      return postingsOfDay;
    }
    postingsOfDay = new Map();
    const from = new Date(day * DAY_MS).toISOString();
    const to = new Date((day + 1) * DAY_MS).toISOString();
    for (const [id, keysJson, at] of this.readDay.iterate(from, to) as IterableIterator<[number, string, number]>) {
      // An item being filed again has its new sort_at but still its old keys and time:
      // `add` files it when its new keys are written.
      if (Math.floor(at / DAY_MS) !== day) continue;
      for (const hash of JSON.parse(keysJson) as number[]) post(postingsOfDay, hash, id, at);
    }
    this.days.set(day, postingsOfDay);
    if (this.days.size > MAX_DAYS) this.days.delete(this.days.keys().next().value!);
    return postingsOfDay;
  }
}
