/**
 * The registry of site rules and how a page finds its rule: by host first (longest
 * matching domain suffix), then by CMS-family markup.
 */
import type { ParsedDocument } from '../../parse/document.js';
import { dantri } from './dantri.js';
import { laodong, laodongEnglish } from './laodong.js';
import { mcms } from './mcms.js';
import { nhandan, nhandanEnglish } from './nhandan.js';
import { nld } from './nld.js';
import { plo } from './plo.js';
import { thanhnien } from './thanhnien.js';
import { tuoitre } from './tuoitre.js';
import { tuoitrenews } from './tuoitrenews.js';
import type { SiteRule } from './types.js';
import { vccorp } from './vccorp.js';
import { vietnamnet } from './vietnamnet.js';
import { vietnamnews } from './vietnamnews.js';
import { vietnamplus, vietnamplusEnglish } from './vietnamplus.js';
import { vnexpress, vnexpressInternational } from './vnexpress.js';
import { vov, vovEnglish } from './vov.js';
import { znews } from './znews.js';

export type { SiteRule } from './types.js';

/**
 * Every shipped rule. Add a site with `node scripts/new-site.js <id> <domain>`, or by
 * writing a data file and listing it here. Outlets come first; the CMS families last,
 * because family detection runs in this order when no domain matches.
 */
export const SITE_RULES: readonly SiteRule[] = [
  vnexpress,
  vnexpressInternational,
  dantri,
  tuoitre,
  tuoitrenews,
  thanhnien,
  nld,
  laodong,
  laodongEnglish,
  vietnamnet,
  znews,
  vov,
  vovEnglish,
  vietnamplus,
  vietnamplusEnglish,
  nhandan,
  nhandanEnglish,
  plo,
  vietnamnews,
  // new-site: rules above this line
  mcms,
  vccorp,
];

/** The rule for a page: host match first, then family detection from the markup. */
export function findSiteRule(host: string | null, doc: Pick<ParsedDocument, 'index'>): SiteRule | null {
  if (host !== null) {
    const best = ruleForHost(host);
    if (best !== null) return best;
  }
  for (const rule of SITE_RULES) {
    if (rule.detect !== undefined && doc.index.first(rule.detect) !== null) return rule;
  }
  return null;
}

/**
 * The rule whose domain is the longest suffix of the host. Hosts recur page after
 * page, so answers are kept (bounded: the table empties when full). This folder
 * stays self-contained (scripts/new-site.js copies it), hence no shared helper.
 */
function ruleForHost(host: string): SiteRule | null {
  let best = rulesByHost.get(host);
  if (best !== undefined) return best;
  best = null;
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
  if (rulesByHost.size >= 500) rulesByHost.clear();
  rulesByHost.set(host, best);
  return best;
}

const rulesByHost = new Map<string, SiteRule | null>();
