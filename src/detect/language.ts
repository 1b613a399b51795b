/**
 * Tell Vietnamese from English in a headline or summary.
 *
 * A small rule decides most texts: lower-case words written with Vietnamese
 * letters or tone marks, Vietnamese and English function words, and whether
 * the plain (ASCII) words could be Vietnamese syllables at all — Vietnamese has
 * no "str", "nd" or "-s" and no f, j, w, z, which also catches Vietnamese typed
 * without accents. Capitalised words are left out: in English copy about Vietnam
 * they are names ("Nguyễn Lưu Trung", "Kiên Giang"). When the rule has too little
 * to go on, franc (trigrams, restricted to the two languages) decides. The page's
 * declared language is a prior that the text can overrule.
 *
 * franc builds its trigram tables on import (~50 ms here): import this module only
 * from code that detects languages, not from start-up paths such as `news list`.
 */

import { francAll } from 'franc';
import type { Lang } from '../types.js';

/** Where the detected value came from. */
export type LanguageSource = 'text' | 'declared' | 'agreed' | 'none';

/** The outcome of `detectLanguage`. */
export interface LanguageDetection {
  /** The language we settled on, or `null` when neither text nor prior tells. */
  lang: Lang | null;
  /** How sure we are, 0–1. */
  confidence: number;
  /** `text`: the text alone (or the text overruling the prior); `declared`: the prior alone; `agreed`: both. */
  source: LanguageSource;
  /** The declared language, normalised (`null` when absent or neither vi nor en). */
  declared: Lang | null;
}

/** Options for `detectLanguage`. */
export interface DetectLanguageOptions {
  /** The language the page declares (html lang, og:locale, JSON-LD inLanguage), raw or normalised. */
  declared?: string | null;
}

/** A text result at least this sure overrules a declared language that disagrees. */
const OVERRULE_CONFIDENCE = 0.7;
/** Confidence of a decision taken from the declared language alone. */
const DECLARED_CONFIDENCE = 0.6;
/** The rule decides only with at least this much evidence… */
const MIN_EVIDENCE = 1.5;
/** …and when one side has at least this share of it. */
const MIN_SHARE = 0.7;
/** Confidence of a guess from a word or two that franc cannot check. */
const WEAK_GUESS_CONFIDENCE = 0.55;
/** franc needs this many characters to say anything. */
const FRANC_MIN_LENGTH = 10;

/**
 * Map a language tag (`vi`, `vi-VN`, `vi_VN`, `vie`, `en`, `en-us`, `en_GB`, `eng`,
 * any case) to `vi` or `en`; anything else is `null`.
 */
export function normalizeLangTag(tag: string | null): Lang | null {
  if (tag == null) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/u)[0];
  if (primary === 'vi' || primary === 'vie') return 'vi';
  if (primary === 'en' || primary === 'eng') return 'en';
  return null;
}

/**
 * Detect whether a text is Vietnamese or English, using the page's declared
 * language as a prior. Weak or absent text evidence falls back to the declared
 * value; text that clearly disagrees with it wins (Vietnamese pages declaring
 * `en-us` exist). Empty or meaningless text (digits, punctuation) with no
 * declared value gives `lang: null`, `source: 'none'`.
 */
export function detectLanguage(text: string | null, options: DetectLanguageOptions = {}): LanguageDetection {
  const declared = normalizeLangTag(options.declared ?? null);
  const found = detectFromText(text ?? '');

  if (found === null) {
    if (declared === null) return { lang: null, confidence: 0, source: 'none', declared };
    return { lang: declared, confidence: DECLARED_CONFIDENCE, source: 'declared', declared };
  }
  if (declared === null) return { lang: found.lang, confidence: found.confidence, source: 'text', declared };
  if (declared === found.lang) {
    const confidence = 1 - (1 - found.confidence) * (1 - DECLARED_CONFIDENCE);
    return { lang: found.lang, confidence: round(confidence), source: 'agreed', declared };
  }
  if (found.confidence >= OVERRULE_CONFIDENCE) {
    return { lang: found.lang, confidence: found.confidence, source: 'text', declared };
  }
  return { lang: declared, confidence: DECLARED_CONFIDENCE, source: 'declared', declared };
}

/** The text's own verdict, or `null` when it has nothing to go on. */
function detectFromText(text: string): { lang: Lang; confidence: number } | null {
  const normalized = text.normalize('NFC');
  const evidence = scoreWords(normalized);
  const total = evidence.vi + evidence.en;
  if (total >= MIN_EVIDENCE) {
    const share = Math.max(evidence.vi, evidence.en) / total;
    if (share >= MIN_SHARE) {
      const lang: Lang = evidence.vi > evidence.en ? 'vi' : 'en';
      // Both the margin and the amount of evidence raise confidence: one accented
      // word alone gives 0.75, four words ~0.97.
      const margin = (share - 0.5) * 2;
      const confidence = 0.5 + 0.5 * margin * (1 - 2 ** (-total / 2));
      return { lang, confidence: round(confidence) };
    }
  }
  const guess = detectWithFranc(normalized);
  if (guess !== null) return guess;
  // Too short for franc, but what little evidence there is points one way ("Thể thao").
  if (total > 0 && (evidence.vi === 0 || evidence.en === 0)) {
    return { lang: evidence.vi > 0 ? 'vi' : 'en', confidence: WEAK_GUESS_CONFIDENCE };
  }
  return null;
}

/** franc restricted to the two languages; its confidence stays below the overrule line. */
function detectWithFranc(text: string): { lang: Lang; confidence: number } | null {
  if (text.length < FRANC_MIN_LENGTH) return null;
  const [best, second] = francAll(text, { only: ['vie', 'eng'], minLength: FRANC_MIN_LENGTH });
  if (best === undefined || best[0] === 'und') return null;
  const lang: Lang = best[0] === 'vie' ? 'vi' : 'en';
  // franc's scores are normalised distances (best = 1); a wider gap means surer.
  const gap = second === undefined ? 0 : best[1] - second[1];
  return { lang, confidence: round(0.5 + Math.min(0.15, gap)) };
}

// ---------------------------------------------------------------------------
// The word rule

/** Letters of the Vietnamese alphabet beyond a–z (lower case, NFC). */
const VIETNAMESE_LETTER = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/u;
/** Any letter that is neither a–z nor Vietnamese (ç, ñ, ü, ß, Cyrillic, CJK…). */
const FOREIGN_LETTER = /[^a-zàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/u;
const ASCII_WORD = /^[a-z]+$/u;
const HAS_VOWEL = /[aeiouy]/u;
const WORD = /[\p{L}\p{M}]+/gu;

/**
 * English function words. Those that are also Vietnamese syllables without their
 * accents ("the" = thế, "do" = do/đó, "can" = cần) count less: see `englishWeight`.
 */
const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'after', 'all', 'also', 'am', 'an', 'and', 'any', 'are', 'as', 'at', 'be',
  'because', 'been', 'before', 'being', 'between', 'both', 'but', 'by', 'can', 'could', 'did',
  'do', 'does', 'down', 'during', 'each', 'even', 'every', 'few', 'for', 'from', 'get', 'got',
  'had', 'has', 'have', 'he', 'her', 'here', 'him', 'his', 'how', 'i', 'if', 'in', 'into', 'is',
  'it', 'its', 'just', 'like', 'many', 'may', 'me', 'might', 'more', 'most', 'much', 'must', 'my',
  'new', 'no', 'not', 'now', 'of', 'off', 'on', 'one', 'only', 'or', 'other', 'our', 'out',
  'over', 'own', 'people', 'said', 'says', 'she', 'should', 'so', 'some', 'such', 'than',
  'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this', 'those', 'through',
  'to', 'too', 'under', 'until', 'up', 'us', 'very', 'was', 'we', 'were', 'what', 'when',
  'where', 'which', 'while', 'who', 'whom', 'why', 'will', 'with', 'would', 'year', 'years',
  'you', 'your',
]);

/**
 * Vietnamese function words, counted when capitalised at the start of a sentence
 * (other capitalised words are names). Lower-case, they count anyway as accented words.
 */
const VIETNAMESE_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'bị', 'các', 'cho', 'chúng', 'chưa', 'có', 'của', 'cũng', 'đã', 'đang', 'để', 'đến', 'điều',
  'đó', 'được', 'gì', 'hãy', 'hay', 'họ', 'khi', 'không', 'là', 'lại', 'mà', 'một', 'nào',
  'này', 'nếu', 'nhưng', 'những', 'nhiều', 'nó', 'ra', 'rằng', 'rất', 'rồi', 'sau', 'sẽ',
  'tại', 'thì', 'theo', 'tôi', 'trong', 'từ', 'và', 'vào', 'về', 'vì', 'với', 'xin',
]);

/**
 * Vietnamese function words as typed without accents (cua = của, duoc = được),
 * leaving out those that are English words too (to, an, do, can, rat, hon, than).
 */
const PLAIN_VIETNAMESE_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'bi', 'cac', 'cho', 'chung', 'chua', 'co', 'cua', 'cung', 'da', 'dang', 'de', 'den', 'duoc',
  'gi', 'hay', 'hoac', 'khi', 'khong', 'la', 'lai', 'lam', 'minh', 'mot', 'nam', 'nay', 'nao',
  'ngay', 'nguoi', 'nhieu', 'nhu', 'nhung', 'nhat', 'nua', 'ra', 'roi', 'sau', 'se', 'tai',
  'theo', 'thi', 'toi', 'trong', 'tu', 'tung', 'va', 'vao', 've', 'viec', 'voi', 'vi',
]);

/** Onsets and rhymes of Vietnamese syllables with accents removed. */
const VIETNAMESE_SYLLABLE = new RegExp(
  '^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?' +
    '(?:a|ac|ach|ai|am|an|ang|anh|ao|ap|at|au|ay' +
    '|e|ec|ech|em|en|eng|enh|eo|ep|et|eu' +
    '|i|ia|ich|iec|iem|ien|ieng|iep|iet|ieu|im|in|inh|ip|it|iu' +
    '|o|oa|oac|oach|oai|oam|oan|oang|oanh|oao|oap|oat|oay|oc|oe|oen|oeo|oet|oi|om|on|ong|ooc|oong|op|ot' +
    '|u|ua|uan|uang|uat|uay|uc|ue|uech|uen|uenh|uet|ueu|ui|um|un|ung|uo|uoc|uoi|uom|uon|uong|uop|uot|uou|up|ut|uu' +
    '|uy|uya|uych|uyen|uyet|uynh|uyt|uyu|y|yen|yet|yeu)$',
  'u',
);

/** Whether a lower-case ASCII word could be a Vietnamese syllable typed without accents. */
function isVietnameseSyllable(word: string): boolean {
  return VIETNAMESE_SYLLABLE.test(word);
}

/** English function words that are not Vietnamese syllables are strong evidence; the others weak. */
function englishWeight(word: string): number {
  return isVietnameseSyllable(word) ? 0.5 : 2;
}

/** Evidence points for each language. */
interface Evidence {
  vi: number;
  en: number;
}

const ACCENTED_WORD_POINTS = 2;
const PLAIN_FUNCTION_WORD_POINTS = 1;
const PLAIN_SYLLABLE_POINTS = 0.5;
const NOT_A_SYLLABLE_POINTS = 1;

/**
 * Score each word. Lower-case words carry the evidence; capitalised words only
 * count as English function words (sentence starts such as "The", "In"), since
 * other capitalised words are names. Text that is all capitals or title case is
 * lower-cased first, as then capitals tell nothing.
 */
function scoreWords(text: string): Evidence {
  const words = text.match(WORD) ?? [];
  const evidence: Evidence = { vi: 0, en: 0 };
  const caseBlind = isCaseBlind(text, words);
  for (const word of words) {
    const lower = word.toLowerCase();
    if (caseBlind || lower === word) {
      scoreLowerCaseWord(lower, evidence);
    } else if (word === 'I') {
      evidence.en += NOT_A_SYLLABLE_POINTS;
    } else if (ENGLISH_FUNCTION_WORDS.has(lower)) {
      evidence.en += englishWeight(lower) / 2;
    } else if (VIETNAMESE_FUNCTION_WORDS.has(lower)) {
      evidence.vi += ASCII_WORD.test(lower) ? PLAIN_FUNCTION_WORD_POINTS / 2 : ACCENTED_WORD_POINTS;
    } else if (PLAIN_VIETNAMESE_FUNCTION_WORDS.has(lower)) {
      evidence.vi += PLAIN_FUNCTION_WORD_POINTS / 2;
    }
  }
  return evidence;
}

function scoreLowerCaseWord(word: string, evidence: Evidence): void {
  if (ASCII_WORD.test(word)) {
    if (ENGLISH_FUNCTION_WORDS.has(word)) evidence.en += englishWeight(word);
    else if (PLAIN_VIETNAMESE_FUNCTION_WORDS.has(word)) evidence.vi += PLAIN_FUNCTION_WORD_POINTS;
    else if (isVietnameseSyllable(word)) evidence.vi += PLAIN_SYLLABLE_POINTS;
    else if (HAS_VOWEL.test(word)) evidence.en += NOT_A_SYLLABLE_POINTS;
    // Words without a vowel are units and abbreviations (kg, km, tp): no evidence.
  } else if (VIETNAMESE_LETTER.test(word) && !FOREIGN_LETTER.test(word)) {
    evidence.vi += ACCENTED_WORD_POINTS;
  }
}

/**
 * All capitals ("THỜI SỰ"), or three or more words nearly all capitalised (title
 * case): case carries no meaning. One or two capitalised words are read as a name.
 */
function isCaseBlind(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  if (text === text.toUpperCase()) return true;
  if (words.length < 3) return false;
  let capitalised = 0;
  for (const word of words) {
    if (word !== word.toLowerCase()) capitalised += 1;
  }
  return capitalised / words.length >= 0.8;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
