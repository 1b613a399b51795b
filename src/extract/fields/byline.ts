/**
 * Byline and attribution. Vietnamese bylines often sit at the END of the body (a
 * right-aligned or bold last paragraph), are initials or pen names, and hide behind
 * the publisher's name in meta author; so the site rule and visible structure come
 * first, JSON-LD persons and meta next, and every value must look like a name that
 * is not the publisher's.
 */
import type { AnyNode, Element } from 'domhandler';
import { textOf } from '../../parse/dom-index.js';
import { cleanText } from '../../normalize/text.js';
import { findBody, inOtherArticle } from '../body.js';
import { cleanByline } from '../clean/byline.js';
import { isPublisherName, publisherKey, type ExtractContext } from '../context.js';
import { jsonLdPersonNames } from '../jsonld.js';
import type { FieldSpec, Rule } from '../rules.js';
import { elementText } from '../select.js';
import { metaRule, selectorRule, siteBylineRule } from './common.js';

const GENERIC_BYLINE = [
  '[rel="author"]', '[itemprop="author"] [itemprop="name"]', '[itemprop="author"]', '.byline', '.author-name',
  '.article__author', '.article-author', '.post-author', '.author', '[class*="author"] .name', '.tacgia', '.nguontin',
  // Links to author pages ("tác giả" = author) name the journalist.
  'a[href*="/tac-gia/"]', 'a[href*="/author/"]', 'a[href*="/authors/"]',
];
const SOURCE = ['.source', '.article__source', '.pSource', '.news-source', '.nguon'];

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
  // "Linh Trang - VietNamNet Global": the publisher's name goes, the journalist stays.
  clean: (raw, context) => {
    const names = cleanByline(raw).byline?.split(', ').filter((name) => !isPublisherName(name, context.publisherKeys)) ?? [];
    return names.length === 0 ? null : names.join(', ');
  },
  valid: (value, context) => isPlausibleByline(value, context),
};

/**
 * Wire credits printed on the page: on the byline's own line ("Sầm Hoa (Reuters)"),
 * in a source element, or — when no byline was found — on the lines that could have
 * held one ("Theo TTXVN"). Meta author is left out: there an outlet name is the
 * publisher itself. Runs after the byline field (FIELDS order in article.ts).
 */
export const attributionField: FieldSpec = {
  rules: [
    { name: 'byline-line', read: ({ results }) => results.get('byline')?.raw ?? null },
    selectorRule('source', SOURCE),
    ...visibleRules.map((rule) => ({ ...rule, read: (context: ExtractContext) => (context.results.get('byline')?.value == null ? rule.read(context) : null) })),
  ],
  clean: (raw) => cleanByline(raw).attribution,
  valid: (value, context) => !isPublisherName(value, context.publisherKeys),
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
    return publisherKey(name).length > 0 && !isPublisherName(name, context.publisherKeys);
  });
}

/** Generic byline elements that are not inside a teaser of another article. */
function pageBylines(context: ExtractContext): string[] {
  const values: string[] = [];
  for (const element of context.doc.index.query(GENERIC_BYLINE.join(', '))) {
    if (inOtherArticle(context, element)) continue;
    const value = elementText(element);
    if (value !== null) values.push(value);
  }
  return values;
}

/**
 * The last short paragraph of the article body when it is right-aligned or wholly
 * bold — how VnExpress, Dân Trí and others print the author.
 */
function endOfBodyByline(context: ExtractContext): string[] {
  const { index } = context.doc;
  const body = findBody(context);
  if (body === null) return [];
  // Leaf blocks of the body (a p/div holding no other p/div), in document order, then
  // the first few right after it: some layouts print the author just below the body.
  // The body's descendants are one run of the document order, from the body to its
  // last descendant, so only the blocks around that run's end are looked at.
  const blocks = index.query('p, div');
  const start = body.startIndex!;
  const end = lastDescendant(body).startIndex!;
  let after = 0;
  for (let high = blocks.length; after < high; ) {
    const middle = (after + high) >>> 1;
    if (blocks[middle]!.startIndex! <= end) after = middle + 1;
    else high = middle;
  }
  const candidates: Element[] = [];
  for (let i = after; i < blocks.length && candidates.length < 2; i++) if (isLeaf(blocks[i]!)) candidates.push(blocks[i]!);
  const found: string[] = [];
  // Look at the last few non-empty blocks: a call-to-action or related link may follow the byline.
  let seen = 0;
  const look = (element: Element): void => {
    const text = elementText(element);
    if (text === null) return;
    seen++;
    if (text.length <= 80 && text.split(' ').length <= 12 && looksLikeSignature(element, text)) found.push(text);
  };
  for (let i = 0; i < candidates.length && seen < 4; i++) look(candidates[i]!);
  for (let i = after - 1; i >= 0 && seen < 4 && blocks[i]!.startIndex! >= start; i--) if (isLeaf(blocks[i]!)) look(blocks[i]!);
  return found;
}

/** Right-aligned, classed as an author, or (mostly) bold. */
function looksLikeSignature(element: Element, text: string): boolean {
  const style = `${element.attribs['style'] ?? ''} ${element.attribs['align'] ?? ''} ${element.attribs['class'] ?? ''}`.toLowerCase();
  if (/right|author|byline|signature/.test(style)) return true;
  const strong = boldDescendants(element).map((b) => textOf(b)).join('');
  return (cleanText(strong)?.length ?? 0) >= text.length * 0.6;
}

/** The <strong> and <b> elements inside `element`, in document order. */
function boldDescendants(element: Element): Element[] {
  const found: Element[] = [];
  const stack: AnyNode[] = [...element.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const child = node as Element;
    if (child.name === 'strong' || child.name === 'b') found.push(child);
    for (let i = child.children.length - 1; i >= 0; i--) stack.push(child.children[i]!);
  }
  return found;
}

/** The last element inside `element` (itself when it has no element children). */
function lastDescendant(element: Element): Element {
  let last: Element = element;
  for (;;) {
    const children = last.children.filter((child): child is Element => child.type === 'tag');
    if (children.length === 0) return last;
    last = children[children.length - 1]!;
  }
}

/** A p or div holding no other p or div. */
function isLeaf(element: Element): boolean {
  return !element.children.some(isBlock);
}

function isBlock(node: AnyNode): boolean {
  return node.type === 'tag' && ((node as Element).name === 'p' || (node as Element).name === 'div');
}
