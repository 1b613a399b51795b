import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../src/errors.js';
import { closeAgent, fetchPage } from '../../src/fetch/http.js';
import { HostNotBeforeError, HostScheduler, hostKey, type HostSchedulerOptions } from '../../src/fetch/politeness.js';
import { MemoryHostState } from './memory-state.js';
import { send, startServer, type TestServer } from './test-server.js';
import { VirtualClock } from './virtual-clock.js';

const A = 'http://a.test/page';
const B = 'http://b.test/page';

/** A scheduler on a virtual clock, and a task that records when it started. */
function setup(options: HostSchedulerOptions = {}) {
  const clock = new VirtualClock();
  const scheduler = new HostScheduler({ now: clock.now, sleep: clock.sleep, ...options });
  const starts: [string, number][] = [];
  const run = (url: string, label = url, work: () => Promise<void> = async () => {}) =>
    scheduler.schedule(url, async () => {
      starts.push([label, clock.now()]);
      await work();
      return label;
    });
  return { clock, scheduler, starts, run };
}

async function rejection(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
  throw new Error('expected a rejection');
}

describe('hostKey', () => {
  it.each([
    ['https://VnExpress.net/a?b', 'vnexpress.net'],
    ['http://127.0.0.1:8080/x', '127.0.0.1:8080'],
    ['https://example.com:443/x', 'example.com'],
  ])('%s → %s', (url, key) => {
    expect(hostKey(url)).toBe(key);
  });

  it('rejects an invalid URL with invalid-url', () => {
    expect(() => hostKey('not a url')).toThrow(expect.objectContaining({ code: 'invalid-url' }));
  });
});

describe('HostScheduler on a virtual clock', () => {
  it('spaces requests to one host and lets other hosts go at once', async () => {
    const { run, starts } = setup({ perHostIntervalMs: 1000 });
    const results = await Promise.all([run(A, 'a1'), run(A, 'a2'), run(B, 'b1'), run(A, 'a3'), run(B, 'b2')]);
    expect(results).toEqual(['a1', 'a2', 'b1', 'a3', 'b2']);
    expect(new Map(starts)).toEqual(
      new Map([
        ['a1', 0],
        ['b1', 0],
        ['a2', 1000],
        ['b2', 1000],
        ['a3', 2000],
      ]),
    );
  });

  it('defaults to one request per second per host and four at once', () => {
    const scheduler = new HostScheduler();
    expect(scheduler.perHostIntervalMs).toBe(1000);
    expect(scheduler.concurrency).toBe(4);
    expect(scheduler.deadline).toBeNull();
  });

  it('caps how many tasks run at once', async () => {
    const { run, clock } = setup({ perHostIntervalMs: 0, concurrency: 2 });
    let running = 0;
    let most = 0;
    const work = async () => {
      running++;
      most = Math.max(most, running);
      await clock.sleep(100);
      running--;
    };
    const hosts = ['a', 'b', 'c', 'd', 'e'].map((name) => `http://${name}.test/`);
    await Promise.all(hosts.map((url) => run(url, url, work)));
    expect(most).toBe(2);
    expect(clock.now()).toBe(300);
  });

  it('waits for a not-before time from the host state store', async () => {
    const hostState = new MemoryHostState();
    hostState.setNotBefore('a.test', 5000);
    const { run, starts } = setup({ hostState, deadline: 60_000 });
    await Promise.all([run(A, 'a'), run(B, 'b')]);
    expect(new Map(starts)).toEqual(
      new Map([
        ['b', 0],
        ['a', 5000],
      ]),
    );
  });

  it('rejects at once when the host may not be asked before the deadline', async () => {
    const hostState = new MemoryHostState();
    const notBefore = Date.UTC(2025, 0, 1, 13, 0, 0);
    hostState.setNotBefore('a.test', notBefore);
    const clock = new VirtualClock(Date.UTC(2025, 0, 1, 12, 0, 0));
    const scheduler = new HostScheduler({ now: clock.now, sleep: clock.sleep, hostState, deadline: clock.now() + 600_000 });
    let ran = false;
    const error = await rejection(scheduler.schedule(A, async () => void (ran = true)));
    expect(error).toBeInstanceOf(HostNotBeforeError);
    expect(error.code).toBe('host-not-before');
    expect(error.message).toContain('2025-01-01T13:00:00.000Z');
    expect((error as HostNotBeforeError).notBefore).toBe(notBefore);
    expect(ran).toBe(false);
    expect(clock.sleeps).toEqual([]);
    await expect(scheduler.schedule(B, async () => 'b')).resolves.toBe('b');
  });

  it('never sleeps past the deadline: a request that cannot start in time fails with deadline', async () => {
    const { run, starts, clock } = setup({ perHostIntervalMs: 1000, deadline: 2500 });
    const outcomes = await Promise.allSettled([run(A, 'a1'), run(A, 'a2'), run(A, 'a3'), run(A, 'a4')]);
    expect(starts).toEqual([
      ['a1', 0],
      ['a2', 1000],
      ['a3', 2000],
    ]);
    const last = outcomes[3];
    expect(last?.status).toBe('rejected');
    const reason = (last as PromiseRejectedResult).reason as FetchError;
    expect(reason).toBeInstanceOf(FetchError);
    expect(reason.code).toBe('deadline');
    expect(reason.message).toBe('run time limit reached');
    expect(clock.now()).toBe(2000);
  });

  it('ends the wait for a global slot at the deadline', async () => {
    const { run, clock } = setup({ concurrency: 1, deadline: 3000 });
    let finishHang!: () => void;
    const hang = run(A, 'hang', () => new Promise<void>((resolve) => (finishHang = resolve)));
    const waiting = run(B, 'waiting');
    const error = await rejection(waiting);
    expect(error.code).toBe('deadline');
    expect(clock.now()).toBe(3000);
    finishHang();
    await expect(hang).resolves.toBe('hang');
  });

  it('expire() fails the requests waiting for a slot at once and refuses new ones', async () => {
    const { run, scheduler, clock } = setup({ concurrency: 1, deadline: 60_000 });
    let finishHang!: () => void;
    const hang = run(A, 'hang', () => new Promise<void>((resolve) => (finishHang = resolve)));
    const waiting = run(B, 'waiting');
    // This setImmediate is queued before the clock's first tick, so the clock still reads 0.
    await new Promise((resolve) => setImmediate(resolve));
    scheduler.expire();
    expect((await rejection(waiting)).code).toBe('deadline');
    expect((await rejection(run('http://c.test/'))).code).toBe('deadline');
    expect(clock.now()).toBe(0);
    finishHang();
    await expect(hang).resolves.toBe('hang');
  });

  it('refuses to start anything once the deadline has passed', async () => {
    const { run } = setup({ deadline: -1 });
    expect((await rejection(run(A))).code).toBe('deadline');
  });

  it('hands a freed slot to the next waiter before the deadline', async () => {
    const { run, starts, clock } = setup({ concurrency: 1, perHostIntervalMs: 0, deadline: 10_000 });
    await Promise.all([run(A, 'a', () => clock.sleep(400)), run(B, 'b', () => clock.sleep(400)), run('http://c.test/', 'c')]);
    expect(starts).toEqual([
      ['a', 0],
      ['b', 400],
      ['c', 800],
    ]);
  });

  it('keeps a queued request back when the host is deferred meanwhile (a 429)', async () => {
    const hostState = new MemoryHostState();
    const { run, starts, scheduler } = setup({ perHostIntervalMs: 1000, hostState, deadline: 60_000 });
    await Promise.all([
      run(A, 'a1', async () => scheduler.deferHost('a.test', 7000)),
      run(A, 'a2'),
      run(B, 'b1'),
    ]);
    expect(new Map(starts)).toEqual(
      new Map([
        ['a1', 0],
        ['b1', 0],
        ['a2', 7000],
      ]),
    );
    expect(hostState.getNotBefore('a.test')).toBe(7000);
  });

  it('fails a queued request with host-not-before when a deferral passes the deadline', async () => {
    const { run, scheduler } = setup({ perHostIntervalMs: 1000, deadline: 5000 });
    const [first, second] = await Promise.allSettled([run(A, 'a1', async () => scheduler.deferHost('a.test', 9000)), run(A, 'a2')]);
    expect(first).toEqual({ status: 'fulfilled', value: 'a1' });
    expect(((second as PromiseRejectedResult).reason as FetchError).code).toBe('host-not-before');
  });

  it('never shortens a known not-before time', () => {
    const hostState = new MemoryHostState();
    const scheduler = new HostScheduler({ hostState });
    scheduler.deferHost('a.test', 9000);
    scheduler.deferHost('a.test', 4000);
    expect(hostState.getNotBefore('a.test')).toBe(9000);
    expect(scheduler.getNotBefore('a.test')).toBe(9000);
  });

  it('passes on a task failure and frees the slot', async () => {
    const { scheduler } = setup({ concurrency: 1, perHostIntervalMs: 0 });
    await expect(scheduler.schedule(A, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(scheduler.schedule(A, async () => 'next')).resolves.toBe('next');
  });
});

describe('HostScheduler in real time against a server', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    await closeAgent();
    await server.close();
  });

  it('spaces real requests to one host by the interval (server timestamps)', async () => {
    const interval = 150;
    const scheduler = new HostScheduler({ perHostIntervalMs: interval, concurrency: 4 });
    const urls = [1, 2, 3, 4].map((n) => server.route(`/spaced/${n}`, send(200, { 'content-type': 'text/html' }, '<html></html>')));
    // Spacing is between request starts as we see them; warm up (load undici, open the
    // connection) so the first request's set-up time does not shift its arrival.
    await fetchPage(server.route('/warm-up', send(200, { 'content-type': 'text/html' }, '<html></html>')));
    await Promise.all(urls.map((url) => scheduler.schedule(url, () => fetchPage(url))));
    const times = server.requests.filter((request) => request.path.startsWith('/spaced/')).map((request) => request.time);
    expect(times).toHaveLength(4);
    for (let i = 1; i < times.length; i++) {
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(interval - 30);
    }
  });
});
