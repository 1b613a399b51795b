import type { SiteRule } from './types.js';

/**
 * Lao Động (not Người Lao Động): sapo in `div.chappeau`, body `div.art-body`, teaser
 * headlines in `article.article-title a[title]` with a "Name |" byline line. Titles
 * end " | Báo Lao Động". The English edition shares the markup on en.laodong.vn.
 */
const laodongSelectors = {
  title: ['.article-detail h1.title', '.detail-content h1.title', 'h1.title', 'h1.article-title'],
  summary: ['.article-detail .chappeau', 'div.chappeau', 'p.sapo'],
  byline: ['.article-detail .art-authors .author', '.article-detail .author', '.art-info .author', '.art-authors'],
  publishedAt: ['.art-info .time', '.article-detail .time', 'span.time'],
  body: ['.art-body', '.article-detail .content'],
  teasers: ['article.article-title a[title]', '.list-main-content article a.link-title'],
} satisfies Partial<SiteRule>;

/** Lao Động, the Vietnamese edition. */
export const laodong: SiteRule = {
  ...laodongSelectors,
  id: 'laodong',
  name: 'Lao Động',
  domains: ['laodong.vn'],
  publisherNames: ['Báo Lao Động', 'Lao Động', 'Lao Động Online', 'Báo Lao Động điện tử', 'laodong.vn'],
  lang: 'vi',
};

/** Lao Động English: the same markup, English copy. */
export const laodongEnglish: SiteRule = {
  ...laodongSelectors,
  id: 'laodong-en',
  name: 'Lao Động English',
  domains: ['en.laodong.vn'],
  publisherNames: ['Lao Động English', 'Lao Dong English', 'Lao Động', 'Lao Dong', 'Báo Lao Động', 'LAO ĐỘNG ENGLISH'],
  lang: 'en',
};
