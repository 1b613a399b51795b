/**
 * Absolute http(s) URLs written the way the URL parser would write them back: a
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
