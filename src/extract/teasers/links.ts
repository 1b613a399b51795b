/**
 * Which links on a listing page can be article teasers: an absolute http(s) URL on
 * the page's own site whose path looks like one article (an id, a date, a long slug),
 * not a home, tag, topic, search or pagination page, nor the page itself; a short
 * slug (`/thoi-su/`) only with a headline-long link text. Resolved once per distinct
 * href: a teaser links the same URL three or four times (image, headline, lead).
 */
import { siteOf, urlKey } from '../../normalize/url.js';

/**
 * An article link: where it points (absolute, no fragment; as first linked) and its
 * dedup key. The resolver hands out one object per key.
 */
export interface ArticleLink {
  url: string;
  key: string;
  /**
   * The URL alone does not show an article (a short slug such as `/bai-viet/`): the
   * link counts only when its text reads like a headline.
   */
  needsHeadlineText: boolean;
}

/** Path segments that name a listing of many articles, never one article (`/tag/`, `/su-kien.aspx`). */
const LISTING_PATH =
  /\/(?:tags?|topics?|chu-de|tu-khoa|tim-kiem|search|tac-gia|authors?|category|categories|chuyen-muc|danh-muc|su-kien|events?|page|trang|rss|feeds?|lien-he|contact(?:us)?|login|dang-nhap|dang-ky)(?:\.[a-z\d]{2,5})?(?:\/|$)/i;
/** A last segment that is a topic/tag/author page (`topic-28312.html`) or a page number (`trang-2.htm`, `p3`). */
const LISTING_STEM = /^(?:(?:tags?|topics?|chu-de|tu-khoa|su-kien|events?|tac-gia|authors?)[-_]|(?:p|page|trang)[-_]?\d+$)/i;
/** A date segment before the last one: `/2012/12/…` (year then month) or `/20121227/`. */
const DATE_SEGMENT = /\/(?:19|20)\d\d(?:\/(?:0?[1-9]|1[0-2])|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))\/[^/]/;
/** An article id: five or more digits in the last segment (`-4988321.html`, `post123456`, VCCorp's 17 digits). */
const LONG_ID = /\d{5}/;
/** A short id closing a file name: `a-1.html`, `tin-42.htm`. */
const SHORT_ID = /[-_]\d+$/;
const EXTENSION = /\.[a-z\d]{2,5}$/i;
const ID_PARAM = /^(?:id|\w*_?id)$/i;
/** Slugs of this many words or more are article titles, not section names ("bong-da-trong-nuoc"). */
const MIN_SLUG_WORDS = 5;

/** The parts of an absolute URL this module reads (a `URL` has them all). */
export interface UrlParts {
  href: string;
  protocol: string;
  hostname: string;
  port: string;
  pathname: string;
  search: string;
}

/**
 * What a URL's path (and query) say: `article` (an id, a date or a slug of five words
 * or more), `listing` (home, tag, topic, author, search or pagination pages), or
 * `maybe` — a short slug such as `/thoi-su/` or `/bai-viet/`, which names a section as
 * often as an article; the link's text decides (see `needsHeadlineText`).
 */
export function classifyUrl(url: UrlParts): 'article' | 'maybe' | 'listing' {
  const path = url.pathname;
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 0x2f) end--;
  if (end === 0) return hasIdParam(url) ? 'article' : 'listing';
  if (LISTING_PATH.test(path)) return 'listing';
  const last = path.slice(path.lastIndexOf('/', end - 1) + 1, end);
  const stem = last.replace(EXTENSION, '');
  if (LISTING_STEM.test(stem)) return 'listing';
  if (LONG_ID.test(stem)) return 'article';
  if (stem !== last && SHORT_ID.test(stem)) return 'article';
  if (DATE_SEGMENT.test(path)) return 'article';
  const words = slugWords(stem);
  if (words >= MIN_SLUG_WORDS || hasIdParam(url)) return 'article';
  return words >= 2 ? 'maybe' : 'listing';
}

/** Words of a slug: runs of characters between `-`, `_` and `+`. */
function slugWords(stem: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < stem.length; i++) {
    const code = stem.charCodeAt(i);
    const separator = code === 0x2d || code === 0x5f || code === 0x2b;
    if (!separator && !inWord) words++;
    inWord = !separator;
  }
  return words;
}

/** Old CMSs keep the article id in the query: `News.aspx?newsid=12345`. */
function hasIdParam(url: UrlParts): boolean {
  if (url.search === '') return false;
  for (const [name, value] of new URLSearchParams(url.search)) {
    if (/^\d+$/.test(value) && (ID_PARAM.test(name) || value.length >= 5)) return true;
  }
  return false;
}

/**
 * A cheap look at a raw href before parsing it, by what `classifyUrl` needs: a digit
 * (id, date, short id) or four word separators (a five-word slug) may make an
 * `article`; one to three separators at best a `maybe` (a short slug, which needs a
 * headline-long link text); none, a `listing`.
 */
export function hrefPromise(href: string): 'article' | 'maybe' | 'listing' {
  let separators = 0;
  for (let i = 0; i < href.length; i++) {
    const code = href.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) return 'article';
    if ((code === 0x2d || code === 0x5f || code === 0x2b) && ++separators >= MIN_SLUG_WORDS - 1) return 'article';
  }
  return separators > 0 ? 'maybe' : 'listing';
}

/** Resolves and classifies hrefs for one page, remembering each distinct href. */
export class LinkResolver {
  private readonly base: URL | null;
  private readonly pageKey: string | null;
  private readonly pageSite: string | null;
  private readonly byHref = new Map<string, ArticleLink | null>();
  private readonly byKey = new Map<string, ArticleLink>();
  private readonly siteByHost = new Map<string, string>();

  constructor(pageUrl: string | null) {
    this.base = parseUrl(pageUrl ?? '', undefined);
    this.pageKey = this.base === null ? null : urlKey(this.base.href);
    this.pageSite = this.base === null ? null : this.siteOfHost(this.base.hostname);
  }

  /** The article an href may point to, or `null` for anything else (listings, other sites, the page itself). */
  resolve(href: string): ArticleLink | null {
    let link = this.byHref.get(href);
    if (link === undefined) {
      link = this.classify(href);
      this.byHref.set(href, link);
    }
    return link;
  }

  private classify(href: string): ArticleLink | null {
    const trimmed = href.trim();
    if (trimmed === '' || trimmed.startsWith('#') || hrefPromise(trimmed) === 'listing') return null;
    const url = parseSimpleUrl(trimmed, this.base) ?? parseUrl(trimmed, this.base ?? undefined);
    if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
    const kind = classifyUrl(url);
    if (kind === 'listing') return null;
    if (this.pageSite !== null && this.siteOfHost(url.hostname) !== this.pageSite) return null;
    const hash = url.href.indexOf('#');
    const absolute = hash === -1 ? url.href : url.href.slice(0, hash);
    const key = fastUrlKey(url) ?? urlKey(absolute);
    if (key === this.pageKey) return null;
    // One object (and one key string) per article: later comparisons are by identity.
    let link = this.byKey.get(key);
    if (link === undefined) {
      link = { url: absolute, key, needsHeadlineText: kind === 'maybe' };
      this.byKey.set(key, link);
    }
    return link;
  }

  private siteOfHost(hostname: string): string {
    let site = this.siteByHost.get(hostname);
    if (site === undefined) {
      site = siteOf(hostname);
      this.siteByHost.set(hostname, site);
    }
    return site;
  }
}

/** A path WHATWG URL parsing leaves as it is: safe ASCII, no escapes, no query. */
const SIMPLE_PATH = /^\/[\w\-.~!$&'()*+,;=:@/]*$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;
/** A plain DNS host name whose last label is not a number (those go through IPv4 parsing). */
const SIMPLE_HOST = /^(?:[a-z\d](?:[a-z\d-]*[a-z\d])?\.)*[a-z](?:[a-z\d-]*[a-z\d])?\.?$/i;

/**
 * Resolve the common href shapes — `/path`, `//host/path`, `http(s)://host/path`,
 * plain ASCII, no query — by string operations, with exactly the result `new URL`
 * would give; anything else returns `null` and goes through `new URL`.
 */
export function parseSimpleUrl(href: string, base: URL | null): UrlParts | null {
  const hash = href.indexOf('#');
  const rest = hash === -1 ? href : href.slice(0, hash);
  if (rest.includes('?')) return null;
  let protocol: string;
  let host: string;
  let path: string;
  if (rest.charCodeAt(0) === 0x2f) {
    if (base === null) return null;
    protocol = base.protocol;
    if (rest.charCodeAt(1) !== 0x2f) {
      if (!SIMPLE_PATH.test(rest) || DOT_SEGMENT.test(rest)) return null;
      return { href: `${protocol}//${base.host}${rest}`, protocol, hostname: base.hostname, port: base.port, pathname: rest, search: '' };
    }
    const slash = rest.indexOf('/', 2);
    host = slash === -1 ? rest.slice(2) : rest.slice(2, slash);
    path = slash === -1 ? '/' : rest.slice(slash);
  } else {
    const lower = rest.slice(0, 8).toLowerCase();
    const start = lower.startsWith('https://') ? 8 : lower.startsWith('http://') ? 7 : -1;
    if (start === -1) return null;
    protocol = start === 8 ? 'https:' : 'http:';
    const slash = rest.indexOf('/', start);
    host = slash === -1 ? rest.slice(start) : rest.slice(start, slash);
    path = slash === -1 ? '/' : rest.slice(slash);
  }
  // Punycode labels (`xn--`) are validated by URL parsing: leave them to it.
  if (!SIMPLE_HOST.test(host) || host.includes('xn--') || !SIMPLE_PATH.test(path) || DOT_SEGMENT.test(path)) return null;
  const hostname = host.toLowerCase();
  return { href: `${protocol}//${hostname}${path}`, protocol, hostname, port: '', pathname: path, search: '' };
}

function parseUrl(value: string, base: URL | undefined): URL | null {
  if (value === '' && base === undefined) return null;
  try {
    return new URL(value, base);
  } catch {
    return null;
  }
}

/**
 * `urlKey` without re-parsing for the common case — an ASCII path without escapes and
 * no query — where it is just `https://host[:port]/path` without trailing slashes.
 */
function fastUrlKey(url: UrlParts): string | null {
  if (url.search !== '' || url.pathname.includes('%')) return null;
  let end = url.pathname.length;
  while (end > 0 && url.pathname.charCodeAt(end - 1) === 0x2f) end--;
  const path = url.pathname.slice(0, end);
  const host = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname;
  return `https://${host}${url.port === '' ? '' : `:${url.port}`}${path === '' ? '/' : path}`;
}
