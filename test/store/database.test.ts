import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { openDatabase, type Database } from '../../src/store/database.js';
import { latestVersion, schemaVersion } from '../../src/store/migrate.js';

let dir: string;
const opened: Database[] = [];

function open(path: string, options?: { readonly?: boolean }): Database {
  const db = openDatabase(path, options);
  opened.push(db);
  return db;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'news-db-test-'));
});

afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('openDatabase', () => {
  it('creates missing parent directories and migrates to the latest schema', () => {
    const path = join(dir, 'a', 'b', 'news.db');
    const db = open(path);
    expect(existsSync(path)).toBe(true);
    expect(schemaVersion(db)).toBe(latestVersion());
    expect(latestVersion()).toBeGreaterThanOrEqual(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toContain('items');
  });

  it('sets the pragmas', () => {
    const db = open(join(dir, 'news.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    // Memory-mapped reads: 2 GB asked, capped by SQLite's build (0x7fff0000).
    expect(db.pragma('mmap_size', { simple: true })).toBe(0x7fff0000);
  });

  it('creates a new database with 16 KB pages, search index leaves to match, and a checkpoint every ~40 MB of WAL', () => {
    const db = open(join(dir, 'news.db'));
    expect(db.pragma('page_size', { simple: true })).toBe(16_384);
    expect(db.prepare("SELECT v FROM items_fts_config WHERE k = 'pgsz'").pluck().get()).toBe(16_338);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(2560);
  });

  it.each(['wal', 'delete'])('keeps the page size of an existing database (journal %s), and scales the checkpoint to it', (mode) => {
    const path = join(dir, 'news.db');
    const old = new Sqlite(path);
    old.pragma('page_size = 4096');
    old.pragma(`journal_mode = ${mode}`);
    old.exec('CREATE TABLE kept (x)');
    old.close();
    const db = open(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    expect(db.prepare("SELECT v FROM items_fts_config WHERE k = 'pgsz'").pluck().get()).toBe(4050);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(10_240);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'kept'").pluck().get()).toBe(1);
  });

  it('reopening an up-to-date database changes nothing', () => {
    const path = join(dir, 'news.db');
    const first = open(path);
    first.exec(
      "INSERT INTO items (url, url_key, url_hash, source, first_seen_at, fetched_at, updated_at, sort_at) VALUES ('u', 'k', 1, 's', 't', 't', 't', 't')",
    );
    first.close();
    const second = open(path);
    expect(schemaVersion(second)).toBe(latestVersion());
    expect(second.prepare('SELECT COUNT(*) FROM items').pluck().get()).toBe(1);
  });

  it('refuses a database written by a newer version of news', () => {
    const path = join(dir, 'news.db');
    const db = open(path);
    db.pragma('user_version = 999');
    db.close();
    expect(() => open(path)).toThrow(StoreError);
    expect(() => open(path)).toThrow(
      `database ${path} was written by a newer version of news (schema 999, this version knows ${latestVersion()}); upgrade news`,
    );
    expect(() => open(path, { readonly: true })).toThrow(StoreError);
  });

  it('wraps a file that is not a database in a StoreError naming the path', () => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'this is plain text, not SQLite. '.repeat(200));
    expect(() => open(path)).toThrow(StoreError);
    expect(() => open(path)).toThrow(new RegExp(`^cannot open database ${path}: file is not a database`));
  });

  it('wraps an unusable directory in a StoreError', () => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, 'x');
    expect(() => open(join(blocker, 'news.db'))).toThrow(StoreError);
    expect(() => open(join(blocker, 'news.db'))).toThrow(`cannot open database ${join(blocker, 'news.db')}`);
  });

  it('read-only: refuses a missing file without creating it', () => {
    const path = join(dir, 'missing', 'news.db');
    expect(() => open(path, { readonly: true })).toThrow(new StoreError(`database ${path} does not exist`));
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('read-only: reads an existing database and cannot write', () => {
    const path = join(dir, 'news.db');
    open(path).close();
    const db = open(path, { readonly: true });
    expect(db.readonly).toBe(true);
    expect(db.pragma('mmap_size', { simple: true })).toBe(0x7fff0000);
    expect(schemaVersion(db)).toBe(latestVersion());
    expect(() => db.exec("INSERT INTO items (url) VALUES ('x')")).toThrow(/readonly/);
  });

  it('read-only: upgrades an older schema before reading', () => {
    const path = join(dir, 'news.db');
    writeFileSync(path, ''); // an empty file is a valid SQLite database at schema 0
    const db = open(path, { readonly: true });
    expect(schemaVersion(db)).toBe(latestVersion());
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'items'").pluck().get()).toBe(1);
  });

  it('works in memory', () => {
    const db = open(':memory:');
    expect(schemaVersion(db)).toBe(latestVersion());
  });
});
