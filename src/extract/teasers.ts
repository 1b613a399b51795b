/**
 * Teasers on listing pages, found generically: a headline link (an <a> in or around
 * an h2/h3/h4, or a titled link) inside a repeated block (article, li, *item*,
 * *story*), with the block's summary paragraph and an optional "Name |" byline.
 * Navigation, header, footer and video/podcast boxes are skipped.
 */
import type { Cheerio } from 'cheerio';
import type { CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import type { ParsedDocument } from '../parse/document.js';
import { cleanText } from '../normalize/text.js';
import { resolveUrl, urlKey } from '../normalize/url.js';
import type { Teaser } from '../types.js';
import { cleanByline } from './clean/byline.js';
import { cleanSummary } from './clean/summary.js';
import { elementText } from './select.js';

const HEADLINE_LINKS = 'h2 a[href], h3 a[href], h4 a[href], a[href] > h2, a[href] > h3, a[href] > h4, a.title[href], a[href][class*="title"]';
const BLOCK = 'article, li, [class*="item"], [class*="story"], [class*="teaser"], [class*="post"], [class*="news"]';
const EXCLUDED = 'nav, header, footer, aside, [role="navigation"], [class*="menu"], [class*="nav"], [class*="footer"], [class*="video"], [class*="podcast"], [id*="video"], [id*="podcast"]';
const SUMMARY = '.description, .sapo, .summary, .lead, .lead_news_site, p';
const BYLINE = '.author, .byline, [class*="author"]';

/** Every article teaser on the page, in page order, deduplicated by URL. */
export function extractTeasers(doc: ParsedDocument): Teaser[] {
  const $ = doc.$;
  const pageKey = doc.url === null ? null : safeKey(doc.url);
  const teasers: Teaser[] = [];
  const seen = new Set<string>();
  $(HEADLINE_LINKS).each((_, node) => {
    const link = node.name === 'a' ? $(node) : $(node).parent();
    if (link.closest(EXCLUDED).length > 0) return;
    const url = resolveUrl(link.attr('href') ?? null, doc.url);
    if (url === null) return;
    const key = safeKey(url);
    if (key === pageKey || seen.has(key)) return;
    const title = teaserTitle(link);
    if (title === null) return;
    const block = link.closest(BLOCK);
    const scope = block.length > 0 ? block : link.parent().parent();
    seen.add(key);
    teasers.push({ title, url, summary: teaserSummary($, scope, link), byline: teaserByline($, scope, link) });
  });
  return teasers;
}

/** The link text, or its title attribute when that holds the clean headline. */
function teaserTitle(link: Cheerio<AnyNode>): string | null {
  const text = cleanText(link.text());
  const attr = cleanText(link.attr('title') ?? null);
  const title = attr !== null && (text === null || attr.length >= text.length * 0.8) ? attr : text;
  if (title === null || title.length < 10 || title.split(' ').length < 3) return null;
  return title;
}

function teaserSummary($: CheerioAPI, scope: Cheerio<AnyNode>, link: Cheerio<AnyNode>): string | null {
  for (const element of scope.find(SUMMARY).toArray()) {
    if ($(element).find('a').length > 0 && $(element).has(link[0] as Element).length > 0) continue;
    if ($(element).is(BYLINE)) continue;
    const text = cleanText(elementText($, element as Element));
    if (text === null || text.length < 20 || text.endsWith('|')) continue;
    return cleanSummary(text);
  }
  return null;
}

/** A byline element, or the "Name |" line the seed's teaser lists use. */
function teaserByline($: CheerioAPI, scope: Cheerio<AnyNode>, link: Cheerio<AnyNode>): string | null {
  for (const element of scope.find(`${BYLINE}, span, p, div`).toArray()) {
    if ($(element).has(link[0] as Element).length > 0) continue;
    const text = cleanText(elementText($, element as Element));
    if (text === null || text.length > 60) continue;
    const isBylineElement = $(element).is(BYLINE);
    if (!isBylineElement && !/\|\s*$/u.test(text)) continue;
    const { byline } = cleanByline(text.replace(/\|\s*$/u, ''));
    if (byline !== null) return byline;
  }
  return null;
}

function safeKey(url: string): string {
  try {
    return urlKey(url);
  } catch {
    return url;
  }
}
