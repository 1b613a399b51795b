/**
 * What the three feed formats (JSON Feed, RSS, Atom) say alike: the feed's title and
 * stable id, each item's stable id, its authors and its dates.
 */
import { createHash } from 'node:crypto';
import { urlKey } from '../normalize/url.js';
import type { Item } from '../types.js';
import { VERSION } from '../version.js';
import type { ExportContext } from './export-format.js';

/** The project's home, the feed's `link` (a digest has no web page of its own). */
export const PROJECT_URL = 'https://github.com/news-cli/news';

/** Names the program in the feed's generator element. */
export const GENERATOR = { name: 'news', version: VERSION, uri: PROJECT_URL };

/** "News digest", with the language or source it was filtered to. */
export function feedTitle(context: ExportContext): string {
  const parts = ['News digest'];
  if (context.lang === 'vi') parts.push('Tiếng Việt');
  if (context.lang === 'en') parts.push('English');
  if (context.source !== null) parts.push(context.source);
  return parts.join(' · ');
}

export const FEED_DESCRIPTION = 'Vietnamese and English news collected by news, newest first.';

/**
 * A stable id for the feed: a name-based UUID (version 5 layout) of its language and
 * source filters, so re-exports of the same digest keep their identity.
 */
export function feedId(context: ExportContext): string {
  const name = `news digest\u0000${context.lang ?? ''}\u0000${context.source?.trim().toLowerCase() ?? ''}`;
  const hex = createHash('sha1').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const id = hex.join('');
  return `urn:uuid:${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
}

/**
 * A stable id for an item: its URL's dedup key (an absolute https URL). It stays the
 * same when the stored URL changes to a variant of the same page (tracking
 * parameters, fragment, host case), so readers never show an item twice.
 */
export function itemId(item: Item): string {
  return urlKey(item.url);
}

/** The journalists of a byline ("A, B" → ["A", "B"]); empty when there is none. */
export function bylineNames(item: Item): string[] {
  if (item.byline === null) return [];
  return item.byline
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** An ISO time in the one RFC 3339 form (`…T03:30:00.000Z`), or `null` when absent or invalid. */
export function rfc3339(iso: string | null): string | null {
  if (iso === null) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** An ISO time as RFC 822 (RSS): `Mon, 12 Aug 2024 03:30:00 GMT`, or `null`. */
export function rfc822(iso: string | null): string | null {
  if (iso === null) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : new Date(time).toUTCString();
}

