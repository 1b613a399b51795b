/**
 * Parse a page once with htmlparser2 (via cheerio/slim, ~7× faster than parse5) and
 * index what every extractor reads: meta tags, JSON-LD objects, <link> relations.
 */
import { load, type CheerioAPI } from 'cheerio/slim';
import { cleanText } from '../normalize/text.js';

/** A parsed page: the DOM plus indexes built in one pass over <head>-like elements. */
export interface ParsedDocument {
  $: CheerioAPI;
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
  const $ = load(html);
  const meta = new Map<string, string[]>();
  const links = new Map<string, string[]>();
  const jsonLd: JsonLdObject[] = [];

  $('meta').each((_, element) => {
    const attribs = element.attribs;
    const key = attribs['property'] ?? attribs['name'] ?? attribs['itemprop'] ?? attribs['http-equiv'];
    const content = attribs['content'];
    if (key === undefined || content === undefined) return;
    const value = cleanText(content);
    if (value === null) return;
    push(meta, key.toLowerCase().trim(), value);
  });

  $('link[rel][href]').each((_, element) => {
    const href = element.attribs['href']?.trim();
    if (!href) return;
    for (const rel of (element.attribs['rel'] ?? '').toLowerCase().split(/\s+/)) {
      if (rel) push(links, rel, href);
    }
  });

  $('script[type="application/ld+json" i]').each((_, element) => {
    const parsed = parseJsonLd($(element).text());
    if (parsed !== null) flattenJsonLd(parsed, jsonLd);
  });

  return {
    $,
    url,
    meta,
    jsonLd,
    links,
    htmlLang: cleanText($('html').attr('lang') ?? null),
    titleTag: cleanText($('title').first().text()),
  };
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
