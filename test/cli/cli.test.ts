/**
 * End to end: the built CLI as a child process against fixture pages served on 127.0.0.1.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../src/cli/fixture-server.js';
import { runCli, tempDir } from '../helpers/cli.js';

let server: FixtureServer;
let dir: { path: string; cleanup: () => void };
let db: string;
const ARTICLES = ['vnexpress-article', 'nhandan-article', 'tuoitre-article', 'dantri-article'];

beforeAll(async () => {
  server = await startFixtureServer({
    routes: {
      '/report.pdf': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end('%PDF-1.4 not a page');
      },
      '/moved': (_req, res) => {
        res.writeHead(301, { location: '/vnexpress-article/' });
        res.end();
      },
    },
  });
  dir = tempDir();
  db = join(dir.path, 'news.db');
});

afterAll(async () => {
  await server.close();
  dir.cleanup();
});

const listJson = async (...args: string[]): Promise<Record<string, unknown>[]> => {
  const result = await runCli(['list', '--json', '--db', db, ...args]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>[];
};

describe('news fetch → list → export', () => {
  it('stores every good URL, reports the bad ones and exits 1', async () => {
    const urls = [...ARTICLES.map((slug) => server.urlFor(slug)), `${server.baseUrl}/missing`, `${server.baseUrl}/report.pdf`];
    const result = await runCli(['fetch', '--per-host-interval', '0', '--db', db, ...urls]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('new '))).toHaveLength(4);
    expect(lines.find((l) => l.includes('/missing'))).toMatch(/^fail .*HTTP 404/);
    expect(lines.find((l) => l.includes('/report.pdf'))).toMatch(/^fail .*application\/pdf/);
    expect(lines.at(-1)).toBe('6 URLs: 4 stored (4 new, 0 updated), 2 failed');
    expect(result.stdout).toBe('');

    const items = await listJson();
    expect(items).toHaveLength(4);
    const expected = JSON.parse(readFileSync(new URL('../../fixtures/pages/vnexpress-article/expected.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const vnexpress = items.find((item) => item['url'] === server.urlFor('vnexpress-article'));
    expect(vnexpress).toMatchObject({ title: expected['title'], byline: expected['byline'], summary: expected['summary'], lang: 'vi', publishedAt: expected['publishedAt'] });
    expect(Object.keys(vnexpress!)).toEqual([
      'id', 'url', 'canonicalUrl', 'title', 'byline', 'attribution', 'summary', 'lang', 'declaredLang', 'langSource', 'publishedAt',
      'firstSeenAt', 'fetchedAt', 'updatedAt', 'siteName', 'imageUrl', 'source', 'storyId', 'also',
    ]);
  });

  it('re-fetching and tracking-parameter variants add no row', async () => {
    const before = await listJson();
    const variants = [
      `${server.urlFor('vnexpress-article')}?utm_source=facebook&utm_medium=social`,
      `${server.urlFor('nhandan-article')}?fbclid=abc123#comments`,
      server.urlFor('tuoitre-article'),
      `${server.baseUrl}/moved`,
    ];
    const result = await runCli(['fetch', '--per-host-interval', '0', '--json', '--db', db, ...variants]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { ok: number; failed: number; inserted: number; updated: number; results: { status: string; id: number }[] };
    expect(summary).toMatchObject({ ok: 4, failed: 0, inserted: 0, updated: 3 });
    expect(summary.results.every((r) => r.status === 'updated')).toBe(true);

    const after = await listJson();
    expect(after).toHaveLength(before.length);
    for (const item of after) {
      const old = before.find((b) => b['id'] === item['id'])!;
      expect(item['firstSeenAt']).toBe(old['firstSeenAt']);
    }
  });

  it('filters by language and limit', async () => {
    expect(await listJson('--lang', 'en')).toHaveLength(0);
    expect(await listJson('--lang', 'vi')).toHaveLength(4);
    expect(await listJson('--limit', '2')).toHaveLength(2);
  });

  it('prints a plain table when piped and colour only when forced', async () => {
    const plain = await runCli(['list', '--db', db]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^ID\s+DATE\s+LG\s+SOURCE\s+TITLE\n/);
    expect(plain.stdout).not.toContain('\u001b[');
    const forced = await runCli(['list', '--db', db], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[');
    const noColor = await runCli(['list', '--db', db], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
  });

  it('shows one item by id and by URL', async () => {
    const [first] = await listJson('--limit', '1');
    const byId = await runCli(['show', String(first!['id']), '--db', db]);
    expect(byId.code).toBe(0);
    expect(byId.stdout).toContain(String(first!['title']));
    const byUrl = await runCli(['show', String(first!['url']), '--json', '--db', db]);
    expect(JSON.parse(byUrl.stdout)).toMatchObject({ id: first!['id'] });
    const missing = await runCli(['show', '99999', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no item with id or URL "99999"/);
  });

  it('exports JSON to stdout and Markdown atomically to a file', async () => {
    const json = await runCli(['export', '--format', 'json', '--db', db]);
    expect(json.code).toBe(0);
    const document = JSON.parse(json.stdout) as { version: number; generatedAt: string; items: unknown[] };
    expect(document.version).toBe(1);
    expect(Number.isNaN(Date.parse(document.generatedAt))).toBe(false);
    expect(document.items).toHaveLength(4);

    const out = join(dir.path, 'digest.md');
    const md = await runCli(['export', '--format', 'md', '-o', out, '--db', db]);
    expect(md.code).toBe(0);
    expect(md.stdout).toBe('');
    expect(md.stderr).toContain('wrote 4 items');
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('## Tiếng Việt');
    expect(text).not.toContain('## English');
    const vn = JSON.parse(readFileSync(new URL('../../fixtures/pages/vnexpress-article/expected.json', import.meta.url), 'utf8')) as { title: string };
    expect(text).toContain(`[${vn.title}](${server.urlFor('vnexpress-article')})`);
  });
});

describe('listing pages', () => {
  let listingServer: FixtureServer;
  beforeAll(async () => {
    listingServer = await startFixtureServer({
      routes: {
        // A section page whose second teaser points at a page that is gone.
        '/thoi-su/': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Thời sự</title></head><body>
            <nav><a href="/">Trang chủ</a></nav><main>
            <article class="item-news"><h3 class="title-news"><a href="/dantri-article/">Người dân ngoại thành Hà Nội vẫn đốt rơm rạ</a></h3>
              <p class="description">Dù thành phố đã cấm đốt rơm rạ ngoài trời, nhiều cánh đồng vẫn mù mịt khói.</p></article>
            <article class="item-news"><h3 class="title-news"><a href="/bai-da-xoa-123.html">Bài viết này đã bị gỡ khỏi trang</a></h3>
              <p class="description">Một tóm tắt vẫn còn hiện trên trang chuyên mục dù bài đã bị gỡ.</p></article>
            <article class="item-news"><h3 class="title-news"><a href="/plo-article/">Cựu giám đốc công ty địa ốc lãnh 12 năm tù</a></h3></article>
            </main></body></html>`);
        },
      },
    });
  });
  afterAll(() => listingServer.close());

  it('follows every teaser of a home page to the full article', async () => {
    const path = join(dir.path, 'home.db');
    const result = await runCli(['fetch', '--per-host-interval', '0', '--json', '--db', path, listingServer.homeUrl]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { inserted: number; results: { kind: string; teasers?: number; followed?: number; via: string | null }[] };
    const listing = summary.results.find((r) => r.kind === 'listing')!;
    expect(listing.teasers).toBe(listingServer.homeSlugs.length);
    expect(listing.followed).toBe(listingServer.homeSlugs.length);
    expect(summary.inserted).toBe(listingServer.homeSlugs.length);
    const items = JSON.parse((await runCli(['list', '--json', '--limit', '100', '--db', path])).stdout) as { url: string; byline: string | null; publishedAt: string | null }[];
    expect(items.map((i) => i.url).sort()).toEqual(listingServer.homeSlugs.map((slug) => listingServer.urlFor(slug)).sort());
    // Full articles, not teasers: the dates and bylines come from the article pages.
    expect(items.every((i) => i.publishedAt !== null)).toBe(true);

    // A second run finds nothing new to follow and adds nothing.
    const again = await runCli(['fetch', '--per-host-interval', '0', '--db', path, listingServer.homeUrl]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/teasers, nothing new to follow/);
    expect(JSON.parse((await runCli(['list', '--json', '--limit', '100', '--db', path])).stdout)).toHaveLength(items.length);
  });

  it('--max-items bounds the teasers taken and --no-follow stores teasers only', async () => {
    const bounded = join(dir.path, 'bounded.db');
    expect((await runCli(['fetch', '--per-host-interval', '0', '--max-items', '2', '--db', bounded, listingServer.homeUrl])).code).toBe(0);
    expect(JSON.parse((await runCli(['list', '--json', '--db', bounded])).stdout)).toHaveLength(2);

    const teasersOnly = join(dir.path, 'teasers.db');
    const result = await runCli(['fetch', '--per-host-interval', '0', '--no-follow', '--db', teasersOnly, `${listingServer.baseUrl}/thoi-su/`]);
    expect(result.code).toBe(0);
    const items = JSON.parse((await runCli(['list', '--json', '--db', teasersOnly])).stdout) as Record<string, unknown>[];
    expect(items).toHaveLength(3);
    expect(items.find((i) => i['url'] === listingServer.urlFor('dantri-article'))).toMatchObject({
      title: 'Người dân ngoại thành Hà Nội vẫn đốt rơm rạ',
      summary: 'Dù thành phố đã cấm đốt rơm rạ ngoài trời, nhiều cánh đồng vẫn mù mịt khói.',
      publishedAt: null,
      lang: 'vi',
    });
  });

  it('a teaser link that fails keeps the teaser, warns, and does not fail the run', async () => {
    const path = join(dir.path, 'broken.db');
    const result = await runCli(['fetch', '--per-host-interval', '0', '--db', path, `${listingServer.baseUrl}/thoi-su/`]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^warn .*bai-da-xoa-123\.html: HTTP 404.*\(kept the teaser\)$/m);
    const items = JSON.parse((await runCli(['list', '--json', '--db', path])).stdout) as Record<string, unknown>[];
    expect(items).toHaveLength(3);
    expect(items.find((i) => String(i['url']).endsWith('/bai-da-xoa-123.html'))).toMatchObject({ title: 'Bài viết này đã bị gỡ khỏi trang', publishedAt: null });
    expect(items.find((i) => i['url'] === listingServer.urlFor('plo-article'))).toMatchObject({ byline: 'Nguyễn An' });
  });
});

describe('usage errors and the start-up path', () => {
  it('an unknown flag exits 2 with a message on stderr', async () => {
    const result = await runCli(['list', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--bogus'/);
    expect(result.stdout).toBe('');
  });

  it('a bad value exits 2', async () => {
    for (const args of [['list', '--lang', 'fr'], ['list', '--since', 'yesterday'], ['export', '--format', 'pdf'], ['fetch']]) {
      const result = await runCli([...args, '--db', db]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.length, args.join(' ')).toBeGreaterThan(0);
    }
  });

  it('a command group without its subcommand is a usage error', async () => {
    for (const args of [[], ['sources']]) {
      const result = await runCli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/Usage: news/);
    }
  });

  it('server text in an error message reaches the terminal without control sequences', async () => {
    const { createServer } = await import('node:net');
    const raw = createServer((socket) => {
      socket.once('data', () => socket.end('HTTP/1.1 404 Gone\u001b]0;PWNED\u0007\u001b[31m red\r\ncontent-length: 0\r\nconnection: close\r\n\r\n'));
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    try {
      const port = (raw.address() as { port: number }).port;
      const result = await runCli(['sources', 'add', `http://127.0.0.1:${port}/feed.xml`, '--db', join(dir.path, 'raw.db')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/cannot reach .*HTTP 404/);
      expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    } finally {
      raw.close();
    }
  });

  it('--version prints the package version', async () => {
    const result = await runCli(['--version']);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(result).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('news --version and news list do not load cheerio, undici or franc', async () => {
    for (const args of [['--version'], ['list', '--db', db]]) {
      const trace = join(dir.path, `trace-${args[0]}.txt`);
      const result = await runCli(args, {
        nodeArgs: ['--import', new URL('../helpers/trace-imports.mjs', import.meta.url).href],
        env: { NEWS_TRACE_IMPORTS: trace },
      });
      expect(result.code).toBe(0);
      const loaded = existsSync(trace) ? readFileSync(trace, 'utf8') : '';
      // The trace works (commander is always loaded) …
      expect(loaded).toContain('/node_modules/commander/');
      if (args[0] === 'list') expect(loaded).toContain('/node_modules/better-sqlite3/');
      expect(loaded).not.toMatch(/\/node_modules\/(cheerio|undici|franc|htmlparser2)\//);
    }
  });

  it('a database newer than the code is refused', async () => {
    const Database = (await import('better-sqlite3')).default;
    const path = join(dir.path, 'future.db');
    const future = new Database(path);
    future.pragma('user_version = 999');
    future.close();
    const result = await runCli(['list', '--db', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/newer version of news/);
  });
});
