/**
 * URL identity: the dedup key of a page URL, and which site a URL belongs to.
 * Pure functions: no network, no disk.
 */

import { parse as parseDomain } from 'tldts';

/** Query parameters that only track the visitor and never change the page. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'zarsrc',
  'zacc',
  'gidzl',
  '_ga',
  'igshid',
  'ref_src',
]);

/** Prefixes of tracking parameter families (`utm_source`, `itm_campaign`, …). */
const TRACKING_PREFIXES = ['utm_', 'itm_'];

/** RFC 3986 unreserved characters: decoding `%XX` into these never changes meaning. */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/u;

/** A run of one or more percent-encoded octets. */
const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/gu;

const NON_ASCII = /[^\x00-\x7f]/gu;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** True for `utm_*`, `itm_*` and the named click/campaign identifiers (case-insensitive). */
function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** Parse an absolute http(s) URL, or `null` for anything else. */
function parseHttpUrl(value: string, base?: string): URL | null {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/**
 * Decode one run of `%XX` octets where that is safe: valid UTF-8 that decodes to
 * non-ASCII text or unreserved ASCII becomes literal; reserved ASCII (`/`, `?`, `%`,
 * `;`, …) stays encoded, since decoding it could change the URL's meaning. Runs that
 * are not valid UTF-8 are kept as they are, with upper-case hex.
 */
function decodePercentRun(run: string): string {
  const bytes = Uint8Array.from(run.slice(1).split('%'), (hex) => Number.parseInt(hex, 16));
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return run.toUpperCase();
  }
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    out += code < 0x80 && !UNRESERVED.test(char) ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : char;
  }
  return out;
}

/**
 * One spelling per path: safe percent-decoding, NFC (pages mix decomposed text into
 * URLs), then every non-ASCII character re-encoded as upper-case UTF-8 `%XX`.
 * Trailing slashes are dropped unless the path is just `/`.
 */
function normalizePath(pathname: string): string {
  const decoded = pathname.replace(PERCENT_RUN, decodePercentRun).normalize('NFC');
  const encoded = decoded.replace(NON_ASCII, (char) => encodeURIComponent(char));
  const trimmed = encoded.replace(/\/+$/u, '');
  return trimmed === '' ? '/' : trimmed;
}

/** Query without tracking parameters, NFC, sorted by key then value; `''` when empty. */
function normalizeQuery(params: URLSearchParams): string {
  const kept: Array<[string, string]> = [];
  for (const [name, value] of params) {
    if (!isTrackingParam(name)) kept.push([name.normalize('NFC'), value.normalize('NFC')]);
  }
  kept.sort(([nameA, valueA], [nameB, valueB]) =>
    nameA === nameB ? compareCodeUnits(valueA, valueB) : compareCodeUnits(nameA, nameB),
  );
  const query = new URLSearchParams(kept).toString();
  return query === '' ? '' : `?${query}`;
}

/** Locale-independent string order (stable across machines). */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The dedup key of a page URL: two URLs with the same key are the same page.
 *
 * Choices, in order:
 * - Only http/https URLs are normalised; anything else (or an unparseable string) is
 *   returned trimmed, unchanged.
 * - `http:` and `https:` give the same key (written `https:`): outlets serve both.
 * - Host lower-cased, a trailing dot dropped; `www.` is kept (it can be a different
 *   host). Credentials are dropped. A port is kept only when it is not the default
 *   for the URL's own scheme (`http://x:80` = `http://x`, `http://x:443` keeps `:443`).
 * - The fragment is dropped.
 * - Path: percent-decoded where safe (never reserved characters such as `%2F`), NFC,
 *   non-ASCII re-encoded as upper-case UTF-8, so `/%C4%91%C3%A0`, `/đà` and its NFD
 *   spelling give one key; trailing slashes dropped unless the path is `/`.
 * - Query: tracking parameters removed (`utm_*`, `itm_*`, `fbclid`, `gclid`, `dclid`,
 *   `msclkid`, `mc_cid`, `mc_eid`, `zarsrc`, `zacc`, `gidzl`, `_ga`, `igshid`,
 *   `ref_src`; names matched case-insensitively), the rest NFC and sorted by key then
 *   value (stable), re-serialised form-style; an empty query leaves no `?`.
 */
export function urlKey(url: string): string {
  const trimmed = url.trim();
  const parsed = parseHttpUrl(trimmed);
  if (parsed === null) return trimmed;
  const host = parsed.hostname.replace(/\.$/u, '');
  const port = parsed.port === '' ? '' : `:${parsed.port}`;
  return `https://${host}${port}${normalizePath(parsed.pathname)}${normalizeQuery(parsed.searchParams)}`;
}

/**
 * The site a URL belongs to: its registrable domain (`https://e.vnexpress.net/x` →
 * `vnexpress.net`), using the public suffix list including private suffixes (so
 * `a.github.io` and `b.github.io` are different sites). IPs and single-label hosts
 * (`localhost`) fall back to the hostname. Accepts a bare hostname too. `''` when the
 * value has no host at all.
 */
export function siteOf(url: string): string {
  const parsed = parseDomain(url.trim(), { allowPrivateDomains: true });
  return (parsed.domain ?? parsed.hostname ?? '').toLowerCase();
}

/** Lower-case hostname without a leading `www.` (for display); `''` when there is none. */
export function hostOf(url: string): string {
  const parsed = parseDomain(url.trim());
  return (parsed.hostname ?? '').toLowerCase().replace(/^www\./u, '');
}

/** True when both URLs have the same registrable domain (see `siteOf`). */
export function isSameSite(a: string, b: string): boolean {
  const site = siteOf(a);
  return site !== '' && site === siteOf(b);
}

/*
 * Simple URLs: absolute http(s) URLs written the way the URL parser would write them back: a
 * lower-case host name, a path and an optional query of plain characters, nothing
 * to resolve or escape. Page URLs, canonical links and image links are nearly all
 * like this, and answering them from the text skips the URL parser (cold after a
 * page's parse). Anything else goes to the parser.
 */

/**
 * Scheme, host (lower-case labels, the last one letters only: never an IPv4 address,
 * no port, no user info), a path from the unreserved, sub-delimiter, `:`, `@`, `%`
 * and `/` characters, and a query from the same less `'` (which the parser escapes
 * in queries). No fragment. The host is group 1, the path group 2.
 */
const SIMPLE_URL = /^https?:\/\/((?:[a-z0-9-]+\.)*[a-z]+)(\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*)(?:\?[A-Za-z0-9\-._~!$&()*+,;=:@%/?]*)?$/;
/** Dot segments (`/./`, `/../`, also escaped as %2e) and punycode labels, which the parser rewrites or checks. */
const REWRITTEN = /\/\.|%2e|xn--/i;

/** The host and path of a URL the parser would give back unchanged, or `null` when it might not. */
export function simpleUrl(url: string): { host: string; path: string } | null {
  const match = SIMPLE_URL.exec(url);
  if (match === null || REWRITTEN.test(url)) return null;
  return { host: match[1]!, path: match[2]! };
}

/**
 * Resolve a link as found in a page (`href`, `src`, canonical) against the page URL.
 * Returns an absolute http(s) URL, or `null` for empty values, bare fragments
 * (`#top`) and other schemes (`javascript:`, `mailto:`, `data:`, …).
 */
export function resolveUrl(href: string | null, base: string | null): string | null {
  if (href === null) return null;
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  // Both already in the parser's own form: the link is its own answer. (An invalid
  // base fails even an absolute link, so the base must pass too.)
  if (simpleUrl(trimmed) !== null && (base === null || simpleUrl(base) !== null)) return trimmed;
  return parseHttpUrl(trimmed, base ?? undefined)?.href ?? null;
}

/**
 * The dedup key of a page's declared canonical URL, trusted only when it points to
 * the same site as the page (a cross-site canonical is syndication, or a lie).
 * A relative canonical is resolved against the page URL.
 */
export function canonicalKeyFor(pageUrl: string, canonicalUrl: string | null): string | null {
  const resolved = resolveUrl(canonicalUrl, pageUrl);
  if (resolved === null || !isSameSite(pageUrl, resolved)) return null;
  return urlKey(resolved);
}
