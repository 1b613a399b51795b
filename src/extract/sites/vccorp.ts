import type { SiteRule } from './types.js';

/**
 * The VCCorp CMS family (Tuổi Trẻ, Thanh Niên, Người Lao Động): recognised from
 * `h1.detail-title` on domains we have no rule for.
 */
export const vccorp: SiteRule = {
  id: 'vccorp',
  name: 'VCCorp',
  domains: ['tuoitre.vn', 'thanhnien.vn', 'nld.com.vn'],
  detect: 'h1.detail-title, h2.detail-sapo[data-role="sapo"]',
  publisherNames: [
    'Báo Tuổi Trẻ', 'Tuổi Trẻ', 'TUOI TRE ONLINE', 'Tuổi Trẻ Online', 'Báo Thanh Niên', 'Thanh Niên',
    'Báo Người Lao Động', 'Người Lao Động', 'Công nghệ ChannelVN', 'ChannelVN',
  ],
  title: ['h1.detail-title', 'h1.article-title'],
  summary: ['h2.detail-sapo[data-role="sapo"]', 'h2.detail-sapo', '.detail-sapo'],
  byline: ['.author-info .name', '.detail-author .name', '.detail-author', '.author-info a.name', 'div.author'],
  publishedAt: ['[data-role="publishdate"]', '.detail-time [data-role="publishdate"]', '.detail-time'],
  body: ['.detail-content[data-role="content"]', '.detail-content', '.detail-cmain'],
};
