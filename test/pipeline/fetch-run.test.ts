/**
 * runFetch with a fetcher that serves pages from memory and a real store on a temp
 * database: store failures, teaser-only items followed again, deferred validators.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FetchError } from '../../src/errors.js';
import type { FetchedPage } from '../../src/fetch/http.js';
import { runFetch, type PageFetcher } from '../../src/pipeline/fetch-run.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { ItemStore } from '../../src/store/items.js';
import { tempDir } from '../helpers/cli.js';

const ARTICLE = (title: string) => `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta property="og:site_name" content="Báo Ví Dụ"><meta property="og:title" content="${title}">
<meta property="og:description" content="Tóm tắt đầy đủ của bài viết về ${title.toLowerCase()}.">
<meta property="article:published_time" content="2024-08-12T10:30:00+07:00"></head>
<body><article><h1>${title}</h1><p>Nội dung bài viết.</p></article></body></html>`;

const LISTING = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Thời sự</title></head><body><main>
${[1, 2, 3].map((n) => `<article class="item-news"><h3 class="title-news"><a href="https://vidu.vn/thoi-su/bai-viet-so-${n}-123${n}.html">Tin thời sự số ${n} trong ngày hôm nay</a></h3>
<p class="description">Tóm tắt tin số ${n} hiện trên trang chuyên mục.</p></article>`).join('\n')}
</main></body></html>`;

function page(url: string, text: string, extra: Partial<FetchedPage> = {}): FetchedPage {
  return {
    requestedUrl: url, finalUrl: url, status: 200, headers: {}, contentType: 'text/html; charset=utf-8', bytes: new Uint8Array(),
    text, charset: 'utf-8', redirects: 0, elapsedMs: 1, notModified: false, validators: { etag: null, lastModified: null }, ...extra,
  };
}

/** Serves LISTING at /thoi-su and articles elsewhere; `failing` URLs throw a 503. */
function memoryFetcher(failing: Set<string>): PageFetcher & { committed: string[] } {
  const committed: string[] = [];
  return {
    committed,
    async fetch(url) {
      if (failing.has(url)) throw new FetchError('HTTP 503 Service Unavailable', 'http-status', 503);
      if (url.endsWith('/thoi-su')) return page(url, LISTING, { validators: { etag: '"l1"', lastModified: null } });
      return page(url, ARTICLE(`Bài viết ${url.slice(-9, -5)}`));
    },
    commitValidators(url) {
      committed.push(url);
    },
  };
}

let dir: { path: string; cleanup: () => void };
let db: Database;
beforeEach(() => {
  dir = tempDir();
  db = openDatabase(join(dir.path, 'news.db'));
});
afterEach(() => {
  db.close();
  dir.cleanup();
});

const listingTarget = { url: 'https://vidu.vn/thoi-su', kind: 'listing' as const, sourceId: 1, lang: null };

/** A JSON Feed without a version, served as plain JSON, whose authors carry wire credits. */
const VERSIONLESS_FEED = JSON.stringify({
  items: [
    { id: 'a1', url: 'https://vidu.vn/the-gioi/tin-the-gioi-1.html', title: 'Tin thế giới số một', authors: [{ name: 'Theo TTXVN' }] },
    { id: 'a2', url: 'https://vidu.vn/the-gioi/tin-the-gioi-2.html', title: 'Tin thế giới số hai', authors: [{ name: 'Jane Doe (Reuters)' }] },
    { id: 'a3', url: 'https://vidu.vn/the-gioi/tin-the-gioi-3.html', title: 'Tin thế giới số ba', authors: [{ name: 'Thu Hằng - PV' }] },
  ],
});

/** Serves VERSIONLESS_FEED at /feed.json (as `application/json`) and articles elsewhere. */
function feedFetcher(): PageFetcher {
  return {
    async fetch(url) {
      if (url.endsWith('/feed.json')) return page(url, VERSIONLESS_FEED, { contentType: 'application/json; charset=utf-8' });
      return page(url, ARTICLE(`Bài viết ${url.slice(-7, -5)}`));
    },
  };
}

const feedTarget = { url: 'https://vidu.vn/feed.json', kind: 'feed' as const, sourceId: 2, lang: null };

describe('runFetch: feed entries', () => {
  it.each([
    ['stored from the entry alone', false],
    ['filling what the article page lacks', true],
  ])('keep their cleaned byline and attribution when %s', async (_label, follow) => {
    const store = new ItemStore(db);
    const summary = await runFetch([feedTarget], { store, fetcher: feedFetcher(), concurrency: 2, follow });
    expect(summary.outcomes.find((o) => o.ok && o.kind === 'feed')).toMatchObject({ status: 'feed', teasers: 3 });
    expect(summary.outcomes.filter((o) => !o.ok)).toEqual([]);
    const stored = [1, 2, 3].map((n) => store.get(`https://vidu.vn/the-gioi/tin-the-gioi-${n}.html`));
    expect(stored.map((item) => [item?.byline, item?.attribution])).toEqual([
      [null, 'TTXVN'],
      ['Jane Doe', 'Reuters'],
      ['Thu Hằng', null],
    ]);
    // Followed links are read from the article page; entries alone are not.
    expect(stored.map((item) => item?.siteName)).toEqual(follow ? ['Báo Ví Dụ', 'Báo Ví Dụ', 'Báo Ví Dụ'] : [null, null, null]);
  });
});

describe('runFetch', () => {
  it('stores item by item when a batch write fails, and reports items that still cannot be stored', async () => {
    const store = new ItemStore(db);
    const realSave = store.save.bind(store);
    let calls = 0;
    // The first (batched) write fails; single-item writes succeed except for one URL.
    store.save = (inputs) => {
      calls++;
      if (calls === 1 || inputs.some((input) => input.url.endsWith('-1233.html'))) throw new Error('SQLITE_BUSY: database is locked');
      return realSave(inputs);
    };
    const summary = await runFetch([listingTarget], { store, fetcher: memoryFetcher(new Set()), concurrency: 4, follow: false });
    const failures = summary.outcomes.filter((o) => !o.ok);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ code: 'store', url: 'https://vidu.vn/thoi-su/bai-viet-so-3-1233.html' });
    expect(new ItemStore(db).count()).toBe(2);
  });

  it('follows again, and completes, items that an earlier run stored from the teaser alone', async () => {
    const store = new ItemStore(db);
    const broken = new Set(['https://vidu.vn/thoi-su/bai-viet-so-1-1231.html']);
    const first = await runFetch([listingTarget], { store, fetcher: memoryFetcher(broken), concurrency: 4 });
    expect(first.outcomes.find((o) => !o.ok)).toMatchObject({ teaserKept: true, via: 'https://vidu.vn/thoi-su' });
    expect(store.get('https://vidu.vn/thoi-su/bai-viet-so-1-1231.html')).toMatchObject({ siteName: null, publishedAt: null, title: 'Tin thời sự số 1 trong ngày hôm nay' });

    const second = await runFetch([listingTarget], { store, fetcher: memoryFetcher(new Set()), concurrency: 4 });
    expect(second.outcomes.find((o) => o.ok && o.kind === 'listing')).toMatchObject({ followed: 1 });
    expect(store.get('https://vidu.vn/thoi-su/bai-viet-so-1-1231.html')).toMatchObject({ siteName: 'Báo Ví Dụ', publishedAt: '2024-08-12T03:30:00.000Z' });
    expect(store.count()).toBe(3);
  });

  it('commits a source page\'s validators only after the run handled it', async () => {
    const store = new ItemStore(db);
    const fetcher = memoryFetcher(new Set());
    await runFetch([listingTarget, { url: 'https://vidu.vn/a-1.html', kind: 'auto', sourceId: null, lang: null }], { store, fetcher, concurrency: 2 });
    // Only the source (conditional) target, not the named URL or the followed links.
    expect(fetcher.committed).toEqual(['https://vidu.vn/thoi-su']);

    // When its items could not be stored, the next run must read the page again: no commit.
    const other = openDatabase(join(dir.path, 'other.db'));
    try {
      const failingStore = new ItemStore(other);
      failingStore.save = () => {
        throw new Error('disk full');
      };
      const again = memoryFetcher(new Set());
      const summary = await runFetch([listingTarget], { store: failingStore, fetcher: again, concurrency: 2 });
      expect(summary.outcomes.filter((o) => !o.ok && o.code === 'store')).toHaveLength(3);
      expect(again.committed).toEqual([]);
    } finally {
      other.close();
    }
  });
});
