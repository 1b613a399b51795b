/**
 * What an element's class and id say about its role on a listing page: page chrome
 * (menus, header, footer, ads, "most read" boxes), a video/podcast box, a headline,
 * a summary or a byline. Class strings repeat on a page, so answers are cached.
 */
import type { Element } from 'domhandler';

export const BOILERPLATE = 1;
export const MEDIA = 2;
export const TITLE = 4;
export const SUMMARY = 8;
export const BYLINE = 16;
export const META = 32;

/**
 * Page chrome and widgets that are not the main list: menus, breadcrumbs, header and
 * footer bars, sidebars, ads and promotions, share bars, tickers, and ranked boxes
 * ("most read", "đọc nhiều", "xem nhiều", popular, trending). "related" is kept: an
 * article page's related list is a teaser list.
 */
const BOILERPLATE_TOKEN = new RegExp(
  [
    'menu', 'breadcrumb', 'sidebar', 'banner', 'sponsor', 'promo', 'advert', 'quangcao', 'marquee', 'ticker',
    'mostread', 'most[-_]?(?:read|view|popular|comment|like|share)', 'popular', 'trending',
    'doc[-_]?nhieu', 'xem[-_]?nhieu',
    '^(?:header|footer)', '(?:site|page|main|global|top)[-_]?(?:header|footer)',
    '(?:^|[-_])(?:nav|navbar|navigation|ads?|qc|social|share|sharing|partners?)(?:[-_]|$)',
  ].join('|'),
  'u',
);
/** State classes ("has-sidebar", "menu-open" on a wrapper) describe the page, not the element. */
const STATE_TOKEN = /^(?:has|no|with|without|is|show|hide|layout)[-_]|[-_](?:open|active|opened|visible)$/u;
/** Video and podcast boxes (a box of them is skipped; one such teaser inside the main list is kept). */
const MEDIA_TOKEN = /(?:^|[-_])(?:videos?|podcasts?|audios?)(?:[-_]|$)|^(?:video|podcast)/u;
const TITLE_TOKEN = /title|headline|heading|tieu[-_]?de/u;
const SUMMARY_TOKEN = /desc|sapo|summary|lead|excerpt|chap+eau|intro|abstract|(?:^|[-_])des(?:[-_]|$)/u;
const BYLINE_TOKEN = /author|byline|tac[-_]?gia|writer/u;
/** Teaser meta lines (comment counts, dates, views, icons, tags): never part of a summary. */
const META_TOKEN = /(?:^|[-_])(?:meta|counts?|comments?|cmt|date|time|views?|icons?|tags?)(?:[-_]|$)|comment|count_?cmt/u;

/** Class or id value → flags, shared across pages (emptied when it grows large). */
const cache = new Map<string, number>();

/** The role flags of an element from its class and id (0 for none). */
export function hintsOf(element: Element): number {
  const attribs = element.attribs;
  const className = attribs['class'];
  const id = attribs['id'];
  if (className === undefined && id === undefined) return 0;
  if (tagRole(element.name) === TagRole.Wrapper) return 0;
  return hintsOfAttributes(className, id);
}

/** The role flags of a class and an id attribute (either may be absent). */
export function hintsOfAttributes(className: string | undefined, id: string | undefined): number {
  return (className === undefined ? 0 : hintsOfValue(className)) | (id === undefined ? 0 : hintsOfValue(id));
}

/** Flags of one class or id value, cached: a page repeats the same few dozen values. */
function hintsOfValue(value: string): number {
  let flags = cache.get(value);
  if (flags === undefined) {
    flags = 0;
    for (const token of value.toLowerCase().split(/\s+/u)) {
      if (token === '') continue;
      if (BOILERPLATE_TOKEN.test(token) && !STATE_TOKEN.test(token)) flags |= BOILERPLATE;
      if (MEDIA_TOKEN.test(token)) flags |= MEDIA;
      if (TITLE_TOKEN.test(token)) flags |= TITLE;
      if (SUMMARY_TOKEN.test(token)) flags |= SUMMARY;
      if (BYLINE_TOKEN.test(token)) flags |= BYLINE;
      if (META_TOKEN.test(token)) flags |= META;
    }
    if (cache.size > 5000) cache.clear();
    cache.set(value, flags);
  }
  return flags;
}

/** What a tag name means for the walk. */
export const TagRole = {
  Other: 0,
  /** Never teasers inside: navigation, sidebars, invisible content. */
  Chrome: 1,
  /** <header>/<footer>: page chrome, unless inside an <article> (then the teaser's own). */
  Sectioning: 2,
  /** <html>, <body>, <main>: never chrome, whatever their classes say. */
  Wrapper: 3,
  Article: 4,
  Link: 5,
} as const;
export type TagRole = (typeof TagRole)[keyof typeof TagRole];

const TAG_ROLES = new Map<string, TagRole>([
  ...['nav', 'aside', 'menu', 'script', 'style', 'noscript', 'template', 'svg', 'select', 'iframe', 'head'].map(
    (name) => [name, TagRole.Chrome] as const,
  ),
  ['header', TagRole.Sectioning],
  ['footer', TagRole.Sectioning],
  ['html', TagRole.Wrapper],
  ['body', TagRole.Wrapper],
  ['main', TagRole.Wrapper],
  ['article', TagRole.Article],
  ['a', TagRole.Link],
]);

/**
 * The role of a tag. No <form>: ASP.NET pages wrap their whole body in one.
 */
export function tagRole(name: string): TagRole {
  return TAG_ROLES.get(name) ?? TagRole.Other;
}

/** ARIA roles of page chrome. */
export const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary']);
