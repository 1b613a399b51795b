import { mcmsSelectors } from './mcms.js';
import type { SiteRule } from './types.js';

/**
 * Nhân Dân: mcms markup; `meta author` reads "Báo Nhân Dân điện tử" (the publisher);
 * several authors in `.article__author`, joined with " - ".
 */
export const nhandan: SiteRule = {
  ...mcmsSelectors,
  id: 'nhandan',
  name: 'Nhân Dân',
  domains: ['nhandan.vn'],
  publisherNames: ['Báo Nhân Dân điện tử', 'Báo Nhân Dân', 'Nhân Dân', 'Nhân Dân điện tử'],
  lang: 'vi',
};

/** Nhân Dân's English edition (Nhan Dan Online): the same mcms markup. */
export const nhandanEnglish: SiteRule = {
  ...mcmsSelectors,
  id: 'en-nhandan',
  name: 'Nhan Dan Online',
  domains: ['en.nhandan.vn'],
  publisherNames: ['Nhan Dan Online', 'Nhân Dân', 'Nhan Dan', 'Báo Nhân Dân điện tử', 'Báo Nhân Dân'],
  lang: 'en',
};
