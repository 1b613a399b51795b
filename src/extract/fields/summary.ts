/**
 * Summary: the visible sapo of a known site first (meta descriptions are often
 * truncated or carry related links), then JSON-LD, OpenGraph and meta, then generic
 * standfirst elements.
 */
import { cleanSummary } from '../clean/summary.js';
import type { FieldSpec } from '../rules.js';
import { jsonLdRule, metaRule, selectorRule, siteRule } from './common.js';

const GENERIC_SAPO = [
  '[data-role="sapo"]', '.sapo', '.article-sapo', '.detail-sapo', '.article__sapo', '.standfirst', '.article-summary',
  '.summary', '.lead', '.dek', '.article-lead', 'p.description', 'h2.description', '[itemprop="description"]',
];

export const summaryField: FieldSpec = {
  rules: [
    siteRule('summary'),
    jsonLdRule('description'),
    metaRule('og:description', 'og:description'),
    metaRule('meta-description', 'description', 'twitter:description', 'dc.description'),
    selectorRule('sapo', GENERIC_SAPO),
  ],
  clean: (raw) => {
    const summary = cleanSummary(raw);
    return summary !== null && summary.length >= 15 ? summary : null;
  },
};
