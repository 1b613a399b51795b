import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { ItemStore } from '../../src/store/items.js';
import type { ItemFilter } from '../../src/types.js';
import { sampleItems, toInput } from '../helpers/export-items.js';

let dir: string;
let db: Database;
let store: ItemStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-iterate-test-'));
  db = openDatabase(join(dir, 'news.db'));
  store = new ItemStore(db);
  store.save(sampleItems().map(toInput));
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const noFilter: ItemFilter = { lang: null, source: null, since: null, until: null, limit: null };
const titles = (items: Iterable<{ title: string | null; url: string }>): string[] => [...items].map((item) => item.title ?? item.url);

describe('ItemStore.iterate', () => {
  const filters: Array<[string, Partial<ItemFilter>]> = [
    ['no filter', {}],
    ['language', { lang: 'vi' }],
    ['source', { source: 'tuoitre.vn' }],
    ['site name, any case', { source: 'vnexpress international' }],
    ['since', { since: '2024-08-12T02:00:00.000Z' }],
    ['until', { until: '2024-08-12T02:00:00.000Z' }],
    ['limit', { limit: 2 }],
  ];
  it.each(filters)('newest order gives exactly what list gives: %s', (_name, overrides) => {
    const filter = { ...noFilter, ...overrides };
    expect([...store.iterate(filter)]).toEqual(store.list(filter));
    expect([...store.iterate(filter, 'newest')]).toEqual(store.list(filter));
  });

  it('grouped order: Vietnamese, English, unknown; sites A→Z inside; newest first inside a site', () => {
    expect(titles(store.iterate(noFilter, 'grouped'))).toEqual([
      'Nguyễn Trãi và những bài học', // vi · Tuổi Trẻ Online
      'Đà Nẵng mở chợ đêm bên sông Hàn', // vi · VnExpress, published 03:30 on the 12th
      '<script>document.title="pwned"</script> Giá điện tăng & "nóng"', // vi · VnExpress, first seen on the 11th
      'Night market on Han River draws crowds', // en
      'https://example.org/x', // unknown language
    ]);
  });

  it('grouped order regroups only the newest `limit` items', () => {
    // The two newest are the English item (05:00) and the VnExpress one (03:30).
    expect(titles(store.iterate({ ...noFilter, limit: 2 }, 'grouped'))).toEqual([
      'Đà Nẵng mở chợ đêm bên sông Hàn',
      'Night market on Han River draws crowds',
    ]);
  });

  it('reads from a live cursor, not a materialised array: the connection is busy until the end', () => {
    const rows = store.iterate(noFilter);
    expect(Array.isArray(rows)).toBe(false);
    expect(rows.next().done).toBe(false);
    expect(() => store.save(sampleItems().map(toInput))).toThrow(/busy/);
    rows.return?.();
    expect(store.save(sampleItems().map(toInput)).updated).toBe(5);
  });

  it('frees the connection when a loop stops early', () => {
    for (const item of store.iterate(noFilter, 'grouped')) {
      expect(item.id).toBeGreaterThan(0);
      break;
    }
    expect(store.save(sampleItems().map(toInput)).updated).toBe(5);
  });

  it('checks the filter when called, before any row is read', () => {
    expect(() => store.iterate({ ...noFilter, limit: -1 })).toThrow(UsageError);
    expect(() => store.iterate({ ...noFilter, since: 'yesterday-ish' })).toThrow(/invalid since date/);
  });
});
