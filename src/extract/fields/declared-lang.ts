/**
 * Declared language: what the page says about itself (html lang, og:locale, JSON-LD
 * inLanguage, content-language). A prior for detection, not the truth: pages lie.
 */
import { jsonLdText } from '../jsonld.js';
import type { FieldSpec } from '../rules.js';
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

/** `vi-VN`, `vi_VN`, `vie` → `vi`; `en-us`, `eng` → `en`; other tags keep their primary subtag. */
export function languageTag(raw: string): string | null {
  const primary = raw.trim().toLowerCase().split(/[-_\s,;]/)[0] ?? '';
  if (primary === 'vie') return 'vi';
  if (primary === 'eng') return 'en';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}
