/**
 * Teasers on listing pages (home, section, an article's related list), found
 * generically from the page's structure, with the site's teaser selectors as a bonus:
 *
 * 1. One walk of the DOM, page chrome left out (menus, header and footer bars, ads,
 *    "most read" boxes), resolves every link and keeps those to an article of the
 *    page's own site (an id, a date or a long slug in the path; no section, tag or
 *    topic pages, not the page itself), noting video/podcast boxes.
 * 2. A teaser block is the largest ancestor of a link that links to that one article
 *    only; its headline is the link in a heading or a title-classed element (image
 *    and lead links to the same article are part of the block).
 * 3. Blocks are grouped by a structural signature (tag + first class of the headline
 *    link and its two nearest containers): a signature seen twice or more is a
 *    teaser list; a lone block counts when its headline is a real heading, or when
 *    the site rule's teaser selectors point at it.
 * 4. Summary and byline come from the block, or from the siblings after a bare
 *    headline; duplicates keep the first position and the best title.
 */
import type { AnyNode, Element } from 'domhandler';
import { textOf } from '../parse/dom-index.js';
import { siteRuleOf } from './context.js';
import type { ParsedDocument } from '../parse/document.js';
import type { Teaser } from '../types.js';
import {
  describeTeaser,
  hasVisibleText,
  headlineOf,
  isHeading,
  isHeadlineText,
  letterCount,
  ownLetters,
  wordCount,
  type TeaserScope,
} from './teasers/fields.js';
import { hintsOf, SUMMARY, TITLE } from './teasers/hints.js';
import { LinkResolver, type ArticleLink } from './teasers/links.js';
import { articleKeyUnder, scanPage, type PageScan, type ScannedLink } from './teasers/scan.js';

/** A link inside prose (more letters of its parent's own text than this) is not a headline. */
const MAX_PROSE_AROUND_HEADLINE = 15;
/** A lone block needs a headline of at least this many words. */
const MIN_LONE_HEADLINE_WORDS = 3;
/** How many siblings after a bare headline may hold its summary and byline. */
const MAX_SCOPE_SIBLINGS = 3;

/** One article's block and its best headline link. */
interface Candidate {
  block: Element;
  link: Element;
  /** The heading around (or inside) the link, else the link itself. */
  headline: Element;
  article: ArticleLink;
  /** Headline in a heading or a title-classed element. */
  strong: boolean;
  /** Every link of the block, for the site rule's selectors. */
  links: Element[];
  signature: number;
}

/** A link placed in its block, scored as the block's headline. */
interface LinkReading {
  link: ScannedLink;
  placement: Placement;
  score: number;
}

/** Every article teaser on the page, in page order, one per article URL. */
export function extractTeasers(doc: ParsedDocument): Teaser[] {
  if (shapeIds.size > SHAPE_LIMIT / 2) shapeIds.clear(); // A page has far fewer shapes than the other half.
  const scan = scanPage(doc.index.document, new LinkResolver(doc.url));
  const candidates = readBlocks(scan);
  const rule = new RuleMatcher(doc);
  const counts = new Map<number, number>();
  for (const candidate of candidates) counts.set(candidate.signature, (counts.get(candidate.signature) ?? 0) + 1);

  const teasers: Teaser[] = [];
  /** Article key → index of its teaser while that teaser's title came from an image link only. */
  const weakAt = new Map<string, number>();
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const key = candidate.article.key;
    if (seen.has(key) && !weakAt.has(key)) continue;
    const listed = (counts.get(candidate.signature) ?? 0) >= 2;
    if (!listed && !candidate.strong && !rule.matchesAny(candidate.links)) continue;
    const headline = headlineOf(candidate.link);
    if (headline === null || !isHeadlineText(headline.title)) continue;
    const lone = candidate.strong && !headline.weak && wordCount(headline.title) >= MIN_LONE_HEADLINE_WORDS;
    if (!listed && !lone && !rule.matchesAny(candidate.links)) continue;

    const at = weakAt.get(key);
    if (at !== undefined) {
      // An image link came first with no text: keep its place, take this headline.
      if (headline.weak) continue;
      const earlier = teasers[at]!;
      const fields = teaserFields(candidate, headline.title, scan);
      teasers[at] = { ...earlier, title: headline.title, summary: earlier.summary ?? fields.summary, byline: earlier.byline ?? fields.byline };
      weakAt.delete(key);
      continue;
    }
    seen.add(key);
    if (headline.weak) weakAt.set(key, teasers.length);
    teasers.push({ title: headline.title, url: candidate.article.url, ...teaserFields(candidate, headline.title, scan) });
  }
  return teasers;
}

/**
 * The site rule's teaser selectors, asked only about blocks the generic reading
 * would drop (a lone item without a heading): the rule vouches for them. Asking per
 * link keeps selector matching off the whole page.
 */
class RuleMatcher {
  private selectors: readonly string[] | null = null;

  constructor(private readonly doc: ParsedDocument) {}

  /** Whether a selector of the page's site rule matches one of the links (or the element around it). */
  matchesAny(links: Element[]): boolean {
    this.selectors ??= siteRuleOf(this.doc)?.teasers ?? [];
    for (const selector of this.selectors) {
      for (const link of links) {
        if (this.matches(link, selector) || (link.parent?.type === 'tag' && this.matches(link.parent, selector))) return true;
      }
    }
    return false;
  }

  private matches(element: Element, selector: string): boolean {
    try {
      return this.doc.index.matches(element, selector);
    } catch {
      return false; // A broken selector in one rule must not break extraction.
    }
  }
}

/**
 * Place every usable link in its block, then read each block once: its best link
 * (in a heading > title-classed > with text; never the lead's link) gives the headline.
 */
function readBlocks(scan: PageScan): Candidate[] {
  const byBlock = new Map<Element, LinkReading[]>();
  for (const link of scan.links) {
    const parent = link.element.parent;
    if (parent !== null && parent.type === 'tag' && ownLetters(parent) > MAX_PROSE_AROUND_HEADLINE) continue;
    const placement = placeLink(link, scan);
    if (placement === null) continue;
    const score =
      (placement.heading !== null ? 4 : 0) +
      (placement.titled ? 2 : 0) +
      (hasVisibleText(link.element) ? 1 : 0) -
      (placement.inSummary ? 8 : 0);
    const reading: LinkReading = { link, placement, score };
    const list = byBlock.get(placement.block);
    if (list === undefined) byBlock.set(placement.block, [reading]);
    else list.push(reading);
  }

  const candidates: Candidate[] = [];
  for (const [block, readings] of byBlock) {
    let best = readings[0]!;
    for (const reading of readings) if (reading.score > best.score) best = reading;
    const { heading, titled, inSummary } = best.placement;
    candidates.push({
      block,
      link: best.link.element,
      headline: heading ?? best.link.element,
      article: best.link.article,
      strong: (heading !== null || titled) && !inSummary,
      links: readings.map((reading) => reading.link.element),
      signature: localShape(best.link.element, block),
    });
  }
  return candidates;
}

interface Placement {
  block: Element;
  heading: Element | null;
  titled: boolean;
  inSummary: boolean;
}

/**
 * Walk up from a link to its block (the child of the first ancestor that links to
 * several articles), noting a heading on the way, title/summary classes near the link,
 * and whether a video/podcast box lies above the block (then it is no main teaser).
 */
function placeLink(link: ScannedLink, scan: PageScan): Placement | null {
  let heading: Element | null = headingInside(link.element);
  let titled = false;
  let inSummary = false;
  let passedMediaBox = link.mediaBox === null;
  let current = link.element;
  for (let level = 0; ; level++) {
    const hints = hintsOf(current);
    if (heading === null && isHeading(current)) heading = current;
    if ((hints & TITLE) !== 0 && (level <= 2 || current === heading)) titled = true;
    if (current === link.mediaBox) passedMediaBox = true;
    const parent: AnyNode | null = current.parent;
    if (parent === null || parent.type !== 'tag' || scan.mixed.has(parent)) break;
    if ((hints & SUMMARY) !== 0) inSummary = true;
    current = parent;
  }
  if (!passedMediaBox) return null;
  if (heading !== null && !headingFitsLink(heading, link.element)) heading = null;
  return { block: current, heading, titled, inSummary };
}

/** `<a><h3>Title</h3></a>`: a heading inside the link (two levels deep at most). */
function headingInside(link: Element): Element | null {
  for (const child of link.children) {
    if (child.type !== 'tag') continue;
    if (isHeading(child)) return child;
    for (const grandchild of child.children) if (grandchild.type === 'tag' && isHeading(grandchild)) return grandchild;
  }
  return null;
}

/** A heading is the link's own when the link holds most of its text (not a lead with a related link). */
function headingFitsLink(heading: Element, link: Element): boolean {
  if (heading.parent === link || heading.parent?.parent === link || onlyChildChain(heading, link)) return true;
  const headingLetters = letterCount(textOf(heading));
  return headingLetters === 0 || letterCount(textOf(link)) >= headingLetters * 0.6;
}

/** `<h3><a>…</a></h3>` (wrappers allowed): the heading holds the link and nothing else. */
function onlyChildChain(ancestor: Element, link: Element): boolean {
  for (let node: Element = link; node !== ancestor; ) {
    const parent = node.parent;
    if (parent === null || parent.type !== 'tag') return false;
    for (const sibling of parent.children) {
      if (sibling === node) continue;
      if (sibling.type === 'tag' || (sibling.type === 'text' && !isBlank(sibling.data))) return false;
    }
    node = parent;
  }
  return true;
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x20) return false;
  return true;
}

/** Summary and byline from the block, or from what follows a bare headline. */
function teaserFields(candidate: Candidate, title: string, scan: PageScan): Pick<Teaser, 'summary' | 'byline'> {
  const scope: TeaserScope = {
    roots: scopeRoots(candidate, scan),
    headline: candidate.headline,
    title,
    key: candidate.article.key,
    keyOfLink: (link) => scan.articleOf.get(link)?.key ?? null,
  };
  return describeTeaser(scope);
}

/**
 * The block, plus — when the block is just the headline — the siblings after it
 * that belong to the same article: no links, links to the same article, or a lead
 * paragraph whose only other links are "related" ones (then it is the last).
 */
function scopeRoots(candidate: Candidate, scan: PageScan): Element[] {
  const roots = [candidate.block];
  if (!wrapsOnly(candidate.block, candidate.headline)) return roots;
  let taken = 0;
  for (let node = candidate.block.next; node !== null && taken < MAX_SCOPE_SIBLINGS; node = node.next) {
    if (node.type !== 'tag') continue;
    const key = articleKeyUnder(node, scan);
    if (key === null || key === candidate.article.key) {
      roots.push(node);
      taken++;
      continue;
    }
    if (ownLetters(node) >= 20) roots.push(node);
    break;
  }
  return roots;
}

/**
 * The shape of a headline link and its two nearest containers (not above its block):
 * what every item of one list repeats, even a list that shows a single item. A number
 * (three shape ids) so that grouping never hashes long strings.
 */
function localShape(link: Element, block: Element): number {
  let signature = shapeId(link);
  let current = link;
  for (let level = 0; level < 2 && current !== block; level++) {
    const parent = current.parent;
    if (parent === null || parent.type !== 'tag') break;
    current = parent;
    signature = signature * SHAPE_LIMIT + shapeId(current);
  }
  return signature;
}

/** Shape ids stay below this (the table starts over between pages when half full), so three fit in a double exactly. */
const SHAPE_LIMIT = 0x20000;
/** `tag.firstClass` (digits folded) → a small id, shared by every page. */
const shapeIds = new Map<string, number>();
/** Class attribute → its first class with digits folded (class strings repeat across a page). */
const firstClass = new Map<string, string>();

/** The id of an element's tag and first class (digits folded). */
function shapeId(element: Element): number {
  const className = element.attribs['class'];
  let shape = element.name;
  if (className !== undefined) {
    let first = firstClass.get(className);
    if (first === undefined) {
      first = (className.trim().split(/\s+/u)[0] ?? '').replace(/\d+/gu, '#');
      if (firstClass.size >= SHAPE_LIMIT) firstClass.clear();
      firstClass.set(className, first);
    }
    shape = `${element.name}.${first}`;
  }
  let id = shapeIds.get(shape);
  if (id === undefined) {
    id = shapeIds.size + 1;
    shapeIds.set(shape, id);
  }
  return id;
}

/** Whether the block is just the headline: itself, or wrappers with one element child each down to it. */
function wrapsOnly(block: Element, headline: Element): boolean {
  let current: Element = block;
  for (let depth = 0; depth < 4; depth++) {
    if (current === headline) return true;
    let only: Element | null = null;
    for (const child of current.children) {
      if (child.type !== 'tag') continue;
      if (only !== null) return false;
      only = child;
    }
    if (only === null) return false;
    current = only;
  }
  return false;
}
