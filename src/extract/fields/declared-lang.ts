/**
 * Declared language: what the page says about itself (html lang, og:locale, JSON-LD
 * inLanguage, content-language). A prior for detection, not the truth: pages lie.
 */
import { jsonLdText } from '../jsonld.js';
import type { FieldSpec } from '../rules.js';
import { languageTag } from '../../normalize/lang.js';
import { metaRule } from './common.js';

export const declaredLangField: FieldSpec = {
  rules: [
    { name: 'html-lang', read: ({ doc }) => doc.htmlLang },
    metaRule('og:locale', 'og:locale'),
    { name: 'json-ld', read: ({ article }) => (article === null ? null : jsonLdText(article['inLanguage'])) },
    metaRule('meta', 'content-language', 'language', 'dc.language'),
  ],
  clean: (raw) => languageTag(raw),
};
