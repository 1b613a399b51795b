#!/usr/bin/env node
// What story grouping costs (the compiled library, so run `npm run build` first):
//   - ItemStore.save per item with story grouping, against the same saves with the
//     story step stubbed out, on generated news-like text: Zipf-distributed syllables
//     (the head a stoplist removes left out), 12-syllable titles, 35-syllable
//     summaries, 2,000 items a day, saved in batches of 1,000;
//   - `list` against `listStories` (one line per story) for 20 items;
//   - the alternative the key index replaces: scoring every item dated within ±48 h.
//
//   node scripts/bench-stories.js [items = 20000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storyProfile, storySimilarity } from '../dist/normalize/similarity.js';
import { urlKey } from '../dist/normalize/url.js';
import { openDatabase } from '../dist/store/database.js';
import { ItemStore } from '../dist/store/items.js';
import { StoryIndex, STORY_WINDOW_MS } from '../dist/store/stories.js';
import { NO_GROUPING } from './lib/bench.js';

const count = Number(process.argv[2] ?? 20_000);
const ITEMS_PER_DAY = 2_000;

let seed = 7;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const ONSETS = 'b c d g h k l m n p r s t v x ch gi kh ng nh ph th tr'.split(' ');
const VOWELS = 'a e i o u y ai ao au ay eo ia iu oa oi ua ui uy uo'.split(' ');
const CODAS = ['', 'c', 'm', 'n', 'p', 't', 'ng', 'nh', 'ch'];
const vocabulary = Array.from({ length: 6000 }, (_, i) => `${ONSETS[i % 23]}${VOWELS[Math.floor(i / 23) % 19]}${CODAS[Math.floor(i / 437) % 9]}${i >= 3933 ? 'x' : ''}`);
const cumulative = [];
let sum = 0;
for (let i = 0; i < vocabulary.length; i++) cumulative.push((sum += 1 / (i + 201) ** 1.1));
function word() {
  const r = random() * sum;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < r) lo = mid + 1;
    else hi = mid;
  }
  return vocabulary[lo];
}
const words = (n) => Array.from({ length: n }, word).join(' ');

const start = Date.UTC(2024, 0, 1);
const inputs = Array.from({ length: count }, (_, i) => {
  const url = `https://vnexpress.net/bai-${i}.html`;
  return {
    url, urlKey: urlKey(url), canonicalKey: null, contentKey: null, title: words(12), byline: null, attribution: null,
    summary: `${words(35)}.`, publishedAt: new Date(start + (i * 86_400_000) / ITEMS_PER_DAY).toISOString(), canonicalUrl: null,
    siteName: null, imageUrl: null, declaredLang: 'vi', lang: 'vi', langSource: 'text', source: 'vnexpress.net',
    fetchedAt: '2024-06-01T00:00:00.000Z',
  };
});

const dir = mkdtempSync(join(tmpdir(), 'news-bench-stories-'));
// The story step stubbed out (NO_GROUPING), and put back.
const real = { fileNew: StoryIndex.prototype.fileNew, inserted: StoryIndex.prototype.inserted, assign: StoryIndex.prototype.assign };
const stub = NO_GROUPING;
const use = (methods) => Object.assign(StoryIndex.prototype, methods);
try {
  // Two databases fed the same batches in turn, one with the story step stubbed out,
  // so that load from other processes hits both alike.
  const plainDb = openDatabase(join(dir, 'plain.db'));
  const db = openDatabase(join(dir, 'stories.db'));
  const plain = new ItemStore(plainDb);
  const store = new ItemStore(db);
  let plainMs = 0;
  let storiesMs = 0;
  for (let i = 0; i < count; i += 1000) {
    const batch = inputs.slice(i, i + 1000);
    use(stub);
    let t0 = performance.now();
    plain.save(batch);
    plainMs += performance.now() - t0;
    use(real);
    t0 = performance.now();
    store.save(batch);
    storiesMs += performance.now() - t0;
  }
  const without = (plainMs * 1000) / count;
  const withStories = (storiesMs * 1000) / count;
  const stories = db.prepare('SELECT COUNT(DISTINCT COALESCE(story_id, id)) FROM items').pluck().get();
  console.log(`save, ${count} items (${ITEMS_PER_DAY}/day): ${without.toFixed(1)} µs/item without story grouping, ${withStories.toFixed(1)} µs/item with it (+${(withStories - without).toFixed(1)} µs); ${stories} stories`);

  const filter = { lang: null, source: null, since: null, until: null, limit: 20 };
  const time = (fn) => {
    for (let i = 0; i < 20; i++) fn();
    const t = performance.now();
    for (let i = 0; i < 200; i++) fn();
    return ((performance.now() - t) / 200).toFixed(3);
  };
  console.log(`list --limit 20: ${time(() => store.list(filter))} ms; grouped (listStories): ${time(() => store.listStories(filter))} ms`);

  const window = db.prepare('SELECT id, title, summary FROM items WHERE sort_at BETWEEN ? AND ?');
  const middle = inputs[Math.floor(count / 2)];
  const at = Date.parse(middle.publishedAt);
  const profile = storyProfile(middle);
  const t = performance.now();
  const rows = window.all(new Date(at - STORY_WINDOW_MS).toISOString(), new Date(at + STORY_WINDOW_MS).toISOString());
  for (const row of rows) storySimilarity(profile, storyProfile(row));
  console.log(`the alternative, scoring every item within ±48 h: ${rows.length} items, ${(performance.now() - t).toFixed(1)} ms per saved item`);
  plainDb.close();
  db.close();
} finally {
  use(real);
  rmSync(dir, { recursive: true, force: true });
}
