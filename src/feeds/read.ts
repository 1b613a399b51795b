/**
 * Reading a feed's text with feedsmith, and salvaging what we can when feedsmith
 * cannot read it whole: a feed cut off mid-item (a timeout, a size cap, a broken
 * server) or one bad item in the middle. The complete items are parsed on their own
 * and whatever was dropped is reported as a problem.
 */
import {
  parseAtomFeed,
  parseJsonFeed,
  parseRdfFeed,
  parseRssFeed,
  type AnyFeed,
  type AtomFeed,
  type JsonFeed,
  type RdfFeed,
  type RssFeed,
} from 'feedsmith';
import type { FeedFormat } from './types.js';

/** feedsmith's result for one feed, and what we had to leave out. */
export interface ReadFeed {
  feed: AnyFeed;
  problems: string[];
  /** `xml:base` and `xml:lang` of the RSS/RDF `<channel>` element (feedsmith drops them). */
  channel: { base: string | null; lang: string | null };
}

type XmlFormat = Exclude<FeedFormat, 'json'>;

/** Where the parts of an XML feed are in its text. */
interface XmlLayout {
  /** The root start tag as written (with its namespace declarations). */
  rootOpen: string;
  /** The RSS/RDF `<channel …>` start tag as written, or `null`. */
  channelOpen: string | null;
  /** Tags that close the document around the items (`</channel></rss>`, `</feed>`). */
  closing: string;
  /** The text before the first item (the feed's own fields). */
  prefix: string;
  /** Each complete item or entry, start tag to end tag. */
  blocks: string[];
  /** An item starts after the last complete one, or the root element is never closed. */
  truncated: boolean;
}

/** Read an RSS, Atom or RDF feed; never throws for bad content. */
export function readXmlFeed(text: string, format: XmlFormat): ReadFeed {
  const root = ROOT_TAG[format].exec(text);
  const channel = channelAttributes(format === 'atom' ? null : (CHANNEL_TAG.exec(text)?.[0] ?? null));
  const whole = tryParse(format, text);
  // feedsmith happily reads a feed cut between two items: an unclosed root means salvage.
  if (whole !== null && (root === null || isClosed(text, format, root[1] ?? ''))) return { feed: whole, problems: [], channel };
  if (root === null) return { feed: emptyFeed(format), problems: ['feed has no readable root element'], channel };
  return { ...salvageXml(format, xmlLayout(text, format, root)), channel };
}

/**
 * True when the root element's end tag comes after the last item start. Junk after
 * it (a proxy's `<script>`, a timing comment) does not make the feed truncated.
 */
function isClosed(text: string, format: XmlFormat, rootName: string): boolean {
  const itemName = format === 'atom' ? 'entry' : 'item';
  return new RegExp(`</${escapeRegExp(rootName)}\\s*>(?![\\s\\S]*<(?:[\\w.-]+:)?${itemName}\\b)`, 'iu').test(text);
}

/** Parse with the format's own feedsmith parser; `null` when it throws. */
function tryParse(format: XmlFormat, text: string): AnyFeed | null {
  try {
    switch (format) {
      case 'rss':
        return { format, feed: parseRssFeed(text) };
      case 'atom':
        return { format, feed: parseAtomFeed(text) };
      case 'rdf':
        return { format, feed: parseRdfFeed(text) };
    }
  } catch {
    return null;
  }
}

/** A feed with no fields and no items. */
function emptyFeed(format: FeedFormat): AnyFeed {
  switch (format) {
    case 'rss':
      return { format, feed: {} as RssFeed.Feed<string> };
    case 'atom':
      return { format, feed: {} as AtomFeed.Feed<string> };
    case 'rdf':
      return { format, feed: {} as RdfFeed.Feed<string> };
    case 'json':
      return { format, feed: { items: [] } as unknown as JsonFeed.Feed<string> };
  }
}

/** Items of a parsed feed, whatever its format. */
function itemsOf(parsed: AnyFeed): unknown[] {
  return (parsed.format === 'atom' ? parsed.feed.entries : parsed.feed.items) ?? [];
}

/** The same feed with other items. */
function withItems(parsed: AnyFeed, items: unknown[]): AnyFeed {
  switch (parsed.format) {
    case 'rss':
      return { format: 'rss', feed: { ...parsed.feed, items: items as RssFeed.Item<string>[] } };
    case 'atom':
      return { format: 'atom', feed: { ...parsed.feed, entries: items as AtomFeed.Entry<string>[] } };
    case 'rdf':
      return { format: 'rdf', feed: { ...parsed.feed, items: items as RdfFeed.Item<string>[] } };
    case 'json':
      return { format: 'json', feed: { ...parsed.feed, items: items as JsonFeed.Item<string>[] } };
  }
}

const ROOT_TAG: Readonly<Record<XmlFormat, RegExp>> = {
  rss: /<((?:[\w.-]+:)?rss)\b(?:[^>"']|"[^"]*"|'[^']*')*>/iu,
  atom: /<((?:[\w.-]+:)?feed)\b(?:[^>"']|"[^"]*"|'[^']*')*>/iu,
  rdf: /<((?:[\w.-]+:)?rdf)\b(?:[^>"']|"[^"]*"|'[^']*')*>/iu,
};
const CHANNEL_TAG = /<((?:[\w.-]+:)?channel)\b(?:[^>"']|"[^"]*"|'[^']*')*>/iu;

/** Cut an XML feed into its head, complete items and closing tags. */
function xmlLayout(text: string, format: XmlFormat, root: RegExpExecArray): XmlLayout {
  const rootName = root[1] ?? '';
  const itemName = format === 'atom' ? 'entry' : 'item';
  const itemStart = new RegExp(`<(?:[\\w.-]+:)?${itemName}\\b`, 'iu');
  const firstItem = text.slice(root.index).search(itemStart);
  const itemsFrom = firstItem === -1 ? text.length : root.index + firstItem;
  const prefix = text.slice(0, itemsFrom);

  const channel = format === 'atom' ? null : CHANNEL_TAG.exec(prefix);
  // RSS items live inside <channel>; RDF items follow a closed <channel>.
  const closeChannel = format === 'rss' && channel !== null ? `</${channel[1] ?? 'channel'}>` : '';

  // An item is its start tag up to its end tag, never across another item's start.
  const block = new RegExp(
    `<((?:[\\w.-]+:)?${itemName})\\b(?:(?!<(?:[\\w.-]+:)?${itemName}\\b)[\\s\\S])*?</\\1\\s*>`,
    'giu',
  );
  const blocks: string[] = [];
  let lastEnd = itemsFrom;
  for (const match of text.slice(itemsFrom).matchAll(block)) {
    blocks.push(match[0]);
    lastEnd = itemsFrom + (match.index ?? 0) + match[0].length;
  }
  const tail = text.slice(lastEnd);
  return {
    rootOpen: root[0],
    channelOpen: channel?.[0] ?? null,
    closing: `${closeChannel}</${rootName}>`,
    prefix,
    blocks,
    truncated: !isClosed(text, format, rootName) || itemStart.test(tail),
  };
}

/** What was salvaged from a feed feedsmith could not read whole. */
function salvageXml(format: XmlFormat, layout: XmlLayout): { feed: AnyFeed; problems: string[] } {
  const problems: string[] = [];
  const truncation = layout.truncated ? truncationProblem(layout.blocks.length) : null;

  // Most often only the end is missing: the complete items re-closed parse in one go.
  const rejoined = tryParse(format, `${layout.prefix}${layout.blocks.join('\n')}${layout.closing}`);
  if (rejoined !== null && itemsOf(rejoined).length === layout.blocks.length) {
    if (truncation !== null) problems.push(truncation);
    return { feed: rejoined, problems };
  }

  // Otherwise read the head alone, then every item in its own envelope.
  let envelope = layout.prefix;
  let head = tryParse(format, `${envelope}${layout.closing}`);
  if (head === null) {
    envelope = `${layout.rootOpen}${format === 'rss' ? (layout.channelOpen ?? '<channel>') : ''}`;
    head = tryParse(format, `${envelope}${layout.closing}`) ?? emptyFeed(format);
    problems.push('feed header is malformed: its title, link and language were skipped');
  }
  const items: unknown[] = [];
  for (let start = 0; start < layout.blocks.length; start += CHUNK_SIZE) {
    const chunk = layout.blocks.slice(start, start + CHUNK_SIZE);
    const together = tryParse(format, `${envelope}${chunk.join('\n')}${layout.closing}`);
    if (together !== null && itemsOf(together).length === chunk.length) {
      items.push(...itemsOf(together));
      continue;
    }
    chunk.forEach((block, offset) => {
      const item = parseOneItem(format, envelope, block, layout.closing);
      if (item === null) problems.push(`item ${start + offset + 1} skipped: malformed XML`);
      else if (item !== undefined) items.push(item);
    });
  }
  if (truncation !== null) problems.push(truncation);
  return { feed: withItems(head, items), problems };
}

/** Items parsed together when salvaging; only a chunk that fails is parsed item by item. */
const CHUNK_SIZE = 50;

/**
 * One item parsed inside the feed's envelope (a second try escapes stray `<`):
 * the item, `undefined` for an empty one (feedsmith drops those, as on the normal
 * path), or `null` when it is not readable XML.
 */
function parseOneItem(format: XmlFormat, envelope: string, block: string, closing: string): unknown {
  for (const candidate of [block, escapeStrayLessThan(block)]) {
    const parsed = tryParse(format, `${envelope}${candidate}${closing}`);
    if (parsed !== null) return itemsOf(parsed)[0];
  }
  return null;
}

/** `a < b` in a title breaks XML; a `<` that starts no tag, comment or CDATA becomes `&lt;`. */
function escapeStrayLessThan(block: string): string {
  return block.replace(/<(?![A-Za-z_/!?])/gu, '&lt;');
}

/** `xml:base` and `xml:lang` of a `<channel>` start tag. */
function channelAttributes(tag: string | null): ReadFeed['channel'] {
  if (tag === null) return { base: null, lang: null };
  const attribute = (name: string): string | null => {
    const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'iu').exec(tag);
    const value = (match?.[1] ?? match?.[2] ?? '').trim();
    return value === '' ? null : value;
  };
  return { base: attribute('xml:base'), lang: attribute('xml:lang') };
}

/** How a cut-off feed is reported: the number of complete items it still had. */
function truncationProblem(completeItems: number): string {
  return completeItems === 0 ? 'feed is truncated before its first item' : `feed is truncated after item ${completeItems}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

// ---------------------------------------------------------------------------
// JSON Feed

const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** Read a JSON Feed; a truncated one keeps its complete items. Never throws for bad content. */
export function readJsonFeed(text: string): ReadFeed {
  const channel = { base: null, lang: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ...salvageJson(text), channel };
  }
  if (!isRecord(value)) return { feed: emptyFeed('json'), problems: ['JSON feed is not an object'], channel };
  return { feed: parseJsonObject(value), problems: [], channel };
}

/** feedsmith's JSON Feed parser, given a version when the feed forgot it. */
function parseJsonObject(value: Record<string, unknown>): AnyFeed {
  const version = typeof value.version === 'string' && value.version.includes('jsonfeed.org/version/');
  const items = Array.isArray(value.items) ? value.items : [];
  try {
    return { format: 'json', feed: parseJsonFeed({ ...value, items, version: version ? value.version : JSON_FEED_VERSION }) };
  } catch {
    return emptyFeed('json');
  }
}

/** The feed's own fields (the text before `"items"`, re-closed) and each complete item. */
function salvageJson(text: string): { feed: AnyFeed; problems: string[] } {
  const itemsKey = /"items"\s*:\s*\[/u.exec(text);
  if (itemsKey === null) return { feed: emptyFeed('json'), problems: ['JSON feed is truncated before its items'] };
  let head: unknown = {};
  try {
    head = JSON.parse(`${text.slice(0, itemsKey.index).replace(/[\s,]*$/u, '')}}`);
  } catch {
    head = {};
  }
  const problems: string[] = [];
  const { objects, complete } = scanObjects(text, itemsKey.index + itemsKey[0].length);
  const items: unknown[] = [];
  objects.forEach((source, index) => {
    try {
      items.push(JSON.parse(source));
    } catch {
      problems.push(`item ${index + 1} skipped: malformed JSON`);
    }
  });
  if (!complete) problems.push(truncationProblem(objects.length));
  return { feed: parseJsonObject({ ...(isRecord(head) ? head : {}), items }), problems };
}

/**
 * The source of each complete `{…}` in a JSON array starting at `from`, and whether
 * the array was closed. Strings (and `{`/`}` inside them) are skipped properly.
 */
function scanObjects(text: string, from: number): { objects: string[]; complete: boolean } {
  const objects: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let index = from; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '{') {
      if (depth === 0) start = index;
      depth += 1;
    } else if (char === '}') {
      depth -= 1;
      if (depth === 0) objects.push(text.slice(start, index + 1));
    } else if (char === ']' && depth === 0) {
      return { objects, complete: true };
    }
  }
  return { objects, complete: false };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
