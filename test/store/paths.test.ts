import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDbPath, resolveDbPath } from '../../src/store/paths.js';

describe('defaultDbPath', () => {
  it.runIf(process.platform === 'linux')('is news/news.db under the XDG data directory', () => {
    const dataHome = process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share');
    expect(defaultDbPath()).toBe(join(dataHome, 'news', 'news.db'));
  });
});

describe('resolveDbPath', () => {
  const cases: Array<[string, string | null, NodeJS.ProcessEnv, string]> = [
    ['flag wins over env', '/tmp/flag.db', { NEWS_DB: '/tmp/env.db' }, '/tmp/flag.db'],
    ['env when no flag', null, { NEWS_DB: '/tmp/env.db' }, '/tmp/env.db'],
    ['empty flag ignored', '', { NEWS_DB: '/tmp/env.db' }, '/tmp/env.db'],
    ['empty env ignored', null, { NEWS_DB: '' }, defaultDbPath()],
    ['default otherwise', null, {}, defaultDbPath()],
  ];
  it.each(cases)('%s', (_name, flag, env, expected) => {
    expect(resolveDbPath(flag, env)).toBe(expected);
  });
});
