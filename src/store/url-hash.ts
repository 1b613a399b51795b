/**
 * The integer items are found by URL with (the pairs of store/url-index.ts; also kept
 * in `items.url_hash`, by which the delete trigger finds an item's pair): a 47-bit
 * hash of an item's URL key. An index on the URL text (~60 bytes a key) grew to ~4×
 * the size of one on this hash (schema 7), and each saved item landed on a random
 * page of it. Collisions are harmless: every lookup compares `url_key` as well.
 *
 * Stored in the database: the function must never change (a test pins its values).
 */

/** cyrb53 (bryc, public domain) cut to 47 bits, so SQLite stores it in 6 bytes. */
export function urlHash(key: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 & 0x7fff) * 4294967296 + (h1 >>> 0);
}
