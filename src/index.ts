/**
 * The `news` library API. Importing it has no side effects: no I/O, no globals.
 */
import { detectLanguage as detect, type LanguageDetection } from './detect/language.js';
import { extractTeasers as teasersOf } from './extract/teasers.js';
import { parseDocument } from './parse/document.js';
import { analyzeArticle } from './pipeline/analyze.js';
import type { Article, Teaser } from './types.js';

export type { Article, ArticleFields, Item, Lang, LangSource, Provenance, Teaser } from './types.js';
export type { LanguageDetection, LanguageSource } from './detect/language.js';

export interface ExtractOptions {
  /** The page's URL: resolves relative links and selects site rules. */
  url?: string | null;
}

/**
 * Extract title, byline, summary, date, canonical URL, site name, image and language
 * from an article page's HTML. Absent values are `null`; `provenance` names the rule
 * that produced each value.
 */
export function extractArticle(html: string, options: ExtractOptions = {}): Article {
  return analyzeArticle(html, options.url ?? null);
}

/** Article teasers on a listing (home or section) page, in page order. */
export function extractTeasers(html: string, options: ExtractOptions = {}): Teaser[] {
  return teasersOf(parseDocument(html, options.url ?? null));
}

export interface DetectOptions {
  /** The language the page or feed declares (`vi`, `en-US`, …), used as a prior. */
  declared?: string | null;
  /** The page URL or host: known single-language editions (e.vnexpress.net …) are a prior. */
  site?: string | null;
}

/**
 * Tell Vietnamese from English: `{ lang: 'vi' | 'en' | null, confidence, source, declared }`.
 * Clear text evidence beats a page's (sometimes wrong) declaration; `null` rather than a guess.
 */
export function detectLanguage(text: string | null, options: DetectOptions = {}): LanguageDetection {
  return detect(text, { declared: options.declared ?? null, site: options.site ?? null });
}

export { siteLanguage } from './detect/site-priors.js';
