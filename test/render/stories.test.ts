/**
 * How grouped items (a story's representative with `also`) render in the table, in
 * Markdown and in JSON; ungrouped items render as before.
 */
import { describe, expect, it } from 'vitest';
import { itemToJson } from '../../src/render/json.js';
import { renderMarkdownDigest } from '../../src/render/markdown.js';
import { renderTable } from '../../src/render/table.js';
import type { GroupedItem, Item } from '../../src/types.js';

const ITEM: Item = {
  id: 2,
  url: 'https://tuoitre.vn/sieu-bao-yagi.htm',
  canonicalUrl: null,
  title: 'Siêu bão Yagi vào đất liền Quảng Ninh, Hải Phòng',
  byline: null,
  attribution: null,
  summary: 'Khoảng 15h ngày 7/9, bão số 3 đổ bộ.',
  lang: 'vi',
  declaredLang: 'vi',
  langSource: 'text',
  publishedAt: '2024-09-07T09:05:00.000Z',
  firstSeenAt: '2024-09-07T09:05:00.000Z',
  fetchedAt: '2024-09-07T09:05:00.000Z',
  updatedAt: '2024-09-07T09:05:00.000Z',
  siteName: null,
  imageUrl: null,
  source: 'tuoitre.vn',
  storyId: 1,
};

const grouped = (...sources: string[]): GroupedItem => ({
  ...ITEM,
  also: sources.map((source, i) => ({ source, url: `https://${source}/bao-yagi-${i}.html` })),
});

/** The title cell of the one item line of a table. */
const titleCell = (item: Item | GroupedItem, width: number | null): string =>
  renderTable([item], { color: false, width }).split('\n')[1]!.split('tuoitre.vn  ')[1]!;

describe('table', () => {
  it.each<[string, GroupedItem | Item, number | null, string]>([
    ['an ungrouped item', ITEM, null, 'Siêu bão Yagi vào đất liền Quảng Ninh, Hải Phòng'],
    ['a story of one item', grouped(), null, 'Siêu bão Yagi vào đất liền Quảng Ninh, Hải Phòng'],
    ['a story told elsewhere too', grouped('vnexpress.net', 'dantri.com.vn'), null, 'Siêu bão Yagi vào đất liền Quảng Ninh, Hải Phòng  [also: vnexpress.net, dantri.com.vn]'],
    ['each source once', grouped('vnexpress.net', 'vnexpress.net', 'tuoitre.vn'), null, 'Siêu bão Yagi vào đất liền Quảng Ninh, Hải Phòng  [also: vnexpress.net, tuoitre.vn]'],
    ['as many sources as fit a third of the title column, then a count', grouped('vnexpress.net', 'dantri.com.vn', 'tuoitre.vn'), 100, 'Siêu bão Yagi vào đất liền Quảng Ni…  [also: vnexpress.net +2]'],
    ['every source when they fit', grouped('vnexpress.net', 'vov.vn'), 130, 'Siêu bão Yagi vào đất liền Quảng Ninh, Hải Phòng  [also: vnexpress.net, vov.vn]'],
  ])('%s', (_name, item, width, expected) => {
    expect(titleCell(item, width)).toBe(expected);
  });

  it('keeps a line with "also" within the terminal width', () => {
    const line = renderTable([grouped('vnexpress.net', 'dantri.com.vn', 'tuoitre.vn')], { color: false, width: 100 }).split('\n')[1]!;
    expect([...line].length).toBe(100);
  });
});

describe('markdown', () => {
  it('links the other reports on an "also:" line; none for a story of one item', () => {
    const text = renderMarkdownDigest([grouped('vnexpress.net', 'dantri.com.vn')], '2024-09-08T00:00:00.000Z');
    expect(text).toContain(
      '  Khoảng 15h ngày 7/9, bão số 3 đổ bộ.\n  also: [vnexpress.net](https://vnexpress.net/bao-yagi-0.html), [dantri.com.vn](https://dantri.com.vn/bao-yagi-1.html)\n',
    );
    expect(renderMarkdownDigest([grouped()], '2024-09-08T00:00:00.000Z')).not.toContain('also:');
    expect(renderMarkdownDigest([ITEM], '2024-09-08T00:00:00.000Z')).not.toContain('also:');
  });

  it('escapes a hostile source name and drops a link that is not http(s)', () => {
    const item: GroupedItem = { ...ITEM, also: [{ source: '[x](javascript:alert(1))', url: 'javascript:alert(1)' }] };
    const line = renderMarkdownDigest([item], '2024-09-08T00:00:00.000Z').split('\n').find((l) => l.startsWith('  also: '));
    expect(line).toBe('  also: \\[x\\](javascript:alert(1))');
  });
});

describe('json', () => {
  it('puts storyId after source, and also (grouped lists only) last', () => {
    expect(Object.keys(itemToJson(ITEM)).slice(-2)).toEqual(['source', 'storyId']);
    const json = itemToJson(grouped('vnexpress.net'));
    expect(Object.keys(json).slice(-3)).toEqual(['source', 'storyId', 'also']);
    expect(json['storyId']).toBe(1);
    expect(json['also']).toEqual([{ source: 'vnexpress.net', url: 'https://vnexpress.net/bao-yagi-0.html' }]);
  });
});
