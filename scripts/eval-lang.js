#!/usr/bin/env node
// `npm run eval:lang`: accuracy and speed of detectLanguage (the compiled library) on
//   - IWSLT'15 en/vi sentences from ../shared/corpus/lang (Moses entities decoded),
//     plus the Vietnamese side with its accents stripped;
//   - titles and summaries of the labelled pages in ../shared/corpus/pages;
//   - the headlines written for this project in fixtures/lang/headlines.tsv, and
//     the held-out set fixtures/lang/holdout.tsv (written after the rule was tuned);
// and the time to import the module in a fresh process. Targets: ≥ 99.5% per set,
// median ≤ 40 µs per headline, import ≤ 30 ms. `--verbose` lists every miss.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectLanguage } from '../dist/detect/language.js';

const root = new URL('../', import.meta.url);
const corpus = new URL('../shared/corpus/', root);
const moduleUrl = new URL('dist/detect/language.js', root).href;
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');

const TARGET_ACCURACY = 0.995;
const TARGET_MICROSECONDS = 40;
const TARGET_IMPORT_MS = 30;

/** Undo Moses escaping and tokenisation: `life &apos;s work .` → `life's work.` */
function detokenize(line) {
  return line
    .replace(/&apos;/gu, "'")
    .replace(/&quot;/gu, '"')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&#91;/gu, '[')
    .replace(/&#93;/gu, ']')
    .replace(/&#124;/gu, '|')
    .replace(/&amp;/gu, '&')
    .replace(/ (['’](?:s|re|ve|ll|d|m|t)\b|n't\b)/gu, '$1')
    .replace(/ ([,.?!:;%)\]])/gu, '$1')
    .replace(/([([]) /gu, '$1')
    .trim();
}

/** "Vietnamese typed without accents": NFD, combining marks removed, đ → d. */
function stripAccents(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D');
}

function readLines(url) {
  return readFileSync(url, 'utf8').split('\n').filter((line) => line.trim() !== '');
}

/** IWSLT pairs; a pair whose two sides are the same text ("Wooo !") carries no language and is left out. */
function loadIwslt() {
  const enFile = new URL('lang/iwslt15-tst2012.en', corpus);
  const viFile = new URL('lang/iwslt15-tst2012.vi', corpus);
  if (!existsSync(enFile) || !existsSync(viFile)) return null;
  const en = readLines(enFile).map(detokenize);
  const vi = readLines(viFile).map(detokenize);
  const sets = { en: [], vi: [], plain: [] };
  let dropped = 0;
  for (let i = 0; i < Math.min(en.length, vi.length); i++) {
    if (en[i] === vi[i]) {
      dropped++;
      continue;
    }
    sets.en.push({ lang: 'en', text: en[i] });
    sets.vi.push({ lang: 'vi', text: vi[i] });
    const plain = stripAccents(vi[i]);
    if (plain !== en[i]) sets.plain.push({ lang: 'vi', text: plain });
  }
  return { ...sets, dropped };
}

/** Titles and summaries of the labelled pages (articles and listing teasers), with the page URL. */
function loadPages() {
  const dir = new URL('pages/', corpus);
  if (!existsSync(dir)) return null;
  const samples = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const expectedFile = new URL(`pages/${entry.name}/expected.json`, corpus);
    if (!existsSync(expectedFile)) continue;
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
    const parts = [expected, ...(expected.teasers ?? [])];
    for (const part of parts) {
      for (const text of [part.title, part.summary]) {
        if (typeof text === 'string' && text.trim() !== '') {
          samples.push({ lang: expected.lang, text, site: expected.url ?? null, page: entry.name });
        }
      }
    }
  }
  return samples;
}

/** A `lang<TAB>text` file of fixtures/lang/. */
function loadTsv(name) {
  const file = new URL(`fixtures/lang/${name}`, root);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const tab = line.indexOf('\t');
      return { lang: line.slice(0, tab), text: line.slice(tab + 1) };
    });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Share correct and the misses; `withSite` passes the page URL as the site prior. */
function score(samples, withSite) {
  const misses = [];
  for (const sample of samples) {
    const result = detectLanguage(sample.text, withSite ? { site: sample.site } : {});
    if (result.lang !== sample.lang) misses.push({ ...sample, got: result.lang, source: result.source });
  }
  return { accuracy: (samples.length - misses.length) / samples.length, misses };
}

/** Median µs per call: each text timed over a few repeats, after a warm-up pass. */
function microsecondsPerCall(samples, withSite, repeats = 20) {
  for (let round = 0; round < 3; round++) {
    for (const sample of samples) detectLanguage(sample.text, withSite ? { site: sample.site } : {});
  }
  const times = [];
  for (const sample of samples) {
    const options = withSite ? { site: sample.site } : {};
    const start = performance.now();
    for (let i = 0; i < repeats; i++) detectLanguage(sample.text, options);
    times.push(((performance.now() - start) * 1000) / repeats);
  }
  return { median: median(times), p95: [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)] };
}

/** Milliseconds to `import()` a module in a fresh Node process; median of `runs`. */
function importMilliseconds(specifier, runs = 9) {
  const code = `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;
  const times = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: fileURLToPath(root), encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`import of ${specifier} failed: ${child.stderr}`);
    times.push(Number(child.stdout));
  }
  return median(times);
}

const rows = [];
function evaluate(name, samples, { withSite = false, speedTarget = false } = {}) {
  if (samples === null || samples.length === 0) {
    rows.push({ name, n: 0 });
    return;
  }
  const { accuracy, misses } = score(samples, withSite);
  const speed = microsecondsPerCall(samples, withSite);
  rows.push({ name, n: samples.length, accuracy, misses, speed, speedTarget });
}

const iwslt = loadIwslt();
const pages = loadPages();
const headlines = loadTsv('headlines.tsv');
const holdout = loadTsv('holdout.tsv');

evaluate('IWSLT en', iwslt?.en ?? null);
evaluate('IWSLT vi', iwslt?.vi ?? null);
evaluate('IWSLT vi, accents stripped', iwslt?.plain ?? null);
evaluate('IWSLT all', iwslt === null ? null : [...iwslt.en, ...iwslt.vi, ...iwslt.plain]);
evaluate('pages: titles + summaries', pages, { speedTarget: true });
evaluate('pages, with site prior', pages, { withSite: true, speedTarget: true });
evaluate('fixtures/lang/headlines.tsv', headlines, { speedTarget: true });
evaluate('fixtures/lang/holdout.tsv', holdout, { speedTarget: true });

const pad = (value, width) => String(value).padEnd(width);
const padLeft = (value, width) => String(value).padStart(width);
const percent = (value) => `${(value * 100).toFixed(2)}%`;

console.log('Language detection (detectLanguage, dist/detect/language.js)\n');
console.log(`${pad('set', 30)} ${padLeft('n', 6)} ${padLeft('accuracy', 9)} ${padLeft('misses', 7)} ${padLeft('µs median', 10)} ${padLeft('µs p95', 8)}  target`);
console.log('-'.repeat(86));
let allMet = true;
for (const row of rows) {
  if (row.n === 0) {
    console.log(`${pad(row.name, 30)} ${padLeft('—', 6)}  (not found; skipped)`);
    continue;
  }
  const accuracyMet = row.accuracy >= TARGET_ACCURACY;
  const speedMet = !row.speedTarget || row.speed.median <= TARGET_MICROSECONDS;
  allMet &&= accuracyMet && speedMet;
  console.log(
    `${pad(row.name, 30)} ${padLeft(row.n, 6)} ${padLeft(percent(row.accuracy), 9)} ${padLeft(row.misses.length, 7)} ` +
      `${padLeft(row.speed.median.toFixed(1), 10)} ${padLeft(row.speed.p95.toFixed(1), 8)}  ${accuracyMet && speedMet ? 'met' : 'MISSED'}`,
  );
}
if (iwslt !== null) console.log(`(${iwslt.dropped} IWSLT pairs with identical sides left out)`);

const importMs = importMilliseconds(moduleUrl);
const francMs = importMilliseconds('franc');
const importMet = importMs <= TARGET_IMPORT_MS;
allMet &&= importMet;
console.log(`\nimport dist/detect/language.js in a fresh process: ${importMs.toFixed(1)} ms median of 9 (target ≤ ${TARGET_IMPORT_MS} ms: ${importMet ? 'met' : 'MISSED'})`);
console.log(`for comparison, import franc: ${francMs.toFixed(1)} ms`);
console.log(`\nall targets ${allMet ? 'met' : 'NOT met'}`);

for (const row of rows) {
  if (row.n === 0 || row.misses.length === 0) continue;
  const shown = verbose ? row.misses : row.misses.slice(0, 5);
  console.log(`\nmisses in ${row.name}${verbose ? '' : ' (first 5; --verbose for all)'}:`);
  for (const miss of shown) console.log(`  want ${miss.lang} got ${miss.got} (${miss.source}): ${miss.text.slice(0, 140)}`);
}
