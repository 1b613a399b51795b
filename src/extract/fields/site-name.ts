/**
 * Site name: og:site_name, JSON-LD publisher, application-name, then the site rule's name.
 */
import { cleanText } from '../../normalize/text.js';
import { jsonLdNames } from '../jsonld.js';
import type { FieldSpec } from '../rules.js';
import { metaRule } from './common.js';

export const siteNameField: FieldSpec = {
  rules: [
    metaRule('og:site_name', 'og:site_name'),
    { name: 'json-ld', read: ({ article }) => (article === null ? [] : jsonLdNames(article['publisher'])) },
    metaRule('application-name', 'application-name'),
    // CMS families (rules with `detect`) are not outlets: their name is no site name.
    { name: 'site', read: ({ site }) => (site !== null && site.detect === undefined ? site.name : null) },
  ],
  clean: (raw) => {
    const name = cleanText(raw);
    return name !== null && name.length <= 80 ? name : null;
  },
};
