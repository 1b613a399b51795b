#!/usr/bin/env node
// `npm run bench`: extraction speed against a bare htmlparser2 parse of the same text,
// and `news list` start-up against `node -e 0`. Figures from one run on this machine.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { decodeBody } from '../dist/fetch/decode.js';
import { extractArticle } from '../dist/index.js';

const root = new URL('../', import.meta.url);
const pagesDir = new URL('fixtures/pages/', root);

function loadFixtures() {
  return readdirSync(pagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map(({ name }) => {
      const response = JSON.parse(readFileSync(new URL(`${name}/response.json`, pagesDir), 'utf8'));
      const contentType = response.headers['content-type'] ?? null;
      return { name, url: response.url, html: decodeBody(readFileSync(new URL(`${name}/body.html`, pagesDir)), contentType).text };
    });
}

/**
 * Pages per second of `a` and `b` over `pages`, measured interleaved (a, b, a, b …)
 * for about `ms` milliseconds so that load from other processes hits both alike.
 */
function rates(pages, a, b, ms = 4000) {
  for (const page of pages) {
    a(page);
    b(page);
  }
  let timeA = 0;
  let timeB = 0;
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (const page of pages) {
      const t0 = performance.now();
      a(page);
      const t1 = performance.now();
      b(page);
      timeB += performance.now() - t1;
      timeA += t1 - t0;
    }
    count += pages.length;
  }
  return [count / (timeA / 1000), count / (timeB / 1000)];
}

/** A ~200 KB page: a real fixture with a long body and a big navigation, like current news sites. */
function bigPage(fixture) {
  const paragraph = '<p class="Normal">Theo kế hoạch, các tuyến xe buýt điện mới sẽ kết nối khu đô thị với trung tâm thành phố, giảm ùn tắc và khí thải trong giờ cao điểm.</p>\n';
  const menu = '<li class="item"><a href="/thoi-su/giao-thong" title="Giao thông">Giao thông</a></li>\n';
  let html = fixture.html.replace('</body>', `<nav><ul>${menu.repeat(600)}</ul></nav></body>`);
  html = html.replace(/(<article[^>]*>)/, `$1${paragraph.repeat(700)}`);
  return { ...fixture, html };
}

const fixtures = loadFixtures();
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const totalBytes = fixtures.reduce((sum, f) => sum + Buffer.byteLength(f.html), 0);
console.log('extractArticle = parse + index + every field + language detection; measured interleaved with the bare parse.\n');
console.log(`Extraction over ${fixtures.length} fixture pages (${kb(totalBytes)} in all), one core:`);
const [extractRate, parseRate] = rates(fixtures, (p) => extractArticle(p.html, { url: p.url }), (p) => parseDocument(p.html));
console.log(`  extractArticle         ${extractRate.toFixed(0).padStart(6)} pages/s`);
console.log(`  htmlparser2 parse only ${parseRate.toFixed(0).padStart(6)} pages/s`);
console.log(`  cost ratio             ${(parseRate / extractRate).toFixed(2)}× a bare parse`);

const big = bigPage(fixtures.find((f) => f.name === 'vnexpress-article') ?? fixtures[0]);
console.log(`\nOne ${kb(Buffer.byteLength(big.html))} page:`);
const [bigExtract, bigParse] = rates([big], (p) => extractArticle(p.html, { url: p.url }), (p) => parseDocument(p.html));
console.log(`  extractArticle         ${bigExtract.toFixed(0).padStart(6)} pages/s`);
console.log(`  htmlparser2 parse only ${bigParse.toFixed(0).padStart(6)} pages/s`);
console.log(`  cost ratio             ${(bigParse / bigExtract).toFixed(2)}× a bare parse`);

// Start-up: `news list` on a small database against an empty node process.
const dir = mkdtempSync(join(tmpdir(), 'news-bench-'));
try {
  const db = join(dir, 'news.db');
  const bin = new URL('bin/news.js', root).pathname;
  spawnSync(process.execPath, [bin, 'list', '--db', db]); // creates the schema
  const median = (args, runs = 15) => {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
      if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  };
  const nodeMs = median(['-e', '0']);
  const listMs = median([bin, 'list', '--db', db]);
  const versionMs = median([bin, '--version']);
  console.log('\nStart-up (median of 15 runs):');
  console.log(`  node -e 0              ${nodeMs.toFixed(0).padStart(6)} ms`);
  console.log(`  news --version         ${versionMs.toFixed(0).padStart(6)} ms`);
  console.log(`  news list              ${listMs.toFixed(0).padStart(6)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// A fetch run of 1,000 pages from local servers: four hosts (four ports), the real
// polite fetcher, extraction and store, into a temporary database.
{
  const { createServer } = await import('node:http');
  const { openDatabase } = await import('../dist/store/database.js');
  const { ItemStore } = await import('../dist/store/items.js');
  const { PoliteFetcher } = await import('../dist/fetch/polite-fetch.js');
  const { closeAgent } = await import('../dist/fetch/http.js');
  const { runFetch } = await import('../dist/pipeline/fetch-run.js');
  const { analyzePage } = await import('../dist/pipeline/analyze.js');
  const { toItemInput } = await import('../dist/normalize/item.js');

  const templates = fixtures.filter((f) => f.name !== 'seed-listing');
  /** Page n: a fixture with its headline made unique, so each page is a new item. */
  const pageFor = (n) => {
    const template = templates[n % templates.length];
    return template.html.replaceAll(/(<title>|<h1[^>]*>|property="og:title" content="|"headline":\s*")/g, `$1Bản tin số ${n}: `);
  };
  const servers = [];
  for (let i = 0; i < 4; i++) {
    const server = createServer((req, res) => {
      const n = Number(/\/(\d+)\.html/.exec(req.url ?? '')?.[1] ?? -1);
      if (n < 0) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageFor(n));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
  }
  const N = 1000;
  const urls = Array.from({ length: N }, (_, n) => `http://127.0.0.1:${servers[n % servers.length].address().port}/${n}.html`);
  const dir = mkdtempSync(join(tmpdir(), 'news-bench-run-'));
  try {
    const db = openDatabase(join(dir, 'news.db'));
    const store = new ItemStore(db);
    const fetcher = new PoliteFetcher({ perHostIntervalMs: 0, concurrency: 8, httpCache: null, hostState: null, respectRobots: false });
    const start = performance.now();
    const summary = await runFetch(urls.map((url) => ({ url, kind: 'page', sourceId: null, lang: null })), { store, fetcher, concurrency: 32 });
    const total = performance.now() - start;
    await closeAgent();

    // Where the time goes: the same work, stage by stage, on one core.
    const pages = urls.map((url, n) => ({ url, html: pageFor(n) }));
    let t = performance.now();
    const articles = pages.map((p) => analyzePage(p.html, p.url, { teasers: false }).article);
    const analyzeMs = performance.now() - t;
    const store2 = new ItemStore(openDatabase(join(dir, 'again.db')));
    const inputs = articles.map((a, n) => toItemInput({ ...a, url: `${urls[n]}?again` }, new Date().toISOString()));
    t = performance.now();
    for (let i = 0; i < inputs.length; i += 25) store2.save(inputs.slice(i, i + 25));
    const storeMs = performance.now() - t;
    db.close();
    console.log(`\nFetch run: ${N} pages from 4 local hosts (real HTTP, polite fetcher, 8 requests in flight):`);
    console.log(`  ${summary.inserted} new items (${N - summary.inserted - summary.failed} pages merged into them: one template has a relative canonical URL), ${summary.failed} failed in ${(total / 1000).toFixed(2)} s = ${(N / (total / 1000)).toFixed(0)} pages/s`);
    console.log(`  where the time goes (same pages, one stage at a time): extract + detect ${(analyzeMs / N).toFixed(2)} ms/page, ` +
      `store ${(storeMs / N).toFixed(2)} ms/page, HTTP + decode + waiting the rest (${((total - analyzeMs - storeMs) / N).toFixed(2)} ms/page)`);
  } finally {
    for (const server of servers) server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
