/**
 * Title: the visible headline of a known site first (meta titles are often SEO-padded),
 * then JSON-LD and OpenGraph, then a headline h1, then <title>. Site suffixes are
 * stripped only when they name the site.
 */
import { cleanTitle, segmentNamesSite } from '../clean/title.js';
import type { ExtractContext } from '../context.js';
import type { FieldSpec } from '../rules.js';
import { textOf } from '../../parse/dom-index.js';
import { jsonLdText } from '../jsonld.js';
import { elementText, selectValues } from '../select.js';
import { jsonLdRule, metaRule, siteRule } from './common.js';

export const titleField: FieldSpec = {
  rules: [
    siteRule('title'),
    { name: 'heading', read: (context) => headingExtendedByMeta(context) },
    jsonLdRule('headline', 'name'),
    metaRule('og:title', 'og:title'),
    metaRule('twitter:title', 'twitter:title'),
    metaRule('meta-title', 'title', 'dc.title', 'sailthru.title', 'parsely-title'),
    { name: 'h1', read: (context) => headlineCandidates(context) },
    { name: 'title-tag', read: ({ doc }) => doc.titleTag },
  ],
  clean: (raw, context) => {
    const title = cleanTitle(raw, (segment, trailing) => segmentNamesSite(segment, context.publisherKeys, trailing));
    return title !== null && title.length >= 3 && title.length <= 400 ? title : null;
  },
};

/** h1s inside the article first, then any h1 that is not the site logo. */
function headlineCandidates({ doc }: ExtractContext): string[] {
  const inArticle = selectValues(doc, 'article h1, main h1, [itemprop="headline"], .article h1');
  const all = doc.index
    .query('h1')
    .filter((element) => !/logo|brand|site-?name/i.test(`${element.attribs['class'] ?? ''} ${element.attribs['id'] ?? ''}`))
    .map((element) => textOf(element));
  return [...inArticle, ...all];
}

/**
 * A visible heading that a meta title merely extends ("Headline-seo keywords",
 * "Headline - Section | Site slogan"): the heading is the clean headline.
 */
function headingExtendedByMeta({ doc, article }: ExtractContext): string | null {
  const metaTitles = [
    article === null ? null : jsonLdText(article['headline']),
    ...(doc.meta.get('og:title') ?? []),
    ...(doc.meta.get('twitter:title') ?? []),
    doc.titleTag,
  ].filter((t): t is string => t !== null);
  if (metaTitles.length === 0) return null;
  for (const heading of doc.index.query('h1, h2, h3').slice(0, 300)) {
    const text = elementText(heading);
    if (text === null || text.length < 10 || text.split(' ').length < 3) continue;
    for (const title of metaTitles) {
      if (title.length > text.length && title.startsWith(text) && /^[\s\-–—|:,.]/u.test(title.slice(text.length))) return text;
    }
  }
  return null;
}
