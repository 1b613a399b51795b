/**
 * `news export` end to end: the built CLI as a child process on a temp database, every
 * format parsed back, the HTML digest and the XML feeds checked in a real headless
 * Chromium, and a 20k-item export streamed in bounded memory.
 */
import * as cheerio from 'cheerio';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { spawn } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { ItemStore } from '../../src/store/items.js';
import { dumpDom } from '../helpers/chromium.js';
import { BIN, runCli, tempDir } from '../helpers/cli.js';
import { sampleItems, toInput, writeGeneratedDatabase } from '../helpers/export-items.js';

let dir: { path: string; cleanup: () => void };
let db: string;
const items = sampleItems();
/** The sample as the store lists it: newest first (published, else first seen). */
const newest = [...items].sort((a, b) => (b.publishedAt ?? b.firstSeenAt).localeCompare(a.publishedAt ?? a.firstSeenAt));

beforeAll(() => {
  dir = tempDir('news-export-test-');
  db = join(dir.path, 'news.db');
  const database = openDatabase(db);
  new ItemStore(database).save(items.map(toInput));
  database.close();
});

afterAll(() => dir.cleanup());

const exportText = async (...args: string[]): Promise<string> => {
  const result = await runCli(['export', '--db', db, ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
};

describe('news export formats', () => {
  it('rejects an unknown format with the list of formats (exit 2)', async () => {
    const result = await runCli(['export', '--format', 'xml', '--db', db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Allowed choices are json, jsonl, md, html, jsonfeed, rss, atom');
  });

  it('json: the versioned document with every item', async () => {
    const document = JSON.parse(await exportText('--format', 'json')) as { version: number; items: { url: string }[] };
    expect(document.version).toBe(1);
    expect(document.items.map((item) => item.url)).toEqual(newest.map((item) => item.url));
  });

  it('jsonl: one JSON item per line, filters applied', async () => {
    const all = (await exportText('--format', 'jsonl')).trimEnd().split('\n');
    expect(all).toHaveLength(items.length);
    expect(all.map((line) => (JSON.parse(line) as { title: string | null }).title)).toEqual(newest.map((item) => item.title));
    const vi = (await exportText('--format', 'jsonl', '--lang', 'vi')).trimEnd().split('\n');
    expect(vi.map((line) => (JSON.parse(line) as { lang: string }).lang)).toEqual(['vi', 'vi', 'vi']);
  });

  it('jsonfeed, rss and atom parse back with every item, in the same order', async () => {
    const ids = newest.map((item) => item.url);
    const jsonFeed = parseJsonFeed(JSON.parse(await exportText('--format', 'jsonfeed')) as unknown);
    expect((jsonFeed.items ?? []).map((item) => item.url)).toEqual(ids);
    const rss = parseRssFeed(await exportText('--format', 'rss'));
    expect(rss.items!.map((item) => item.link)).toEqual(ids);
    const atom = parseAtomFeed(await exportText('--format', 'atom'));
    expect(atom.entries!.map((entry) => entry.links?.[0]?.href)).toEqual(ids);
  });

  it('a filtered feed says its language', async () => {
    const rss = parseRssFeed(await exportText('--format', 'rss', '--lang', 'en'));
    expect(rss).toMatchObject({ language: 'en', title: 'News digest · English' });
    expect(rss.items!.map((item) => item.title)).toEqual(['Night market on Han River draws crowds']);
  });

  it('-o writes the file atomically and reports the count on stderr', async () => {
    const out = join(dir.path, 'feed.xml');
    writeFileSync(out, 'old digest');
    const result = await runCli(['export', '--format', 'atom', '-o', out, '--db', db]);
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: `wrote 5 items to ${out}\n` });
    expect(parseAtomFeed(readFileSync(out, 'utf8')).entries).toHaveLength(5);
    expect(readdirSync(dir.path).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('stops quietly when the reader closes the pipe early (news export | head -c 100)', async () => {
    const { code, stderr, received } = await new Promise<{ code: number | null; stderr: string; received: number }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'export', '--format', 'jsonl', '--db', bigDb()], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      let received = 0;
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      child.stdout.once('data', (chunk: Buffer) => {
        received = chunk.length;
        child.stdout.destroy();
      });
      child.on('error', reject);
      child.on('close', (exitCode) => resolve({ code: exitCode, stderr: err, received }));
    });
    expect(received).toBeGreaterThan(0);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

/** A database of 3,000 generated items (made once, on first use). */
let big: string | null = null;
function bigDb(): string {
  if (big === null) {
    big = join(dir.path, 'big.db');
    writeGeneratedDatabase(big, 3000);
  }
  return big;
}

describe('the HTML digest in a real browser (Chromium)', () => {
  let rendered: Promise<{ html: string; $: cheerio.CheerioAPI }> | null = null;
  /** The exported page and its DOM after Chromium ran it; made once. Each test fails on its own without Chromium. */
  const page = (): Promise<{ html: string; $: cheerio.CheerioAPI }> =>
    (rendered ??= (async () => {
      const file = join(dir.path, 'digest.html');
      const result = await runCli(['export', '--format', 'html', '-o', file, '--db', db]);
      expect(result.code).toBe(0);
      // The reader is in New York: 03:30 UTC on 12 Aug is 23:30 on 11 Aug there.
      const dom = await dumpDom(file, { env: { TZ: 'America/New_York' }, lang: 'en-US' });
      return { html: readFileSync(file, 'utf8'), $: cheerio.load(dom) };
    })());

  it('has sections by language with lang attributes, then by site', async () => {
    const { $ } = await page();
    const sections = $('section.language').toArray().map((section) => [$(section).attr('lang'), $(section).children('h2').text()]);
    expect(sections).toEqual([
      ['vi', 'Tiếng Việt'],
      ['en', 'English'],
      ['und', 'Other'],
    ]);
    expect($('section.site > h3').toArray().map((h) => $(h).text())).toEqual(['Tuổi Trẻ Online', 'VnExpress', 'VnExpress International', 'example.org']);
    expect($('section[lang="vi"] li.item')).toHaveLength(3);
  }, 60_000);

  it('links every item with an http(s) URL, title as the link text', async () => {
    const { $ } = await page();
    const links = $('a.title').toArray().map((a) => [$(a).attr('href'), $(a).text()]);
    expect(links).toHaveLength(5);
    expect(links[0]).toEqual(['https://tuoitre.vn/nguyen-trai-20240812.htm', 'Nguyễn Trãi và những bài học']);
    expect(links[4]).toEqual(['https://example.org/x', 'https://example.org/x']);
  }, 60_000);

  it('shows a title holding <script> as text: no script ran from it', async () => {
    const { $ } = await page();
    const titles = $('a.title').toArray().map((a) => $(a).text());
    expect(titles).toContain('<script>document.title="pwned"</script> Giá điện tăng & "nóng"');
    expect($('script')).toHaveLength(1);
    expect($('title').text()).toBe('News digest');
    expect($('p.summary').toArray().map((p) => $(p).text())).toContain('Tom & Jerry <b>không</b> in đậm ]]>  chuông.');
  }, 60_000);

  it("shows dates in the reader's local time (the inline script ran), Vietnam time as the fallback", async () => {
    const { $, html } = await page();
    expect($('html').attr('data-local-time')).toBe('shown');
    const time = $('time[datetime="2024-08-12T03:30:00.000Z"]');
    expect(time.attr('title')).toBe('2024-08-12 10:30 (GMT+7)');
    expect(time.text()).toMatch(/^Aug 11, 2024, 11:30\sPM EDT$/u);
    expect(html).toContain('<time datetime="2024-08-12T03:30:00.000Z">2024-08-12 10:30 (GMT+7)</time>');
    expect($('li.item').first().find('p.meta').text()).toMatch(/^Lê C · Aug 11, 2024, 09:00\sPM EDT$/u);
  }, 60_000);

  it('is self-contained: utf-8, inline style and script only, a policy that loads nothing else', async () => {
    const { $, html } = await page();
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).not.toMatch(/<link|<img|\ssrc=|url\(|@import/iu);
    expect($('meta[http-equiv="Content-Security-Policy"]').attr('content')).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'/u);
    expect($('footer').text()).toContain('5 items');
  }, 60_000);
});

describe('the XML feeds in a strict XML parser (Chromium)', () => {
  it.each(['rss', 'atom'])('%s is well-formed XML even with hostile page text', async (format) => {
    const file = join(dir.path, `feed-${format}.xml`);
    const result = await runCli(['export', '--format', format, '-o', file, '--db', db]);
    expect(result.code).toBe(0);
    const dom = await dumpDom(file);
    expect(dom).not.toContain('parsererror');
    expect(dom).toContain('Tom &amp;');
  }, 60_000);

  it('the check itself catches malformed XML', async () => {
    const file = join(dir.path, 'broken.xml');
    copyFileSync(join(dir.path, 'feed-rss.xml'), file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('<title>News digest</title>', '<title>News & digest</title>'));
    expect(await dumpDom(file)).toContain('parsererror');
  }, 60_000);
});

describe('a large export streams in bounded memory', () => {
  it('exports 20k items to a file with flat heap (and under a 32 MB old-space cap)', async () => {
    const path = join(dir.path, '20k.db');
    writeGeneratedDatabase(path, 20_000, 200);
    const sampler = join(dir.path, 'heap-sampler.mjs');
    writeFileSync(
      sampler,
      `let peak = 0;
const sample = () => { peak = Math.max(peak, process.memoryUsage().heapUsed); };
setInterval(sample, 2).unref();
process.on('exit', () => { sample(); process.stderr.write('PEAK_HEAP ' + peak + '\\n'); });
`,
    );
    const nodeArgs = ['--max-old-space-size=32', '--max-semi-space-size=2', '--import', pathToFileURL(sampler).href];
    const peakHeap = async (limit: string[]): Promise<{ peak: number; size: number }> => {
      const out = join(dir.path, `big-${limit.length}.json`);
      // --all: every generated item, not one per story (generated texts look alike).
      const result = await runCli(['export', '--format', 'json', '--all', '-o', out, '--db', path, ...limit], { nodeArgs, timeoutMs: 60_000 });
      expect(result.code, result.stderr).toBe(0);
      const peak = Number(/PEAK_HEAP (\d+)/u.exec(result.stderr)?.[1]);
      expect(peak).toBeGreaterThan(0);
      return { peak, size: statSync(out).size };
    };
    const small = await peakHeap(['--limit', '1000']);
    const all = await peakHeap([]);
    const MB = 1024 * 1024;
    // 20x the items, and a 40 MB file (about 200 MB of heap if held at once), for a few MB more heap.
    expect(all.size).toBeGreaterThan(32 * MB);
    expect(all.peak - small.peak).toBeLessThan(16 * MB);
    expect(JSON.parse(readFileSync(join(dir.path, 'big-0.json'), 'utf8')).items).toHaveLength(20_000);
  }, 120_000);
});
