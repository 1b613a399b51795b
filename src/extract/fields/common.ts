/**
 * Small readers shared by field rules.
 */
import type { ExtractContext } from '../context.js';
import { jsonLdText } from '../jsonld.js';
import { eachValue, selectValues } from '../select.js';
import type { Rule } from '../rules.js';

/** A rule reading the site rule's selectors for one field (all matches, in order, read lazily). */
export function siteRule(field: 'title' | 'summary' | 'publishedAt'): Rule {
  return {
    name: 'site',
    read: ({ site, doc }) => (site === null ? null : eachSelected(doc, site[field])),
  };
}

/**
 * Site byline selectors: every match of one selector is one author, so the matches
 * are joined ("Hữu Nghĩa, Thanh Tâm") into a single candidate per selector.
 */
export function siteBylineRule(): Rule {
  return {
    name: 'site',
    read: function* ({ site, doc }) {
      for (const selector of site?.byline ?? []) {
        const values = [...new Set(selectValues(doc, selector))];
        yield values.length === 0 ? null : values.join(', ');
      }
    },
  };
}

/** A rule reading the meta values of the keys, in key order (each key read only when reached). */
export function metaRule(name: string, ...keys: string[]): Rule {
  if (keys.length === 1) return { name, read: ({ doc }) => doc.meta.get(keys[0]!) ?? null };
  return {
    name,
    read: function* ({ doc }) {
      for (const key of keys) {
        const values = doc.meta.get(key);
        if (values !== undefined) yield* values;
      }
    },
  };
}

/** A rule reading properties of the page's JSON-LD Article object, in order. */
export function jsonLdRule(...properties: string[]): Rule {
  return {
    name: 'json-ld',
    read: function* ({ article }) {
      if (article === null) return;
      for (const property of properties) yield jsonLdText(article[property]);
    },
  };
}

/** A rule reading generic CSS selectors (text or `@attr`), lazily. */
export function selectorRule(name: string, selectors: readonly string[]): Rule {
  return { name, read: ({ doc }: ExtractContext) => eachSelected(doc, selectors) };
}

/** The values of every selector's matches, selector by selector, each match read when reached. */
function* eachSelected(doc: ExtractContext['doc'], selectors: readonly string[] | undefined): Generator<string> {
  if (selectors === undefined) return;
  for (const selector of selectors) yield* eachValue(doc, selector);
}
