import type { SiteRule } from './types.js';

/**
 * Selectors of the VCCorp CMS (Tuổi Trẻ, Thanh Niên, Người Lao Động, Tuoi Tre News).
 * Outlet rules spread these and add their own names and old-layout fallbacks.
 */
export const vccorpSelectors = {
  title: ['h1.detail-title', 'h1.article-title', 'h1 [data-role="title"]'],
  summary: ['h2.detail-sapo[data-role="sapo"]', 'h2.detail-sapo', '.detail-sapo'],
  byline: ['.detail-author .author-info .name', '.author-info .name', '.detail-author .name', '.detail-author', 'div.author'],
  publishedAt: ['[data-role="publishdate"]', '.detail-time', '.date-time'],
  body: ['.detail-content[data-role="content"]', '.detail-content', '.detail-cmain'],
  teasers: ['.box-category-item a.box-category-link-title', '.box-category-item h3 a', '.box-category-item h2 a'],
} satisfies Partial<SiteRule>;

/**
 * The VCCorp family itself: recognised from its headline and sapo markup on domains
 * we have no outlet rule for ("Công nghệ ChannelVN" is the vendor, never a byline).
 */
export const vccorp: SiteRule = {
  ...vccorpSelectors,
  id: 'vccorp',
  name: 'VCCorp',
  domains: [],
  detect: 'h1.detail-title, h2.detail-sapo[data-role="sapo"]',
  publisherNames: ['Công nghệ ChannelVN', 'ChannelVN', 'VCCorp', 'Admicro'],
};
