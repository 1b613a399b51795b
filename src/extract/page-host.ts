/**
 * A page URL's host (for site rules) and registrable domain (for publisher names),
 * kept per host: every page of a site shares them, and the public-suffix lookup
 * behind them costs more than the rest of the context together on a cold cache.
 */
import { hostOf, siteOf } from '../normalize/url.js';
import { memoize } from './memo.js';

/** `hostOf(url)` and `siteOf(url)` of one page URL. */
export interface PageHost {
  /** Lower-case hostname without `www.`, `''` when there is none. */
  host: string;
  /** Registrable domain (`vnexpress.net`), `''` when there is none. */
  site: string;
}

/**
 * An http(s) URL whose host is plain lower-case letters, digits, dots and hyphens
 * (no user info, no trailing dot), then maybe a port, then a path, a query, a
 * fragment or nothing: its host is that text, and the URL's host facts are the host's.
 */
const PLAIN_HOST_URL = /^https?:\/\/([a-z0-9][a-z0-9.-]*[a-z0-9])(?=(?::\d*)?(?:[/?#]|$))/;

const factsOfHost = memoize((host: string): PageHost => ({ host: hostOf(host), site: siteOf(host) }), 500);

/** The host facts of a page URL; the same as `hostOf(url)` and `siteOf(url)`. */
export function pageHost(url: string): PageHost {
  const plain = PLAIN_HOST_URL.exec(url);
  if (plain !== null) return factsOfHost(plain[1]!);
  return { host: hostOf(url), site: siteOf(url) };
}
