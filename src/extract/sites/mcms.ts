import type { SiteRule } from './types.js';

/**
 * Selectors of the "mcms" CMS (Nhân Dân, VietnamPlus, PLO, Tiền Phong, SGGP and their
 * English editions). Outlet rules spread these and add their own names:
 * `{ ...mcmsSelectors, id: 'nhandan', name: 'Nhân Dân', domains: ['nhandan.vn'] }`.
 */
export const mcmsSelectors = {
  title: ['h1.article__title', 'h1.cms-title', '.article__header h1'],
  summary: ['.article__sapo', 'div.sapo.cms-desc', '.article .cms-desc'],
  byline: ['.article__author .name', '.article__author', '.article__meta .author', '.cms-author'],
  publishedAt: ['time.time@datetime', '.article__meta time@datetime', 'time.time', '.article__meta .time'],
  body: ['.article__body', 'div.cms-body'],
  teasers: ['article.story .story__heading a', '.story .story__title a', 'article.story h2 a'],
} satisfies Partial<SiteRule>;

/**
 * The mcms family itself: recognised from its headline markup on domains we have no
 * outlet rule for. The domains listed are members without a rule of their own yet.
 */
export const mcms: SiteRule = {
  ...mcmsSelectors,
  id: 'mcms',
  name: 'mcms',
  domains: ['tienphong.vn', 'sggp.org.vn'],
  detect: 'h1.article__title, .article__sapo.cms-desc',
  publisherNames: ['Báo Tiền Phong', 'Tiền Phong', 'Báo Sài Gòn Giải Phóng', 'Sài Gòn Giải Phóng', 'SGGP'],
};
