import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { foldText } from '../../src/normalize/text.js';
import { urlKey } from '../../src/normalize/url.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { ItemStore } from '../../src/store/items.js';
import { prune } from '../../src/store/prune.js';
import { indexText } from '../../src/store/search-index.js';
import { exactMatcher } from '../../src/store/search.js';
import { parseSearchQuery } from '../../src/store/search-query.js';
import type { ItemFilter, ItemInput } from '../../src/types.js';

let dir: string;
let db: Database;
let store: ItemStore;

const noFilter: ItemFilter = { lang: null, source: null, since: null, until: null, limit: null };

/** A stored item: `key` names it in the tests (it is the URL's last segment). */
interface Fixture {
  key: string;
  title: string;
  summary?: string;
  byline?: string;
  lang?: 'vi' | 'en';
  source?: string;
  publishedAt: string;
}

const FIXTURES: Fixture[] = [
  { key: 'danang', title: 'Đà Nẵng đón 1 triệu khách quốc tế', summary: 'Thành phố biển miền Trung.', publishedAt: '2026-03-01T01:00:00.000Z' },
  { key: 'danang-en', title: 'Da Nang tourism rebounds', summary: 'Arrivals to the central city rose.', lang: 'en', source: 'e.vnexpress.net', publishedAt: '2026-03-01T02:00:00.000Z' },
  { key: 'dien', title: 'Giá điện tăng từ tháng sau', summary: 'EVN điều chỉnh biểu giá.', source: 'tuoitre.vn', publishedAt: '2026-03-02T01:00:00.000Z' },
  { key: 'dienbien', title: 'ĐIỆN BIÊN MỞ ĐƯỜNG MỚI', summary: 'Tuyến đường nối hai huyện.', publishedAt: '2026-03-02T02:00:00.000Z' },
  { key: 'byline', title: 'Mùa lúa chín ở Tây Bắc', summary: 'Ruộng bậc thang đẹp nhất năm.', byline: 'Nguyễn Văn An', publishedAt: '2026-03-03T01:00:00.000Z' },
  { key: 'kinhte', title: 'Tăng trưởng kinh tế quý III vượt dự báo', summary: 'GDP tăng 7%.', publishedAt: '2026-03-03T02:00:00.000Z' },
  { key: 'kinhnghiem', title: 'Kinh nghiệm du lịch quốc tế tiết kiệm', summary: 'Mẹo đặt vé rẻ.', publishedAt: '2026-03-04T01:00:00.000Z' },
  // "bán" weighs more in bm25 (short text, the word twice) than "bàn" below, so only
  // the exact-diacritic preference puts the "bàn" item first for the query "bàn".
  { key: 'ban-sell', title: 'Bán nhà bán đất', summary: 'Giá bán tăng.', publishedAt: '2026-03-04T02:00:00.000Z' },
  { key: 'ban-table', title: 'Xưởng gỗ làng nghề làm bàn cho các trường học miền núi', summary: 'Mỗi năm xưởng giao hàng nghìn bộ.', publishedAt: '2026-03-05T01:00:00.000Z' },
  { key: 'ban-friend', title: 'Bạn đọc hỏi về thuế', summary: 'Chuyên gia trả lời.', publishedAt: '2026-03-05T02:00:00.000Z' },
  { key: 'gold', title: 'Giá vàng lập đỉnh mới', summary: 'Vàng nhẫn tăng mạnh.', source: 'tuoitre.vn', publishedAt: '2026-03-06T01:00:00.000Z' },
  { key: 'rates', title: 'Lãi suất tiết kiệm giảm', summary: 'Ngân hàng hạ lãi suất.', publishedAt: '2026-03-06T02:00:00.000Z' },
];

function toInput(fixture: Fixture): ItemInput {
  const source = fixture.source ?? 'vnexpress.net';
  const url = `https://${source}/${fixture.key}.html`;
  return {
    url,
    urlKey: urlKey(url),
    canonicalKey: null,
    contentKey: null,
    title: fixture.title,
    byline: fixture.byline ?? null,
    attribution: null,
    summary: fixture.summary ?? null,
    publishedAt: fixture.publishedAt,
    canonicalUrl: null,
    siteName: null,
    imageUrl: null,
    declaredLang: null,
    lang: fixture.lang ?? 'vi',
    langSource: 'text',
    source,
    fetchedAt: '2026-03-07T00:00:00.000Z',
  };
}

const keyOf = (url: string): string => url.replace(/^.*\/([^/]+)\.html$/u, '$1');
const search = (query: string, filter: Partial<ItemFilter> = {}): string[] =>
  store.search(query, { ...noFilter, ...filter }).map((item) => keyOf(item.url));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-search-test-'));
  db = openDatabase(join(dir, 'news.db'));
  store = new ItemStore(db);
  store.save(FIXTURES.map(toInput));
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ItemStore.search: what matches', () => {
  it.each([
    ['"da nang" finds Đà Nẵng (vi) and Da Nang (en)', 'da nang', ['danang', 'danang-en']],
    ['Đà Nẵng finds the same', 'Đà Nẵng', ['danang', 'danang-en']],
    ['"dien" finds điện and ĐIỆN (đ/Đ folded)', 'dien', ['dien', 'dienbien']],
    ['"DIEN BIEN" finds the upper-case title', 'DIEN BIEN', ['dienbien']],
    ['"nguyen" finds the byline Nguyễn', 'nguyen', ['byline']],
    ['an NFD query', 'Nguyễn Văn'.normalize('NFD'), ['byline']],
    ['an NFD đ query', 'điện'.normalize('NFD'), ['dien', 'dienbien']],
    ['"kinh te" is a phrase: not "Kinh nghiệm … quốc tế"', 'kinh te', ['kinhte']],
    ['kinh AND te: the words anywhere', 'kinh AND te', ['kinhte', 'kinhnghiem']],
    ['OR', 'vàng OR "lãi suất"', ['gold', 'rates']],
    ['-word leaves items out', 'quoc te -kinh', ['danang']],
    ['NOT leaves items out', 'quoc te NOT "du lich"', ['danang']],
    ['prefix: nghi* finds nghiệm and nghìn', 'nghi*', ['kinhnghiem', 'ban-table']],
    ['a prefix with diacritics is folded too', 'nghiệ*', ['kinhnghiem']],
    ['prefix inside a phrase', 'kinh ngh* du', ['kinhnghiem']],
    ['summary words match', 'GDP', ['kinhte']],
    ['no match', 'bitcoin', []],
  ])('%s', (_label, query, keys) => {
    expect(search(query).sort()).toEqual([...keys].sort());
  });

  it('a query that asks for nothing is a UsageError', () => {
    expect(() => search('-vàng')).toThrow(UsageError);
    expect(() => search('OR')).toThrow(UsageError);
  });

  it('no input reaches FTS5 as a syntax error: 3,000 random queries either run or are a UsageError', () => {
    // Seeded (mulberry32) so a failure can be replayed.
    let state = 12345;
    const next = (): number => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pieces = ['a', 'đà', 'nẵng', 'OR', 'AND', 'NOT', 'NEAR', 'near/2', '"', '""', '-', '*', '(', ')', ':', '^', '{', '}', '+', ',', ' ', '  ', 'title:', 'x*y', '\u0301', '\t', '\\', "'", '*"', '-"', 'gia', '19'];
    let ran = 0;
    for (let n = 0; n < 3000; n += 1) {
      const query = Array.from({ length: 1 + Math.floor(next() * 8) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      try {
        store.search(query, { ...noFilter, limit: 5 });
        store.list({ ...noFilter, search: query, limit: 5 });
        ran += 1;
      } catch (error) {
        if (!(error instanceof UsageError)) throw new Error(`query ${JSON.stringify(query)}: ${String(error)}`);
      }
    }
    expect(ran).toBeGreaterThan(1000);
  });
});

describe('ItemStore.search: ranking', () => {
  it('exact diacritics first: "bàn" before "bán" and "bạn", though "bán" scores higher in bm25', () => {
    expect(search('bàn')).toEqual(['ban-table', 'ban-sell', 'ban-friend']);
    expect(search('bán')[0]).toBe('ban-sell');
    expect(search('bạn')[0]).toBe('ban-friend');
  });

  it('without diacritics in the query, bm25 alone decides', () => {
    expect(search('ban')[0]).toBe('ban-sell');
  });

  it('the exact word must be whole: "bà" does not make "bàn" exact', () => {
    const isExact = exactMatcher(parseSearchQuery('bà').exact)!;
    expect(isExact('làm bàn cho trường')).toBe(false);
    expect(isExact('bà ngoại')).toBe(true);
    expect(exactMatcher(parseSearchQuery('bà*').exact)!('làm bàn cho trường')).toBe(true);
  });

  it('a private-use character is part of a word, as the tokenizer counts it', () => {
    // U+E000: FTS5's unicode61 and the query parser both treat private-use characters as word characters.
    expect(exactMatcher(parseSearchQuery('bà').exact)!('bà\ue000 ngoại')).toBe(false);
    expect(exactMatcher(parseSearchQuery('bà').exact)!('\ue000 bà ngoại')).toBe(true);
  });

  it('a title match outranks a summary match', () => {
    // "tiết kiệm" is in the title of kinhnghiem and rates; "lãi suất" only adds rates.
    store.save([toInput({ key: 'summary-only', title: 'Thị trường hôm nay', summary: 'Người dân tiết kiệm hơn.', publishedAt: '2026-03-07T01:00:00.000Z' })]);
    const ranked = search('tiết kiệm');
    expect(ranked.slice(-1)).toEqual(['summary-only']);
  });
});

describe('ItemStore.search: filters combine with search', () => {
  it.each<[string, Partial<ItemFilter>, string[]]>([
    ['language', { lang: 'en' }, ['danang-en']],
    ['source', { source: 'tuoitre.vn' }, ['dien']],
    ['since', { since: '2026-03-01T01:30:00.000Z' }, ['danang-en']],
    ['until', { until: '2026-03-01T01:30:00.000Z' }, ['danang']],
    // The English title is shorter, so bm25 ranks it first.
    ['limit', { limit: 1 }, ['danang-en']],
  ])('%s', (_label, filter, keys) => {
    const query = filter.source === undefined ? 'da nang' : 'dien';
    expect(search(query, filter)).toEqual(keys);
  });

  it('a bad date is still a UsageError', () => {
    expect(() => search('vàng', { since: 'yesterday' })).toThrow(UsageError);
  });
});

describe('the search filter of list and iterate', () => {
  it('restricts list to matching items, newest first', () => {
    const keys = store.list({ ...noFilter, search: 'quoc te' }).map((item) => keyOf(item.url));
    expect(keys).toEqual(['kinhnghiem', 'danang']);
  });

  it('combines with the other filters and is ignored when null', () => {
    expect(store.list({ ...noFilter, search: 'da nang', lang: 'vi' }).map((item) => keyOf(item.url))).toEqual(['danang']);
    expect(store.list({ ...noFilter, search: null })).toHaveLength(FIXTURES.length);
    expect([...store.iterate({ ...noFilter, search: 'dien' })].map((item) => keyOf(item.url))).toEqual(['dienbien', 'dien']);
  });

  it('a bad query is a UsageError', () => {
    expect(() => store.list({ ...noFilter, search: '   ' })).toThrow(UsageError);
  });
});

describe('keeping the index in step', () => {
  it('an edited title is searchable by its new words only', () => {
    store.save([{ ...toInput(FIXTURES[10]!), title: 'Giá bạch kim lập đỉnh mới' }]);
    expect(search('bach kim')).toEqual(['gold']);
    expect(search('"gia vang"')).toEqual([]);
    expect(search('vang nhan')).toEqual(['gold']); // the summary was kept
  });

  it('an update without text keeps the old text searchable', () => {
    store.save([{ ...toInput(FIXTURES[10]!), title: null, summary: null }]);
    expect(search('gia vang')).toEqual(['gold']);
  });

  it('a deleted item is gone from the index', () => {
    const matching = (): unknown[] => db.prepare("SELECT rowid FROM items_fts WHERE items_fts MATCH 'nang'").pluck().all();
    expect(matching()).toHaveLength(2);
    db.prepare("DELETE FROM items WHERE url LIKE '%/danang.html'").run();
    expect(search('da nang')).toEqual(['danang-en']);
    expect(matching()).toHaveLength(1);
  });

  it('news prune empties the index with the items', () => {
    expect(prune(db, '2026-03-08T00:00:00.000Z').items).toBe(FIXTURES.length);
    expect(db.prepare("SELECT COUNT(*) FROM items_fts WHERE items_fts MATCH 'gia OR nang OR kinh'").pluck().get()).toBe(0);
    expect(search('gia')).toEqual([]);
  });

  it('items saved twice in one batch are indexed once, with the final text', () => {
    const first = toInput({ key: 'twice', title: 'Tin sớm', publishedAt: '2026-03-08T00:00:00.000Z' });
    store.save([first, { ...first, title: 'Tin muộn' }]);
    expect(search('tin muon')).toEqual(['twice']);
    expect(search('tin som')).toEqual([]);
  });
});

describe('folding: the index tokens are foldText', () => {
  const base = 'aăâbcdđeêghiklmnoôơpqrstuưvxy';
  const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const letters = [...base].flatMap((char) =>
    tones.flatMap((tone) => {
      const letter = `${char}${tone}`.normalize('NFC');
      return [letter, letter.toUpperCase()];
    }),
  );

  it(`every Vietnamese letter (${letters.length}) is indexed as foldText folds it`, () => {
    const vocab = new Set<string>();
    db.exec("CREATE VIRTUAL TABLE temp.fold_probe USING fts5(word, content='', tokenize='unicode61 remove_diacritics 2')");
    const insert = db.prepare('INSERT INTO temp.fold_probe (word) VALUES (?)');
    for (const letter of letters) insert.run(indexText(`x${letter}x`));
    db.exec("CREATE VIRTUAL TABLE temp.fold_vocab USING fts5vocab(temp, fold_probe, 'row')");
    for (const term of db.prepare('SELECT term FROM temp.fold_vocab').pluck().all() as string[]) vocab.add(term);
    expect(vocab).toEqual(new Set(letters.map((letter) => `x${foldText(letter)}x`)));
  });

  it('the real table uses that tokenizer', () => {
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'items_fts'").pluck().get() as string;
    expect(sql).toMatch(/tokenize = 'unicode61 remove_diacritics 2'/u);
  });
});
