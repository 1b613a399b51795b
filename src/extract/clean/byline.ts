/**
 * Byline cleaning: credit words ("By", "Theo", "Bài và ảnh:"), e-mail addresses and
 * trailing roles go; several authors are joined with ", "; wire credits ("Theo TTXVN",
 * "(Reuters)") are split off as the attribution.
 */
import { cleanText } from '../../normalize/text.js';
import { memoize } from '../memo.js';
import { hasAnyOf } from './has-any.js';

export interface Byline {
  byline: string | null;
  attribution: string | null;
}

/** News agencies and outlets whose name after "Theo" is a republication credit, not a person. */
const AGENCIES = [
  'TTXVN', 'VNA', 'Vietnam News Agency', 'Thông tấn xã Việt Nam', 'Reuters', 'AFP', 'AP', 'Associated Press', 'Bloomberg',
  'Xinhua', 'Tân Hoa Xã', 'BBC', 'CNN', 'Kyodo', 'Yonhap', 'Sputnik', 'TASS', 'AFP/TTXVN', 'Reuters/TTXVN',
  'VnExpress', 'Tuổi Trẻ', 'Thanh Niên', 'Dân trí', 'Dân Trí', 'VietnamNet', 'Vietnamnet', 'Zing', 'Znews', 'VOV', 'VTV',
  'Infonet', 'Lao Động', 'Người Lao Động', 'Nhân Dân', 'Tiền Phong', 'Pháp Luật TP.HCM', 'PLO', 'SGGP', 'Vietnam+',
  'VietnamPlus', 'Chính phủ', 'Báo Chính phủ', 'VGP', 'Kinh tế & Đô thị', 'Tiền Phong', 'CafeF', 'Vietstock',
];
/** Folded form of an agency or outlet name (locale case mapping is slow, so results are kept). */
const agencyKey = memoize((value: string): string => value.toLocaleLowerCase('vi').replace(/^báo\s+/u, '').replace(/[\s.]/g, ''));
const AGENCY_KEYS = new Set(AGENCIES.map((a) => agencyKey(a)));

/** Credit prefixes: "By", "Theo", "Bài và ảnh:", "Tin, ảnh:", "Bài:", "Ảnh:", "Text:", "Written by". */
const CREDIT_PREFIX = /^(?:(?:written\s+)?by|story\s+by|text\s+by|bài\s*(?:và|,|&)\s*ảnh|tin\s*(?:và|,|&)\s*ảnh|bài|tin|nhóm\s+pv|nhóm\s+phóng\s+viên|pv|text|author|tác\s*giả|người\s+viết)\s*[:.\-–—]?\s+/iu;
const THEO = /^theo\s+/iu;
/** A photo/video credit ("Ảnh: Misso", "Photo: Reuters") names no author of the text. */
const MEDIA_CREDIT = /(?:^|\s+)(?:ảnh|photo|photos|video|clip|đồ\s*họa|graphic|infographic)\s*:.*$/iu;
const EMAIL = /\s*[(<\[]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)>\]]?/gu;
/** Trailing roles: "- Reporter", ", Phóng viên", "/ VnExpress", "(Tổng hợp)". */
const TRAILING_ROLE = /\s*[-–—,/|]\s*(?:phóng\s*viên|pv|biên\s*tập\s*viên|btv|cộng\s*tác\s*viên|ctv|reporter|correspondent|staff\s+writer|editor|tổng\s*hợp|lược\s*dịch|dịch|theo\s+.*)\s*$/iu;
/** Names are joined with ", " from these separators. */
const NAME_SEPARATOR = /\s*(?:,|;|&|\s-\s|\s–\s|\s—\s|\s+và\s+|\s+and\s+)\s*/iu;
/** Generic "reporter team" credits that name nobody. */
const NOBODY = /^(?:nhóm\s+(?:pv|phóng\s+viên)|pv|phóng\s+viên|ban\s+biên\s+tập|bbt|staff|admin|tổng\s+hợp|nhóm\s+tác\s+giả)$/iu;

/**
 * Clean a raw byline into names and an attribution. Kept per raw text (a bounded
 * table): a page's attribution reads its byline line again, and a site's pages and
 * feeds repeat their bylines. The result is shared: callers only read it.
 */
export const cleanByline = memoize(cleanBylineOnce, 500);

/** cleanByline's work, for one raw text. */
function cleanBylineOnce(raw: string): Byline {
  // The patterns below only run on text holding a character they need (`@`, `:`, `)`, a separator).
  let text = cleanText(raw.includes('@') ? raw.replace(EMAIL, ' ') : raw);
  if (text === null) return { byline: null, attribution: null };
  // "Bài và ảnh: X" credits the text too; a trailing "Ảnh: Y" credits only photos.
  if (text.includes(':') && !/^(?:bài|tin)\s*(?:và|,|&)\s*ảnh/iu.test(text)) text = cleanText(text.replace(MEDIA_CREDIT, '')) ?? '';
  if (text === '') return { byline: null, attribution: null };
  let attribution: string | null = null;

  // A parenthesised wire credit: "Sầm Hoa (Vietnamnet/Reuters)", "(Reuters)".
  const paren = text.includes(')') ? /\s*\(([^()]{2,40})\)\s*$/u.exec(text) : null;
  if (paren !== null) {
    attribution = cleanText(paren[1]!);
    text = text.slice(0, paren.index).trim();
  }
  text = trimPunctuation(text);

  // "Theo TTXVN" is an attribution; "Theo Sầm Hoa" credits a person.
  if (THEO.test(text)) {
    const rest = text.replace(THEO, '');
    if (isAgency(rest)) return { byline: null, attribution: attribution ?? rest };
    text = rest;
  }
  if (isAgency(text)) return { byline: null, attribution: attribution ?? text };

  // "Văn Ngọc/VOV-Tây Nguyên": names never contain "/", so what follows is a desk or outlet credit.
  const slash = text.indexOf('/');
  if (slash > 0 && slash < text.length - 1) {
    attribution ??= cleanText(text.slice(slash + 1));
    text = text.slice(0, slash).trim();
  }

  for (let i = 0; i < 3 && CREDIT_PREFIX.test(text); i++) text = text.replace(CREDIT_PREFIX, '');
  text = trimPunctuation(hasAnyOf(text, '-–—,/|') ? text.replace(TRAILING_ROLE, '') : text);

  const names = text
    .split(NAME_SEPARATOR)
    .map((name) => normalizeName(name))
    .filter((name): name is string => name !== null && !NOBODY.test(name));
  const unique = [...new Set(names)];
  return { byline: unique.length > 0 ? unique.join(', ') : null, attribution };
}

/** Trim separators around a name; a final dot stays after an initial ("H.V."). */
function trimPunctuation(value: string): string {
  const trimmed = value.replace(/^[\s\-–—:|,.]+/u, '').replace(/[\s\-–—:|,]+$/u, '');
  return trimmed.endsWith('.') ? trimmed.replace(/(?<!(?:^|[\s.])\p{Lu})\.$/u, '') : trimmed;
}

/** ALL-CAPS names become title case ("NGUYỄN AN" → "Nguyễn An"); initials stay. */
const normalizeName = memoize(normalizeNameOnce);

function normalizeNameOnce(raw: string): string | null {
  const name = cleanText(trimPunctuation(raw));
  if (name === null) return null;
  const letters = name.replace(/[^\p{L}]/gu, '');
  const isAllCaps = letters.length > 3 && letters === letters.toLocaleUpperCase('vi') && /\p{L}{3,}/u.test(name);
  if (!isAllCaps) return name;
  return name
    .toLocaleLowerCase('vi')
    .replace(/(^|[\s.\-'])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toLocaleUpperCase('vi'));
}

/** "TTXVN", "Reuters", "AFP/TTXVN", "Báo Thanh Niên": a wire or outlet credit. */
export function isAgency(value: string): boolean {
  const parts = value.split(/\s*[/,]\s*/u);
  return parts.length > 0 && parts.every((part) => AGENCY_KEYS.has(agencyKey(part)));
}
