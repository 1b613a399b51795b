import type { SiteRule } from './types.js';
import { vccorpSelectors } from './vccorp.js';

/**
 * Thanh Niên: VCCorp markup since 2023; sapo starts "(TNO) "; the author slot may
 * hold a wire credit ("Theo TTXVN"). The 2019–2022 layout (`h1.details__headline`,
 * `div.sapo.cms-desc`, `div.cms-body`) and the 2012 headline (`h1.mainTitle`, on the
 * old thanhnien.com.vn domain) stay as fallbacks.
 */
export const thanhnien: SiteRule = {
  ...vccorpSelectors,
  id: 'thanhnien',
  name: 'Thanh Niên',
  domains: ['thanhnien.vn', 'thanhnien.com.vn'],
  publisherNames: ['Báo Thanh Niên', 'Thanh Niên', 'Thanh Niên Online', 'Thanh Nien', 'Công nghệ ChannelVN'],
  title: [...vccorpSelectors.title, 'h1.details__headline', 'h1.mainTitle'],
  summary: [...vccorpSelectors.summary, 'div.sapo.cms-desc'],
  body: [...vccorpSelectors.body, 'div.cms-body'],
  lang: 'vi',
};
