import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import {
  backoffSeconds,
  DEFAULT_INTERVAL_SECONDS,
  nextCheckAfterFailure,
  SourceStore,
  type NewSource,
} from '../../src/store/sources.js';

let dir: string;
let db: Database;
let store: SourceStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-sources-test-'));
  db = openDatabase(join(dir, 'news.db'));
  store = new SourceStore(db);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ADDED = new Date('2024-08-13T00:00:00.000Z');
const at = (iso: string): Date => new Date(iso);

function source(url: string, overrides: Partial<NewSource> = {}): NewSource {
  return { url, name: null, lang: null, kind: 'feed', addedAt: ADDED, ...overrides };
}

describe('backoffSeconds', () => {
  it.each([
    // interval, failures, expected seconds
    [900, 0, 900],
    [900, 1, 1_800],
    [900, 2, 3_600],
    [900, 3, 7_200],
    [900, 6, 57_600],
    [900, 7, 86_400], // 115 200 capped at a day
    [900, 50, 86_400],
    [900, 5_000, 86_400], // no overflow to Infinity/NaN
    [60, 10, 61_440],
    [60, 11, 86_400],
    [172_800, 3, 172_800], // an interval longer than a day is its own cap
  ])('interval %i s after %i failures → %i s', (interval, failures, expected) => {
    expect(backoffSeconds(interval, failures)).toBe(expected);
  });
});

describe('nextCheckAfterFailure', () => {
  const failedAt = at('2024-08-13T10:00:00.000Z');
  it.each([
    ['no retryAt: the backoff', 1, null, '2024-08-13T10:30:00.000Z'],
    ['retryAt earlier than the backoff: the backoff', 1, at('2024-08-13T10:05:00.000Z'), '2024-08-13T10:30:00.000Z'],
    ['retryAt later than the backoff: retryAt', 1, at('2024-08-13T12:00:00.000Z'), '2024-08-13T12:00:00.000Z'],
    ['retryAt beyond the one-day cap still wins', 9, at('2024-08-16T00:00:00.000Z'), '2024-08-16T00:00:00.000Z'],
    ['many failures: a day', 9, null, '2024-08-14T10:00:00.000Z'],
  ])('%s', (_label, failures, retryAt, expected) => {
    expect(nextCheckAfterFailure(failedAt, 900, failures, retryAt).toISOString()).toBe(expected);
  });
});

describe('SourceStore.add / get / list / remove', () => {
  it('adds a source with its fields, defaults and no fetch history', () => {
    const added = store.add(source('  https://vnexpress.net/rss/tin-moi-nhat.rss ', { name: 'VnExpress', lang: 'vi' }));
    expect(added).toEqual({
      id: added.id,
      url: 'https://vnexpress.net/rss/tin-moi-nhat.rss',
      name: 'VnExpress',
      lang: 'vi',
      kind: 'feed',
      addedAt: '2024-08-13T00:00:00.000Z',
      lastFetchAt: null,
      lastStatus: null,
      lastError: null,
      itemsTotal: 0,
      consecutiveFailures: 0,
      nextCheckAt: null,
      intervalSeconds: DEFAULT_INTERVAL_SECONDS,
    });
    expect(DEFAULT_INTERVAL_SECONDS).toBe(900);
    expect(store.add(source('https://e.vnexpress.net/', { kind: 'listing', intervalSeconds: 3600 })).intervalSeconds).toBe(3600);
  });

  it('refuses a duplicate by URL key, naming the existing source', () => {
    const first = store.add(source('https://tuoitre.vn/rss/tin-moi-nhat.rss?utm_source=x'));
    const duplicate = (): unknown => store.add(source('http://tuoitre.vn/rss/tin-moi-nhat.rss#top'));
    expect(duplicate).toThrow(UsageError);
    expect(duplicate).toThrow(`already subscribed: https://tuoitre.vn/rss/tin-moi-nhat.rss?utm_source=x (id ${first.id})`);
    expect(store.list()).toHaveLength(1);
  });

  it.each([
    ['an empty URL', source('  '), 'source URL is empty'],
    ['an unknown kind', source('https://a.vn/', { kind: 'podcast' as never }), 'invalid source kind: podcast (expected feed, listing or page)'],
    ['an unknown language', source('https://a.vn/', { lang: 'fr' as never }), 'invalid source language: fr (expected vi or en)'],
    ['a zero interval', source('https://a.vn/', { intervalSeconds: 0 }), 'invalid check interval: 0'],
    ['a fractional interval', source('https://a.vn/', { intervalSeconds: 1.5 }), 'invalid check interval: 1.5'],
  ])('refuses %s with a UsageError', (_label, input, message) => {
    expect(() => store.add(input)).toThrow(UsageError);
    expect(() => store.add(input)).toThrow(message);
    expect(store.list()).toEqual([]);
  });

  it('gets by id (number or digits) and by URL key; null when absent', () => {
    const a = store.add(source('https://vnexpress.net/rss/the-thao.rss'));
    const b = store.add(source('https://thanhnien.vn/rss/home.rss'));
    expect(store.get(a.id)?.url).toBe(a.url);
    expect(store.get(` ${b.id} `)?.url).toBe(b.url);
    expect(store.get('HTTP://VNEXPRESS.NET/rss/the-thao.rss/')?.id).toBe(a.id);
    expect(store.get(9999)).toBeNull();
    expect(store.get('https://nowhere.example/')).toBeNull();
    expect(store.list().map((s) => s.id)).toEqual([a.id, b.id]);
  });

  it('removes by id or URL; false when absent', () => {
    const a = store.add(source('https://vnexpress.net/rss/the-thao.rss'));
    const b = store.add(source('https://thanhnien.vn/rss/home.rss'));
    expect(store.remove('http://thanhnien.vn/rss/home.rss')).toBe(true);
    expect(store.remove(b.id)).toBe(false);
    expect(store.remove(String(a.id))).toBe(true);
    expect(store.list()).toEqual([]);
    // A removed URL can be subscribed again.
    expect(store.add(source('https://thanhnien.vn/rss/home.rss')).url).toBe('https://thanhnien.vn/rss/home.rss');
  });
});

describe('SourceStore.due', () => {
  it('returns never-checked sources first, then the least recently checked; skips those not yet due', () => {
    const old = store.add(source('https://a.vn/feed', { intervalSeconds: 60 }));
    const recent = store.add(source('https://b.vn/feed', { intervalSeconds: 60 }));
    const fresh = store.add(source('https://c.vn/feed'));
    const later = store.add(source('https://d.vn/feed', { intervalSeconds: 86_400 }));
    store.recordSuccess(recent.id, { at: at('2024-08-13T09:58:00.000Z'), status: 'ok', newItems: 0 });
    store.recordSuccess(old.id, { at: at('2024-08-13T09:50:00.000Z'), status: 'ok', newItems: 0 });
    store.recordSuccess(later.id, { at: at('2024-08-13T09:00:00.000Z'), status: 'ok', newItems: 0 });

    const now = at('2024-08-13T10:00:00.000Z');
    expect(store.due(now).map((s) => s.id)).toEqual([fresh.id, old.id, recent.id]);
    // Exactly at next_check_at counts as due; a millisecond before does not.
    expect(store.due(at('2024-08-13T09:58:59.999Z')).map((s) => s.id)).toEqual([fresh.id, old.id]);
    expect(store.due(at('2024-08-13T09:59:00.000Z')).map((s) => s.id)).toEqual([fresh.id, old.id, recent.id]);
    expect(store.due(at('2024-08-14T09:00:00.000Z')).map((s) => s.id)).toEqual([fresh.id, later.id, old.id, recent.id]);
  });
});

describe('SourceStore.recordSuccess / recordFailure', () => {
  it('a success counts new items and schedules one interval later', () => {
    const s = store.add(source('https://a.vn/feed'));
    expect(store.recordSuccess(s.id, { at: at('2024-08-13T10:00:00.000Z'), status: 'ok', newItems: 7 })).toBe(true);
    expect(store.recordSuccess(s.id, { at: at('2024-08-13T10:15:00.000Z'), status: 'not-modified', newItems: 0 })).toBe(true);
    expect(store.get(s.id)).toMatchObject({
      lastFetchAt: '2024-08-13T10:15:00.000Z',
      lastStatus: 'not-modified',
      lastError: null,
      itemsTotal: 7,
      consecutiveFailures: 0,
      nextCheckAt: '2024-08-13T10:30:00.000Z',
    });
  });

  it('failures back off exponentially, keep the error, and a success resets them', () => {
    const s = store.add(source('https://a.vn/feed'));
    store.recordSuccess(s.id, { at: at('2024-08-13T09:00:00.000Z'), status: 'ok', newItems: 3 });
    const schedule: Array<[string, string]> = [
      ['2024-08-13T10:00:00.000Z', '2024-08-13T10:30:00.000Z'], // 1 failure: 2 × 900 s
      ['2024-08-13T10:30:00.000Z', '2024-08-13T11:30:00.000Z'], // 2: 4 × 900 s
      ['2024-08-13T11:30:00.000Z', '2024-08-13T13:30:00.000Z'], // 3: 8 × 900 s
    ];
    schedule.forEach(([failedAt, next], index) => {
      expect(store.recordFailure(s.id, { at: at(failedAt), error: `HTTP 503 (${index + 1})` })).toBe(true);
      expect(store.get(s.id)).toMatchObject({
        lastFetchAt: failedAt,
        lastStatus: 'error',
        lastError: `HTTP 503 (${index + 1})`,
        consecutiveFailures: index + 1,
        nextCheckAt: next,
        itemsTotal: 3,
      });
    });
    store.recordSuccess(s.id, { at: at('2024-08-13T14:00:00.000Z'), status: 'ok', newItems: 2 });
    expect(store.get(s.id)).toMatchObject({
      lastStatus: 'ok',
      lastError: null,
      consecutiveFailures: 0,
      itemsTotal: 5,
      nextCheckAt: '2024-08-13T14:15:00.000Z',
    });
  });

  it('a later Retry-After wins over the backoff; the source stays listed and due later', () => {
    const s = store.add(source('https://a.vn/feed'));
    const retryAt = at('2024-08-13T18:00:00.000Z');
    store.recordFailure(s.id, { at: at('2024-08-13T10:00:00.000Z'), error: 'HTTP 429', retryAt });
    expect(store.get(s.id)?.nextCheckAt).toBe('2024-08-13T18:00:00.000Z');
    expect(store.due(at('2024-08-13T17:59:59.000Z'))).toEqual([]);
    expect(store.due(retryAt).map((x) => x.id)).toEqual([s.id]);
  });

  it('backs off at most a day, however many failures, and never disables', () => {
    const s = store.add(source('https://a.vn/feed'));
    let time = at('2024-08-01T00:00:00.000Z');
    for (let i = 0; i < 40; i++) {
      store.recordFailure(s.id, { at: time, error: 'timeout' });
      time = new Date(store.get(s.id)!.nextCheckAt!);
    }
    const after = store.get(s.id)!;
    expect(after.consecutiveFailures).toBe(40);
    expect(Date.parse(after.nextCheckAt!) - Date.parse(after.lastFetchAt!)).toBe(86_400_000);
    expect(store.due(new Date(after.nextCheckAt!)).map((x) => x.id)).toEqual([s.id]);
  });

  it('shortens a very long error message', () => {
    const s = store.add(source('https://a.vn/feed'));
    store.recordFailure(s.id, { at: ADDED, error: 'x'.repeat(2_000) });
    const error = store.get(s.id)!.lastError!;
    expect(error).toHaveLength(500);
    expect(error.endsWith('…')).toBe(true);
  });

  it('reports false for a source removed meanwhile', () => {
    const s = store.add(source('https://a.vn/feed'));
    store.remove(s.id);
    expect(store.recordSuccess(s.id, { at: ADDED, status: 'ok', newItems: 1 })).toBe(false);
    expect(store.recordFailure(s.id, { at: ADDED, error: 'gone' })).toBe(false);
  });
});
