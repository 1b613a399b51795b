/**
 * The golden test: every bundled fixture page, decoded as served and extracted,
 * gives exactly the values a person reviewed in its expected.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/fetch/decode.js';
import { extractArticle, extractTeasers } from '../../src/index.js';

const PAGES = new URL('../../fixtures/pages/', import.meta.url);
const FIELDS = ['title', 'byline', 'attribution', 'summary', 'publishedAt', 'canonicalUrl', 'siteName', 'imageUrl', 'declaredLang', 'lang'] as const;

interface Expected {
  kind: 'article' | 'listing';
  teasers?: unknown[];
  [field: string]: unknown;
}

const slugs = readdirSync(PAGES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function load(slug: string): { html: string; url: string; expected: Expected } {
  const response = JSON.parse(readFileSync(new URL(`${slug}/response.json`, PAGES), 'utf8')) as { url: string; headers: Record<string, string> };
  const bytes = readFileSync(new URL(`${slug}/body.html`, PAGES));
  const contentType = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? null;
  const expected = JSON.parse(readFileSync(new URL(`${slug}/expected.json`, PAGES), 'utf8')) as Expected;
  return { html: decodeBody(bytes, contentType).text, url: response.url, expected };
}

describe('golden fixtures', () => {
  it('has at least ten pages', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(slugs)('%s', (slug) => {
    const { html, url, expected } = load(slug);
    const article = extractArticle(html, { url });

    it.each(FIELDS)('%s', (field) => {
      expect(article[field]).toEqual(expected[field]);
    });

    if (expected.kind === 'listing') {
      it('teasers', () => {
        expect(extractTeasers(html, { url })).toEqual(expected.teasers);
      });
    }
  });
});
