/**
 * `news search` and `--search` end to end: the built CLI as a child process on a
 * temporary database.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlKey } from '../../src/normalize/url.js';
import { openDatabase } from '../../src/store/database.js';
import { ItemStore } from '../../src/store/items.js';
import type { ItemInput } from '../../src/types.js';
import { runCli, tempDir } from '../helpers/cli.js';

let dir: { path: string; cleanup: () => void };
let db: string;

function input(key: string, title: string, summary: string, lang: 'vi' | 'en', source: string, hour: number): ItemInput {
  const url = `https://${source}/${key}.html`;
  return {
    url, urlKey: urlKey(url), canonicalKey: null, contentKey: null, title, byline: null, attribution: null, summary,
    publishedAt: `2026-03-01T${String(hour).padStart(2, '0')}:00:00.000Z`, canonicalUrl: null, siteName: null, imageUrl: null,
    declaredLang: null, lang, langSource: 'text', source, fetchedAt: '2026-03-02T00:00:00.000Z',
  };
}

const ITEMS = [
  input('danang', 'Đà Nẵng đón một triệu khách quốc tế', 'Thành phố biển miền Trung.', 'vi', 'vnexpress.net', 1),
  input('danang-en', 'Da Nang tourism rebounds', 'Arrivals rose in the central city.', 'en', 'e.vnexpress.net', 2),
  input('ban-sell', 'Bán nhà bán đất', 'Giá bán tăng.', 'vi', 'tuoitre.vn', 3),
  input('ban-table', 'Xưởng gỗ làng nghề làm bàn cho các trường học miền núi', 'Mỗi năm xưởng giao hàng nghìn bộ.', 'vi', 'dantri.com.vn', 4),
  input('kinhnghiem', 'Kinh nghiệm du lịch quốc tế tiết kiệm', 'Mẹo đặt vé rẻ.', 'vi', 'thanhnien.vn', 5),
];

beforeAll(() => {
  dir = tempDir('news-search-cli-test-');
  db = join(dir.path, 'news.db');
  const database = openDatabase(db);
  new ItemStore(database).save(ITEMS);
  database.close();
});

afterAll(() => dir.cleanup());

const keys = (stdout: string): string[] =>
  (JSON.parse(stdout) as { url: string }[]).map((item) => item.url.replace(/^.*\/([^/]+)\.html$/u, '$1'));

describe('news search', () => {
  it('prints a plain table of the matches when piped (exit 0)', async () => {
    const result = await runCli(['search', 'da', 'nang', '--db', db]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+DATE\s+LG\s+SOURCE\s+TITLE$/u);
    expect(lines.slice(1).map((line) => line.replace(/^.*(?:vnexpress\.net)\s+/u, '')).sort()).toEqual([
      'Da Nang tourism rebounds',
      'Đà Nẵng đón một triệu khách quốc tế',
    ]);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('--json prints the ranked items: exact diacritics first', async () => {
    const result = await runCli(['search', 'bàn', '--json', '--db', db]);
    expect(result.code).toBe(0);
    expect(keys(result.stdout)).toEqual(['ban-table', 'ban-sell']);
    const plain = await runCli(['search', 'ban', '--json', '--db', db]);
    expect(keys(plain.stdout)).toEqual(['ban-sell', 'ban-table']);
  });

  it('phrases by default, filters combine', async () => {
    expect(keys((await runCli(['search', 'quoc te', '--json', '--db', db])).stdout).sort()).toEqual(['danang', 'kinhnghiem']);
    expect(keys((await runCli(['search', 'kinh te', '--json', '--db', db])).stdout)).toEqual([]);
    expect(keys((await runCli(['search', 'Đà Nẵng', '--lang', 'en', '--json', '--db', db])).stdout)).toEqual(['danang-en']);
    expect(keys((await runCli(['search', 'da nang', '--source', 'vnexpress.net', '--json', '--db', db])).stdout)).toEqual(['danang']);
    expect(keys((await runCli(['search', 'da nang', '--since', '2026-03-01T01:30:00Z', '--json', '--db', db])).stdout)).toEqual(['danang-en']);
    expect(keys((await runCli(['search', 'quoc te', '--limit', '1', '--json', '--db', db])).stdout)).toHaveLength(1);
  });

  it('no match: exit 0, nothing on stdout, a note on stderr', async () => {
    const result = await runCli(['search', 'bitcoin', '--db', db]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('no items match "bitcoin"\n');
  });

  it.each([
    ['only an exclusion', ['--', '-bão'], /news: a search needs at least one word to find/u],
    ['a dangling OR', ['vàng', 'OR'], /news: OR needs a word or "phrase" on each side/u],
    ['punctuation only', ['!!!'], /news: nothing to search for in "!!!"/u],
  ])('a bad query is a usage error (exit 2): %s', async (_label, args, message) => {
    const result = await runCli(['search', '--db', db, ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('highlights the matched words only with colour', async () => {
    const forced = await runCli(['search', 'da', 'nang', '--db', db], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[1m\u001b[31mĐà Nẵng\u001b[39m\u001b[22m đón');
    expect(forced.stdout).toContain('\u001b[1m\u001b[31mDa Nang\u001b[39m\u001b[22m tourism');
    const noColor = await runCli(['search', 'da', 'nang', '--db', db], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
  });
});

describe('--search on list and export', () => {
  it('list --search: the matches, newest first', async () => {
    const result = await runCli(['list', '--search', 'quoc te', '--json', '--db', db]);
    expect(result.code).toBe(0);
    expect(keys(result.stdout)).toEqual(['kinhnghiem', 'danang']);
  });

  it('list --search with no match notes it on stderr', async () => {
    const result = await runCli(['list', '--search', 'bitcoin', '--db', db]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('no items match the search\n');
  });

  it('export --search: only the matches', async () => {
    const result = await runCli(['export', '--format', 'json', '--search', 'da nang', '--db', db]);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as { items: { url: string }[] };
    expect(document.items.map((item) => item.url).sort()).toEqual([ITEMS[1]!.url, ITEMS[0]!.url]);
  });

  it('a bad --search query is a usage error (exit 2)', async () => {
    const result = await runCli(['list', '--search', 'OR', '--db', db]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/OR needs a word/u);
  });
});
