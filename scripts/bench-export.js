#!/usr/bin/env node
// Export speed and memory: generate N items (default 100k, Vietnamese and English)
// into a temp database, then time `news export` of all of them in every format, as a
// child process, with its peak heap and peak RSS. The target: JSON of 100k items in
// ≤ 3 s with flat memory (the peak for 100k items about the same as for 10k).
// Usage: npm run build && node scripts/bench-export.js [count] [formats, e.g. json,html]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { urlKey } from '../dist/normalize/url.js';
import { openDatabase } from '../dist/store/database.js';
import { ItemStore } from '../dist/store/items.js';
import { seededRandom } from './lib/bench.js';

const COUNT = Number(process.argv[2] ?? 100_000);
const FORMATS = (process.argv[3] ?? 'json,jsonl,md,html,jsonfeed,rss,atom').split(',');
const TARGET_SECONDS = 3;
const BIN = fileURLToPath(new URL('../bin/news.js', import.meta.url));

// Texts are drawn at random (seeded) from these words, so every item is its own story.
const VI_WORDS = (
  'xe buýt điện tuyến mới kết nối khu đô thị trung tâm thành phố giảm ùn tắc khí thải giờ cao điểm chợ đêm sông hàn du khách ' +
  'giá vàng lúa gạo mùa khô mặn nước ngọt đồng bằng cửu long học sinh thi tốt nghiệp điểm chuẩn đại học bệnh viện bác sĩ ca mổ ' +
  'bão lũ miền trung mưa lớn sạt lở đường sắt cao tốc sân bay hành khách chuyến bay quốc hội luật đất đai ngân hàng lãi suất ' +
  'doanh nghiệp xuất khẩu cà phê hồ tiêu thủy sản tôm cá ngừ công nhân thưởng tết nhà ở xã hội giá điện xăng dầu chứng khoán'
).split(' ');
const EN_WORDS = (
  'electric bus route city centre suburb congestion emissions rush hour night market river visitors gold price rice harvest ' +
  'drought salinity fresh water delta students exam graduation university hospital doctor surgery storm flood central region ' +
  'heavy rain landslide railway expressway airport passengers flight national assembly land law bank interest rate business ' +
  'export coffee pepper seafood shrimp tuna workers bonus lunar new year housing electricity petrol stock market football team'
).split(' ');

const words = (next, vocabulary, count) => Array.from({ length: count }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' ');

const SITES = [
  ['vnexpress.net', 'VnExpress', 'vi'],
  ['tuoitre.vn', 'Tuổi Trẻ Online', 'vi'],
  ['dantri.com.vn', 'Báo Dân trí', 'vi'],
  ['nhandan.vn', 'Báo Nhân Dân điện tử', 'vi'],
  ['e.vnexpress.net', 'VnExpress International', 'en'],
  ['tuoitrenews.vn', 'Tuoi Tre News', 'en'],
];

/** One generated item: realistic field sizes (title ~60, summary ~250 characters). */
function input(i) {
  const [source, siteName, lang] = SITES[i % SITES.length];
  const vi = lang === 'vi';
  const next = seededRandom(i + 1);
  const vocabulary = vi ? VI_WORDS : EN_WORDS;
  const url = `https://${source}/tin-${i}-${(i * 7919) % 100_000}.html`;
  return {
    url,
    urlKey: urlKey(url),
    canonicalKey: null,
    contentKey: null,
    title: `${words(next, vocabulary, 11)} ${i}`,
    byline: vi ? 'Nguyễn Văn An, Trần Thị Bình' : 'Minh Tam',
    attribution: null,
    summary: `${words(next, vocabulary, 45)}.`,
    publishedAt: new Date(Date.UTC(2025, 0, 1) + i * 30_000).toISOString(),
    canonicalUrl: null,
    siteName,
    imageUrl: `https://cdn.example/${i}.jpg`,
    declaredLang: lang,
    lang,
    langSource: 'text',
    source,
    fetchedAt: '2025-06-01T00:00:00.000Z',
  };
}

function generate(path, count) {
  const db = openDatabase(path);
  const store = new ItemStore(db);
  const start = performance.now();
  for (let first = 0; first < count; first += 10_000) {
    const batch = [];
    for (let i = first; i < Math.min(count, first + 10_000); i += 1) batch.push(input(i));
    store.save(batch);
  }
  db.close();
  return (performance.now() - start) / 1000;
}

/** Preloaded into the child: samples the heap every 5 ms, reports peaks at exit. */
const SAMPLER = `
let peak = 0;
const sample = () => { const used = process.memoryUsage().heapUsed; if (used > peak) peak = used; };
setInterval(sample, 5).unref();
process.on('exit', () => {
  sample();
  const cpu = process.cpuUsage();
  process.stderr.write('PEAK ' + peak + ' ' + process.resourceUsage().maxRSS * 1024 + ' ' + (cpu.user + cpu.system) + '\\n');
});
`;

/** Run `news export` once; seconds, peak heap and RSS (bytes), output size. */
function run(dir, db, sampler, args, toFile, nodeArgs = []) {
  const out = join(dir, 'out');
  const sink = toFile ? 'ignore' : openSync('/dev/null', 'w');
  const argv = [...nodeArgs, '--import', pathToFileURL(sampler).href, BIN, '--db', db, 'export', ...args, ...(toFile ? ['-o', out] : [])];
  const start = performance.now();
  const child = spawnSync(process.execPath, argv, { stdio: ['ignore', sink, 'pipe'], encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (sink !== 'ignore') closeSync(sink);
  if (child.status !== 0) throw new Error(`news export ${args.join(' ')} failed: ${child.stderr}`);
  const [, heap, rss, cpu] = /PEAK (\d+) (\d+) (\d+)/.exec(child.stderr) ?? [];
  const size = toFile ? statSync(out).size : null;
  const written = /wrote (\d+) item/.exec(child.stderr);
  return { seconds, cpu: Number(cpu) / 1e6, heap: Number(heap), rss: Number(rss), size, items: written === null ? null : Number(written[1]) };
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const dir = mkdtempSync(join(tmpdir(), 'news-bench-export-'));
try {
  const db = join(dir, 'news.db');
  const sampler = join(dir, 'sampler.mjs');
  writeFileSync(sampler, SAMPLER);
  const seconds = generate(db, COUNT);
  console.log(`generated ${COUNT.toLocaleString('en')} items in ${seconds.toFixed(1)} s (database ${mb(statSync(db).size)})\n`);

  const rows = [];
  const measure = (label, args, toFile) => {
    run(dir, db, sampler, args, toFile); // warm the page cache
    const runs = [run(dir, db, sampler, args, toFile), run(dir, db, sampler, args, toFile)];
    const best = runs.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
    rows.push({ label, ...best, heap: Math.max(...runs.map((r) => r.heap)), rss: Math.max(...runs.map((r) => r.rss)) });
    return best;
  };
  const small = Math.max(1, Math.round(COUNT / 10));
  measure(`json, ${small.toLocaleString('en')} items, -o`, ['--format', 'json', '--limit', String(small)], true);
  const json = measure(`json, all, -o`, ['--format', 'json'], true);
  const stdout = measure(`json, all, stdout`, ['--format', 'json'], false);
  measure(`json --all, all, -o`, ['--format', 'json', '--all'], true);
  for (const format of FORMATS.filter((name) => name !== 'json')) measure(`${format}, all, -o`, ['--format', format], true);

  console.log(`${'export'.padEnd(24)} ${'items'.padStart(8)} ${'seconds'.padStart(8)} ${'cpu s'.padStart(6)} ${'items/s'.padStart(9)} ${'peak heap'.padStart(10)} ${'peak RSS'.padStart(10)} ${'output'.padStart(10)}`);
  for (const row of rows) {
    const items = row.items ?? (row.label.includes('all') ? COUNT : small);
    console.log(
      `${row.label.padEnd(24)} ${items.toLocaleString('en').padStart(8)} ${row.seconds.toFixed(2).padStart(8)} ${row.cpu.toFixed(2).padStart(6)} ${Math.round(items / row.seconds).toLocaleString('en').padStart(9)} ${mb(row.heap).padStart(10)} ${mb(row.rss).padStart(10)} ${(row.size === null ? '-' : mb(row.size)).padStart(10)}`,
    );
  }
  const smallRow = rows[0];
  // Bounded memory, checked the hard way: the whole export under a small old-space cap.
  const capped = run(dir, db, sampler, ['--format', 'json'], true, ['--max-old-space-size=32']);
  console.log(`\njson of all items under --max-old-space-size=32: ${capped.seconds.toFixed(2)} s, peak heap ${mb(capped.heap)}, peak RSS ${mb(capped.rss)}`);
  console.log(
    `json of ${COUNT.toLocaleString('en')} items: ${json.seconds.toFixed(2)} s to a file (${json.cpu.toFixed(2)} s of CPU), ${stdout.seconds.toFixed(2)} s to stdout ` +
      `(target ≤ ${TARGET_SECONDS} s: ${Math.max(json.seconds, stdout.seconds) <= TARGET_SECONDS ? 'met' : 'MISSED'}); ` +
      `peak heap ${mb(rows[1].heap)} vs ${mb(smallRow.heap)} for a tenth of the items (flat memory: the output is ${mb(json.size)}).`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
