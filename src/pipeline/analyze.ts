/**
 * The pure part of the pipeline: HTML text → parse (once) → extract → detect language,
 * and whether the page is an article or a listing (home/section) page.
 */
import { detectLanguage } from '../detect/language.js';
import { extractFields } from '../extract/article.js';
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
export function analyzePage(html: string, url: string | null, options: { teasers: boolean }): PageAnalysis {
  const doc = parseDocument(html, url);
  const { fields, provenance, bodySample } = extractFields(doc);
  const article = withLanguage(url, fields, provenance, bodySample);
  const teasers = options.teasers ? extractTeasers(doc) : [];
  const kind = teasers.length >= MIN_LISTING_TEASERS && !hasArticleSignal(doc) ? 'listing' : 'article';
  return { kind, article, teasers };
}

/** An article built only from what a listing page's teaser shows. */
export function teaserArticle(teaser: Teaser, declaredLang: string | null): Article {
  const fields: ArticleFields = {
    title: teaser.title,
    byline: teaser.byline,
    attribution: null,
    summary: teaser.summary,
    publishedAt: null,
    canonicalUrl: null,
    siteName: null,
    imageUrl: null,
    declaredLang,
  };
  const provenance: Provenance = {
    title: 'teaser', byline: teaser.byline === null ? null : 'teaser', attribution: null,
    summary: teaser.summary === null ? null : 'teaser', publishedAt: null, canonicalUrl: null, siteName: null,
    imageUrl: null, declaredLang: declaredLang === null ? null : 'listing-page',
  };
  return withLanguage(teaser.url, fields, provenance, null);
}

/** Below this confidence on title + summary, a body sample is read too. */
const SURE = 0.7;

/**
 * Detect on title + summary with the page's and the site's priors; a short or
 * name-heavy headline that leaves the answer unsure gets a bounded body sample added
 * (detection costs grow with the text, so the sample is only read when needed).
 */
function withLanguage(url: string | null, fields: ArticleFields, provenance: Provenance, bodySample: string | null): Article {
  const options = { declared: fields.declaredLang, site: url };
  const headline = [fields.title, fields.summary].filter((part) => part !== null).join('. ');
  let detected = detectLanguage(headline, options);
  if (bodySample !== null && (detected.lang === null || detected.confidence < SURE)) {
    detected = detectLanguage(`${headline}. ${bodySample}`, options);
  }
  return { url, ...fields, lang: detected.lang, langSource: detected.source, provenance };
}

/** og:type article, a JSON-LD Article, or a publication time: the page is one article. */
function hasArticleSignal(doc: ParsedDocument): boolean {
  const ogType = doc.meta.get('og:type')?.[0]?.toLowerCase() ?? null;
  if (ogType !== null && ogType.startsWith('article')) return true;
  if (doc.meta.has('article:published_time')) return true;
  return doc.jsonLd.some((object) => {
    const type = object['@type'];
    const types = Array.isArray(type) ? type : [type];
    return types.some((t) => typeof t === 'string' && /Article|BlogPosting/.test(t));
  });
}
