/**
 * The polite fetch: fetchPage behind robots.txt, the host scheduler, conditional
 * GET and Retry-After. One instance per run (it caches robots.txt and spacing).
 *
 * - robots.txt is checked only for URLs the user did not name (`explicit: false`)
 *   and only with `respectRobots`; its own request is scheduled like any other.
 * - With `conditional`, validators remembered for the URL are sent; after a 200
 *   the new ones are stored; a 304 returns `notModified: true` and costs nothing else.
 * - A 429 or 503 stores the host's not-before time and throws RateLimitedError:
 *   the Retry-After time (clamped to 6 h) when given, else `now + rateLimitPauseMs`
 *   (default: 30 × the per-host interval, at least 30 s).
 * - With a deadline, a started request is also cut off at the deadline (FetchError
 *   `deadline`), so the run ends on time even on a hanging server.
 */
import { FetchError } from '../errors.js';
import { fetchPage, HttpStatusError, type FetchedPage, type FetchOptions } from './http.js';
import { deadlineError, HostScheduler, hostKey, type HostSchedulerOptions } from './politeness.js';
import { MAX_RETRY_AFTER_MS, parseRetryAfter, RateLimitedError } from './retry-after.js';
import { RobotsCache } from './robots.js';
import type { CacheValidators, HostStateStore, HttpCacheStore } from './state.js';

const RATE_LIMIT_STATUSES = new Set([429, 503]);
/** Pause after a 429/503 without Retry-After: this many per-host intervals… */
const RATE_LIMIT_PAUSE_INTERVALS = 30;
/** …but at least this long. */
const MIN_RATE_LIMIT_PAUSE_MS = 30_000;

export interface PoliteFetcherOptions extends Omit<HostSchedulerOptions, 'hostState'> {
  httpCache: HttpCacheStore | null;
  hostState: HostStateStore | null;
  respectRobots: boolean;
  /** Passed to every fetchPage call (timeouts, size cap, user agent, signal…). */
  fetchOptions?: FetchOptions;
  /** Pause for a host after a 429/503 without Retry-After. Default max(30 × perHostIntervalMs, 30 s). */
  rateLimitPauseMs?: number;
  /** Total time for one robots.txt request. Default 10 s. */
  robotsTimeoutMs?: number;
  /**
   * Do not store new validators on fetch; the caller commits them with
   * `commitValidators` once the response was fully handled, so a run that dies
   * midway never turns the next fetch into a 304 for content it never read.
   */
  deferValidators?: boolean;
}

export interface PoliteFetchRequest {
  /** The user named this URL: robots.txt is not consulted. */
  explicit: boolean;
  /** Overrides `fetchOptions.accept`: `html` (pages) or `any` (feeds). */
  accept?: 'html' | 'any';
  /** Send remembered validators and remember the new ones (feeds, source pages). */
  conditional?: boolean;
}

export class PoliteFetcher {
  readonly scheduler: HostScheduler;
  readonly robots: RobotsCache;
  private readonly httpCache: HttpCacheStore | null;
  private readonly respectRobots: boolean;
  private readonly fetchOptions: FetchOptions;
  private readonly rateLimitPauseMs: number;
  private readonly deferValidators: boolean;

  constructor(options: PoliteFetcherOptions) {
    this.deferValidators = options.deferValidators ?? false;
    this.scheduler = new HostScheduler(options);
    this.httpCache = options.httpCache;
    this.respectRobots = options.respectRobots;
    this.fetchOptions = options.fetchOptions ?? {};
    this.rateLimitPauseMs = Math.min(
      options.rateLimitPauseMs ??
        Math.max(this.scheduler.perHostIntervalMs * RATE_LIMIT_PAUSE_INTERVALS, MIN_RATE_LIMIT_PAUSE_MS),
      MAX_RETRY_AFTER_MS,
    );
    this.robots = new RobotsCache({
      fetch: (robotsUrl, fetchOptions) => this.scheduledFetch(robotsUrl, fetchOptions),
      fetchOptions: this.fetchOptions,
      ...(options.robotsTimeoutMs === undefined ? {} : { timeoutMs: options.robotsTimeoutMs }),
    });
  }

  /**
   * Fetch `url` politely. Throws FetchError: `robots` (disallowed), `deadline`,
   * `host-not-before` (HostNotBeforeError), `rate-limited` (RateLimitedError) or any
   * code of fetchPage.
   */
  async fetch(url: string, request: PoliteFetchRequest): Promise<FetchedPage> {
    if (!request.explicit && this.respectRobots && !(await this.robots.isAllowed(url))) {
      throw new FetchError(`robots.txt of ${hostKey(url)} disallows ${url}`, 'robots');
    }
    const conditional = (request.conditional ?? false) && this.httpCache !== null;
    const validators = conditional ? (this.httpCache?.getValidators(url) ?? null) : null;
    const page = await this.scheduledFetch(url, {
      ...this.fetchOptions,
      ...(request.accept === undefined ? {} : { accept: request.accept }),
      validators,
    });
    if (conditional && !this.deferValidators && !sameValidators(validators, page.validators)) {
      this.httpCache?.setValidators(url, page.validators);
    }
    return page;
  }

  /** Remember a fully handled response's validators (with `deferValidators`). */
  commitValidators(url: string, page: Pick<FetchedPage, 'validators' | 'notModified'>): void {
    if (this.httpCache === null || page.notModified) return;
    const known = this.httpCache.getValidators(url);
    if (!sameValidators(known, page.validators)) this.httpCache.setValidators(url, page.validators);
  }

  /** fetchPage in the host's turn, cut off at the deadline, with 429/503 turned into a host pause. */
  private scheduledFetch(url: string, options: FetchOptions): Promise<FetchedPage> {
    return this.scheduler.schedule(url, async () => {
      try {
        return await this.fetchBeforeDeadline(url, options);
      } catch (error) {
        throw this.noteRateLimit(url, error);
      }
    });
  }

  private async fetchBeforeDeadline(url: string, options: FetchOptions): Promise<FetchedPage> {
    const deadline = this.scheduler.deadline;
    if (deadline === null) return fetchPage(url, options);
    const remaining = deadline - this.scheduler.now();
    if (remaining <= 0) {
      this.scheduler.expire();
      throw deadlineError();
    }
    const runOver = AbortSignal.timeout(remaining);
    const signal = options.signal ? AbortSignal.any([options.signal, runOver]) : runOver;
    try {
      return await fetchPage(url, { ...options, signal });
    } catch (error) {
      if (runOver.aborted && !options.signal?.aborted && error instanceof FetchError && error.code === 'aborted') {
        // The timer says the deadline is here even if the clock is a millisecond short.
        this.scheduler.expire();
        throw deadlineError();
      }
      throw error;
    }
  }

  /** For a 429/503: defer the host and return a RateLimitedError; any other error as is. */
  private noteRateLimit(url: string, error: unknown): unknown {
    if (!(error instanceof HttpStatusError) || error.status === null || !RATE_LIMIT_STATUSES.has(error.status)) {
      return error;
    }
    const now = this.scheduler.now();
    const askedFor = parseRetryAfter(error.headers['retry-after'] ?? null, now);
    const retryAt = askedFor ?? now + this.rateLimitPauseMs;
    const host = hostKey(url);
    this.scheduler.deferHost(host, retryAt);
    const why = askedFor === null ? 'no Retry-After' : 'Retry-After';
    const rateLimited = new RateLimitedError(
      `${error.message}: ${host} paused until ${new Date(retryAt).toISOString()} (${why})`,
      error.status,
      retryAt,
      askedFor !== null,
    );
    rateLimited.cause = error;
    return rateLimited;
  }
}

function sameValidators(a: CacheValidators | null, b: CacheValidators): boolean {
  return (a?.etag ?? null) === b.etag && (a?.lastModified ?? null) === b.lastModified;
}
