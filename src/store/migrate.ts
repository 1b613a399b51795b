/**
 * Schema migrations: numbered, append-only, recorded in `PRAGMA user_version`.
 * A database written by a newer version of news is refused, never touched.
 */

import type BetterSqlite3 from 'better-sqlite3';
import { StoreError } from '../errors.js';
import { MIGRATIONS } from './migrations/index.js';

type Database = BetterSqlite3.Database;

/** One schema step. `version` counts up from 1 with no gaps; `up` runs inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** The schema version recorded in the database file (0 for a fresh file). */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** The newest schema version in a migration list (0 when empty). */
export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

/** Migrations must be numbered 1, 2, 3, … in order: a gap is a programming error. */
function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration ${migration.name} has version ${migration.version}, expected ${index + 1}`);
    }
  });
}

/** Refuse a database whose schema is newer than the newest migration this code knows. */
function assertNotNewer(db: Database, latest: number): void {
  const current = schemaVersion(db);
  if (current > latest) {
    throw new StoreError(
      `database ${db.name} was written by a newer version of news (schema ${current}, this version knows ${latest}); upgrade news`,
    );
  }
}

/** True when the database is behind the newest migration (and so needs a writable open). */
export function needsMigration(db: Database, migrations: readonly Migration[] = MIGRATIONS): boolean {
  const latest = latestVersion(migrations);
  assertNotNewer(db, latest);
  return schemaVersion(db) < latest;
}

/**
 * Apply every pending migration, each in its own IMMEDIATE transaction that also sets
 * `user_version`. The version is re-read inside the transaction, so two processes
 * opening a fresh file at once do not apply a step twice. Returns the versions applied.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  assertOrdered(migrations);
  assertNotNewer(db, latestVersion(migrations));
  const applied: number[] = [];
  for (const migration of migrations) {
    if (schemaVersion(db) >= migration.version) continue;
    const step = db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return false;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
      return true;
    });
    if (step.immediate()) applied.push(migration.version);
  }
  return applied;
}
