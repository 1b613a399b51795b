import type { SiteRule } from './types.js';
import { vccorpSelectors } from './vccorp.js';

/**
 * Người Lao Động (not Lao Động): VCCorp markup; sapo may start "(NLĐO) - ".
 */
export const nld: SiteRule = {
  ...vccorpSelectors,
  id: 'nld',
  name: 'Người Lao Động',
  domains: ['nld.com.vn'],
  publisherNames: ['Báo Người Lao Động', 'Người Lao Động', 'Người Lao Động Online', 'NLĐO', 'Công nghệ ChannelVN'],
  publishedAt: [...vccorpSelectors.publishedAt, 'p.time'],
  lang: 'vi',
};
