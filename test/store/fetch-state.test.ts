import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostStateStore, HttpCacheStore } from '../../src/fetch/state.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { FetchStateStore } from '../../src/store/fetch-state.js';

let dir: string;
let path: string;
let db: Database;
let clock: Date;
let state: FetchStateStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-fetch-state-test-'));
  path = join(dir, 'news.db');
  db = openDatabase(path);
  clock = new Date('2024-08-13T10:00:00.000Z');
  state = new FetchStateStore(db, () => clock);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('FetchStateStore as HttpCacheStore', () => {
  it.each([
    ['both validators', { etag: '"abc-123"', lastModified: 'Tue, 13 Aug 2024 09:00:00 GMT' }],
    ['a weak ETag only', { etag: 'W/"v2"', lastModified: null }],
    ['Last-Modified only', { etag: null, lastModified: 'Tue, 13 Aug 2024 09:00:00 GMT' }],
  ])('round-trips %s, across a reopen', (_label, validators) => {
    const cache: HttpCacheStore = state;
    const url = 'https://vnexpress.net/rss/tin-moi-nhat.rss';
    expect(cache.getValidators(url)).toBeNull();
    cache.setValidators(url, validators);
    expect(cache.getValidators(url)).toEqual(validators);
    db.close();
    db = openDatabase(path);
    expect(new FetchStateStore(db).getValidators(url)).toEqual(validators);
  });

  it('keys by the exact URL string, replaces on update and forgets on both null', () => {
    const url = 'https://a.vn/feed?x=1';
    state.setValidators(url, { etag: '"1"', lastModified: null });
    expect(state.getValidators('https://a.vn/feed?x=1#')).toBeNull();
    clock = new Date('2024-08-13T11:00:00.000Z');
    state.setValidators(url, { etag: null, lastModified: 'Tue, 13 Aug 2024 10:00:00 GMT' });
    expect(state.getValidators(url)).toEqual({ etag: null, lastModified: 'Tue, 13 Aug 2024 10:00:00 GMT' });
    expect(db.prepare('SELECT updated_at FROM http_cache WHERE url = ?').pluck().get(url)).toBe('2024-08-13T11:00:00.000Z');
    state.setValidators(url, { etag: null, lastModified: null });
    expect(state.getValidators(url)).toBeNull();
    expect(db.prepare('SELECT COUNT(*) FROM http_cache').pluck().get()).toBe(0);
  });
});

describe('FetchStateStore as HostStateStore', () => {
  it('stores, replaces and clears a host not-before time per host', () => {
    const hosts: HostStateStore = state;
    const t = Date.parse('2024-08-13T10:02:00.000Z');
    expect(hosts.getNotBefore('vnexpress.net')).toBeNull();
    hosts.setNotBefore('vnexpress.net', t);
    hosts.setNotBefore('tuoitre.vn', t + 5_000);
    expect(hosts.getNotBefore('vnexpress.net')).toBe(t);
    hosts.setNotBefore('vnexpress.net', t + 60_000);
    expect(hosts.getNotBefore('vnexpress.net')).toBe(t + 60_000);
    expect(hosts.getNotBefore('tuoitre.vn')).toBe(t + 5_000);
    hosts.setNotBefore('vnexpress.net', null);
    expect(hosts.getNotBefore('vnexpress.net')).toBeNull();
    expect(hosts.getNotBefore('tuoitre.vn')).toBe(t + 5_000);
  });
});
