/**
 * What the feed stage gives the rest of the pipeline: a feed's own fields and its
 * items, already normalised (absolute URLs, plain-text titles and summaries, ISO dates).
 */

/** The four feed formats we read. */
export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

/** One entry of a feed, normalised. */
export interface FeedItem {
  /** GUID / Atom id / rdf:about / JSON id, else the absolute link, else `hash:<sha1>`; unique within the feed. */
  id: string;
  /** Absolute http(s) link to the article, or `null`. */
  url: string | null;
  /** Plain text: tags stripped, entities decoded, NFC, whitespace collapsed. */
  title: string | null;
  /** Plain text like `title`, capped near 600 characters (ends with `…` when cut). */
  summary: string | null;
  /** Author names joined with ", " (cleaned like an article byline: no roles, no credit words); never an e-mail address. */
  byline: string | null;
  /** Wire or outlet credits from the author fields ("Theo TTXVN" → `TTXVN`, "Jane Doe (Reuters)" → `Reuters`), or `null`. */
  attribution: string | null;
  /** ISO 8601 in UTC (`2024-08-12T03:30:00.000Z`). */
  publishedAt: string | null;
}

/** A parsed feed. */
export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  /** The site the feed belongs to (RSS channel link, Atom alternate link, JSON home_page_url), absolute. */
  siteUrl: string | null;
  /** The language tag the feed declares, raw (`vi-VN`, `en`): a prior for language detection. */
  language: string | null;
  items: FeedItem[];
  /** What could not be read (truncation, skipped items, unreadable dates), one line each. */
  problems: string[];
}
