/**
 * Parse a page once with htmlparser2 (~7× faster than parse5), index its elements
 * while parsing, and read what every extractor needs: meta tags, JSON-LD objects,
 * <link> relations. Cheerio wraps the same DOM for code that wants its API.
 */
import { createRequire } from 'node:module';
import type { CheerioAPI } from 'cheerio/slim';
import { decodeResidualEntities } from '../normalize/entities.js';
import { cleanText } from '../normalize/text.js';
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
  const meta = new MetaTable();
  const links = new Map<string, string[]>();
  const jsonLd: JsonLdObject[] = [];

  // Only the few tags read here are visited, through the tag index.
  for (const element of index.query('meta')) {
    const attribs = element.attribs;
    const key = attribs['property'] ?? attribs['name'] ?? attribs['itemprop'] ?? attribs['http-equiv'];
    if (key !== undefined) meta.add(key.toLowerCase().trim(), attribs['content'] ?? '');
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
  return new Page(index, url, meta, jsonLd, links, htmlLang);
}

/**
 * A ParsedDocument as a class instance, not an object literal with a getter. V8
 * builds getter literals on a slow path, and that one kept every page's DOM alive
 * through young-generation collections (each scavenge copied whole DOMs, ~10 ms,
 * until a full collection): parsing a 200 KB page cost twice as much, and so did
 * every other parse in the process.
 */
class Page implements ParsedDocument {
  private cheerio: CheerioAPI | null = null;
  private title: string | null | undefined = undefined;

  constructor(
    readonly index: DomIndex,
    readonly url: string | null,
    readonly meta: Map<string, string[]>,
    readonly jsonLd: JsonLdObject[],
    readonly links: Map<string, string[]>,
    readonly htmlLang: string | null,
  ) {}

  /** Read on first use: a site rule's headline usually makes it unnecessary. */
  get titleTag(): string | null {
    if (this.title === undefined) {
      // The first <title> only: SVG icons carry <title> elements of their own.
      const title = this.index.first('title');
      this.title = title === null ? null : cleanText(decodeResidualEntities(textOf(title)));
    }
    return this.title;
  }

  /** Cheerio is loaded on first use only (extraction itself queries the index). */
  get $(): CheerioAPI {
    this.cheerio ??= loadCheerio()(this.index.document);
    return this.cheerio;
  }
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

/**
 * meta key → cleaned contents, cleaned when a key is first read: a page carries
 * dozens of meta tags and extraction reads a few, and cleaning (NFC, entities,
 * whitespace) is most of their cost. Reads as a Map of the non-empty cleaned
 * contents, in document order; iterating cleans every key first.
 */
class MetaTable extends Map<string, string[]> {
  private readonly raw = new Map<string, string[]>();
  /** Keys in the order their first tag appears. */
  private readonly order: string[] = [];

  /** Record one meta tag's raw content under its key. */
  add(key: string, content: string): void {
    if (!this.raw.has(key) && !super.has(key)) this.order.push(key);
    push(this.raw, key, content);
  }

  override get(key: string): string[] | undefined {
    this.settle(key);
    return super.get(key);
  }

  override has(key: string): boolean {
    this.settle(key);
    return super.has(key);
  }

  override get size(): number {
    this.settleAll();
    return super.size;
  }

  override entries(): MapIterator<[string, string[]]> {
    this.settleAll();
    return super.entries();
  }

  override keys(): MapIterator<string> {
    this.settleAll();
    return super.keys();
  }

  override values(): MapIterator<string[]> {
    this.settleAll();
    return super.values();
  }

  override forEach(callback: (value: string[], key: string, map: Map<string, string[]>) => void, thisArg?: unknown): void {
    this.settleAll();
    super.forEach(callback, thisArg);
  }

  override [Symbol.iterator](): MapIterator<[string, string[]]> {
    return this.entries();
  }

  /** Clean a key's raw contents into the table (once). */
  private settle(key: string): void {
    const contents = this.raw.get(key);
    if (contents === undefined) return;
    this.raw.delete(key);
    const values: string[] = [];
    for (const content of contents) {
      const value = cleanText(decodeResidualEntities(content));
      if (value !== null) values.push(value);
    }
    if (values.length > 0) super.set(key, values);
  }

  /** Clean every key, keeping the keys in document order (as if all were cleaned at once). */
  private settleAll(): void {
    if (this.raw.size === 0) return;
    for (const key of [...this.raw.keys()]) this.settle(key);
    const settled = new Map(super.entries());
    super.clear();
    for (const key of this.order) {
      const values = settled.get(key);
      if (values !== undefined) super.set(key, values);
    }
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** JSON-LD in the wild has trailing commas, raw newlines in strings and HTML comments. */
function parseJsonLd(text: string): unknown {
  let trimmed = text.trim();
  if (trimmed.startsWith('<!--') || trimmed.endsWith('-->')) trimmed = trimmed.replace(/^<!--|-->$/g, '');
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
