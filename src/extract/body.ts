/**
 * Finding the article body: a known container first, else the element holding the
 * most paragraph text (old table layouts have no <article>).
 */
import type { Element } from 'domhandler';
import { textOf } from '../parse/dom-index.js';
import type { ExtractContext } from './context.js';

const BODY_SELECTORS = [
  '[itemprop="articleBody"]', '.article-body', '.article-content', '.content-detail', '.detail-content', '.fck_detail',
  '.article__body', '.singular-content', '.entry-content', '.post-content', '.noidung', '.news-content',
];

const bodies = new WeakMap<ExtractContext, Element | null>();

/** The article body element, or `null` when the page has no paragraphs (memoised per page). */
export function findBody(context: ExtractContext): Element | null {
  let body = bodies.get(context);
  if (body === undefined) {
    body = locateBody(context);
    bodies.set(context, body);
  }
  return body;
}

function locateBody({ doc, site }: ExtractContext): Element | null {
  const { index } = doc;
  for (const selector of [...(site?.body ?? []), ...BODY_SELECTORS]) {
    const body = index.first(selector);
    if (body !== null && index.query('p').some((p) => isInside(p, body))) return body;
  }
  // Score containers by the text blocks they hold (readability-style): a paragraph,
  // or a div/td with no block inside, gives its length to its ancestors. Old layouts
  // write paragraphs as <div>s or table cells.
  const score = new Map<Element, number>();
  let best: Element | null = null;
  let bestScore = 0;
  const credit = (element: Element | null, amount: number): void => {
    if (element === null || isHidden(element)) return;
    const total = (score.get(element) ?? 0) + amount;
    score.set(element, total);
    if (total > bestScore) {
      best = element;
      bestScore = total;
    }
  };
  for (const block of index.query('p, div, td')) {
    if (block.name !== 'p' && block.children.some((child) => child.type === 'tag' && BLOCK_CHILDREN.has((child as Element).name))) continue;
    const text = textOf(block).trim();
    const length = text.length;
    if (length < 40 || inBoilerplate(block) || linkTextLength(block) > length * 0.3) continue;
    // Parent, grandparent and great-grandparent share the credit (photo stories put
    // each caption in its own table, three levels below the article container).
    let ancestor = tagParent(block);
    for (let level = 1; level <= 3 && ancestor !== null; level++, ancestor = tagParent(ancestor)) credit(ancestor, length / level);
  }
  return bestScore < 200 ? null : best;
}

const BLOCK_CHILDREN = new Set(['p', 'div', 'table', 'ul', 'ol', 'section', 'article']);

function tagParent(element: Element): Element | null {
  const parent = element.parent;
  return parent !== null && parent.type === 'tag' ? (parent as Element) : null;
}

/** Class/id words of boxes around, not in, the article: lists of other news, menus, ads. */
const BOILERPLATE = /related|hot|sidebar|side-bar|comment|footer|menu|nav|list|other|bydate|tinkhac|lienquan|weblink|banner|adv|popular|most|widget/i;

function inBoilerplate(element: Element): boolean {
  for (let node: Element | null = element; node !== null; node = tagParent(node)) if (hasMark(node, BOILERPLATE)) return true;
  return false;
}

/**
 * Whether an element's class or id contains one of a pattern's words. The class and
 * id are tested apart, as no word spans the space that would join them.
 */
export function hasMark(element: Element, words: RegExp): boolean {
  const className = element.attribs['class'];
  if (className && words.test(className)) return true;
  const id = element.attribs['id'];
  return id !== undefined && id !== '' && words.test(id);
}

function linkTextLength(element: Element): number {
  let length = 0;
  const walk = (node: Element): void => {
    for (const child of node.children) {
      if (child.type !== 'tag') continue;
      const tag = child as Element;
      if (tag.name === 'a') length += textOf(tag).trim().length;
      else walk(tag);
    }
  };
  walk(element);
  return length;
}

function isHidden(element: Element): boolean {
  return /display\s*:\s*none/i.test(element.attribs['style'] ?? '');
}

/** Whether `node` is `ancestor` or inside it. */
function isInside(node: Element, ancestor: Element): boolean {
  for (let current: Element | null = node; current !== null; current = current.parent as Element | null) {
    if (current === ancestor) return true;
  }
  return false;
}

/** Blocks that are teasers of other articles (lists, items, related boxes). */
const TEASER_BLOCK = 'li, [class*="item"], [class*="Item"], [class*="story"], [class*="teaser"], [class*="related"], [class*="Related"], [class*="other"], [class*="list"], [class*="List"]';

/**
 * Whether an element sits in a teaser of another article: a list item or item box,
 * or an <article> that does not hold the page's headline. Bylines and dates found
 * there belong to other articles.
 */
export function inOtherArticle(context: ExtractContext, element: Element): boolean {
  const { index } = context.doc;
  const body = findBody(context);
  if (body !== null && isInside(element, body)) return false;
  if (index.closest(element, TEASER_BLOCK) !== null) return true;
  const article = index.closest(element, 'article');
  return article !== null && !index.query('h1').some((h1) => isInside(h1, article));
}
