import type { SiteRule } from './types.js';

/**
 * VnExpress: byline is the last right-aligned paragraph of `article.fck_detail`.
 * The 2012 layout (`h1.Title`, `h2.Lead` sapo, `span.spanTime` date, right-aligned `p.Normal`
 * byline outside any `article`) stays as a fallback.
 */
export const vnexpress: SiteRule = {
  id: 'vnexpress',
  name: 'VnExpress',
  domains: ['vnexpress.net'],
  publisherNames: ['VnExpress', 'Báo VnExpress', 'VnExpress.net'],
  title: ['h1.title-detail', 'h1.title_news_detail', 'h1.Title'],
  summary: ['p.description', 'h2.description', 'h2.Lead'],
  byline: [
    'article.fck_detail p.author_mail strong',
    'article.fck_detail p.Normal[style*="right"] strong',
    'article.fck_detail p.Normal[align="right"]',
    'p.Normal[align="right"] strong',
  ],
  publishedAt: ['span.date', 'span.spanTime'],
  body: ['article.fck_detail', '.fck_detail'],
  teasers: ['article.item-news h3.title-news a', 'article.item-news h2.title-news a', '.item-news .title-news a'],
  lang: 'vi',
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
  teasers: ['.item-topstory .title_news_site a', '.item-news .title_news_site a'],
  lang: 'en',
};
