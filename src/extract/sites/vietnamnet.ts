import type { SiteRule } from './types.js';

/**
 * VietNamNet: `h1.content-detail-title`, `h2.content-detail-sapo`, body
 * `div#maincontent`, author in `.article-detail-author__info`. The English edition
 * (VietNamNet Global) lives on the same host under /en with the same markup, so the
 * rule declares no single language.
 */
export const vietnamnet: SiteRule = {
  id: 'vietnamnet',
  name: 'VietNamNet',
  domains: ['vietnamnet.vn'],
  publisherNames: ['Báo VietNamNet', 'VietNamNet', 'Vietnamnet', 'VietNamNet News', 'VietNamNet Global', 'Báo điện tử VietNamNet'],
  title: ['h1.content-detail-title', '.content-detail h1', 'h1.title'],
  summary: ['h2.content-detail-sapo', '.content-detail-sapo', 'div.sapo'],
  byline: ['.article-detail-author__info .name', '.article-detail-author__info', '.article-detail-author .name'],
  publishedAt: ['.bread-crumb-detail__time', '.content-detail .publish-date', 'span.content-detail-time'],
  body: ['#maincontent', '.maincontent', '.content-detail-body'],
  teasers: ['h3.vnn-title a', '.horizontalPost__main-title a', '.verticalPost__main-title a'],
};
