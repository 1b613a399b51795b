/**
 * The registry of site rules and how a page finds its rule: by host first (longest
 * matching domain suffix), then by CMS-family markup.
 */
import type { CheerioAPI } from 'cheerio/slim';
import { dantri } from './dantri.js';
import { mcms } from './mcms.js';
import type { SiteRule } from './types.js';
import { vccorp } from './vccorp.js';
import { vnexpress, vnexpressInternational } from './vnexpress.js';
import { vov } from './vov.js';

export type { SiteRule } from './types.js';

/** Every shipped rule. Add a new site by writing a data file and listing it here. */
export const SITE_RULES: readonly SiteRule[] = [vnexpress, vnexpressInternational, dantri, mcms, vccorp, vov];

/** The rule for a page: host match first, then family detection from the markup. */
export function findSiteRule(host: string | null, $: CheerioAPI): SiteRule | null {
  if (host !== null) {
    let best: SiteRule | null = null;
    let bestLength = 0;
    for (const rule of SITE_RULES) {
      for (const domain of rule.domains) {
        const matches = host === domain || host.endsWith(`.${domain}`);
        if (matches && domain.length > bestLength) {
          best = rule;
          bestLength = domain.length;
        }
      }
    }
    if (best !== null) return best;
  }
  for (const rule of SITE_RULES) {
    if (rule.detect !== undefined && $(rule.detect).length > 0) return rule;
  }
  return null;
}
