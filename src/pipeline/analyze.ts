/**
 * The pure part of the pipeline: HTML text → parse (once) → extract → detect language.
 */
import { detectLanguage } from '../detect/language.js';
import { extractFields } from '../extract/article.js';
import { extractTeasers } from '../extract/teasers.js';
import { parseDocument } from '../parse/document.js';
import type { Article, Teaser } from '../types.js';

export interface PageAnalysis {
  article: Article;
  teasers: Teaser[];
}

/** Extract the article fields of a page and detect its language from title + summary. */
export function analyzeArticle(html: string, url: string | null): Article {
  return analyzePage(html, url, { teasers: false }).article;
}

/** Article fields and (optionally) listing teasers from one parse of the page. */
export function analyzePage(html: string, url: string | null, options: { teasers: boolean }): PageAnalysis {
  const doc = parseDocument(html, url);
  const { fields, provenance } = extractFields(doc);
  const text = [fields.title, fields.summary].filter((part) => part !== null).join('. ');
  const detected = detectLanguage(text, { declared: fields.declaredLang });
  return {
    article: { url, ...fields, lang: detected.lang, provenance },
    teasers: options.teasers ? extractTeasers(doc) : [],
  };
}
