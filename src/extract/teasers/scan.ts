/**
 * One depth-first walk of the DOM instead of selector queries. It does not enter page
 * chrome (menus, header/footer bars, ads, ranked boxes); on the way down it resolves
 * every link and notes the video/podcast box it sits in; on the way up it learns
 * which elements link to two or more different articles ("mixed"). A teaser block is
 * then the largest ancestor of a headline link below the first mixed one: it links
 * to that one article only.
 */
import type { AnyNode, Element } from 'domhandler';
import { textOf } from '../../parse/dom-index.js';
import { BOILERPLATE, CHROME_ROLES, hintsOfAttributes, MEDIA, tagRole, TagRole } from './hints.js';
import { tidyText, wordCount } from './fields.js';
import { hrefPromise, type ArticleLink, type LinkResolver } from './links.js';

/** A link to an article outside page chrome, in document order. */
export interface ScannedLink {
  element: Element;
  article: ArticleLink;
  /** The nearest video/podcast-flagged element around (or on) the link, or `null`. */
  mediaBox: Element | null;
}

export interface PageScan {
  links: ScannedLink[];
  /** Elements whose subtree (chrome left out) links to two or more different articles. */
  mixed: Set<AnyNode>;
  /** Each article link element → its article. */
  articleOf: Map<Element, ArticleLink>;
}

/** No article under a node. */
const NONE = '';
/** Two or more articles under a node. */
const MIXED = '\u0000';

/**
 * Deeper than this, the walk stops: real pages nest a few dozen levels; a page
 * nesting thousands would otherwise exhaust the call stack.
 */
const MAX_DEPTH = 400;

/** Walk the document once. */
export function scanPage(root: AnyNode, resolver: LinkResolver): PageScan {
  const links: ScannedLink[] = [];
  const mixed = new Set<AnyNode>();
  const articleOf = new Map<Element, ArticleLink>();

  /** Returns the article key under `node`: NONE, one key, or MIXED. Page chrome is not entered. */
  const visit = (node: Element, inArticle: boolean, mediaBox: Element | null, depth: number): string => {
    if (depth > MAX_DEPTH) return NONE;
    const role = tagRole(node.name);
    if (role === TagRole.Chrome || (role === TagRole.Sectioning && !inArticle)) return NONE;
    if (role !== TagRole.Wrapper) {
      const attribs = node.attribs;
      const ariaRole = attribs['role'];
      if (ariaRole !== undefined && CHROME_ROLES.has(ariaRole)) return NONE;
      const className = attribs['class'];
      const id = attribs['id'];
      if (className !== undefined || id !== undefined) {
        const hints = hintsOfAttributes(className, id);
        if ((hints & BOILERPLATE) !== 0) return NONE;
        if ((hints & MEDIA) !== 0) mediaBox = node;
      }
    }
    if (role === TagRole.Article) inArticle = true;

    let state = NONE;
    if (role === TagRole.Link) {
      const href = node.attribs['href'];
      // A short-slug href counts only under a headline-long text: read the text before parsing the URL.
      const promise = href === undefined ? 'listing' : hrefPromise(href);
      const article = promise === 'listing' || (promise === 'maybe' && !readsLikeHeadline(node)) ? null : resolver.resolve(href!);
      if (article !== null && (!article.needsHeadlineText || promise === 'maybe' || readsLikeHeadline(node))) {
        articleOf.set(node, article);
        links.push({ element: node, article, mediaBox });
        state = article.key;
      }
    }
    for (const child of node.children) {
      if (child.type !== 'tag') continue;
      const childState = visit(child, inArticle, mediaBox, depth + 1);
      if (childState === NONE || childState === state) continue;
      state = state === NONE ? childState : MIXED;
    }
    if (state === MIXED) mixed.add(node);
    return state;
  };

  const children = 'children' in root ? root.children : [];
  let state = NONE;
  for (const child of children) {
    if (child.type !== 'tag') continue;
    const childState = visit(child, false, null, 1);
    if (childState !== NONE && childState !== state) state = state === NONE ? childState : MIXED;
  }
  if (state === MIXED) mixed.add(root);
  return { links, mixed, articleOf };
}

/** Section links have short names ("Thời sự", "Câu chuyện cuộc sống"); headlines run longer. */
const MIN_HEADLINE_WORDS_FOR_SHORT_URL = 5;

/** A link text of five words or more: enough to take a short-slug URL for an article. */
function readsLikeHeadline(link: Element): boolean {
  const text = tidyText(textOf(link)) ?? link.attribs['title'] ?? '';
  return wordCount(text) >= MIN_HEADLINE_WORDS_FOR_SHORT_URL;
}

/** The one article key under an element: `null` for none, a marker no key equals for several. */
export function articleKeyUnder(element: Element, scan: PageScan): string | null {
  if (scan.mixed.has(element)) return MIXED;
  const found = scan.articleOf.get(element);
  if (found !== undefined) return found.key;
  for (const child of element.children) {
    if (child.type !== 'tag') continue;
    const key = articleKeyUnder(child, scan);
    if (key !== null) return key; // Not mixed, so the first key found is the only one.
  }
  return null;
}
