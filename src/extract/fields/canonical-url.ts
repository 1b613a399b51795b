/**
 * Canonical URL: <link rel=canonical>, og:url, JSON-LD url; absolute http(s) only.
 */
import { resolveUrl } from '../../normalize/url.js';
import type { JsonLdObject } from '../jsonld.js';
import { jsonLdUrl } from '../jsonld.js';
import type { FieldSpec } from '../rules.js';
import { metaRule } from './common.js';

export const canonicalUrlField: FieldSpec = {
  rules: [
    { name: 'link-canonical', read: ({ doc }) => doc.links.get('canonical') ?? [] },
    metaRule('og:url', 'og:url'),
    { name: 'json-ld', read: ({ article }) => (article === null ? null : jsonLdUrl(mainEntity(article))) },
  ],
  clean: (raw, { doc }) => resolveUrl(raw, doc.url),
};

function mainEntity(article: JsonLdObject): unknown {
  return article['mainEntityOfPage'] ?? article['url'] ?? null;
}
