/**
 * Digest sections: by language (Tiếng Việt, English, other), then by site. Items
 * arrive already grouped (the store's `grouped` order, or `compareForDigest` in
 * memory); the tracker tells a streaming renderer where a new section begins.
 */
import type { Item } from '../types.js';

export interface LanguageSection {
  /** Stable key for ids and order. */
  key: 'vi' | 'en' | 'other';
  heading: string;
  /** BCP 47 tag for the section's `lang`/`xml:lang` (`und`: undetermined). */
  tag: string;
  rank: number;
}

const SECTIONS: Record<LanguageSection['key'], LanguageSection> = {
  vi: { key: 'vi', heading: 'Tiếng Việt', tag: 'vi', rank: 0 },
  en: { key: 'en', heading: 'English', tag: 'en', rank: 1 },
  other: { key: 'other', heading: 'Other', tag: 'und', rank: 2 },
};

/** The language section an item belongs to. */
export function languageSection(item: Item): LanguageSection {
  return item.lang === null ? SECTIONS.other : SECTIONS[item.lang];
}

/** The name an item is grouped under: the site's own name, else the source domain. */
export function siteLabel(item: Item): string {
  return item.siteName ?? item.source;
}

/** When the item was published; first seen stands in when the page gave no date. */
export function publishedOrSeen(item: Item): string {
  return item.publishedAt ?? item.firstSeenAt;
}

/** Where a new section starts, as items stream past in grouped order. */
export interface SectionChange {
  /** The new language section, when this item starts one. */
  language: LanguageSection | null;
  /** The new site group, when this item starts one (always with a new language). */
  site: string | null;
}

/** Follows the grouped stream and reports the section boundaries. */
export class SectionTracker {
  private language: LanguageSection | null = null;
  private site: string | null = null;

  /** Is this item the first of a language section and/or a site group? */
  next(item: Item): SectionChange {
    const language = languageSection(item);
    const site = siteLabel(item);
    const newLanguage = language !== this.language;
    const newSite = newLanguage || site !== this.site;
    this.language = language;
    this.site = site;
    return { language: newLanguage ? language : null, site: newSite ? site : null };
  }

  /** True once any item went past (a section is open). */
  get started(): boolean {
    return this.language !== null;
  }
}

/**
 * The store's `grouped` order for items in memory: language, site (ASCII case folded
 * as SQLite's NOCASE, then exact), newest first (`publishedAt`, else first seen), id.
 */
export function compareForDigest(a: Item, b: Item): number {
  const siteA = siteLabel(a);
  const siteB = siteLabel(b);
  const dateA = publishedOrSeen(a);
  const dateB = publishedOrSeen(b);
  return (
    languageSection(a).rank - languageSection(b).rank ||
    compareText(asciiLower(siteA), asciiLower(siteB)) ||
    compareText(siteA, siteB) ||
    compareText(dateB, dateA) ||
    b.id - a.id
  );
}

function asciiLower(text: string): string {
  return text.replace(/[A-Z]/gu, (c) => c.toLowerCase());
}

/** Code-unit order, as SQLite compares text (not locale order). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
