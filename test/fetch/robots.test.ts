import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../src/errors.js';
import { closeAgent, fetchPage, type FetchOptions } from '../../src/fetch/http.js';
import { ROBOTS_AGENT_TOKEN, RobotsCache, robotsTxtUrl } from '../../src/fetch/robots.js';
import { VERSION } from '../../src/version.js';
import { send, startServer, type TestServer } from './test-server.js';

const TEXT = { 'content-type': 'text/plain' };
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

beforeEach(() => {
  server.requests.length = 0;
});

afterAll(async () => {
  await closeAgent();
  await server.close();
});

describe('RobotsCache: rules', () => {
  it('matches groups by our token "news"', () => {
    expect(ROBOTS_AGENT_TOKEN).toBe('news');
  });

  it.each<[string, string, string, boolean]>([
    ['a * group disallows', 'User-agent: *\nDisallow: /private\n', '/private/a', false],
    ['a * group leaves other paths', 'User-agent: *\nDisallow: /private\n', '/public/a', true],
    ['our own group wins over *', 'User-agent: news\nDisallow: /\n\nUser-agent: *\nAllow: /\n', '/a', false],
    ['another bot’s group does not apply', 'User-agent: otherbot\nDisallow: /\n', '/a', true],
    ['the longest match wins', 'User-agent: *\nDisallow: /\nAllow: /open\n', '/open/a', true],
    ['disallow all', 'User-agent: *\nDisallow: /\n', '/closed', false],
    ['an empty file', '', '/a', true],
  ])('%s', async (_name, robotsTxt, path, allowed) => {
    server.route('/robots.txt', send(200, TEXT, robotsTxt));
    const robots = new RobotsCache();
    expect(await robots.isAllowed(server.base + path)).toBe(allowed);
  });

  it('fetches robots.txt once per origin, shared by concurrent callers, with our User-Agent', async () => {
    server.route('/robots.txt', send(200, TEXT, 'User-agent: *\nDisallow: /private\n'));
    const robots = new RobotsCache();
    const answers = await Promise.all([
      robots.isAllowed(`${server.base}/a`),
      robots.isAllowed(`${server.base}/private/b`),
      robots.isAllowed(`${server.base}/c`),
    ]);
    expect(answers).toEqual([true, false, true]);
    expect(await robots.isAllowed(`${server.base}/private/d`)).toBe(false);
    const requests = server.requestsFor('/robots.txt');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers['user-agent']).toBe(`news/${VERSION} (+https://github.com/news-cli/news)`);
  });
});

describe('RobotsCache: failures', () => {
  it('treats a 404 as "no robots.txt": everything allowed', async () => {
    server.route('/robots.txt', send(404, TEXT, 'not here'));
    const robots = new RobotsCache();
    expect(await robots.isAllowed(`${server.base}/anything`)).toBe(true);
    expect(await robots.lookup(`${server.base}/x`)).toEqual({ state: 'missing', status: 404 });
  });

  it('allows everything on a 500 but remembers why, and does not ask again', async () => {
    server.route('/robots.txt', send(500, TEXT, 'broken'));
    const robots = new RobotsCache();
    expect(await robots.isAllowed(`${server.base}/a`)).toBe(true);
    expect(await robots.isAllowed(`${server.base}/b`)).toBe(true);
    expect(await robots.lookup(`${server.base}/c`)).toEqual({ state: 'unreachable', reason: 'HTTP 500 Internal Server Error' });
    expect(server.requestsFor('/robots.txt')).toHaveLength(1);
  });

  it('treats a 429 as unreachable, not as missing', async () => {
    server.route('/robots.txt', send(429, TEXT, 'slow down'));
    const record = await new RobotsCache().lookup(`${server.base}/a`);
    expect(record.state).toBe('unreachable');
  });

  it('allows everything when the host cannot be reached', async () => {
    const closed = await startServer();
    const base = closed.base;
    await closed.close();
    const robots = new RobotsCache();
    expect(await robots.isAllowed(`${base}/a`)).toBe(true);
    const record = await robots.lookup(`${base}/a`);
    expect(record.state).toBe('unreachable');
    expect(record.state === 'unreachable' && record.reason).toMatch(/^network error/);
  });

  it('does not read a robots.txt over 512 KiB', async () => {
    server.route('/robots.txt', send(200, TEXT, `User-agent: *\nDisallow: /\n#${'x'.repeat(600 * 1024)}`));
    const robots = new RobotsCache();
    expect(await robots.isAllowed(`${server.base}/a`)).toBe(true);
    const record = await robots.lookup(`${server.base}/a`);
    expect(record).toEqual({ state: 'unreachable', reason: 'response body exceeds the 512 KiB limit' });
  });

  it('times out on a robots.txt that never comes', async () => {
    server.route('/robots.txt', () => {});
    const robots = new RobotsCache({ timeoutMs: 200 });
    const started = Date.now();
    expect(await robots.isAllowed(`${server.base}/a`)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await robots.lookup(`${server.base}/a`)).state).toBe('unreachable');
  });

  it('does not cache a scheduler refusal: the next call asks again', async () => {
    server.route('/robots.txt', send(200, TEXT, 'User-agent: *\nDisallow: /private\n'));
    let calls = 0;
    const seen: FetchOptions[] = [];
    const robots = new RobotsCache({
      fetch: async (url, options) => {
        seen.push(options);
        if (++calls === 1) throw new FetchError('run time limit reached', 'deadline');
        return fetchPage(url, options);
      },
    });
    await expect(robots.isAllowed(`${server.base}/private/a`)).rejects.toMatchObject({ code: 'deadline' });
    expect(await robots.isAllowed(`${server.base}/private/a`)).toBe(false);
    expect(calls).toBe(2);
    expect(seen[0]).toMatchObject({ accept: 'any', maxBytes: 512 * 1024, timeoutMs: 10_000, validators: null });
  });
});

describe('robotsTxtUrl', () => {
  it.each([
    ['https://vnexpress.net/thoi-su/a.html?x=1#y', 'https://vnexpress.net/robots.txt'],
    ['http://127.0.0.1:8080/a', 'http://127.0.0.1:8080/robots.txt'],
    ['https://example.com:443/a', 'https://example.com/robots.txt'],
  ])('%s → %s', (url, expected) => {
    expect(robotsTxtUrl(url)).toBe(expected);
  });
});
