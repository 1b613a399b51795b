import { describe, expect, it } from 'vitest';
import { indentedJson } from '../../src/render/json.js';

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
