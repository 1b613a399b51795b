/**
 * The feed stage: RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed text → one normalised
 * shape. Pure: no network, no disk.
 */
import { createHash } from 'node:crypto';
import { FetchError } from '../errors.js';
import { parseFeedDate } from './dates.js';
import { draftFeed, type ItemDraft } from './fields.js';
import { readJsonFeed, readXmlFeed } from './read.js';
import { isJsonFeedByType, sniffFeed } from './sniff.js';
import type { FeedItem, ParsedFeed } from './types.js';

export type { FeedFormat, FeedItem, ParsedFeed } from './types.js';

/**
 * Parse a feed fetched from `options.url` (the base for relative links), served with
 * `options.contentType` (the response's Content-Type header, when known).
 *
 * - Item id: the feed's own id (GUID, Atom id, rdf:about, JSON id) when it is unique
 *   in the feed, else the absolute link, else `hash:` + sha1 of title, summary and
 *   date (stable across runs). An item with no title, link or summary is skipped.
 * - Titles and summaries are plain text (HTML stripped, entities decoded even inside
 *   CDATA); dates are ISO UTC from any zone.
 * - A malformed or truncated feed keeps what can be read and lists the rest in
 *   `problems`; this never throws for bad content.
 * - The body decides the format (see `sniffFeed`), whatever the content type; a JSON
 *   object with `items` but no JSON Feed version or title is a JSON Feed too when
 *   served as `application/feed+json` or `application/json`.
 *
 * @throws FetchError (`not-a-feed`) when the text is not a feed at all (an HTML page).
 */
export function parseFeed(text: string, options: { url: string; contentType?: string | null }): ParsedFeed {
  const source = text.replace(/^\ufeff/u, '');
  const contentType = options.contentType ?? null;
  // The content type only admits a version-less JSON Feed; it never rejects a body that is a feed.
  const format = sniffFeed(source, null) ?? (isJsonFeedByType(source, contentType) ? 'json' : null);
  if (format === null) throw new FetchError(`not a feed: ${options.url}`, 'not-a-feed');
  const read = format === 'json' ? readJsonFeed(source) : readXmlFeed(source, format);
  const draft = draftFeed(read, options.url);
  const problems = [...read.problems];
  return {
    format,
    title: draft.title,
    siteUrl: draft.siteUrl,
    language: draft.language,
    items: settleItems(draft.items, problems),
    problems,
  };
}

/** Give every item a unique id and an ISO date; skip empty and repeated items (reported in `problems`). */
function settleItems(drafts: ItemDraft[], problems: string[]): FeedItem[] {
  const ownIdCounts = new Map<string, number>();
  for (const draft of drafts) {
    if (draft.ownId !== null) ownIdCounts.set(draft.ownId, (ownIdCounts.get(draft.ownId) ?? 0) + 1);
  }
  for (const [ownId, count] of ownIdCounts) {
    if (count > 1) problems.push(`id "${ownId}" is shared by ${count} items: their links are used as ids`);
  }

  const items: FeedItem[] = [];
  const used = new Set<string>();
  drafts.forEach((draft, index) => {
    const number = index + 1;
    if (draft.title === null && draft.url === null && draft.summary === null) {
      problems.push(`item ${number} skipped: no title, link or summary`);
      return;
    }
    const publishedAt = parseFeedDate(draft.rawDate);
    if (draft.rawDate !== null && publishedAt === null) problems.push(`item ${number}: unreadable date "${draft.rawDate}"`);
    const ownId = draft.ownId !== null && ownIdCounts.get(draft.ownId) === 1 ? draft.ownId : null;
    const id = [ownId, draft.url, contentHash(draft.title, draft.summary, publishedAt)].find(
      (candidate): candidate is string => candidate !== null && !used.has(candidate),
    );
    if (id === undefined) {
      problems.push(`item ${number} skipped: repeats an earlier item`);
      return;
    }
    used.add(id);
    items.push({ id, url: draft.url, title: draft.title, summary: draft.summary, byline: draft.byline, attribution: draft.attribution, publishedAt });
  });
  return items;
}

/** `hash:` + sha1 of title, summary and ISO date, one per line (absent values empty). */
function contentHash(title: string | null, summary: string | null, publishedAt: string | null): string {
  const digest = createHash('sha1').update(`${title ?? ''}\n${summary ?? ''}\n${publishedAt ?? ''}`, 'utf8').digest('hex');
  return `hash:${digest}`;
}
