/**
 * robots.txt (RFC 9309) for pages the user did not name: fetched once per origin
 * per run (one instance per run) and kept, failures included.
 *
 * - 2xx: the rules decide, for our token `news` (else the `*` group).
 * - 4xx (but 429): no robots.txt, everything is allowed.
 * - 429, 5xx, network trouble, timeout, a body over 512 KiB: allowed as well (our
 *   choice; RFC 9309 would disallow on 5xx), but remembered as `unreachable` with
 *   the reason so a caller can show it.
 * - A refusal by the scheduler (`deadline`, `host-not-before`) is not an answer about
 *   robots.txt: it is thrown and not cached.
 */
import robotsParserModule from 'robots-parser';
import { FetchError } from '../errors.js';
import { USER_AGENT } from '../version.js';
import { fetchPage, type FetchedPage, type FetchOptions } from './http.js';

/** The product token robots.txt groups are matched against: `news` from `news/0.1.0 (+…)`. */
export const ROBOTS_AGENT_TOKEN = USER_AGENT.split('/')[0] ?? 'news';

/** robots.txt is small; more than this is not read (Google reads 500 KiB). */
export const ROBOTS_MAX_BYTES = 512 * 1024;
export const ROBOTS_TIMEOUT_MS = 10_000;

/** Error codes that mean "not asked" rather than "robots.txt could not be read". */
const NOT_AN_ANSWER = new Set(['deadline', 'host-not-before', 'aborted']);

/**
 * robots-parser is CommonJS (`module.exports = fn`) while its types declare an ES
 * default export, so under NodeNext the types see `{ default: fn }` where Node
 * hands us `fn`. Accept either.
 */
type RobotsParser = typeof robotsParserModule.default;
const robotsParser: RobotsParser =
  typeof robotsParserModule === 'function' ? (robotsParserModule as RobotsParser) : robotsParserModule.default;

type Robot = ReturnType<RobotsParser>;

/** What we know about one origin's robots.txt. */
export type RobotsRecord =
  | { state: 'rules'; robot: Robot }
  /** No robots.txt (4xx): all allowed. */
  | { state: 'missing'; status: number }
  /** Could not be read (429, 5xx, network, timeout…): all allowed, reason kept. */
  | { state: 'unreachable'; reason: string };

/** Fetches a robots.txt URL; the polite fetcher passes one that goes through its scheduler. */
export type RobotsFetch = (robotsUrl: string, options: FetchOptions) => Promise<FetchedPage>;

export interface RobotsCacheOptions {
  /** Default: fetchPage directly. */
  fetch?: RobotsFetch;
  /** Base options (user agent, signal…); accept, maxBytes and timeouts are set here. */
  fetchOptions?: FetchOptions;
  timeoutMs?: number;
  agentToken?: string;
}

export class RobotsCache {
  private readonly records = new Map<string, Promise<RobotsRecord>>();
  private readonly fetch: RobotsFetch;
  private readonly fetchOptions: FetchOptions;
  private readonly agentToken: string;

  constructor(options: RobotsCacheOptions = {}) {
    this.fetch = options.fetch ?? fetchPage;
    const timeoutMs = options.timeoutMs ?? ROBOTS_TIMEOUT_MS;
    this.fetchOptions = {
      ...options.fetchOptions,
      accept: 'any',
      maxBytes: ROBOTS_MAX_BYTES,
      timeoutMs,
      headersTimeoutMs: Math.min(timeoutMs, options.fetchOptions?.headersTimeoutMs ?? timeoutMs),
      bodyTimeoutMs: Math.min(timeoutMs, options.fetchOptions?.bodyTimeoutMs ?? timeoutMs),
      validators: null,
    };
    this.agentToken = options.agentToken ?? ROBOTS_AGENT_TOKEN;
  }

  /**
   * Whether robots.txt lets us fetch `url`. Fetches the origin's robots.txt on first
   * use; concurrent callers share that one request.
   */
  async isAllowed(url: string): Promise<boolean> {
    const record = await this.lookup(url);
    if (record.state !== 'rules') return true;
    // `undefined` means the URL is not on this robots.txt's origin; cannot happen here.
    return record.robot.isAllowed(url, this.agentToken) ?? true;
  }

  /** The robots.txt record for `url`'s origin, fetching it once. */
  lookup(url: string): Promise<RobotsRecord> {
    const robotsUrl = robotsTxtUrl(url);
    let record = this.records.get(robotsUrl);
    if (record === undefined) {
      record = this.load(robotsUrl);
      this.records.set(robotsUrl, record);
      // Not cached when we never got to ask.
      record.catch(() => this.records.delete(robotsUrl));
    }
    return record;
  }

  private async load(robotsUrl: string): Promise<RobotsRecord> {
    try {
      const page = await this.fetch(robotsUrl, this.fetchOptions);
      return { state: 'rules', robot: robotsParser(robotsUrl, page.text) };
    } catch (error) {
      if (!(error instanceof FetchError) || NOT_AN_ANSWER.has(error.code)) throw error;
      const status = error.status;
      if (error.code === 'http-status' && status !== null && status >= 400 && status < 500 && status !== 429) {
        return { state: 'missing', status };
      }
      return { state: 'unreachable', reason: error.message };
    }
  }
}

/** `https://host:port/robots.txt` for any URL on that origin. */
export function robotsTxtUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError(`invalid URL: ${JSON.stringify(url)}`, 'invalid-url');
  }
  return `${parsed.origin}/robots.txt`;
}
