import type { SiteRule } from './types.js';

/**
 * Dân Trí: `time.author-time[datetime]` carries no zone (Vietnam time); sapo starts
 * "(Dân trí) - ". The 2012 layout (`h2.fon33` sapo, `#divNewsContent`) stays as a fallback.
 */
export const dantri: SiteRule = {
  id: 'dantri',
  name: 'Dân trí',
  domains: ['dantri.com.vn'],
  publisherNames: ['Báo Dân trí', 'Dân trí', 'Dantri', 'Công nghệ ChannelVN', 'baodantridientu'],
  title: ['h1.title-page', 'h1.e-magazine__title'],
  summary: ['h2.singular-sapo', '.singular-sapo', 'h2.fon33'],
  byline: ['.author-name', '.author-wrap .author-name b', 'div.singular-content > p:last-child > strong'],
  publishedAt: ['time.author-time@datetime', 'time.author-time'],
  body: ['div.singular-content', '.singular-content', '#divNewsContent'],
  teasers: ['article.article-item h3.article-title a', '.article-item .article-title a', 'article.article-item h2 a'],
  lang: 'vi',
};
