/**
 * Summary (sapo) cleaning: outlet prefixes such as "(Dân trí) - ", "(PLO)- ",
 * "VOV.VN - ", "(TNO) " and "TTO - " are removed, and so are trailing ">>" related links.
 */
import { cleanText } from '../../normalize/text.js';

/** "(Dân trí) - ", "(PLO)- ", "(NLĐO) - ", "(giao duc) - ": a short parenthesised tag and a dash. */
const PAREN_DASH_PREFIX = /^\(\s*[^()]{1,24}?\s*\)\s*[-–—:]\s*/u;
/** "(TNO) ": an all-capitals parenthesised tag without a dash. */
const PAREN_CAPS_PREFIX = /^\(\s*[A-ZĐ][A-ZĐ0-9.&]{1,11}\s*\)\s+/u;
/** "VOV.VN - ", "TTO - ", "NDO - ", "GD&TĐ - ", "VTV.vn - ": a capitalised outlet tag and a dash. */
const TAG_DASH_PREFIX = /^[A-ZĐ][A-ZĐ0-9]*(?:[.&][A-ZĐa-z0-9]+)*\s*[-–—]\s+/u;
/** Related-link markers that end the sapo. */
const RELATED = /\s*(?:>>|»|&gt;&gt;|Xem thêm:|>> Xem thêm).*$/su;
/** What RELATED needs to find: one of its markers. */
const RELATED_MARKERS = ['»', '>>', '&gt;&gt;', 'Xem thêm:'];
/** What every outlet prefix above starts with: "(", or a capital tag then a dash. */
const MAYBE_PREFIX = /^(?:\(|[A-ZĐ]\S*\s*[-–—])/u;

/** The summary as printed, without outlet prefix or related links. */
export function cleanSummary(raw: string): string | null {
  const text = cleanText(raw);
  if (text === null) return null;
  const stripped = stripOutletPrefix(text);
  // Without a marker RELATED cannot match: the text is clean already.
  if (!hasRelatedLinks(stripped)) return cleanText(stripped);
  return cleanText(stripped.replace(RELATED, ''));
}

/** True when the text holds a related-link marker that `cleanSummary` cuts at. */
export function hasRelatedLinks(text: string): boolean {
  return RELATED_MARKERS.some((marker) => text.includes(marker));
}

/** Remove a leading outlet tag; returns the text unchanged when there is none. */
export function stripOutletPrefix(text: string): string {
  if (!MAYBE_PREFIX.test(text)) return text;
  for (const pattern of [PAREN_DASH_PREFIX, PAREN_CAPS_PREFIX, TAG_DASH_PREFIX]) {
    const match = pattern.exec(text);
    if (match !== null && match[0].length < text.length) return text.slice(match[0].length);
  }
  return text;
}
