import Sqlite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { latestVersion, migrate, needsMigration, schemaVersion, type Migration } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';

let dir: string;
let path: string;
let db: Sqlite.Database;

const tableNames = (): unknown[] =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();

const steps: Migration[] = [
  { version: 1, name: '0001-a', up: (d) => d.exec('CREATE TABLE a (x)') },
  { version: 2, name: '0002-b', up: (d) => d.exec('CREATE TABLE b (x)') },
];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-migrate-test-'));
  path = join(dir, 'news.db');
  db = new Sqlite(path);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migrate', () => {
  it('the shipped list is numbered 1..N with unique names', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_m, i) => i + 1));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
    expect(MIGRATIONS[0]?.name).toBe('0001-initial');
  });

  it('brings a fresh database to the latest version', () => {
    expect(schemaVersion(db)).toBe(0);
    expect(needsMigration(db, steps)).toBe(true);
    expect(migrate(db, steps)).toEqual([1, 2]);
    expect(schemaVersion(db)).toBe(2);
    expect(tableNames()).toEqual(['a', 'b']);
    expect(needsMigration(db, steps)).toBe(false);
  });

  it('applies only pending steps, and nothing on a second run', () => {
    expect(migrate(db, steps.slice(0, 1))).toEqual([1]);
    expect(migrate(db, steps)).toEqual([2]);
    expect(migrate(db, steps)).toEqual([]);
    expect(schemaVersion(db)).toBe(2);
  });

  it('rolls back a failing step, keeping the versions before it', () => {
    const failing: Migration[] = [
      steps[0]!,
      {
        version: 2,
        name: '0002-broken',
        up: (d) => {
          d.exec('CREATE TABLE half (x)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, failing)).toThrow('boom');
    expect(schemaVersion(db)).toBe(1);
    expect(tableNames()).toEqual(['a']);
  });

  it('refuses a database newer than the code', () => {
    db.pragma('user_version = 999');
    const expected = `database ${path} was written by a newer version of news (schema 999, this version knows 2); upgrade news`;
    expect(() => migrate(db, steps)).toThrow(StoreError);
    expect(() => migrate(db, steps)).toThrow(expected);
    expect(() => needsMigration(db, steps)).toThrow(expected);
    expect(tableNames()).toEqual([]);
  });

  it('rejects a list with a gap as a programming error', () => {
    const gap: Migration[] = [steps[0]!, { ...steps[1]!, version: 3 }];
    expect(() => migrate(db, gap)).toThrow('migration 0002-b has version 3, expected 2');
  });

  it('latestVersion is the last version, 0 for none', () => {
    expect(latestVersion(steps)).toBe(2);
    expect(latestVersion([])).toBe(0);
    expect(latestVersion()).toBe(MIGRATIONS.length);
  });

  it('schema 1 creates items with its indexes', () => {
    migrate(db, MIGRATIONS.slice(0, 1));
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('items');
    expect(columns).toEqual([
      'id', 'url', 'url_key', 'canonical_url', 'canonical_key', 'content_key', 'title', 'byline',
      'attribution', 'summary', 'lang', 'declared_lang', 'published_at', 'site_name', 'image_url',
      'source', 'first_seen_at', 'fetched_at', 'updated_at', 'sort_at',
    ]);
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'items' AND sql IS NOT NULL ORDER BY name")
      .pluck()
      .all();
    expect(indexes).toEqual(['items_canonical_key', 'items_content_key', 'items_lang', 'items_sort_at', 'items_source']);
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM items ORDER BY sort_at DESC, id DESC LIMIT 20')
      .all() as Array<{ detail: string }>;
    expect(plan.map((row) => row.detail).join(' ')).toContain('items_sort_at');
  });
});
