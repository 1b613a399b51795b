/**
 * Everything a field rule may read about one page, computed once per page.
 */
import type { ParsedDocument } from '../parse/document.js';
import { cleanText, foldText } from '../normalize/text.js';
import { articleObject, hasJsonLdType, jsonLdNames, type JsonLdObject } from './jsonld.js';
import type { FieldResult } from './rules.js';
import { memoize } from './memo.js';
import { pageHost } from './page-host.js';
import { findSiteRule, type SiteRule } from './sites/index.js';

export interface ExtractContext {
  doc: ParsedDocument;
  site: SiteRule | null;
  /** The page's main JSON-LD Article object, if any. */
  article: JsonLdObject | null;
  /** Folded names of the publisher/site: values equal to one of these are not bylines. */
  publisherKeys: ReadonlySet<string>;
  /** Fields extracted so far (filled in field order), for rules that build on another field. */
  results: Map<string, FieldResult>;
}

/** CMS vendors and hosting brands that show up as meta author. */
const VENDOR_NAMES = ['Công nghệ ChannelVN', 'ChannelVN', 'VCCorp', 'VCCorp.vn', 'SEO, Traffic Team', 'Admin', 'Administrator'];

export function createContext(doc: ParsedDocument): ExtractContext {
  const site = siteRuleOf(doc);
  const article = articleObject(doc.jsonLd);
  const names = [
    ...VENDOR_NAMES,
    ...(site?.publisherNames ?? []),
    ...(doc.meta.get('og:site_name') ?? []),
    ...(doc.meta.get('application-name') ?? []),
    ...(doc.meta.get('publisher') ?? []),
    ...(doc.meta.get('article:publisher') ?? []),
    ...jsonLdNames(article?.['publisher']),
    ...doc.jsonLd.filter((o) => hasJsonLdType(o, ['Organization', 'NewsMediaOrganization', 'WebSite'])).flatMap((o) => jsonLdNames(o)),
  ];
  // The registrable domain's label ("vnexpress" for e.vnexpress.net), never a subdomain like "english".
  if (doc.url !== null) {
    const { site } = pageHost(doc.url);
    if (site !== '') names.push(site, site.split('.')[0] ?? site);
  }
  const publisherKeys = new Set<string>();
  for (const name of names) {
    const key = publisherKey(name);
    if (key !== '') publisherKeys.add(key);
  }
  return { doc, site, article, publisherKeys, results: new Map() };
}

/** The site rule for a parsed page: by its host (lower case, no `www.`), else by its markup. */
export function siteRuleOf(doc: ParsedDocument): SiteRule | null {
  return findSiteRule(doc.url === null ? null : pageHost(doc.url).host || null, doc);
}

/**
 * Folded, letters-and-digits-only form used to compare names with publisher names.
 * The same names come back on every page of a site (vendors, publisher names): keys are kept.
 */
export const publisherKey = memoize((name: string): string =>
  foldText(cleanText(name) ?? '')
    .replace(/^(?:(?:bao|tap chi|trang|dai)\s+)?(?:dien tu\s+)?/, '')
    .replace(/(?:\s+dien tu|\s+online|\.(?:vn|com|net|org)(?:\.vn)?)+$/, '')
    .replace(/[^a-z0-9]/g, ''),
);

/**
 * Whether a name is the publisher's: its key is a publisher name, contains a long
 * one, or its first word is one ("VOV-Tây Nguyên", a desk of VOV). "Võ Văn Thành"
 * is a person even on vov.vn.
 */
export function isPublisherName(name: string, publisherKeys: ReadonlySet<string>): boolean {
  const key = publisherKey(name);
  if (key === '') return false;
  if (publisherKeys.has(key)) return true;
  const firstWord = publisherKey(name.trim().split(/[\s\-–—/|]+/u)[0] ?? '');
  if (firstWord.length >= 2 && publisherKeys.has(firstWord) && name.trim().split(/\s+/).length > 1 && /[\-–—/]/u.test(name)) return true;
  for (const publisher of publisherKeys) {
    if (publisher.length >= 5 && key.includes(publisher)) return true;
  }
  return false;
}
