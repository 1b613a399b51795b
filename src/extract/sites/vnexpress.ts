import type { SiteRule } from './types.js';

/** VnExpress: byline is the last right-aligned paragraph of `article.fck_detail`. */
export const vnexpress: SiteRule = {
  id: 'vnexpress',
  name: 'VnExpress',
  domains: ['vnexpress.net'],
  publisherNames: ['VnExpress', 'Báo VnExpress', 'VnExpress.net'],
  title: ['h1.title-detail', 'h1.title_news_detail'],
  summary: ['p.description', 'h2.description'],
  byline: ['article.fck_detail p.author_mail strong', 'article.fck_detail p.Normal[style*="right"] strong', 'article.fck_detail p.Normal[align="right"]'],
  publishedAt: ['span.date'],
  body: ['article.fck_detail', '.fck_detail'],
};

/** VnExpress International, the English edition: its own markup. */
export const vnexpressInternational: SiteRule = {
  id: 'e-vnexpress',
  name: 'VnExpress International',
  domains: ['e.vnexpress.net'],
  publisherNames: ['VnExpress International', 'VnExpress', 'VnExpress.net'],
  title: ['h1.title_post', 'h1.title-detail'],
  summary: ['span.lead_post_detail', '.lead_post_detail', 'p.description'],
  byline: ['.author', 'p.author strong'],
  publishedAt: ['.date', 'span.date'],
  body: ['.fck_detail'],
};
