/**
 * The pure part of the pipeline: HTML text → parse (once) → extract → detect language,
 * and whether the page is an article or a listing (home/section) page.
 */
import { detectLanguage } from '../detect/language.js';
import { extractFields } from '../extract/article.js';
import { articleObject } from '../extract/jsonld.js';
import { extractTeasers } from '../extract/teasers.js';
import { parseDocument, type ParsedDocument } from '../parse/document.js';
import type { Article, ArticleFields, Provenance, Teaser } from '../types.js';

export type PageKind = 'article' | 'listing';

export interface PageAnalysis {
  kind: PageKind;
  article: Article;
  teasers: Teaser[];
}

/** A listing page shows at least this many teasers and carries no article signal. */
const MIN_LISTING_TEASERS = 3;

/** Extract the article fields of a page and detect its language from title + summary. */
export function analyzeArticle(html: string, url: string | null): Article {
  return analyzePage(html, url, { teasers: false }).article;
}

/** Article fields and (optionally) listing teasers from one parse of the page. */
export function analyzePage(
  html: string,
  url: string | null,
  options: { teasers: boolean; declaredLang?: string | null },
): PageAnalysis {
  const doc = parseDocument(html, url);
  const { fields, provenance, bodySample } = extractFields(doc);
  // A source's language (sources add --lang) stands in when the page declares none.
  if (fields.declaredLang === null && options.declaredLang) {
    fields.declaredLang = options.declaredLang;
    provenance.declaredLang = 'source';
  }
  const article = withLanguage(url, fields, provenance, bodySample);
  const teasers = options.teasers ? extractTeasers(doc) : [];
  const kind = teasers.length >= MIN_LISTING_TEASERS && !hasArticleSignal(doc) ? 'listing' : 'article';
  return { kind, article, teasers };
}

/** What a listing page's teaser or a feed entry shows about a linked article. */
export interface Hint {
  url: string;
  title: string | null;
  summary: string | null;
  byline: string | null;
  /** A feed entry's wire or outlet credit ("Theo TTXVN" → `TTXVN`); teasers carry none. */
  attribution: string | null;
  publishedAt: string | null;
  /** The listing page's or feed's declared language. */
  declaredLang: string | null;
}

/** An article built only from what a teaser or feed entry shows. */
export function hintArticle(hint: Hint): Article {
  const fields: ArticleFields = {
    title: hint.title,
    byline: hint.byline,
    attribution: hint.attribution,
    summary: hint.summary,
    publishedAt: hint.publishedAt,
    canonicalUrl: null,
    siteName: null,
    imageUrl: null,
    declaredLang: hint.declaredLang,
  };
  const from = (value: string | null): string | null => (value === null ? null : 'teaser');
  const provenance: Provenance = {
    title: from(hint.title), byline: from(hint.byline), attribution: from(hint.attribution), summary: from(hint.summary),
    publishedAt: from(hint.publishedAt), canonicalUrl: null, siteName: null, imageUrl: null, declaredLang: from(hint.declaredLang),
  };
  return withLanguage(hint.url, fields, provenance, () => null);
}

/** Below this confidence on title + summary, a body sample is read too. */
const SURE = 0.7;

/**
 * Detect on title + summary with the page's and the site's priors; a short or
 * name-heavy headline that leaves the answer unsure gets a bounded body sample added
 * (detection costs grow with the text, so the sample is only read when needed).
 */
function withLanguage(url: string | null, fields: ArticleFields, provenance: Provenance, bodySample: () => string | null): Article {
  const options = { declared: fields.declaredLang, site: url };
  const headline = [fields.title, fields.summary].filter((part) => part !== null).join('. ');
  let detected = detectLanguage(headline, options);
  if (detected.lang === null || detected.confidence < SURE) {
    const sample = bodySample();
    if (sample !== null) detected = detectLanguage(`${headline}. ${sample}`, options);
  }
  return { url, ...fields, lang: detected.lang, langSource: detected.source, provenance };
}

/** og:type article, a JSON-LD Article, or a publication time: the page is one article. */
function hasArticleSignal(doc: ParsedDocument): boolean {
  const ogType = doc.meta.get('og:type')?.[0]?.toLowerCase() ?? null;
  if (ogType !== null && ogType.startsWith('article')) return true;
  if (doc.meta.has('article:published_time')) return true;
  return articleObject(doc.jsonLd) !== null;
}
