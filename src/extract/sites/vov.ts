import type { SiteRule } from './types.js';

/**
 * Selectors of VOV's Drupal sites (vov.vn and english.vov.vn): byline in `div.author`,
 * often with a bureau suffix ("Văn Ngọc/VOV-Tây Nguyên"). The pre-2023 layout put the
 * headline and sapo straight into `div.article-title` / `div.article-summary`.
 */
export const vovSelectors = {
  title: ['h1.article-title', 'h1.vovvn-title', 'div.article-title h1', 'div.article-title'],
  summary: ['.article-summary', 'div.sapo', '.vovvn-sapo'],
  byline: ['div.author', '.article-author', '.article__author'],
  publishedAt: ['.article-date', '.article-meta time@datetime', 'time@datetime', '.time'],
  body: ['.article-content', '.vovvn-body', '.detail--normal'],
  teasers: ['.article-card .vovvn-title a', 'h3.card-title a', '.views-row .vovvn-title a'],
} satisfies Partial<SiteRule>;

/** VOV: sapo starts "VOV.VN - "; `meta author` and the JSON-LD author are the publisher. */
export const vov: SiteRule = {
  ...vovSelectors,
  id: 'vov',
  name: 'VOV',
  domains: ['vov.vn'],
  publisherNames: ['VOV.VN', 'VOV', 'Báo điện tử VOV', 'Đài Tiếng nói Việt Nam'],
  lang: 'vi',
};

/** VOV's English edition: the same markup; sapo starts "VOV.VN - " there too. */
export const vovEnglish: SiteRule = {
  ...vovSelectors,
  id: 'vov-english',
  name: 'VOV',
  domains: ['english.vov.vn'],
  publisherNames: ['VOV.VN', 'VOV', 'VOV English', 'Voice of Vietnam', 'Báo điện tử VOV', 'Đài Tiếng nói Việt Nam'],
  lang: 'en',
};
