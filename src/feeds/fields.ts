/**
 * From feedsmith's per-format shapes to one draft shape: plain-text titles and
 * summaries, absolute links (xml:base, then the channel link or the feed URL), author
 * names and wire credits, and the raw date. Ids and dates are settled afterwards in parse.ts.
 */
import type { AnyFeed, AtomFeed, JsonFeed, RdfFeed, RssFeed } from 'feedsmith';
import { cleanText } from '../normalize/text.js';
import { resolveUrl } from '../normalize/url.js';
import { bylineOf, firstByline, htmlToText, summaryText } from './text.js';
import type { ReadFeed } from './read.js';

/** One item before its id and date are settled. */
export interface ItemDraft {
  /** The feed's own identifier (GUID, Atom id, rdf:about, JSON id), trimmed, or `null`. */
  ownId: string | null;
  url: string | null;
  title: string | null;
  summary: string | null;
  /** Author names, cleaned like an article byline. */
  byline: string | null;
  /** Wire or outlet credits found in the author fields ("Theo TTXVN" → `TTXVN`). */
  attribution: string | null;
  /** The date as written, or `null`. */
  rawDate: string | null;
}

/** The feed's fields and item drafts. */
export interface FeedDraft {
  title: string | null;
  siteUrl: string | null;
  language: string | null;
  items: ItemDraft[];
}

/** Map what feedsmith read to a draft; `feedUrl` is where the feed was fetched from. */
export function draftFeed(read: ReadFeed, feedUrl: string): FeedDraft {
  const parsed: AnyFeed = read.feed;
  switch (parsed.format) {
    case 'rss':
      return draftRss(parsed.feed, read.channel, feedUrl);
    case 'atom':
      return draftAtom(parsed.feed, feedUrl);
    case 'rdf':
      return draftRdf(parsed.feed, read.channel, feedUrl);
    case 'json':
      return draftJson(parsed.feed, feedUrl);
  }
}

/**
 * Where an RSS/RDF channel's links resolve: its xml:base when declared, else the
 * channel `<link>` (the site), else the feed URL.
 */
function channelBases(declaredBase: string | null, link: string | null, feedUrl: string): { siteUrl: string | null; itemBase: string } {
  const base = baseOf(declaredBase, feedUrl);
  const siteUrl = resolveUrl(link, base);
  return { siteUrl, itemBase: declaredBase !== null ? base : (siteUrl ?? feedUrl) };
}

/**
 * RSS 2.0. Links resolve against the item's xml:base, else the channel's (or the
 * root's) xml:base, else the channel `<link>` (the site), else the feed URL.
 */
function draftRss(feed: RssFeed.Feed<string>, channel: ReadFeed['channel'], feedUrl: string): FeedDraft {
  const { siteUrl, itemBase } = channelBases(channel.base ?? feed.xml?.base ?? null, feed.link ?? null, feedUrl);
  return {
    title: htmlToText(feed.title),
    siteUrl,
    language: firstText(feed.language, feed.dc?.languages?.[0], channel.lang, feed.xml?.lang),
    items: (feed.items ?? []).map((item) => {
      const itemUrlBase = baseOf(item.xml?.base, itemBase);
      const link =
        resolveUrl(nonEmpty(item.link), itemUrlBase) ??
        alternateLink(item.atom?.links, itemUrlBase) ??
        permalinkGuid(item.guid);
      return {
        ownId: nonEmpty(item.guid?.value),
        url: link,
        title: htmlToText(item.title ?? item.dc?.titles?.[0]),
        summary: summaryText(item.description ?? item.content?.encoded ?? item.dc?.descriptions?.[0]),
        ...firstByline(item.dc?.creators ?? [], (item.authors ?? []).map((author) => author.name)),
        rawDate: nonEmpty(item.pubDate) ?? nonEmpty(item.dc?.dates?.[0]),
      };
    }),
  };
}

/** Atom. Links resolve against the entry's xml:base, else the feed's, else the feed URL (RFC 4287). */
function draftAtom(feed: AtomFeed.Feed<string>, feedUrl: string): FeedDraft {
  const base = baseOf(feed.xml?.base, feedUrl);
  return {
    title: htmlToText(feed.title?.value),
    siteUrl: alternateLink(feed.links, base),
    language: firstText(feed.xml?.lang, feed.dc?.languages?.[0]),
    items: (feed.entries ?? []).map((entry) => {
      const entryBase = baseOf(entry.xml?.base, base);
      return {
        ownId: nonEmpty(entry.id),
        url: alternateLink(entry.links, entryBase),
        title: htmlToText(entry.title?.value),
        summary: summaryText(entry.summary?.value ?? entry.content?.value),
        ...firstByline((entry.authors ?? []).map((author) => author.name), entry.dc?.creators ?? []),
        rawDate: nonEmpty(entry.published) ?? nonEmpty(entry.dc?.dates?.[0]) ?? nonEmpty(entry.updated),
      };
    }),
  };
}

/** RSS 1.0 (RDF). Links resolve like RSS 2.0: xml:base, else the channel link, else the feed URL. */
function draftRdf(feed: RdfFeed.Feed<string>, channel: ReadFeed['channel'], feedUrl: string): FeedDraft {
  const { siteUrl, itemBase } = channelBases(channel.base ?? feed.xml?.base ?? null, feed.link ?? null, feedUrl);
  return {
    title: htmlToText(feed.title),
    siteUrl,
    language: firstText(feed.dc?.languages?.[0], channel.lang, feed.xml?.lang),
    items: (feed.items ?? []).map((item) => {
      const itemUrlBase = baseOf(item.xml?.base, itemBase);
      return {
        ownId: nonEmpty(item.rdf?.about),
        url: resolveUrl(nonEmpty(item.link) ?? nonEmpty(item.rdf?.about), itemUrlBase),
        title: htmlToText(item.title ?? item.dc?.titles?.[0]),
        summary: summaryText(item.description ?? item.content?.encoded ?? item.dc?.descriptions?.[0]),
        ...bylineOf(item.dc?.creators ?? []),
        rawDate: nonEmpty(item.dc?.dates?.[0]),
      };
    }),
  };
}

/** JSON Feed. Relative URLs resolve against the feed URL. */
function draftJson(feed: JsonFeed.Feed<string>, feedUrl: string): FeedDraft {
  return {
    title: htmlToText(feed.title),
    siteUrl: resolveUrl(nonEmpty(feed.home_page_url), feedUrl),
    language: firstText(feed.language),
    items: (feed.items ?? []).map((item) => ({
      ownId: nonEmpty(item.id),
      url: resolveUrl(nonEmpty(item.url) ?? nonEmpty(item.external_url), feedUrl),
      title: htmlToText(item.title),
      summary: summaryText(item.summary ?? item.content_text ?? item.content_html),
      ...bylineOf((item.authors ?? []).map((author) => author.name)),
      rawDate: nonEmpty(item.date_published) ?? nonEmpty(item.date_modified),
    })),
  };
}

/** An xml:base resolved against its parent base; the parent when there is none (or it is not http). */
function baseOf(declared: string | null | undefined, parent: string): string {
  return resolveUrl(nonEmpty(declared), parent) ?? parent;
}

/**
 * The page link among Atom links: `rel="alternate"` (or no rel) preferring an HTML
 * type, resolved; never `self`, `enclosure`, `replies` or `edit`.
 */
function alternateLink(links: ReadonlyArray<AtomFeed.Link<string>> | undefined, base: string): string | null {
  const alternates = (links ?? []).filter((link) => (link.rel ?? 'alternate').toLowerCase() === 'alternate');
  const html = alternates.find((link) => link.type === undefined || /html/iu.test(link.type));
  return resolveUrl(nonEmpty((html ?? alternates[0])?.href), base);
}

/** An RSS GUID used as the link: only an absolute http(s) URL not marked `isPermaLink="false"`. */
function permalinkGuid(guid: RssFeed.Guid | undefined): string | null {
  if (guid === undefined || guid.isPermaLink === false) return null;
  const value = nonEmpty(guid.value);
  return value !== null && /^https?:\/\//iu.test(value) ? resolveUrl(value, null) : null;
}

/** The first value that is a non-empty string after cleaning. */
function firstText(...values: Array<string | null | undefined>): string | null {
  for (const value of values) {
    const text = cleanText(value);
    if (text !== null) return text;
  }
  return null;
}

/** Trimmed string, or `null` when empty or absent. */
function nonEmpty(value: string | number | null | undefined): string | null {
  if (value == null) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}
