/**
 * Byline and attribution. Vietnamese bylines often sit at the END of the body (a
 * right-aligned or bold last paragraph), are initials or pen names, and hide behind
 * the publisher's name in meta author; so the site rule and visible structure come
 * first, JSON-LD persons and meta next, and every value must look like a name that
 * is not the publisher's.
 */
import type { CheerioAPI } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { cleanText } from '../../normalize/text.js';
import { findBody } from '../body.js';
import { cleanByline } from '../clean/byline.js';
import { publisherKey, type ExtractContext } from '../context.js';
import { jsonLdPersonNames } from '../jsonld.js';
import type { FieldSpec, Rule } from '../rules.js';
import { elementText } from '../select.js';
import { metaRule, selectorRule, siteBylineRule } from './common.js';

const GENERIC_BYLINE = [
  '[rel="author"]', '[itemprop="author"] [itemprop="name"]', '[itemprop="author"]', '.byline', '.author-name',
  '.article__author', '.article-author', '.post-author', '.author', '.tacgia', '.nguontin',
];
const SOURCE = ['.source', '.article__source', '.pSource', '.news-source', '.nguon'];
/** Blocks that are teasers of other articles: their authors are not this page's. */
const TEASER_BLOCK = 'li, [class*="item"], [class*="story"], [class*="teaser"], [class*="related"], article:not(:has(h1))';

const visibleRules: Rule[] = [
  siteBylineRule(),
  { name: 'end-of-body', read: (context) => endOfBodyByline(context) },
  { name: 'dom', read: (context) => pageBylines(context) },
];
const machineRules: Rule[] = [
  {
    name: 'json-ld',
    read: ({ article }) => {
      const names = article === null ? [] : jsonLdPersonNames(article['author']);
      return names.length === 0 ? null : names.join(', ');
    },
  },
  metaRule('meta', 'author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author', 'byl'),
];

export const bylineField: FieldSpec = {
  rules: [...visibleRules, ...machineRules],
  clean: (raw) => cleanByline(raw).byline,
  valid: (value, context) => isPlausibleByline(value, context),
};

/**
 * Wire credits printed on the page: on byline lines ("Theo TTXVN") or in a source
 * element. Meta author is left out: there an outlet name is the publisher itself.
 */
export const attributionField: FieldSpec = {
  rules: [...visibleRules, selectorRule('source', SOURCE)],
  clean: (raw) => cleanByline(raw).attribution,
  valid: (value, context) => !isPublisher(publisherKey(value), context.publisherKeys),
};

const NOT_A_NAME = /(?:https?:|www\.|\d{1,2}[/:.]\d{1,2}|follow|theo dõi|share|chia sẻ|bình luận|comment|subscribe|đăng ký|quảng cáo|advertis|©|copyright|bình chọn|điểm)/iu;
const NAME_PARTICLES = new Set(['de', 'da', 'del', 'der', 'van', 'von', 'bin', 'binti', 'le', 'la', 'al', 'el', 'du', 'di', 'thị']);

/** A byline is one to six names, each a few capitalised words, none of them the publisher. */
export function isPlausibleByline(value: string, context: ExtractContext): boolean {
  if (value.length < 2 || value.length > 120 || NOT_A_NAME.test(value)) return false;
  const names = value.split(', ');
  if (names.length > 6) return false;
  return names.every((name) => {
    const words = name.split(/\s+/);
    if (words.length > 6) return false;
    if (!words.every((word) => /^[\p{Lu}\d]/u.test(word) || NAME_PARTICLES.has(word.toLowerCase()))) return false;
    const key = publisherKey(name);
    return key.length > 0 && !isPublisher(key, context.publisherKeys);
  });
}

/** Equal to a publisher name, containing one, or starting with a short one ("VOV-Tây Nguyên"). */
function isPublisher(key: string, publisherKeys: ReadonlySet<string>): boolean {
  if (publisherKeys.has(key)) return true;
  for (const publisher of publisherKeys) {
    if (publisher.length >= 3 && key.startsWith(publisher)) return true;
    if (publisher.length >= 4 && (key.includes(publisher) || (key.length >= 6 && publisher.includes(key)))) return true;
  }
  return false;
}

/** Generic byline elements that are not inside a teaser of another article. */
function pageBylines({ doc }: ExtractContext): string[] {
  const $ = doc.$;
  const values: string[] = [];
  for (const selector of GENERIC_BYLINE) {
    $(selector).each((_, element) => {
      if ($(element).closest(TEASER_BLOCK).length > 0) return;
      const value = cleanText(elementText($, element as Element));
      if (value !== null) values.push(value);
    });
  }
  return values;
}

/**
 * The last short paragraph of the article body when it is right-aligned or wholly
 * bold — how VnExpress, Dân Trí and others print the author.
 */
function endOfBodyByline(context: ExtractContext): string[] {
  const $ = context.doc.$;
  const body = findBody(context);
  if (body === null) return [];
  const blocks = body.find('p, div').toArray().filter((element) => $(element).children('p, div').length === 0);
  const found: string[] = [];
  // Look at the last few non-empty blocks: a call-to-action or related link may follow the byline.
  let seen = 0;
  for (let i = blocks.length - 1; i >= 0 && seen < 4; i--) {
    const element = blocks[i] as Element;
    const text = cleanText(elementText($, element));
    if (text === null) continue;
    seen++;
    if (text.length <= 80 && text.split(' ').length <= 12 && looksLikeSignature($, element, text)) found.push(text);
  }
  return found;
}

/** Right-aligned, classed as an author, or (mostly) bold. */
function looksLikeSignature($: CheerioAPI, element: Element, text: string): boolean {
  const style = `${element.attribs['style'] ?? ''} ${element.attribs['align'] ?? ''} ${element.attribs['class'] ?? ''}`.toLowerCase();
  if (/right|author|byline|signature/.test(style)) return true;
  const strongText = cleanText($(element).find('strong, b').text());
  return strongText !== null && strongText.length >= text.length * 0.6;
}
