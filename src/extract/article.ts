/**
 * Article extraction: run every field's rule list over one parsed page.
 */
import type { ParsedDocument } from '../parse/document.js';
import type { ArticleField, ArticleFields, Provenance } from '../types.js';
import { cleanText } from '../normalize/text.js';
import { textOf } from '../parse/dom-index.js';
import { findBody } from './body.js';
import { createContext } from './context.js';
import { attributionField, bylineField } from './fields/byline.js';
import { canonicalUrlField } from './fields/canonical-url.js';
import { declaredLangField } from './fields/declared-lang.js';
import { imageUrlField } from './fields/image-url.js';
import { publishedAtField } from './fields/published-at.js';
import { siteNameField } from './fields/site-name.js';
import { summaryField } from './fields/summary.js';
import { titleField } from './fields/title.js';
import { runField, type FieldSpec } from './rules.js';

const FIELDS: Record<ArticleField, FieldSpec> = {
  title: titleField,
  byline: bylineField,
  attribution: attributionField,
  summary: summaryField,
  publishedAt: publishedAtField,
  canonicalUrl: canonicalUrlField,
  siteName: siteNameField,
  imageUrl: imageUrlField,
  declaredLang: declaredLangField,
};

export interface ExtractedFields {
  fields: ArticleFields;
  provenance: Provenance;
  /** Id of the site rule used, or `null` (generic rules only). */
  siteRule: string | null;
  /** The start of the article body's text (for language detection), or `null`; read on demand. */
  bodySample: () => string | null;
}

/** Enough body text to settle a short or name-heavy headline's language. */
const BODY_SAMPLE_CHARS = 600;

/** Extract every article field from a parsed page; absent values are `null`. */
export function extractFields(doc: ParsedDocument): ExtractedFields {
  const context = createContext(doc);
  const fields = {} as Record<ArticleField, string | null>;
  const provenance = {} as Record<ArticleField, string | null>;
  for (const [field, spec] of Object.entries(FIELDS) as [ArticleField, FieldSpec][]) {
    const result = runField(spec, context);
    context.results.set(field, result);
    fields[field] = result.value;
    provenance[field] = result.rule === 'site' && context.site !== null ? `site:${context.site.id}` : result.rule;
  }
  const bodySample = (): string | null => {
    const body = findBody(context);
    return body === null ? null : (cleanText(textOf(body, BODY_SAMPLE_CHARS * 2))?.slice(0, BODY_SAMPLE_CHARS) ?? null);
  };
  return { fields, provenance, siteRule: context.site?.id ?? null, bodySample };
}
