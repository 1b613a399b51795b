/**
 * Small readers shared by field rules.
 */
import type { ExtractContext } from '../context.js';
import { jsonLdText } from '../jsonld.js';
import { selectValues } from '../select.js';
import type { Rule } from '../rules.js';

/** A rule reading the site rule's selectors for one field (all matches, in order). */
export function siteRule(field: 'title' | 'summary' | 'publishedAt'): Rule {
  return {
    name: 'site',
    read: ({ site, doc }) => (site?.[field] ?? []).flatMap((selector) => selectValues(doc, selector)),
  };
}

/**
 * Site byline selectors: every match of one selector is one author, so the matches
 * are joined ("Hữu Nghĩa, Thanh Tâm") into a single candidate per selector.
 */
export function siteBylineRule(): Rule {
  return {
    name: 'site',
    read: ({ site, doc }) =>
      (site?.byline ?? []).map((selector) => {
        const values = [...new Set(selectValues(doc, selector))];
        return values.length === 0 ? null : values.join(', ');
      }),
  };
}

/** A rule reading the first non-empty meta value among the keys. */
export function metaRule(name: string, ...keys: string[]): Rule {
  return { name, read: ({ doc }) => keys.flatMap((key) => doc.meta.get(key) ?? []) };
}

/** A rule reading a property of the page's JSON-LD Article object. */
export function jsonLdRule(...properties: string[]): Rule {
  return {
    name: 'json-ld',
    read: ({ article }) => properties.map((property) => (article === null ? null : jsonLdText(article[property]))),
  };
}

/** A rule reading generic CSS selectors (text or `@attr`). */
export function selectorRule(name: string, selectors: readonly string[]): Rule {
  return { name, read: ({ doc }: ExtractContext) => selectors.flatMap((selector) => selectValues(doc, selector)) };
}
