import type { SiteRule } from './types.js';

/** VOV: byline in `div.author`; sapo starts "VOV.VN - ". */
export const vov: SiteRule = {
  id: 'vov',
  name: 'VOV',
  domains: ['vov.vn'],
  publisherNames: ['VOV.VN', 'VOV', 'Báo điện tử VOV', 'Đài Tiếng nói Việt Nam'],
  title: ['h1.article-title', 'h1.vovvn-title', 'div.article-title h1'],
  summary: ['.article-summary', 'div.sapo', '.vovvn-sapo'],
  byline: ['div.author', '.article-author'],
  publishedAt: ['.article-date', 'time@datetime', '.time'],
  body: ['.article-content', '.vovvn-body'],
};
