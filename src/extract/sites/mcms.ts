import type { SiteRule } from './types.js';

/**
 * The "mcms" CMS family (Nhân Dân, VietnamPlus, PLO, Tiền Phong, SGGP): recognised
 * from `h1.article__title` on domains we have no rule for.
 */
export const mcms: SiteRule = {
  id: 'mcms',
  name: 'mcms',
  domains: ['nhandan.vn', 'vietnamplus.vn', 'plo.vn', 'tienphong.vn', 'sggp.org.vn'],
  detect: 'h1.article__title',
  publisherNames: [
    'Báo Nhân Dân điện tử', 'Nhân Dân', 'Báo Nhân Dân', 'VietnamPlus', 'Báo Pháp Luật TP.HCM',
    'Pháp Luật TP.HCM', 'Báo Tiền Phong', 'Tiền Phong', 'Báo Sài Gòn Giải Phóng', 'SGGP',
  ],
  title: ['h1.article__title'],
  summary: ['.article__sapo', 'div.sapo'],
  byline: ['.article__author .name', '.article__author', '.article__meta .author'],
  publishedAt: ['time.time@datetime', '.article__meta time@datetime', 'time.time'],
  body: ['.article__body', 'div.article__body'],
};
