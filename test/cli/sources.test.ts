/**
 * Sources, feeds and cron-grade fetching, end to end: the built CLI against a
 * node:http server on 127.0.0.1 (feeds, robots.txt, 304s, 429s, a hanging host).
 */
import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../src/cli/fixture-server.js';
import { BIN, runCli, tempDir } from '../helpers/cli.js';

let server: FixtureServer;
let dir: { path: string; cleanup: () => void };
const hits = new Map<string, number>();
const conditional: string[] = [];
const count = (path: string): number => hits.get(path) ?? 0;
const FAST = ['--per-host-interval', '0'];

function rss(base: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title><![CDATA[Tin mới &amp; nóng]]></title><link>${base}/</link><language>vi</language>
<item><title><![CDATA[Hà Nội mở thêm 12 tuyến xe buýt điện]]></title><link>/vnexpress-article/</link><guid>a-1</guid>
  <description><![CDATA[Từ ngày 1/9, Hà Nội đưa thêm 12 tuyến xe buýt điện vào khai thác.]]></description><pubDate>Mon, 12 Aug 2024 03:30:00 GMT</pubDate></item>
<item><title>Đồng bằng sông Cửu Long ứng phó xâm nhập mặn</title><link>${base}/nhandan-article/</link>
  <description>Dự báo mùa khô 2024-2025, xâm nhập mặn ở mức cao.</description><pubDate>Wed, 20 Nov 2024 01:15:00 +0000</pubDate></item>
<item><title>Bài trong thư mục riêng không được lấy</title><link>${base}/private/secret.html</link><guid>a-3</guid>
  <description>Trang này bị robots.txt chặn nên chỉ giữ phần tóm tắt.</description></item>
</channel></rss>`;
}

function respond(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(body);
}

const track = (path: string, handler: (req: IncomingMessage, res: ServerResponse) => void) => (req: IncomingMessage, res: ServerResponse) => {
  hits.set(path, count(path) + 1);
  handler(req, res);
};

beforeAll(async () => {
  dir = tempDir();
  server = await startFixtureServer({
    routes: {
      '/robots.txt': (_req, res) => respond(res, 200, 'text/plain', 'User-agent: *\nDisallow: /private/\n'),
      '/rss.xml': track('/rss.xml', (req, res) => {
        if (req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined) conditional.push(String(req.headers['if-none-match']));
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304, { etag: '"v1"' });
          res.end();
          return;
        }
        respond(res, 200, 'application/rss+xml; charset=utf-8', rss(server.baseUrl), { etag: '"v1"', 'last-modified': 'Mon, 12 Aug 2024 04:00:00 GMT' });
      }),
      '/private/secret.html': track('/private/secret.html', (_req, res) => respond(res, 200, 'text/html', '<html><title>secret</title></html>')),
      '/busy.xml': track('/busy.xml', (_req, res) => respond(res, 429, 'text/plain', 'slow down', { 'retry-after': '3600' })),
      '/hang.xml': track('/hang.xml', () => undefined),
      '/slow.xml': track('/slow.xml', (_req, res) => {
        setTimeout(() => respond(res, 200, 'application/rss+xml', rss(server.baseUrl)), 1500);
      }),
      '/with-feed/': (_req, res) =>
        respond(res, 200, 'text/html; charset=utf-8', `<!doctype html><html><head><title>Trang có feed</title>
          <link rel="alternate" type="application/rss+xml" title="Tin mới" href="/rss.xml"></head>
          <body><article><h1>Một bài viết bình thường có đường dẫn feed</h1><p>${'Nội dung bài viết. '.repeat(30)}</p></article></body></html>`),
    },
  });
});

afterAll(async () => {
  await server.close();
  dir.cleanup();
});

const json = <T>(text: string): T => JSON.parse(text) as T;

describe('sources add|list|remove', () => {
  it('detects a feed, a listing page and an article page, and offers a discovered feed', async () => {
    const db = join(dir.path, 'kinds.db');
    const feed = await runCli(['sources', 'add', `${server.baseUrl}/rss.xml`, '--json', '--db', db]);
    expect(feed.code).toBe(0);
    expect(json<{ kind: string; name: string }>(feed.stdout)).toMatchObject({ kind: 'feed', name: 'Tin mới & nóng' });
    const listing = await runCli(['sources', 'add', server.homeUrl, '--json', '--db', db]);
    expect(json<{ kind: string }>(listing.stdout).kind).toBe('listing');
    const page = await runCli(['sources', 'add', `${server.baseUrl}/with-feed/`, '--json', '--db', db]);
    expect(json<{ kind: string }>(page.stdout).kind).toBe('page');
    expect(page.stderr).toContain(`this page offers a feed: ${server.baseUrl}/rss.xml (Tin mới)`);

    const again = await runCli(['sources', 'add', `${server.baseUrl}/rss.xml`, '--db', db]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already subscribed/);

    const list = json<{ url: string; kind: string }[]>((await runCli(['sources', 'list', '--json', '--db', db])).stdout);
    expect(list.map((s) => s.kind)).toEqual(['feed', 'listing', 'page']);
    expect((await runCli(['sources', 'remove', '2', '--db', db])).code).toBe(0);
    expect((await runCli(['sources', 'remove', '2', '--db', db])).code).toBe(1);
    expect(json<unknown[]>((await runCli(['sources', 'list', '--json', '--db', db])).stdout)).toHaveLength(2);
  });

  it('round-trips sources through OPML', async () => {
    const from = join(dir.path, 'opml-from.db');
    await runCli(['sources', 'add', `${server.baseUrl}/rss.xml`, '--name', 'Tin mới', '--lang', 'vi', '--db', from]);
    await runCli(['sources', 'add', server.homeUrl, '--kind', 'listing', '--db', from]);
    const file = join(dir.path, 'subs.opml');
    expect((await runCli(['sources', 'export', '-o', file, '--db', from])).code).toBe(0);
    const to = join(dir.path, 'opml-to.db');
    const imported = await runCli(['sources', 'import', file, '--db', to]);
    expect(imported.stderr).toContain('imported 2 sources');
    const pick = (db: string) =>
      runCli(['sources', 'list', '--json', '--db', db]).then((r) => json<{ url: string; kind: string; name: string | null; lang: string | null }[]>(r.stdout).map(({ url, kind, name, lang }) => ({ url, kind, name, lang })));
    expect(await pick(to)).toEqual(await pick(from));
    expect((await runCli(['sources', 'import', file, '--db', to])).stderr).toContain('(2 already subscribed)');
  });
});

describe('news fetch over due sources', () => {
  const db = () => join(dir.path, 'cron.db');

  it('fetches a feed, follows its links (never a robots-disallowed one) and records the run', async () => {
    await runCli(['sources', 'add', `${server.baseUrl}/rss.xml`, '--db', db()]);
    const result = await runCli(['fetch', '--json', ...FAST, '--db', db()]);
    expect(result.code).toBe(0);
    const summary = json<{ inserted: number; results: { kind: string; status: string; via: string | null; ok: boolean; code?: string }[] }>(result.stdout);
    expect(summary.inserted).toBe(3);
    expect(summary.results.find((r) => r.kind === 'feed')).toMatchObject({ status: 'feed' });
    expect(summary.results.find((r) => !r.ok)).toMatchObject({ code: 'robots', via: `${server.baseUrl}/rss.xml` });
    expect(count('/private/secret.html')).toBe(0);

    const items = json<{ url: string; byline: string | null; summary: string | null; publishedAt: string | null }[]>((await runCli(['list', '--json', '--db', db()])).stdout);
    expect(items.find((i) => i.url === server.urlFor('vnexpress-article'))).toMatchObject({ byline: 'Minh Khánh', publishedAt: '2024-08-12T03:30:00.000Z' });
    expect(items.find((i) => i.url.endsWith('/private/secret.html'))).toMatchObject({ summary: 'Trang này bị robots.txt chặn nên chỉ giữ phần tóm tắt.' });

    const runs = json<{ status: string; sourcesOk: number; itemsNew: number }[]>((await runCli(['runs', '--json', '--db', db()])).stdout);
    expect(runs[0]).toMatchObject({ status: 'ok', sourcesOk: 1, itemsNew: 3 });
    const sources = json<{ lastStatus: string; itemsTotal: number; nextCheckAt: string }[]>((await runCli(['sources', 'list', '--json', '--db', db()])).stdout);
    expect(sources[0]).toMatchObject({ lastStatus: 'ok', itemsTotal: 3 });
    expect(Date.parse(sources[0]!.nextCheckAt)).toBeGreaterThan(Date.now() + 10 * 60_000);
  });

  it('does nothing while no source is due, and a forced run costs one conditional request (304)', async () => {
    const before = count('/rss.xml');
    const idle = await runCli(['fetch', ...FAST, '--db', db()]);
    expect(idle).toMatchObject({ code: 0 });
    expect(idle.stderr).toContain('no source is due');
    expect(count('/rss.xml')).toBe(before);

    const forced = await runCli(['fetch', '--force', ...FAST, '--db', db()]);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(/^same .*\/rss\.xml \(not modified\)$/m);
    expect(count('/rss.xml')).toBe(before + 1);
    expect(conditional).toContain('"v1"');
    expect(json<unknown[]>((await runCli(['list', '--json', '--db', db()])).stdout)).toHaveLength(3);
  });

  it('honours 429 Retry-After: the source backs off and the host is not asked again before the time', async () => {
    const path = join(dir.path, 'busy.db');
    await runCli(['sources', 'add', `${server.baseUrl}/busy.xml`, '--kind', 'feed', '--db', path]);
    const first = await runCli(['fetch', ...FAST, '--db', path]);
    expect(first.code).toBe(1);
    expect(count('/busy.xml')).toBe(1);
    const [source] = json<{ lastStatus: string; consecutiveFailures: number; nextCheckAt: string }[]>((await runCli(['sources', 'list', '--json', '--db', path])).stdout);
    expect(source).toMatchObject({ lastStatus: 'error', consecutiveFailures: 1 });
    expect(Date.parse(source!.nextCheckAt)).toBeGreaterThan(Date.now() + 50 * 60_000);

    const forced = await runCli(['fetch', '--force', ...FAST, '--db', path]);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toMatch(/asked not to be contacted before/);
    expect(count('/busy.xml')).toBe(1);
  });

  it('a hanging server does not hold the run past its time limit', async () => {
    const path = join(dir.path, 'hang.db');
    await runCli(['sources', 'add', `${server.baseUrl}/hang.xml`, '--kind', 'feed', '--db', path]);
    await runCli(['sources', 'add', `${server.baseUrl}/rss.xml`, '--db', path]);
    const result = await runCli(['fetch', '--time-limit', '2', ...FAST, '--db', path], { timeoutMs: 20_000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^fail .*\/hang\.xml: .*run time limit reached/m);
    expect(json<unknown[]>((await runCli(['list', '--json', '--db', path])).stdout)).toHaveLength(3);
    const [run] = json<{ status: string; sourcesOk: number; sourcesFailed: number }[]>((await runCli(['runs', '--json', '--db', path])).stdout);
    expect(run).toMatchObject({ status: 'failed', sourcesOk: 1, sourcesFailed: 1 });
  });
});

describe('overlapping and interrupted runs', () => {
  it('two overlapping news fetch processes fetch once, without error or duplicates', async () => {
    const path = join(dir.path, 'overlap.db');
    await runCli(['sources', 'add', `${server.baseUrl}/slow.xml`, '--kind', 'feed', '--db', path]);
    const before = count('/slow.xml');
    const [a, b] = await Promise.all([runCli(['fetch', ...FAST, '--db', path]), runCli(['fetch', ...FAST, '--db', path])]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect([a.stderr, b.stderr].filter((s) => /another news fetch .* is running; nothing to do/.test(s))).toHaveLength(1);
    expect(count('/slow.xml')).toBe(before + 1);
    const items = json<{ url: string }[]>((await runCli(['list', '--json', '--db', path])).stdout);
    expect(new Set(items.map((i) => i.url)).size).toBe(items.length);
    expect(items).toHaveLength(3);
  });

  it('after kill -9 in the middle of a run, the next run takes the lock over and loses nothing', async () => {
    const path = join(dir.path, 'killed.db');
    await runCli(['sources', 'add', `${server.baseUrl}/hang.xml`, '--kind', 'feed', '--db', path]);
    await runCli(['sources', 'add', `${server.baseUrl}/rss.xml`, '--db', path]);
    const child = spawn(process.execPath, [BIN, 'fetch', ...FAST, '--db', path], { stdio: 'ignore' });
    // Wait until the first run has stored what it could (the feed's items) and hangs on the other source.
    for (let i = 0; i < 100; i++) {
      const listed = await runCli(['list', '--json', '--db', path]);
      if (json<unknown[]>(listed.stdout).length === 3) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const next = await runCli(['fetch', '--force', '--time-limit', '2', ...FAST, '--db', path], { timeoutMs: 20_000 });
    expect(next.stderr).not.toMatch(/another news fetch/);
    expect(json<unknown[]>((await runCli(['list', '--json', '--db', path])).stdout)).toHaveLength(3);
    const runs = json<{ status: string }[]>((await runCli(['runs', '--json', '--db', path])).stdout);
    expect(runs.map((r) => r.status)).toEqual(['failed', 'interrupted']);
  });
});
