import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { urlKey } from '../../src/normalize/url.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { FetchStateStore } from '../../src/store/fetch-state.js';
import { ItemStore } from '../../src/store/items.js';
import { prune } from '../../src/store/prune.js';
import { RunStore } from '../../src/store/runs.js';
import type { ItemInput } from '../../src/types.js';

let dir: string;
let db: Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-prune-test-'));
  db = openDatabase(join(dir, 'news.db'));
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function input(url: string, publishedAt: string | null, fetchedAt: string): ItemInput {
  return {
    url,
    urlKey: urlKey(url),
    canonicalKey: null,
    contentKey: null,
    title: url,
    byline: null,
    attribution: null,
    summary: null,
    publishedAt,
    canonicalUrl: null,
    siteName: null,
    imageUrl: null,
    declaredLang: null,
    lang: 'vi',
    langSource: 'text',
    source: 'a.vn',
    fetchedAt,
  };
}

const CUTOFF = '2024-05-15T00:00:00.000Z';

describe('prune', () => {
  it('deletes old items, finished runs and validators in one go, and returns the counts', () => {
    const items = new ItemStore(db);
    items.save([
      input('https://a.vn/old', '2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z'), // gone
      input('https://a.vn/old-undated', null, '2024-05-14T23:59:59.999Z'), // gone: first seen before
      input('https://a.vn/at-cutoff', null, CUTOFF), // kept: not older
      input('https://a.vn/old-but-seen-late', '2024-01-01T00:00:00.000Z', '2024-08-01T00:00:00.000Z'), // kept
      input('https://a.vn/new', '2024-08-01T00:00:00.000Z', '2024-08-01T00:00:00.000Z'), // kept
    ]);
    const runs = new RunStore(db);
    const oldDone = runs.start({ startedAt: new Date('2024-03-01T00:00:00.000Z') });
    runs.finish(oldDone, { finishedAt: new Date('2024-03-01T00:01:00.000Z'), status: 'ok', sourcesOk: 1, sourcesFailed: 0, itemsNew: 0, itemsUpdated: 0, errors: [] });
    const oldRunning = runs.start({ startedAt: new Date('2024-03-01T00:00:00.000Z') });
    const recent = runs.start({ startedAt: new Date('2024-08-01T00:00:00.000Z') });
    let clock = new Date('2024-02-01T00:00:00.000Z');
    const state = new FetchStateStore(db, () => clock);
    state.setValidators('https://a.vn/old', { etag: '"1"', lastModified: null });
    clock = new Date('2024-06-01T00:00:00.000Z');
    state.setValidators('https://a.vn/feed', { etag: '"2"', lastModified: null });

    expect(prune(db, '2024-05-15T07:00:00+07:00')).toEqual({ items: 2, runs: 1, httpCache: 1 });
    expect(items.list({ lang: null, source: null, since: null, until: null, limit: null }).map((i) => i.url).sort()).toEqual([
      'https://a.vn/at-cutoff',
      'https://a.vn/new',
      'https://a.vn/old-but-seen-late',
    ]);
    expect(runs.recent(10).map((r) => r.id).sort()).toEqual([oldRunning, recent].sort());
    expect(state.getValidators('https://a.vn/old')).toBeNull();
    expect(state.getValidators('https://a.vn/feed')).toEqual({ etag: '"2"', lastModified: null });
    expect(prune(db, CUTOFF)).toEqual({ items: 0, runs: 0, httpCache: 0 });
  });

  it('refuses an unparseable cutoff', () => {
    expect(() => prune(db, '90 days ago')).toThrow(UsageError);
    expect(() => prune(db, '90 days ago')).toThrow('invalid prune cutoff date: 90 days ago');
  });
});
