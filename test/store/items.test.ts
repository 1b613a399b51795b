import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { contentKey } from '../../src/normalize/item.js';
import { urlKey } from '../../src/normalize/url.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { ItemStore } from '../../src/store/items.js';
import type { ItemFilter, ItemInput } from '../../src/types.js';

let dir: string;
let db: Database;
let store: ItemStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-items-test-'));
  db = openDatabase(join(dir, 'news.db'));
  store = new ItemStore(db);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const T1 = '2024-08-13T01:00:00.000Z';
const T2 = '2024-08-13T02:00:00.000Z';

/** A complete input for `url`; keys derived like toItemInput does. */
function input(url: string, overrides: Partial<ItemInput> = {}): ItemInput {
  const base: ItemInput = {
    url,
    urlKey: urlKey(url),
    canonicalKey: null,
    contentKey: null,
    title: `Title of ${url}`,
    byline: 'Nguyễn Văn A',
    attribution: null,
    summary: 'Tóm tắt.',
    publishedAt: '2024-08-12T03:30:00.000Z',
    canonicalUrl: null,
    siteName: 'VnExpress',
    imageUrl: null,
    declaredLang: 'vi',
    lang: 'vi',
    langSource: 'text',
    source: 'vnexpress.net',
    fetchedAt: T1,
  };
  return { ...base, ...overrides };
}

const noFilter: ItemFilter = { lang: null, source: null, since: null, until: null, limit: null };

describe('ItemStore.save', () => {
  it('inserts a new item with all fields and nulls preserved', () => {
    const result = store.save([input('https://vnexpress.net/a-1.html')]);
    expect(result.inserted).toBe(1);
    expect(result.updated).toBe(0);
    expect(result.items).toEqual([
      {
        id: 1,
        url: 'https://vnexpress.net/a-1.html',
        canonicalUrl: null,
        title: 'Title of https://vnexpress.net/a-1.html',
        byline: 'Nguyễn Văn A',
        attribution: null,
        summary: 'Tóm tắt.',
        lang: 'vi',
        declaredLang: 'vi',
        langSource: 'text',
        publishedAt: '2024-08-12T03:30:00.000Z',
        firstSeenAt: T1,
        fetchedAt: T1,
        updatedAt: T1,
        siteName: 'VnExpress',
        imageUrl: null,
        source: 'vnexpress.net',
        storyId: 1,
      },
    ]);
    expect(store.count()).toBe(1);
  });

  it('writes each column of a new row from its own field (the insert binds by position)', () => {
    const url = 'https://vnexpress.net/a-2.html';
    store.save([
      input(url, {
        canonicalUrl: 'https://vnexpress.net/goc/a-2.html',
        canonicalKey: 'https://vnexpress.net/goc/a-2.html',
        contentKey: 'content key',
        title: 'Tiêu đề',
        byline: 'Trần Thị B',
        attribution: 'Theo TTXVN',
        summary: 'Tóm tắt riêng.',
        lang: 'en',
        declaredLang: 'vi',
        langSource: 'declared',
        publishedAt: '2024-08-12T03:30:00+07:00',
        siteName: 'VnExpress',
        imageUrl: 'https://vnexpress.net/a-2.jpg',
        source: 'vnexpress.net',
      }),
    ]);
    const row = db.prepare('SELECT * FROM items WHERE id = 1').get() as Record<string, unknown>;
    expect(row).toMatchObject({
      url,
      url_key: urlKey(url),
      canonical_url: 'https://vnexpress.net/goc/a-2.html',
      canonical_key: 'https://vnexpress.net/goc/a-2.html',
      content_key: 'content key',
      title: 'Tiêu đề',
      byline: 'Trần Thị B',
      attribution: 'Theo TTXVN',
      summary: 'Tóm tắt riêng.',
      lang: 'en',
      declared_lang: 'vi',
      lang_source: 'declared',
      published_at: '2024-08-11T20:30:00.000Z',
      site_name: 'VnExpress',
      image_url: 'https://vnexpress.net/a-2.jpg',
      source: 'vnexpress.net',
      first_seen_at: T1,
      fetched_at: T1,
      updated_at: T1,
      sort_at: '2024-08-11T20:30:00.000Z',
      story_id: null, // a lone item is its own story
    });
    // A canonical URL that is the item's own is stored as NULL; no published time sorts by the fetch time.
    store.save([input('https://vnexpress.net/a-3.html', { canonicalKey: urlKey('https://vnexpress.net/a-3.html'), publishedAt: null })]);
    expect(db.prepare('SELECT canonical_key, published_at, sort_at FROM items WHERE id = 2').get()).toEqual({
      canonical_key: null,
      published_at: null,
      sort_at: T1,
    });
  });

  it('updates the row for the same URL key, keeping first_seen_at', () => {
    store.save([input('https://vnexpress.net/a-1.html', { title: 'Old' })]);
    const result = store.save([input('https://vnexpress.net/a-1.html', { title: 'New', fetchedAt: T2 })]);
    expect(result).toMatchObject({ inserted: 0, updated: 1 });
    expect(store.count()).toBe(1);
    const item = store.get('1');
    expect(item).toMatchObject({ title: 'New', firstSeenAt: T1, fetchedAt: T2, updatedAt: T2 });
  });

  it('treats a tracking-parameter, fragment or http variant as the same row (and keeps the latest spelling)', () => {
    store.save([input('https://vnexpress.net/a-1.html')]);
    const variant = 'http://VnExpress.net/a-1.html/?utm_source=rss&fbclid=x#box';
    const result = store.save([input(variant, { fetchedAt: T2 })]);
    expect(result).toMatchObject({ inserted: 0, updated: 1 });
    expect(store.count()).toBe(1);
    expect(store.get('1')?.url).toBe(variant);
  });

  const canonicalCases: Array<[string, ItemInput, ItemInput]> = [
    [
      "input canonical = existing URL key",
      input('https://vnexpress.net/a-1.html'),
      input('https://vnexpress.net/amp/a-1.html', { canonicalKey: 'https://vnexpress.net/a-1.html' }),
    ],
    [
      'input canonical = existing canonical',
      input('https://m.vnexpress.net/a-1.html', { canonicalKey: 'https://vnexpress.net/a-1.html' }),
      input('https://vnexpress.net/amp/a-1.html', { canonicalKey: 'https://vnexpress.net/a-1.html' }),
    ],
    [
      'input URL key = existing canonical',
      input('https://vnexpress.net/amp/a-1.html', { canonicalKey: 'https://vnexpress.net/a-1.html' }),
      input('https://vnexpress.net/a-1.html'),
    ],
  ];
  it.each(canonicalCases)('matches by canonical key: %s', (_name, first, second) => {
    store.save([first]);
    const result = store.save([{ ...second, title: 'Changed title', fetchedAt: T2 }]);
    expect(result).toMatchObject({ inserted: 0, updated: 1 });
    expect(store.count()).toBe(1);
    expect(store.get('1')).toMatchObject({ title: 'Changed title', firstSeenAt: T1, updatedAt: T2 });
  });

  it('matches by content key when URLs differ', () => {
    const key = contentKey('vnexpress.net', 'Đà Nẵng mưa lớn', '2024-08-12T03:30:00.000Z');
    store.save([input('https://vnexpress.net/thoi-su/a-1.html', { contentKey: key })]);
    const result = store.save([input('https://vnexpress.net/a-1.html', { contentKey: key, fetchedAt: T2 })]);
    expect(result).toMatchObject({ inserted: 0, updated: 1 });
    expect(store.count()).toBe(1);
    // The row keeps its first URL (its URL key is its identity).
    expect(store.get('1')?.url).toBe('https://vnexpress.net/thoi-su/a-1.html');
  });

  it('never matches two null content keys', () => {
    store.save([input('https://vnexpress.net/a-1.html'), input('https://vnexpress.net/b-2.html')]);
    expect(store.count()).toBe(2);
  });

  it('merges duplicates inside one batch into one row', () => {
    const result = store.save([
      input('https://vnexpress.net/a-1.html', { title: 'First' }),
      input('https://vnexpress.net/b-2.html'),
      input('https://vnexpress.net/a-1.html?utm_campaign=x', { title: 'Second', fetchedAt: T2 }),
    ]);
    expect(result.inserted).toBe(2);
    expect(result.updated).toBe(0);
    expect(result.items.map((item) => [item.id, item.title])).toEqual([
      [1, 'Second'],
      [2, 'Title of https://vnexpress.net/b-2.html'],
    ]);
    expect(store.count()).toBe(2);
  });

  it('a new null never erases an old value; a new value replaces it', () => {
    store.save([
      input('https://vnexpress.net/a-1.html', { byline: 'Hoàng Anh', imageUrl: 'https://i.vnecdn.net/a.jpg', summary: 'Cũ' }),
    ]);
    store.save([
      input('https://vnexpress.net/a-1.html', {
        title: null,
        siteName: null,
        byline: null,
        imageUrl: null,
        lang: null,
        publishedAt: null,
        summary: 'Mới',
        fetchedAt: T2,
      }),
    ]);
    expect(store.get('1')).toMatchObject({
      title: 'Title of https://vnexpress.net/a-1.html',
      siteName: 'VnExpress',
      byline: 'Hoàng Anh',
      imageUrl: 'https://i.vnecdn.net/a.jpg',
      lang: 'vi',
      publishedAt: '2024-08-12T03:30:00.000Z',
      summary: 'Mới',
    });
  });

  it('stores timestamps in one ISO form', () => {
    store.save([input('https://vnexpress.net/a-1.html', { publishedAt: '2024-08-12T10:30:00+07:00', fetchedAt: '2024-08-13T01:00:00Z' })]);
    expect(store.get('1')).toMatchObject({ publishedAt: '2024-08-12T03:30:00.000Z', fetchedAt: T1 });
  });

  it('saves nothing when one input of the batch fails', () => {
    const broken = { ...input('https://vnexpress.net/b-2.html'), source: null } as unknown as ItemInput;
    expect(() => store.save([input('https://vnexpress.net/a-1.html'), broken])).toThrow(/NOT NULL/);
    expect(store.count()).toBe(0);
  });
});

describe('ItemStore.list', () => {
  beforeEach(() => {
    store.save([
      input('https://vnexpress.net/old.html', { publishedAt: '2024-08-10T00:00:00.000Z' }),
      input('https://e.vnexpress.net/news/en.html', { publishedAt: '2024-08-12T00:00:00.000Z', lang: 'en', siteName: 'VnExpress International' }),
      input('https://laodong.vn/x.ldo', { publishedAt: '2024-08-11T00:00:00.000Z', source: 'laodong.vn', siteName: 'Báo Lao Động' }),
      // Undated: sorts by first_seen_at (T1 = 2024-08-13T01:00Z), i.e. newest.
      input('https://tuoitre.vn/undated.htm', { publishedAt: null, source: 'tuoitre.vn', siteName: null, lang: null }),
      // Same published time as en.html but saved later: higher id comes first.
      input('https://vnexpress.net/tie.html', { publishedAt: '2024-08-12T00:00:00.000Z' }),
    ]);
  });

  const urls = (filter: Partial<ItemFilter>): string[] => store.list({ ...noFilter, ...filter }).map((item) => item.url);

  const cases: Array<[string, Partial<ItemFilter>, string[]]> = [
    [
      'newest first by published or first seen, then id',
      {},
      [
        'https://tuoitre.vn/undated.htm',
        'https://vnexpress.net/tie.html',
        'https://e.vnexpress.net/news/en.html',
        'https://laodong.vn/x.ldo',
        'https://vnexpress.net/old.html',
      ],
    ],
    ['lang', { lang: 'en' }, ['https://e.vnexpress.net/news/en.html']],
    ['source exact', { source: 'laodong.vn' }, ['https://laodong.vn/x.ldo']],
    ['source by site name, any case, Vietnamese', { source: 'BÁO LAO ĐỘNG' }, ['https://laodong.vn/x.ldo']],
    ['source by site name, ASCII case', { source: 'vnexpress international' }, ['https://e.vnexpress.net/news/en.html']],
    ['since is inclusive', { since: '2024-08-12T00:00:00Z' }, [
      'https://tuoitre.vn/undated.htm',
      'https://vnexpress.net/tie.html',
      'https://e.vnexpress.net/news/en.html',
    ]],
    ['until is exclusive', { until: '2024-08-12T00:00:00.000Z' }, ['https://laodong.vn/x.ldo', 'https://vnexpress.net/old.html']],
    ['since and until', { since: '2024-08-11T00:00:00.000Z', until: '2024-08-12T00:00:00.000Z' }, ['https://laodong.vn/x.ldo']],
    ['limit', { limit: 2 }, ['https://tuoitre.vn/undated.htm', 'https://vnexpress.net/tie.html']],
    ['limit 0', { limit: 0 }, []],
    ['combined', { source: 'vnexpress.net', lang: 'vi', limit: 1 }, ['https://vnexpress.net/tie.html']],
    ['nothing matches', { source: 'nope.vn' }, []],
  ];
  it.each(cases)('%s', (_name, filter, expected) => {
    expect(urls(filter)).toEqual(expected);
  });

  it('re-sorts an item when a later fetch brings its published date', () => {
    store.save([input('https://tuoitre.vn/undated.htm', { publishedAt: '2024-08-09T00:00:00.000Z', source: 'tuoitre.vn', fetchedAt: T2 })]);
    expect(urls({}).at(-1)).toBe('https://tuoitre.vn/undated.htm');
  });

  it('rejects bad filter values with UsageError', () => {
    expect(() => store.list({ ...noFilter, since: 'yesterday-ish' })).toThrow(UsageError);
    expect(() => store.list({ ...noFilter, until: 'nope' })).toThrow('invalid until date: nope');
    expect(() => store.list({ ...noFilter, limit: -1 })).toThrow(UsageError);
    expect(() => store.list({ ...noFilter, limit: 1.5 })).toThrow(UsageError);
  });
});

describe('ItemStore.get and count', () => {
  beforeEach(() => {
    store.save([
      input('https://vnexpress.net/amp/a-1.html', { canonicalKey: 'https://vnexpress.net/a-1.html', canonicalUrl: 'https://vnexpress.net/a-1.html' }),
      input('https://laodong.vn/đà-nẵng.ldo', { source: 'laodong.vn' }),
    ]);
  });

  const cases: Array<[string, string, number | null]> = [
    ['id', '2', 2],
    ['id with spaces', ' 1 ', 1],
    ['missing id', '99', null],
    ['url', 'https://vnexpress.net/amp/a-1.html', 1],
    ['url variant', 'http://vnexpress.net/amp/a-1.html?utm_source=x#c', 1],
    ['canonical url', 'https://vnexpress.net/a-1.html', 1],
    ['percent-encoded Vietnamese url', 'https://laodong.vn/%C4%91%C3%A0-n%E1%BA%B5ng.ldo', 2],
    ['NFD Vietnamese url', 'https://laodong.vn/đà-nẵng.ldo'.normalize('NFD'), 2],
    ['unknown url', 'https://vnexpress.net/other.html', null],
    ['not a url', 'hello', null],
  ];
  it.each(cases)('get by %s', (_name, query, expectedId) => {
    expect(store.get(query)?.id ?? null).toBe(expectedId);
  });

  it('counts rows', () => {
    expect(store.count()).toBe(2);
    store.save([input('https://vnexpress.net/amp/a-1.html?utm_source=x')]);
    expect(store.count()).toBe(2);
    store.save([input('https://vnexpress.net/c-3.html')]);
    expect(store.count()).toBe(3);
  });

  it('works on a read-only connection', () => {
    const readonly = openDatabase(join(dir, 'news.db'), { readonly: true });
    try {
      const reader = new ItemStore(readonly);
      expect(reader.count()).toBe(2);
      expect(reader.list({ ...noFilter, source: 'laodong.vn' }).map((item) => item.id)).toEqual([2]);
    } finally {
      readonly.close();
    }
  });
});

describe('reading a row into an Item', () => {
  it('maps every column to its own field, through get by id and URL, list and iterate', () => {
    store.save([input('https://a.vn/1')]);
    // A value per column that names it, so two columns read in each other's place show.
    db.prepare(
      `UPDATE items SET canonical_url = 'canonical_url', title = 'title', byline = 'byline', attribution = 'attribution',
         summary = 'summary', lang = 'en', declared_lang = 'declared_lang', lang_source = 'lang_source',
         published_at = 'published_at', site_name = 'site_name', image_url = 'image_url', source = 'source', story_id = 77,
         first_seen_at = 'first_seen_at', fetched_at = 'fetched_at', updated_at = 'updated_at'`,
    ).run();
    const expected = {
      id: 1, url: 'https://a.vn/1', canonicalUrl: 'canonical_url', title: 'title', byline: 'byline', attribution: 'attribution',
      summary: 'summary', lang: 'en', declaredLang: 'declared_lang', langSource: 'lang_source', publishedAt: 'published_at',
      firstSeenAt: 'first_seen_at', fetchedAt: 'fetched_at', updatedAt: 'updated_at', siteName: 'site_name', imageUrl: 'image_url',
      source: 'source', storyId: 77,
    };
    const all: ItemFilter = { lang: null, source: null, since: null, until: null, limit: null };
    expect(store.get('1')).toEqual(expected);
    expect(store.get('https://a.vn/1')).toEqual(expected);
    expect(store.list(all)).toEqual([expected]);
    expect([...store.iterate(all, 'grouped')]).toEqual([expected]);
  });
});
