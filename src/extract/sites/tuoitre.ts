import type { SiteRule } from './types.js';
import { vccorpSelectors } from './vccorp.js';

/**
 * Tuổi Trẻ: VCCorp markup; `og:site_name` and `meta author` read "TUOI TRE ONLINE".
 * The pre-2022 layout (`h1.article-title`, `h2.sapo`, `div.content.fck`) stays as a fallback.
 */
export const tuoitre: SiteRule = {
  ...vccorpSelectors,
  id: 'tuoitre',
  name: 'Tuổi Trẻ',
  domains: ['tuoitre.vn'],
  publisherNames: ['Báo Tuổi Trẻ', 'Tuổi Trẻ', 'Tuổi Trẻ Online', 'TUOI TRE ONLINE', 'Tuoi Tre', 'Công nghệ ChannelVN'],
  summary: [...vccorpSelectors.summary, 'h2.sapo'],
  body: [...vccorpSelectors.body, 'div.content.fck'],
  lang: 'vi',
};
