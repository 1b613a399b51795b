/**
 * Is this response a feed, and where are a page's feeds? Cheap checks used by
 * `sources add` to pick a source's kind: the first element of the body (or the
 * JSON Feed version), and `<link rel="alternate">` autodiscovery in an HTML head.
 */
import { decodeHTML } from 'entities';
import { cleanText } from '../normalize/text.js';
import { resolveUrl } from '../normalize/url.js';
import type { FeedFormat } from './types.js';

/** Media types that are never a feed, whatever the body looks like. */
const NEVER_FEED = /^(?:image|audio|video|font)\/|^application\/(?:pdf|zip|gzip|octet-stream|wasm)$/u;

/** Root element (local name, lower case) → format. */
const ROOTS: Readonly<Record<string, FeedFormat>> = { rss: 'rss', feed: 'atom', rdf: 'rdf' };

const JSON_FEED_VERSION = /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//u;
const ATOM_NAMESPACE = /http:\/\/www\.w3\.org\/2005\/Atom|http:\/\/purl\.org\/atom\/ns#/u;
const ATOM_ELEMENT = /<(?:[\w.-]+:)?(?:entry|title|id|updated)[\s>]/iu;
const RDF_FEED_ELEMENT = /<(?:[\w.-]+:)?(?:channel|item)[\s>]/iu;

/**
 * The feed format of a response, or `null` when it is not a feed. The body decides:
 * its root element after the XML prolog (`<rss>`, Atom `<feed>`, `<rdf:RDF>` with a
 * channel or items) or a JSON object with a JSON Feed version. The content type only
 * rules out binary types and admits a JSON object without a version when it says
 * `application/feed+json`. A page that merely mentions `<rss` later on is not a feed.
 */
export function sniffFeed(text: string, contentType: string | null): FeedFormat | null {
  const mediaType = mediaTypeOf(contentType);
  if (NEVER_FEED.test(mediaType)) return null;
  const body = feedBody(text);
  if (body.startsWith('{')) return sniffJson(body, mediaType);
  const root = rootElementName(body);
  if (root === null) return null;
  const format = ROOTS[root.replace(/^[\w.-]+:/u, '').toLowerCase()] ?? null;
  if (format === 'atom' && !ATOM_NAMESPACE.test(body) && !ATOM_ELEMENT.test(body)) return null;
  if (format === 'rdf' && !RDF_FEED_ELEMENT.test(body)) return null;
  return format;
}

/** The body as the checks read it: without a byte-order mark and leading whitespace. */
function feedBody(text: string): string {
  return text.replace(/^\ufeff/u, '').trimStart();
}

/** A JSON Feed: an object naming a jsonfeed.org version, or titled items (as feedsmith accepts). */
function sniffJson(body: string, mediaType: string): FeedFormat | null {
  if (JSON_FEED_VERSION.test(body)) return 'json';
  const shape = jsonItemsShape(body);
  if (mediaType === 'application/feed+json') return shape === null ? null : 'json';
  return shape !== null && shape !== 'truncated' && typeof shape.title === 'string' ? 'json' : null;
}

/** Media types that say the body is JSON: JSON Feed's own and plain JSON. */
const JSON_MEDIA_TYPES = new Set(['application/feed+json', 'application/json']);

/**
 * True when a response that is already known to be a feed (a subscribed feed source)
 * is a JSON Feed by its content type: served as `application/feed+json` or
 * `application/json`, its body an object with an `items` array (or cut off after
 * naming `"items"`). Looser than `sniffFeed`, which must not take every JSON API
 * response for a feed: a version-less, untitled JSON Feed is read only when its
 * content type says JSON.
 */
export function isJsonFeedByType(text: string, contentType: string | null): boolean {
  if (!JSON_MEDIA_TYPES.has(mediaTypeOf(contentType))) return false;
  const body = feedBody(text);
  return body.startsWith('{') && jsonItemsShape(body) !== null;
}

/**
 * A JSON body that holds items: the parsed object when it has an `items` array,
 * `truncated` when it does not parse but names `"items"`, else `null`.
 */
function jsonItemsShape(body: string): Record<string, unknown> | 'truncated' | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return body.includes('"items"') ? 'truncated' : null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  return Array.isArray(record.items) ? record : null;
}

/** `application/json; charset=utf-8` → `application/json`; `''` when absent. */
function mediaTypeOf(contentType: string | null): string {
  return contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Name of the first element after the prolog (declaration, PIs, comments, doctype), or `null`. */
function rootElementName(body: string): string | null {
  let rest = body;
  for (;;) {
    rest = rest.trimStart();
    if (rest.startsWith('<?')) rest = after(rest, '?>');
    else if (rest.startsWith('<!--')) rest = after(rest, '-->');
    else if (/^<!doctype/iu.test(rest)) rest = afterDoctype(rest);
    else break;
    if (rest === '') return null;
  }
  return /^<([A-Za-z_][\w.:-]*)/u.exec(rest)?.[1] ?? null;
}

/** The text after the first `marker`, or `''` when there is none. */
function after(text: string, marker: string): string {
  const index = text.indexOf(marker);
  return index === -1 ? '' : text.slice(index + marker.length);
}

/** The text after a doctype, including one with an internal subset (`[ … ]>`). */
function afterDoctype(text: string): string {
  const close = text.indexOf('>');
  const subset = text.indexOf('[');
  if (subset !== -1 && (close === -1 || subset < close)) return after(text.slice(subset), ']>');
  return close === -1 ? '' : text.slice(close + 1);
}

/** A feed a page points to. */
export interface DiscoveredFeed {
  /** Absolute URL of the feed. */
  url: string;
  title: string | null;
  /** The declared media type, lower case (`application/rss+xml`). */
  type: string;
}

/** Feed media types for autodiscovery. */
const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
]);

const LINK_TAG = /<link\b((?:[^>"']|"[^"]*"|'[^']*')*)>/giu;
const BASE_TAG = /<base\b((?:[^>"']|"[^"]*"|'[^']*')*)>/iu;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/gu;

/**
 * Feeds a page announces with `<link rel="alternate" type="application/rss+xml|
 * atom+xml|rdf+xml|feed+json" href>` in its head, resolved against `<base href>` or
 * the page URL, without duplicates, in page order. A plain `application/json`
 * alternate counts only when its URL or title says "feed": WordPress announces its
 * REST API that way.
 */
export function discoverFeeds(html: string, pageUrl: string): DiscoveredFeed[] {
  const head = headOf(html);
  const baseHref = BASE_TAG.exec(head);
  const base = resolveUrl(baseHref === null ? null : attributesOf(baseHref[1] ?? '').get('href') ?? null, pageUrl) ?? pageUrl;
  const feeds: DiscoveredFeed[] = [];
  for (const match of head.matchAll(LINK_TAG)) {
    const attributes = attributesOf(match[1] ?? '');
    const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/u);
    const type = (attributes.get('type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!rel.includes('alternate') || !FEED_TYPES.has(type)) continue;
    const url = resolveUrl(attributes.get('href') ?? null, base);
    if (url === null || feeds.some((feed) => feed.url === url)) continue;
    const title = cleanText(attributes.get('title'));
    if (type === 'application/json' && !/feed/iu.test(`${url} ${title ?? ''}`)) continue;
    feeds.push({ url, title, type });
  }
  return feeds;
}

/** The document up to `</head>` or `<body>`, comments removed (the whole text when neither is found). */
function headOf(html: string): string {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/gu, '');
  const end = withoutComments.search(/<\/head\s*>|<body[\s>]/iu);
  return end === -1 ? withoutComments : withoutComments.slice(0, end);
}

/** Attributes of a tag (names lower case, values entity-decoded; the first of a repeated name wins). */
function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = (match[1] ?? '').toLowerCase();
    if (attributes.has(name)) continue;
    attributes.set(name, decodeHTML(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}
