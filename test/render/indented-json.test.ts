import { describe, expect, it } from 'vitest';
import { exportItemJson, indentedJson, itemToJson } from '../../src/render/json.js';
import type { GroupedItem, Item } from '../../src/types.js';

/** What indentedJson must equal: JSON.stringify's layout, re-indented by lines. */
const reference = (value: unknown, indent: string): string | undefined =>
  JSON.stringify(value, null, 2)?.replace(/\n/gu, `\n${indent}`);

describe('indentedJson', () => {
  it.each<[string, unknown]>([
    ['an item-like flat object', { id: 7, title: 'Đà Nẵng "mới"\n', byline: null, lang: 'vi', storyId: 7 }],
    ['nested arrays of objects', { id: 1, also: [{ source: 'a.vn', url: 'https://a.vn/1' }, { source: 'b.vn', url: 'https://b.vn/2' }] }],
    ['empty object and array fields', { a: {}, b: [], c: [[]] }],
    ['values JSON skips or turns into null', { a: undefined, b: () => 1, c: Symbol('s'), d: Number.NaN, e: Infinity, f: [undefined] }],
    ['an empty object', {}],
    ['an object of skipped values only', { a: undefined }],
    ['a Date (toJSON)', { at: new Date(Date.UTC(2026, 10, 27)) }],
    ['an object with toJSON', { toJSON: () => ({ x: 1 }) }],
    ['a scalar', 'text'],
    ['null', null],
    ['deep nesting', { a: { b: { c: [1, { d: 'e' }] } } }],
    ['escapes in keys', { 'k"ey\u2028': 'v\u0000' }],
  ])('%s: the same text as JSON.stringify(…, null, 2) re-indented', (_label, value) => {
    for (const indent of ['', '    ']) expect(indentedJson(value, indent)).toBe(reference(value, indent));
  });

  it('undefined stays undefined, as JSON.stringify gives', () => {
    expect(indentedJson(undefined, '  ')).toBeUndefined();
  });
});

describe('exportItemJson', () => {
  const item: Item = {
    id: 42, url: 'https://vnexpress.net/a-"b"-1.html', canonicalUrl: null, title: 'Đà Nẵng\t"mới"\n\u2028 \ud800 ✓',
    byline: 'Nguyễn Văn An', attribution: null, summary: 'Tóm tắt \\ \u0000 \u001f', lang: 'vi', declaredLang: 'vi-VN', langSource: 'text',
    publishedAt: '2026-11-27T03:30:00.000Z', firstSeenAt: '2026-11-27T03:31:00.000Z', fetchedAt: '2026-11-27T03:31:00.000Z',
    updatedAt: '2026-11-27T03:31:00.000Z', siteName: null, imageUrl: null, source: 'vnexpress.net', storyId: 40,
  };

  it.each<[string, Item | GroupedItem]>([
    ['an item with escapes, a lone surrogate and nulls', item],
    ['a grouped item with other reports', { ...item, also: [{ source: 'tuoitre.vn', url: 'https://tuoitre.vn/x' }, { source: 'a.vn', url: 'https://a.vn/"y"' }] }],
    ['a grouped item that stands alone', { ...item, also: [] }],
  ])('%s: the text indentedJson(itemToJson(item)) gives', (_label, value) => {
    expect(exportItemJson(value)).toBe(indentedJson(itemToJson(value), '    '));
    expect(JSON.parse(exportItemJson(value))).toEqual(JSON.parse(JSON.stringify(itemToJson(value))));
  });

  it('leaves out a field that is undefined, as JSON.stringify does', () => {
    const partial = { ...item, byline: undefined } as unknown as Item;
    expect(exportItemJson(partial)).toBe(indentedJson(itemToJson(partial), '    '));
    expect(exportItemJson(partial)).not.toContain('"byline"');
  });
});
