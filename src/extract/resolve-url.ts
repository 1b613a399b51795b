/**
 * Resolving a link found in a page against the page URL, as normalize/url's
 * `resolveUrl` does, without the URL parser when both are already absolute URLs
 * in the parser's own form (see parse/simple-url.ts).
 */
import { resolveUrl } from '../normalize/url.js';
import { simpleUrl } from '../parse/simple-url.js';

/** `resolveUrl(href, base)`: an absolute http(s) URL, or `null` for empty values, fragments and other schemes. */
export function resolvePageUrl(href: string | null, base: string | null): string | null {
  if (href === null) return null;
  const trimmed = href.trim();
  // An invalid base fails even an absolute link, so the base must pass too.
  if (simpleUrl(trimmed) !== null && (base === null || simpleUrl(base) !== null)) return trimmed;
  return resolveUrl(href, base);
}
