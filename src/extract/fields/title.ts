/**
 * Title: the visible headline of a known site first (meta titles are often SEO-padded),
 * then JSON-LD and OpenGraph, then a headline h1, then <title>. Site suffixes are
 * stripped only when they name the site.
 */
import { cleanTitle, segmentNamesSite } from '../clean/title.js';
import type { ExtractContext } from '../context.js';
import type { FieldSpec } from '../rules.js';
import { selectValues } from '../select.js';
import { jsonLdRule, metaRule, siteRule } from './common.js';

export const titleField: FieldSpec = {
  rules: [
    siteRule('title'),
    jsonLdRule('headline', 'name'),
    metaRule('og:title', 'og:title'),
    metaRule('twitter:title', 'twitter:title'),
    metaRule('meta-title', 'title', 'dc.title', 'sailthru.title', 'parsely-title'),
    { name: 'h1', read: (context) => headlineCandidates(context) },
    { name: 'title-tag', read: ({ doc }) => doc.titleTag },
  ],
  clean: (raw, context) => {
    const title = cleanTitle(raw, (segment) => segmentNamesSite(segment, context.publisherKeys));
    return title !== null && title.length >= 3 && title.length <= 400 ? title : null;
  },
};

/** h1s inside the article first, then any h1 that is not the site logo. */
function headlineCandidates({ doc }: ExtractContext): string[] {
  const inArticle = selectValues(doc.$, 'article h1, main h1, [itemprop="headline"], .article h1');
  const all = doc.$('h1')
    .filter((_, element) => !/logo|brand|site-?name/i.test(`${element.attribs['class'] ?? ''} ${element.attribs['id'] ?? ''}`))
    .map((_, element) => doc.$(element).text())
    .get();
  return [...inArticle, ...all];
}
