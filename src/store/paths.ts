/**
 * Where the database file lives.
 */

import envPaths from 'env-paths';
import { join } from 'node:path';

/** The per-user default: the XDG data dir, e.g. `~/.local/share/news/news.db`. */
export function defaultDbPath(): string {
  return join(envPaths('news', { suffix: '' }).data, 'news.db');
}

/** The database path to use: the `--db` flag, else a non-empty `NEWS_DB`, else the default. */
export function resolveDbPath(flag: string | null, env: NodeJS.ProcessEnv): string {
  if (flag !== null && flag !== '') return flag;
  const fromEnv = env.NEWS_DB;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return defaultDbPath();
}
