/**
 * Turn an extracted article into what the store saves: fields plus dedup keys.
 */

import type { Article, ItemInput } from '../types.js';
import { vietnamWallClock } from './dates.js';
import { cleanText, foldText } from './text.js';
import { canonicalKeyFor, siteOf, urlKey } from './url.js';

const PUNCTUATION_OR_SYMBOL = /[\p{P}\p{S}]+/gu;

/** Title reduced to what survives re-publication: folded, no punctuation, single spaces. */
function titleForKey(title: string): string {
  return foldText(title).replace(PUNCTUATION_OR_SYMBOL, ' ').replace(/\s+/gu, ' ').trim();
}

/** `YYYY-MM-DD` of an ISO date in Vietnam time, or `'undated'` when absent or invalid. */
function vietnamDay(date: string | null): string {
  const local = date === null ? null : vietnamWallClock(date);
  return local === null ? 'undated' : local.slice(0, 10);
}

/**
 * The content dedup key `day|site|folded title`: catches the same story reached
 * through different URLs (mobile/AMP/section paths) on one site. The title is folded
 * (lower case, no diacritics, `đ`→`d`), punctuation and symbols become spaces and
 * whitespace is collapsed; the day is the calendar day of `date` in Vietnam time
 * (UTC+7), or `undated`. The day comes first so that a day's new keys sit together
 * in the store's index (a save writes few index pages). `null` when there is no
 * usable title.
 */
export function contentKey(site: string, title: string | null, date: string | null): string | null {
  const cleaned = cleanText(title);
  if (cleaned === null) return null;
  const folded = titleForKey(cleaned);
  if (folded === '') return null;
  return `${vietnamDay(date)}|${site.toLowerCase()}|${folded}`;
}

/**
 * The store input for one extracted article fetched at `fetchedAt` (ISO UTC): the
 * article fields (provenance dropped) plus the URL, canonical and content keys and
 * the source (registrable domain of the URL). The content key uses the published
 * date, or the fetch time when the page has none.
 */
export function toItemInput(article: Article & { url: string }, fetchedAt: string): ItemInput {
  const source = siteOf(article.url);
  return {
    url: article.url,
    urlKey: urlKey(article.url),
    canonicalKey: canonicalKeyFor(article.url, article.canonicalUrl),
    contentKey: contentKey(source, article.title, article.publishedAt ?? fetchedAt),
    title: article.title,
    byline: article.byline,
    attribution: article.attribution,
    summary: article.summary,
    publishedAt: article.publishedAt,
    canonicalUrl: article.canonicalUrl,
    siteName: article.siteName,
    imageUrl: article.imageUrl,
    declaredLang: article.declaredLang,
    lang: article.lang,
    langSource: article.langSource,
    source,
    fetchedAt,
  };
}
