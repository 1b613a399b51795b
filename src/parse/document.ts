/**
 * Parse a page once with htmlparser2 (~7× faster than parse5), index its elements
 * while parsing, and read what every extractor needs: meta tags, JSON-LD objects,
 * <link> relations. Cheerio wraps the same DOM for code that wants its API.
 */
import { createRequire } from 'node:module';
import type { CheerioAPI } from 'cheerio/slim';
import { cleanText, decodeResidualEntities } from '../normalize/text.js';
import { DomIndex, rawText, textOf } from './dom-index.js';

/** A parsed page: the DOM, its element index and what was read from <head>-like elements. */
export interface ParsedDocument {
  /** Cheerio over the same DOM (no second parse). */
  $: CheerioAPI;
  /** Fast selector queries answered from the element index. */
  index: DomIndex;
  /** Page URL (after redirects) used to resolve relative links, or `null`. */
  url: string | null;
  /** meta name/property/itemprop (lower-cased) → contents in document order. */
  meta: Map<string, string[]>;
  /** Every JSON-LD object on the page, `@graph` and arrays flattened. */
  jsonLd: JsonLdObject[];
  /** link rel (lower-cased) → hrefs in document order. */
  links: Map<string, string[]>;
  /** The `lang` attribute of <html>, raw. */
  htmlLang: string | null;
  /** The <title> text. */
  titleTag: string | null;
}

export type JsonLdObject = Record<string, unknown>;

/** Parse HTML text into a ParsedDocument. Never throws on malformed markup. */
export function parseDocument(html: string, url: string | null = null): ParsedDocument {
  const index = new DomIndex(html);
  const meta = new Map<string, string[]>();
  const links = new Map<string, string[]>();
  const jsonLd: JsonLdObject[] = [];

  // Only the few tags read here are visited, through the tag index built while parsing.
  for (const element of index.query('meta')) {
    const attribs = element.attribs;
    const key = attribs['property'] ?? attribs['name'] ?? attribs['itemprop'] ?? attribs['http-equiv'];
    const value = cleanText(decodeResidualEntities(attribs['content'] ?? ''));
    if (key !== undefined && value !== null) push(meta, key.toLowerCase().trim(), value);
  }
  for (const element of index.query('link')) {
    const href = element.attribs['href']?.trim();
    const rel = element.attribs['rel'];
    if (!href || rel === undefined) continue;
    for (const name of rel.toLowerCase().split(/\s+/)) if (name) push(links, name, href);
  }
  for (const element of index.query('script')) {
    if (element.attribs['type']?.trim().toLowerCase() !== 'application/ld+json') continue;
    const parsed = parseJsonLd(rawText(element));
    if (parsed !== null) flattenJsonLd(parsed, jsonLd);
  }
  const root = index.first('html');
  const htmlLang = root === null ? null : cleanText(root.attribs['lang'] ?? root.attribs['xml:lang']);
  // The first <title> only: SVG icons carry <title> elements of their own.
  const title = index.first('title');
  const titleTag = title === null ? null : cleanText(decodeResidualEntities(textOf(title)));

  let cheerio: CheerioAPI | null = null;
  return {
    // Cheerio is loaded on first use only (extraction itself queries the index).
    get $() {
      cheerio ??= loadCheerio()(index.document);
      return cheerio;
    },
    index,
    url,
    meta,
    jsonLd,
    links,
    htmlLang,
    titleTag,
  };
}

/** cheerio/slim's `load`, required synchronously on first use (its CommonJS build). */
function loadCheerio(): (document: unknown) => CheerioAPI {
  const require = createRequire(import.meta.url);
  return (require('cheerio/slim') as { load: (document: unknown) => CheerioAPI }).load;
}

/** First meta value for any of the keys, in key order. */
export function metaValue(doc: ParsedDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    const values = doc.meta.get(key);
    if (values && values.length > 0) return values[0] ?? null;
  }
  return null;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** JSON-LD in the wild has trailing commas, raw newlines in strings and HTML comments. */
function parseJsonLd(text: string): unknown {
  const trimmed = text.trim().replace(/^<!--|-->$/g, '');
  if (trimmed === '') return null;
  try {
    return JSON.parse(trimmed);
  } catch {
    try {
      // Control characters inside strings are the most common breakage; replace and retry.
      return JSON.parse(trimmed.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return null;
    }
  }
}

function flattenJsonLd(value: unknown, out: JsonLdObject[]): void {
  if (Array.isArray(value)) {
    for (const entry of value) flattenJsonLd(entry, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const object = value as JsonLdObject;
  const graph = object['@graph'];
  if (graph !== undefined) flattenJsonLd(graph, out);
  if (object['@type'] !== undefined) out.push(object);
}
