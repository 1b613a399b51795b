// Pieces the benchmark scripts share.

/** A small seeded generator (mulberry32): the same data on every run. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a store files a new item under when story grouping is switched off: nothing. */
const ALONE = { story: null, keysJson: '[]', keysAt: null, hashes: [], features: null };

/** StoryIndex methods that switch story grouping off, to assign onto a StoryIndex or its prototype. */
export const NO_GROUPING = { fileNew: () => ALONE, inserted: () => {}, assign: () => 0 };
