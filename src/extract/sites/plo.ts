import { mcmsSelectors } from './mcms.js';
import type { SiteRule } from './types.js';

/** Pháp Luật TP.HCM (PLO): mcms markup; sapo starts "(PLO)- "; ALL-CAPS bylines. */
export const plo: SiteRule = {
  ...mcmsSelectors,
  id: 'plo',
  name: 'Pháp Luật TP.HCM',
  domains: ['plo.vn'],
  publisherNames: ['Báo Pháp Luật TP.HCM', 'Pháp Luật TP.HCM', 'Pháp luật TPHCM', 'Báo Pháp Luật Thành phố Hồ Chí Minh', 'PLO'],
  lang: 'vi',
};
