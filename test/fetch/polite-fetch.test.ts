import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../src/errors.js';
import { closeAgent } from '../../src/fetch/http.js';
import { HostNotBeforeError } from '../../src/fetch/politeness.js';
import { PoliteFetcher, type PoliteFetcherOptions } from '../../src/fetch/polite-fetch.js';
import { RateLimitedError } from '../../src/fetch/retry-after.js';
import { MemoryHostState, MemoryHttpCache } from './memory-state.js';
import { send, startServer, type TestServer } from './test-server.js';

const HTML = { 'content-type': 'text/html; charset=utf-8' };
const PAGE = '<!doctype html><html><body>Tin mới</body></html>';

/** Servers started by a test, closed after it. */
const servers: TestServer[] = [];
async function server(): Promise<TestServer> {
  const started = await startServer();
  servers.push(started);
  return started;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((started) => started.close()));
});

afterAll(async () => {
  await closeAgent();
});

function fetcher(options: Partial<PoliteFetcherOptions> = {}): PoliteFetcher {
  return new PoliteFetcher({ httpCache: null, hostState: null, respectRobots: true, perHostIntervalMs: 0, ...options });
}

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
  throw new Error('expected the fetch to fail');
}

describe('PoliteFetcher: conditional GET', () => {
  const ETAG = '"v1"';
  const LAST_MODIFIED = 'Wed, 15 Jan 2025 12:00:00 GMT';

  /** A page that answers 304 to a matching If-None-Match or If-Modified-Since, counting those. */
  function conditionalPage(validators: Record<string, string>) {
    const counts = { conditional: 0, full: 0 };
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      const etagMatches = validators['etag'] !== undefined && req.headers['if-none-match'] === validators['etag'];
      const dateMatches =
        validators['last-modified'] !== undefined && req.headers['if-modified-since'] === validators['last-modified'];
      if (etagMatches || dateMatches) {
        counts.conditional++;
        res.writeHead(304, validators);
        res.end();
        return;
      }
      counts.full++;
      res.writeHead(200, { ...HTML, ...validators });
      res.end(PAGE);
    };
    return { counts, handler };
  }

  it('stores validators after a 200, sends both next time and gets a 304 that costs nothing else', async () => {
    const site = await server();
    const { counts, handler } = conditionalPage({ etag: ETAG, 'last-modified': LAST_MODIFIED });
    const url = site.route('/feed', handler);
    const httpCache = new MemoryHttpCache();
    const polite = fetcher({ httpCache });

    const first = await polite.fetch(url, { explicit: true, conditional: true });
    expect(first).toMatchObject({ status: 200, notModified: false, text: PAGE, validators: { etag: ETAG, lastModified: LAST_MODIFIED } });
    expect(httpCache.getValidators(url)).toEqual({ etag: ETAG, lastModified: LAST_MODIFIED });
    expect(site.requests[0]?.headers['if-none-match']).toBeUndefined();

    const second = await polite.fetch(url, { explicit: true, conditional: true });
    expect(second).toMatchObject({ status: 304, notModified: true, text: '', validators: { etag: ETAG, lastModified: LAST_MODIFIED } });
    expect(second.bytes).toHaveLength(0);
    expect(site.requests[1]?.headers['if-none-match']).toBe(ETAG);
    expect(site.requests[1]?.headers['if-modified-since']).toBe(LAST_MODIFIED);
    expect(counts).toEqual({ conditional: 1, full: 1 });
    expect(httpCache.writes).toHaveLength(1);
  });

  it('answers 304 on If-Modified-Since alone', async () => {
    const site = await server();
    const { counts, handler } = conditionalPage({ 'last-modified': LAST_MODIFIED });
    const url = site.route('/dated', handler);
    const httpCache = new MemoryHttpCache();
    const polite = fetcher({ httpCache });
    await polite.fetch(url, { explicit: true, conditional: true });
    expect(httpCache.getValidators(url)).toEqual({ etag: null, lastModified: LAST_MODIFIED });
    const second = await polite.fetch(url, { explicit: true, conditional: true });
    expect(second.notModified).toBe(true);
    expect(site.requests[1]?.headers['if-none-match']).toBeUndefined();
    expect(site.requests[1]?.headers['if-modified-since']).toBe(LAST_MODIFIED);
    expect(counts).toEqual({ conditional: 1, full: 1 });
  });

  it('replaces the validators when the page changed', async () => {
    const site = await server();
    let version = 'v1';
    const url = site.route('/changing', (req, res) => {
      const etag = `"${version}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag });
        res.end();
      } else {
        res.writeHead(200, { ...HTML, etag });
        res.end(PAGE);
      }
    });
    const httpCache = new MemoryHttpCache();
    const polite = fetcher({ httpCache });
    await polite.fetch(url, { explicit: true, conditional: true });
    version = 'v2';
    const changed = await polite.fetch(url, { explicit: true, conditional: true });
    expect(changed).toMatchObject({ status: 200, notModified: false, text: PAGE });
    expect(site.requests[1]?.headers['if-none-match']).toBe('"v1"');
    expect(httpCache.getValidators(url)).toEqual({ etag: '"v2"', lastModified: null });
  });

  it('neither sends nor stores validators without conditional', async () => {
    const site = await server();
    const url = site.route('/plain', send(200, { ...HTML, etag: ETAG }, PAGE));
    const httpCache = new MemoryHttpCache();
    httpCache.setValidators(url, { etag: ETAG, lastModified: null });
    httpCache.writes.length = 0;
    const page = await fetcher({ httpCache }).fetch(url, { explicit: true });
    expect(page.status).toBe(200);
    expect(site.requests[0]?.headers['if-none-match']).toBeUndefined();
    expect(httpCache.writes).toEqual([]);
  });

  it('takes any content type with accept: any (feeds)', async () => {
    const site = await server();
    const url = site.route('/rss', send(200, { 'content-type': 'application/rss+xml' }, '<rss/>'));
    const polite = fetcher();
    expect((await polite.fetch(url, { explicit: true, accept: 'any' })).text).toBe('<rss/>');
    expect((await failure(polite.fetch(url, { explicit: true }))).code).toBe('content-type');
  });
});

describe('PoliteFetcher: 429, 503 and Retry-After', () => {
  /** Answers 429 with `retryAfter` the first time, then 200. */
  function busyOnce(site: TestServer, path: string, retryAfter: () => string): string {
    let calls = 0;
    return site.route(path, (_req, res) => {
      if (++calls === 1) {
        res.writeHead(429, { 'content-type': 'text/plain', 'retry-after': retryAfter() });
        res.end('slow down');
      } else {
        res.writeHead(200, HTML);
        res.end(PAGE);
      }
    });
  }

  it.each<[string, () => string, number, number]>([
    ['seconds', () => '1', 1000, 1000],
    ['an HTTP-date', () => new Date(Date.now() + 2000).toUTCString(), 1000, 2000],
  ])('honours Retry-After given as %s: no request to the host before the time', async (_kind, retryAfter, least, most) => {
    const site = await server();
    const url = busyOnce(site, '/busy', retryAfter);
    const other = site.route('/other', send(200, HTML, PAGE));
    const hostState = new MemoryHostState();
    const polite = fetcher({ hostState, deadline: Date.now() + 10_000 });

    const before = Date.now();
    const error = await failure(polite.fetch(url, { explicit: true }));
    expect(error).toBeInstanceOf(RateLimitedError);
    const rateLimited = error as RateLimitedError;
    expect(rateLimited).toMatchObject({ code: 'rate-limited', status: 429, fromHeader: true });
    expect(rateLimited.retryAt - before).toBeGreaterThanOrEqual(least);
    expect(rateLimited.retryAt - before).toBeLessThanOrEqual(most + 100);
    expect(hostState.getNotBefore(site.host)).toBe(rateLimited.retryAt);

    // Both the retry and a different page on the same host wait for the time.
    const [retried, otherPage] = await Promise.all([
      polite.fetch(url, { explicit: true }),
      polite.fetch(other, { explicit: true }),
    ]);
    expect(retried.status).toBe(200);
    expect(otherPage.status).toBe(200);
    const later = site.requests.slice(1);
    expect(later).toHaveLength(2);
    for (const request of later) expect(request.time).toBeGreaterThanOrEqual(rateLimited.retryAt - 5);
  });

  it('pauses a host after a 503 without Retry-After and refuses it for the rest of a short run', async () => {
    const site = await server();
    const url = site.route('/down', send(503, { 'content-type': 'text/plain' }, 'down'));
    const hostState = new MemoryHostState();
    const polite = fetcher({ hostState, perHostIntervalMs: 1000, deadline: Date.now() + 5000 });
    const before = Date.now();
    const error = (await failure(polite.fetch(url, { explicit: true }))) as RateLimitedError;
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ code: 'rate-limited', status: 503, fromHeader: false });
    expect(error.retryAt - before).toBeGreaterThanOrEqual(30_000);
    expect(error.retryAt - before).toBeLessThan(31_000);
    expect(error.message).toContain('no Retry-After');
    expect(hostState.getNotBefore(site.host)).toBe(error.retryAt);

    const next = await failure(polite.fetch(url, { explicit: true }));
    expect(next).toBeInstanceOf(HostNotBeforeError);
    expect(next.code).toBe('host-not-before');
    expect(next.message).toContain(new Date(error.retryAt).toISOString());
    expect(site.requests).toHaveLength(1);
  });

  it('refuses a host whose stored not-before lies beyond the deadline, without a request', async () => {
    const site = await server();
    const url = site.route('/page', send(200, HTML, PAGE));
    const hostState = new MemoryHostState();
    hostState.setNotBefore(site.host, Date.now() + 3_600_000);
    const polite = fetcher({ hostState, deadline: Date.now() + 5000 });
    expect((await failure(polite.fetch(url, { explicit: true }))).code).toBe('host-not-before');
    expect(site.requests).toHaveLength(0);
  });

  it('passes other HTTP errors through unchanged', async () => {
    const site = await server();
    const url = site.route('/gone', send(410, { 'content-type': 'text/plain' }, 'gone'));
    const hostState = new MemoryHostState();
    const error = await failure(fetcher({ hostState }).fetch(url, { explicit: true }));
    expect(error).toMatchObject({ code: 'http-status', status: 410 });
    expect(hostState.notBefore.size).toBe(0);
  });
});

describe('PoliteFetcher: spacing, concurrency and the run deadline', () => {
  it('spaces requests to one host (server timestamps)', async () => {
    const site = await server();
    const interval = 120;
    const urls = [1, 2, 3, 4].map((n) => site.route(`/p${n}`, send(200, HTML, PAGE)));
    const polite = fetcher({ perHostIntervalMs: interval });
    await Promise.all(urls.map((url) => polite.fetch(url, { explicit: true })));
    const times = site.requests.map((request) => request.time);
    expect(times).toHaveLength(4);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(interval - 30);
  });

  it('keeps at most `concurrency` requests in flight over all hosts', async () => {
    const sites = [await server(), await server()];
    const inFlight = { now: 0, max: 0 };
    const slow = (_req: IncomingMessage, res: ServerResponse) => {
      inFlight.now++;
      inFlight.max = Math.max(inFlight.max, inFlight.now);
      setTimeout(() => {
        inFlight.now--;
        res.writeHead(200, HTML);
        res.end(PAGE);
      }, 60);
    };
    const urls = sites.flatMap((site) => [1, 2, 3, 4].map((n) => site.route(`/slow${n}`, slow)));
    const polite = fetcher({ concurrency: 3 });
    const pages = await Promise.all(urls.map((url) => polite.fetch(url, { explicit: true })));
    expect(pages.map((page) => page.status)).toEqual(Array(8).fill(200));
    expect(inFlight.max).toBe(3);
  });

  it('ends on time against a hanging server: fetch timeouts, then the run deadline', async () => {
    const site = await server();
    const urls = [1, 2, 3].map((n) => site.route(`/hang${n}`, () => {}));
    const started = Date.now();
    const polite = fetcher({ concurrency: 1, deadline: started + 500, fetchOptions: { timeoutMs: 300 } });
    const outcomes = await Promise.allSettled(urls.map((url) => polite.fetch(url, { explicit: true })));
    const elapsed = Date.now() - started;
    const codes = outcomes.map((outcome) => (outcome.status === 'rejected' ? (outcome.reason as FetchError).code : 'ok'));
    // The first times out by its own 300 ms limit; the second starts then and is cut at the
    // 500 ms deadline; the third never gets a slot before it.
    expect(codes).toEqual(['timeout', 'deadline', 'deadline']);
    expect(site.requests.map((request) => request.path)).toEqual(['/hang1', '/hang2']);
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(1200);
  });
});

describe('PoliteFetcher: robots.txt', () => {
  async function robotsSite(): Promise<TestServer> {
    const site = await server();
    site.route('/robots.txt', send(200, { 'content-type': 'text/plain' }, 'User-agent: *\nDisallow: /private\n'));
    site.route('/private/a', send(200, HTML, PAGE));
    site.route('/public/a', send(200, HTML, PAGE));
    return site;
  }

  it('refuses a disallowed page found by crawling, fetches it when the user named it', async () => {
    const site = await robotsSite();
    const polite = fetcher();
    const error = await failure(polite.fetch(`${site.base}/private/a`, { explicit: false }));
    expect(error.code).toBe('robots');
    expect(error.message).toContain(`${site.base}/private/a`);
    expect(site.requestsFor('/private/a')).toHaveLength(0);

    expect((await polite.fetch(`${site.base}/public/a`, { explicit: false })).status).toBe(200);
    expect((await polite.fetch(`${site.base}/private/a`, { explicit: true })).status).toBe(200);
    expect(site.requestsFor('/robots.txt')).toHaveLength(1);
  });

  it('ignores robots.txt when told to', async () => {
    const site = await robotsSite();
    const page = await fetcher({ respectRobots: false }).fetch(`${site.base}/private/a`, { explicit: false });
    expect(page.status).toBe(200);
    expect(site.requestsFor('/robots.txt')).toHaveLength(0);
  });

  it('allows everything when robots.txt is a 404', async () => {
    const site = await server();
    const url = site.route('/article', send(200, HTML, PAGE));
    expect((await fetcher().fetch(url, { explicit: false })).status).toBe(200);
    expect(site.requests.map((request) => request.path)).toEqual(['/robots.txt', '/article']);
  });

  it('counts the robots.txt request in the host spacing', async () => {
    const site = await robotsSite();
    await fetcher({ perHostIntervalMs: 150 }).fetch(`${site.base}/public/a`, { explicit: false });
    const [robots, page] = site.requests;
    expect(robots?.path).toBe('/robots.txt');
    expect(page!.time - robots!.time).toBeGreaterThanOrEqual(120);
  });
});
