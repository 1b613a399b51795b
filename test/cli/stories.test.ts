/**
 * Story grouping end to end: a database holding two outlets' reports of one story and
 * an unrelated item, read by the built CLI (`list`, `list --all`, `export`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlKey } from '../../src/normalize/url.js';
import { openDatabase } from '../../src/store/database.js';
import { ItemStore } from '../../src/store/items.js';
import type { ItemInput } from '../../src/types.js';
import { runCli, tempDir } from '../helpers/cli.js';

let dir: { path: string; cleanup: () => void };
let db: string;

function input(url: string, title: string, summary: string, publishedAt: string): ItemInput {
  return {
    url,
    urlKey: urlKey(url),
    canonicalKey: null,
    contentKey: null,
    title,
    byline: null,
    attribution: null,
    summary,
    publishedAt,
    canonicalUrl: null,
    siteName: null,
    imageUrl: null,
    declaredLang: 'vi',
    lang: 'vi',
    langSource: 'text',
    source: new URL(url).hostname,
    fetchedAt: '2024-09-07T12:00:00.000Z',
  };
}

const VNEXPRESS = input(
  'https://vnexpress.net/bao-yagi-do-bo-4789.html',
  'Bão Yagi đổ bộ Quảng Ninh - Hải Phòng với sức gió cấp 14',
  'Chiều 7/9, tâm bão Yagi đi vào vùng ven biển Quảng Ninh - Hải Phòng, gió mạnh nhất cấp 14, giật cấp 17, nhiều cây xanh bị quật đổ.',
  '2024-09-07T08:10:00.000Z',
);
const TUOITRE = input(
  'https://tuoitre.vn/sieu-bao-yagi-vao-dat-lien-2024090715.htm',
  'Siêu bão Yagi vào đất liền Quảng Ninh, Hải Phòng: gió giật cấp 17',
  'Khoảng 15h ngày 7/9, bão số 3 (Yagi) đã đổ bộ vào đất liền khu vực Quảng Ninh - Hải Phòng, sức gió mạnh cấp 14, giật trên cấp 17.',
  '2024-09-07T09:05:00.000Z',
);
const GOLD = input(
  'https://dantri.com.vn/gia-vang-12-8.htm',
  'Giá vàng hôm nay 12/8: Vàng nhẫn tăng 500.000 đồng',
  'Sáng 12/8, giá vàng nhẫn tăng 500.000 đồng mỗi lượng, lên 77,5 triệu đồng.',
  '2024-08-12T02:00:00.000Z',
);

beforeAll(() => {
  dir = tempDir('news-stories-cli-');
  db = join(dir.path, 'news.db');
  const database = openDatabase(db);
  new ItemStore(database).save([VNEXPRESS, TUOITRE, GOLD]);
  database.close();
});

afterAll(() => dir.cleanup());

describe('news list and export with story grouping', () => {
  it('list shows the story once with "also: <sources>"; --all shows every item', async () => {
    const grouped = await runCli(['list', '--db', db]);
    expect(grouped.code).toBe(0);
    const lines = grouped.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('tuoitre.vn');
    expect(lines[1]).toContain(TUOITRE.title);
    expect(lines[1]).toMatch(/\[also: vnexpress\.net\]$/u);
    expect(lines[2]).toContain(GOLD.title);
    expect(lines[2]).not.toContain('also:');
    expect(grouped.stdout).not.toContain(VNEXPRESS.title);

    const all = await runCli(['list', '--all', '--db', db]);
    expect(all.code).toBe(0);
    const allLines = all.stdout.trimEnd().split('\n');
    expect(allLines).toHaveLength(4);
    expect(allLines.map((line) => line.includes('also:'))).toEqual([false, false, false, false]);
    expect(allLines[2]).toContain(VNEXPRESS.title);
  });

  it('list --json carries storyId, and also only when grouped', async () => {
    const grouped = JSON.parse((await runCli(['list', '--json', '--db', db])).stdout) as Record<string, unknown>[];
    expect(grouped.map((item) => [item['url'], item['storyId'], item['also']])).toEqual([
      [TUOITRE.url, 1, [{ source: 'vnexpress.net', url: VNEXPRESS.url }]],
      [GOLD.url, 3, []],
    ]);
    const all = JSON.parse((await runCli(['list', '--json', '--all', '--db', db])).stdout) as Record<string, unknown>[];
    expect(all.map((item) => [item['url'], item['storyId']])).toEqual([
      [TUOITRE.url, 1],
      [VNEXPRESS.url, 1],
      [GOLD.url, 3],
    ]);
    expect(all.every((item) => !('also' in item))).toBe(true);
  });

  it('export groups stories too (JSON and Markdown), and --all exports every item', async () => {
    const json = await runCli(['export', '--format', 'json', '--db', db]);
    expect(json.code).toBe(0);
    const document = JSON.parse(json.stdout) as { items: Record<string, unknown>[] };
    expect(document.items.map((item) => [item['url'], item['also']])).toEqual([
      [TUOITRE.url, [{ source: 'vnexpress.net', url: VNEXPRESS.url }]],
      [GOLD.url, []],
    ]);
    const all = JSON.parse((await runCli(['export', '--format', 'json', '--all', '--db', db])).stdout) as { items: unknown[] };
    expect(all.items).toHaveLength(3);

    const out = join(dir.path, 'digest.md');
    const md = await runCli(['export', '--format', 'md', '-o', out, '--db', db]);
    expect(md.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(`  also: [vnexpress.net](${VNEXPRESS.url})`);
    expect(text).not.toContain(`[${VNEXPRESS.title}]`);
  });
});
