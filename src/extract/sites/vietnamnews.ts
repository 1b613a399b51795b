import type { SiteRule } from './types.js';

/**
 * Việt Nam News, the English daily of the Vietnam News Agency: `h1.headline`,
 * `div.sapo`, "by A and B" in `.detail__author`; often no OpenGraph, the truth is in
 * a JSON-LD `@graph`. Stories end "— VNS" (the outlet, not a byline).
 */
export const vietnamnews: SiteRule = {
  id: 'vietnamnews',
  name: 'Việt Nam News',
  domains: ['vietnamnews.vn'],
  publisherNames: ['Việt Nam News', 'Vietnam News', 'Viet Nam News', 'VNS', 'vietnamnews.vn'],
  title: ['h1.headline', '.detail__header h1', 'h1.article-title'],
  summary: ['.detail__header .sapo', 'div.sapo', '.lead'],
  byline: ['.detail__author', '.detail__header .author', 'p.author'],
  publishedAt: ['.detail__header .datetime', 'div.datetime', '.detail__time'],
  body: ['#abody', '.detail__content', '.article-body'],
  teasers: ['article.story .story__title a', '.story h2 a', '.list-news h3 a'],
  lang: 'en',
};
