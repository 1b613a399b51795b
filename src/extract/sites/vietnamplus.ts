import { mcmsSelectors } from './mcms.js';
import type { SiteRule } from './types.js';

/**
 * VietnamPlus, the Vietnam News Agency's paper: mcms markup. Its reporters sign
 * "Minh Sơn (TTXVN/Vietnam+)": the outlet's own credit, so "TTXVN/Vietnam+" is a
 * publisher name; plain "TTXVN" or "VNA" (wire copy) stays an attribution. The short
 * "Vietnam+" is left out on purpose: its folded key "vietnam" would match any title
 * segment or name containing "Vietnam".
 */
export const vietnamplus: SiteRule = {
  ...mcmsSelectors,
  id: 'vietnamplus',
  name: 'VietnamPlus',
  domains: ['vietnamplus.vn'],
  publisherNames: ['VietnamPlus', 'Vietnam+ (VietnamPlus)', 'TTXVN/Vietnam+', 'Báo điện tử VietnamPlus', 'Báo VietnamPlus'],
  lang: 'vi',
};

/** VietnamPlus English: the same mcms markup. */
export const vietnamplusEnglish: SiteRule = {
  ...mcmsSelectors,
  id: 'en-vietnamplus',
  name: 'VietnamPlus',
  domains: ['en.vietnamplus.vn'],
  publisherNames: ['VietnamPlus', 'Vietnam+ (VietnamPlus)', 'VNA/Vietnam+', 'Báo điện tử VietnamPlus'],
  lang: 'en',
};
