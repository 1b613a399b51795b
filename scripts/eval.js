#!/usr/bin/env node
// `npm run eval`: extraction accuracy per field on the bundled fixtures and on the
// labelled real pages in ../shared/corpus/pages (when present), with the tolerant
// matching described in that corpus's README, plus extraction pages/s.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { decodeBody } from '../dist/fetch/decode.js';
import { extractArticle, extractTeasers } from '../dist/index.js';
import { urlKey } from '../dist/normalize/url.js';

const root = new URL('../', import.meta.url);
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');

const norm = (s) => (s ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
const tokens = (s) => norm(s).split(/[^\p{L}\p{N}.]+/u).filter(Boolean);

function f1(a, b) {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length === 0 || tb.length === 0) return ta.length === tb.length ? 1 : 0;
  const pool = new Map();
  for (const t of tb) pool.set(t, (pool.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) {
    const n = pool.get(t) ?? 0;
    if (n > 0) {
      common++;
      pool.set(t, n - 1);
    }
  }
  if (common === 0) return 0;
  const p = common / ta.length;
  const r = common / tb.length;
  return (2 * p * r) / (p + r);
}

const bothNull = (got, want) => (got ?? null) === null && (want ?? null) === null;
const MATCH = {
  title: (got, want) => {
    if (bothNull(got, want)) return true;
    if (got == null || want == null) return false;
    const g = norm(got);
    const w = norm(want);
    return g === w || g.replace(/\s+[-|–]\s+[^-|–]+$/u, '') === w;
  },
  byline: (got, want) => bothNull(got, want) || (got != null && want != null && f1(got, want) >= 0.8),
  summary: (got, want) => {
    if (bothNull(got, want)) return true;
    if (got == null || want == null) return false;
    const g = norm(got);
    const w = norm(want);
    const [short, long] = g.length <= w.length ? [g, w] : [w, g];
    return f1(got, want) >= 0.8 || (long.startsWith(short.replace(/(\.\.\.|…)$/u, '')) && short.length >= 0.6 * long.length);
  },
  publishedAt: (got, want) => bothNull(got, want) || (got != null && want != null && Math.abs(Date.parse(got) - Date.parse(want)) <= 60_000),
  lang: (got, want) => (got ?? null) === (want ?? null),
};

function loadSet(dir, layout) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(new URL(`${e.name}/expected.json`, dir)))
    .map(({ name }) => {
      const base = new URL(`${name}/`, dir);
      const expected = JSON.parse(readFileSync(new URL('expected.json', base), 'utf8'));
      if (layout === 'fixtures') {
        const response = JSON.parse(readFileSync(new URL('response.json', base), 'utf8'));
        const html = decodeBody(readFileSync(new URL('body.html', base)), response.headers['content-type'] ?? null).text;
        return { name, url: response.url, html, expected };
      }
      const meta = JSON.parse(readFileSync(new URL('meta.json', base), 'utf8'));
      const html = decodeBody(readFileSync(new URL('source.html', base)), null).text;
      return { name, url: meta.url, html, expected };
    });
}

function evaluate(label, pages) {
  if (pages.length === 0) {
    console.log(`${label}: not present, skipped`);
    return;
  }
  const score = {};
  const misses = [];
  const teaserScore = { expected: 0, found: 0, titleOk: 0, summaryOk: 0, bylineOk: 0, span: 0, extra: 0 };
  for (const page of pages) {
    const article = extractArticle(page.html, { url: page.url });
    const fields = page.expected.kind === 'listing' && !('title' in page.expected) ? ['lang'] : Object.keys(MATCH);
    for (const field of fields) {
      if (!(field in page.expected)) continue;
      const ok = MATCH[field](article[field], page.expected[field]);
      score[field] ??= { ok: 0, n: 0 };
      score[field].n++;
      if (ok) score[field].ok++;
      else misses.push(`${page.name} ${field}: got ${JSON.stringify(article[field])} want ${JSON.stringify(page.expected[field])} [${article.provenance[field] ?? '-'}]`);
    }
    if (page.expected.kind === 'listing' && Array.isArray(page.expected.teasers)) {
      scoreTeasers(page, extractTeasers(page.html, { url: page.url }), teaserScore, misses);
    }
  }
  // Speed: a second pass over the same pages (warm), article fields plus teasers on listings.
  const passes = 5;
  const timed = performance.now();
  for (let pass = 0; pass < passes; pass++) {
    for (const page of pages) {
      extractArticle(page.html, { url: page.url });
      if (page.expected.kind === 'listing') extractTeasers(page.html, { url: page.url });
    }
  }
  const elapsed = (performance.now() - timed) / 1000 / passes;
  console.log(`${label}: ${pages.length} pages`);
  for (const [field, { ok, n }] of Object.entries(score)) {
    console.log(`  ${field.padEnd(12)} ${pct(ok, n).padStart(7)}  (${ok}/${n})`);
  }
  if (teaserScore.expected > 0) {
    console.log(`  ${'teasers'.padEnd(12)} ${pct(teaserScore.found, teaserScore.expected).padStart(7)} recall (${teaserScore.found}/${teaserScore.expected}), ` +
      `${pct(teaserScore.titleOk, teaserScore.found)} titles right`);
    console.log(`  ${'teaser info'.padEnd(12)} ${pct(teaserScore.summaryOk, teaserScore.found).padStart(7)} summaries right, ` +
      `${pct(teaserScore.bylineOk, teaserScore.found)} bylines right, ` +
      `${pct(teaserScore.span - teaserScore.extra, teaserScore.span)} precision (${teaserScore.extra} unlabelled among the first ${teaserScore.span})`);
  }
  console.log(`  speed        ${(pages.length / elapsed).toFixed(0)} pages/s (article fields, + teasers on listing pages; warm, mean of ${passes} passes)`);
  if (verbose) for (const miss of misses) console.log(`    miss ${miss}`);
  else if (misses.length > 0) console.log(`  ${misses.length} misses (run with --verbose to list them)`);
}

/**
 * Teasers against a page's labels (the first 15 of the main list, in page order):
 * recall by URL, then title, summary and byline of each found teaser; precision is
 * measured over our teasers up to the last labelled one we found (anything before it
 * that is not labelled is an extra: a widget, a menu, a related link).
 */
function scoreTeasers(page, got, score, misses) {
  const wanted = page.expected.teasers.slice(0, 15);
  const byKey = new Map();
  for (const teaser of got) if (!byKey.has(safeKey(teaser.url))) byKey.set(safeKey(teaser.url), teaser);
  for (const want of wanted) {
    score.expected++;
    const found = byKey.get(safeKey(want.url));
    if (!found) {
      misses.push(`${page.name} teaser missing: ${want.title} <${want.url}>`);
      continue;
    }
    score.found++;
    if (MATCH.title(found.title, want.title)) score.titleOk++;
    else misses.push(`${page.name} teaser title: got ${JSON.stringify(found.title)} want ${JSON.stringify(want.title)}`);
    if (MATCH.summary(found.summary, want.summary)) score.summaryOk++;
    else misses.push(`${page.name} teaser summary of "${want.title}": got ${JSON.stringify(found.summary)} want ${JSON.stringify(want.summary)}`);
    if (MATCH.byline(found.byline, want.byline)) score.bylineOk++;
    else misses.push(`${page.name} teaser byline of "${want.title}": got ${JSON.stringify(found.byline)} want ${JSON.stringify(want.byline)}`);
  }
  const labelled = new Set(wanted.map((want) => safeKey(want.url)));
  let last = -1;
  got.forEach((teaser, i) => {
    if (labelled.has(safeKey(teaser.url))) last = i;
  });
  for (const teaser of got.slice(0, last + 1)) {
    score.span++;
    if (!labelled.has(safeKey(teaser.url))) {
      score.extra++;
      misses.push(`${page.name} teaser extra (not labelled, before the last labelled one): ${teaser.title} <${teaser.url}>`);
    }
  }
}

function safeKey(url) {
  try {
    return urlKey(url);
  } catch {
    return url;
  }
}

const pct = (ok, n) => (n === 0 ? 'n/a' : `${((100 * ok) / n).toFixed(1)}%`);

evaluate('fixtures', loadSet(new URL('fixtures/pages/', root), 'fixtures'));
evaluate('shared corpus', loadSet(new URL('../shared/corpus/pages/', root), 'corpus'));
