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

/** The summary as printed, without outlet prefix or related links. */
export function cleanSummary(raw: string): string | null {
  const text = cleanText(raw);
  if (text === null) return null;
  const stripped = stripOutletPrefix(text);
  // RELATED needs one of its markers; without one the text is clean already.
  if (!stripped.includes('>>') && !stripped.includes('»') && !stripped.includes('&gt;&gt;') && !stripped.includes('Xem thêm:')) return cleanText(stripped);
  return cleanText(stripped.replace(RELATED, ''));
}

/** Remove a leading outlet tag; returns the text unchanged when there is none. */
export function stripOutletPrefix(text: string): string {
  // Every prefix opens with "(" or a capital letter (A–Z, Đ).
  const first = text.charCodeAt(0);
  if (first !== 0x28 && !(first >= 0x41 && first <= 0x5a) && first !== 0x110) return text;
  for (const pattern of [PAREN_DASH_PREFIX, PAREN_CAPS_PREFIX, TAG_DASH_PREFIX]) {
    const match = pattern.exec(text);
    if (match !== null && match[0].length < text.length) return text.slice(match[0].length);
  }
  return text;
}
