import type { SiteRule } from './types.js';

/**
 * Znews (formerly Zing News, news.zing.vn): `h1.the-article-title`,
 * `p.the-article-summary`, byline `.the-article-credit p.author`, wire or outlet
 * credit in `p.source`. The 2012 layout (`h1.pTitle`, `h2.pHead`, `p.pAuthor`) stays as a fallback.
 */
export const znews: SiteRule = {
  id: 'znews',
  name: 'Znews',
  domains: ['znews.vn', 'zingnews.vn', 'news.zing.vn'],
  publisherNames: ['Znews', 'ZNEWS.VN', 'Zing News', 'ZINGNEWS.VN', 'Zingnews', 'Tri thức - Znews', 'Tri thức và Cuộc sống'],
  title: ['h1.the-article-title', '.the-article-header h1', 'h1.pTitle'],
  summary: ['p.the-article-summary', '.the-article-summary', 'h2.pHead'],
  byline: ['.the-article-credit p.author', '.the-article-author', 'p.author', 'p.pAuthor'],
  publishedAt: ['.the-article-publish', '.the-article-meta .the-article-publish', '.subheader .timestamp'],
  body: ['.the-article-body', 'div.the-article-body', '#content_document'],
  teasers: ['article.article-item p.article-title a', '.article-item .article-title a', 'article.article-item h3 a'],
  lang: 'vi',
};
