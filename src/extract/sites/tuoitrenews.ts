import type { SiteRule } from './types.js';
import { vccorpSelectors } from './vccorp.js';

/**
 * Tuoi Tre News, Tuổi Trẻ's English edition: VCCorp markup on its own domain, bylines
 * often Vietnamese names without diacritics ("Ngoc Phuong"). The older layout
 * (`article.art-header`, `p.author`, `#content-body`) stays as a fallback.
 */
export const tuoitrenews: SiteRule = {
  ...vccorpSelectors,
  id: 'tuoitrenews',
  name: 'Tuoi Tre News',
  domains: ['tuoitrenews.vn'],
  publisherNames: ['Tuoi Tre News', 'Tuổi Trẻ News', 'TUOI TRE NEWS', 'Tuoi Tre', 'Tuổi Trẻ', 'TUOI TRE ONLINE', 'Công nghệ ChannelVN'],
  title: [...vccorpSelectors.title, 'article.art-header h1'],
  summary: [...vccorpSelectors.summary, 'article.art-header .sapo', 'h2.sapo'],
  byline: [...vccorpSelectors.byline, 'p.author'],
  publishedAt: [...vccorpSelectors.publishedAt, 'article.art-header div.date'],
  body: [...vccorpSelectors.body, '#content-body', 'article.art-body'],
  lang: 'en',
};
