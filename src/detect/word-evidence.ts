/**
 * The word rule: points for Vietnamese and for English, word by word.
 *
 * Lower-case words carry the evidence: words written with Vietnamese letters or tone
 * marks (and shaped like a Vietnamese syllable), Vietnamese and English function
 * words, and whether a plain (ASCII) word could be a Vietnamese syllable at all —
 * Vietnamese has no "str", "nd" or "-s" and no f, j, w, z, which also catches
 * Vietnamese typed without accents. Capitalised words are mostly left out: in
 * English copy about Vietnam they are names ("Nguyễn Lưu Trung", "Kiên Giang").
 */

/** Evidence points for each language, and counts that settle mixed texts. */
export interface Evidence {
  vi: number;
  en: number;
  /**
   * Function words seen, per language. When both languages' words appear ("Why
   * Hanoians queue for bánh cuốn", "Concert của BlackPink"), the one supplying the
   * grammar is the language of the text; the other lends names and terms.
   */
  functionWords: { vi: number; en: number };
  /** Words written with Vietnamese letters or tone marks (names included). */
  accentedWords: number;
}

const ACCENTED_WORD_POINTS = 2;
const PLAIN_FUNCTION_WORD_POINTS = 1;
const PLAIN_SYLLABLE_POINTS = 0.5;
const NOT_A_SYLLABLE_POINTS = 1;
/** English function words that are not Vietnamese syllables ("and", "of", "with"). */
const STRONG_ENGLISH_POINTS = 3;
/** English function words that are Vietnamese syllables without accents ("the" = thế, "to" = tổ). */
const WEAK_ENGLISH_POINTS = 0.5;

/**
 * How much each kind of word counts, by how the text is read. Vietnamese function
 * words written with accents ("của", "được") always count in full: they are never names.
 */
interface Reading {
  english: number;
  /** Plain words that could be Vietnamese syllables or function words. */
  plainVietnamese: number;
  /** Other words written with Vietnamese letters. */
  accentedVietnamese: number;
}

/** Lower-case words: everything counts. */
const LOWER_CASE: Reading = { english: 1, plainVietnamese: 1, accentedVietnamese: 1 };
/** All capitals: case tells nothing, but a Vietnamese-looking word may be a name ("TRẦN THANH MẪN MEETS…"). */
const ALL_CAPITALS: Reading = { english: 1, plainVietnamese: 0.5, accentedVietnamese: 0.5 };
/** Title case: English headline style, where Vietnamese-looking words are mostly names. */
const TITLE_CASE: Reading = { english: 1, plainVietnamese: 0.5, accentedVietnamese: 0.25 };
/** A capitalised plain word opening a sentence, not followed by another capitalised word. */
const SENTENCE_START: Reading = { english: 0.5, plainVietnamese: 0.5, accentedVietnamese: 0 };

/** Letters of the Vietnamese alphabet beyond a–z (lower case, NFC), each with its base letter. */
const BASE_LETTER: ReadonlyMap<string, string> = new Map(
  [...'àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ'].map((letter) => [
    letter,
    letter === 'đ' ? 'd' : letter.normalize('NFD').charAt(0),
  ]),
);
const ASCII_WORD = /^[a-z]+$/u;
const HAS_VOWEL = /[aeiouy]/u;
/** Between two words: a sentence ends here (or a headline's parts: "Title. Summary"). */
const SENTENCE_BREAK = new Set([...'.!?:;…|\n'].map((character) => character.charCodeAt(0)));

/**
 * English function words. Those that are also Vietnamese syllables without their
 * accents ("the" = thế, "do" = do/đó, "can" = cần) count less.
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
 * Vietnamese function words. Written with accents they count even when capitalised
 * ("Những", "CỦA"): unlike other capitalised words, they are never names.
 */
const VIETNAMESE_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'bị', 'các', 'cho', 'chúng', 'chưa', 'có', 'của', 'cũng', 'đã', 'đang', 'để', 'đến', 'điều',
  'đó', 'được', 'gì', 'hãy', 'hay', 'họ', 'khi', 'không', 'là', 'lại', 'mà', 'một', 'nào',
  'này', 'nếu', 'nhưng', 'những', 'nhiều', 'nó', 'ra', 'rằng', 'rất', 'rồi', 'sau', 'sẽ',
  'tại', 'thì', 'theo', 'tôi', 'trong', 'từ', 'và', 'vào', 'về', 'vì', 'với', 'xin',
]);

/**
 * Vietnamese function and everyday words as typed without accents (cua = của,
 * duoc = được, xem = xem), leaving out those that are English words too (to, an,
 * do, can, rat, hon, than, them).
 */
const PLAIN_VIETNAMESE_FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'bi', 'cac', 'cho', 'chung', 'chua', 'co', 'cua', 'cung', 'da', 'dang', 'de', 'den', 'duoc',
  'gi', 'hay', 'hoac', 'khi', 'khong', 'la', 'lai', 'lam', 'minh', 'mot', 'nam', 'nay', 'nao',
  'ngay', 'nguoi', 'nhieu', 'nhu', 'nhung', 'nhat', 'nua', 'ra', 'roi', 'sau', 'se', 'tai',
  'theo', 'thi', 'toi', 'trong', 'tu', 'tung', 'va', 'vao', 've', 'viec', 'voi', 'vi', 'xem',
  'xin',
]);

/** Onsets and rhymes of Vietnamese syllables with accents removed. */
const VIETNAMESE_SYLLABLE = new RegExp(
  '^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?' +
    '(?:a|ac|ach|ai|am|an|ang|anh|ao|ap|at|au|ay' +
    '|e|ec|ech|em|en|eng|enh|eo|ep|et|eu' +
    '|i|ia|ich|iec|iem|ien|ieng|iep|iet|ieu|im|in|inh|ip|it|iu' +
    '|o|oa|oac|oach|oai|oam|oan|oang|oanh|oao|oap|oat|oay|oc|oe|oen|oeo|oet|oi|om|on|ong|ooc|oong|op|ot' +
    '|u|ua|uan|uang|uat|uay|uc|ue|uech|uen|uenh|uet|ueu|ui|um|un|ung|uo|uoc|uoi|uom|uon|uong|uop|uot|uou|up|ut|uu' +
    '|uy|uya|uych|uyen|uyet|uyn|uynh|uyt|uyu|y|yem|yen|yet|yeu)$',
  'u',
);

/** Whether a lower-case ASCII word could be a Vietnamese syllable typed without accents. */
function isVietnameseSyllable(word: string): boolean {
  return VIETNAMESE_SYLLABLE.test(word);
}

/** What a word is, worked out once per distinct word. */
export interface WordInfo {
  lower: string;
  /** Only a–z once lower-cased. */
  plain: boolean;
  /** Vietnamese letters in the shape of a Vietnamese syllable (lower-cased). */
  accented: boolean;
  /** A plain word that could be a Vietnamese syllable typed without accents. */
  syllable: boolean;
  /** Upper case leaves the word as it is ("HÀ", "2"). */
  upper: boolean;
}

/**
 * Words recur from text to text (Vietnamese has a few thousand syllables), so what
 * a word is gets worked out once. Bounded: the table empties when full.
 */
const KNOWN_WORDS_LIMIT = 20_000;
const knownWords = new Map<string, WordInfo>();

function infoOf(word: string): WordInfo {
  let info = knownWords.get(word);
  if (info === undefined) {
    const lower = word.toLowerCase();
    const plain = ASCII_WORD.test(lower);
    info = {
      lower,
      plain,
      accented: !plain && isAccentedVietnamese(lower),
      syllable: plain && isVietnameseSyllable(lower),
      upper: word === word.toUpperCase(),
    };
    if (knownWords.size >= KNOWN_WORDS_LIMIT) knownWords.clear();
    knownWords.set(word, info);
  }
  return info;
}

/**
 * A lower-case word with Vietnamese letters, shaped like a Vietnamese syllable once
 * they are reduced to their base letters ("đường" → "duong"; not "café", "naïve").
 */
function isAccentedVietnamese(word: string): boolean {
  let plain = '';
  for (const letter of word) {
    if (letter >= 'a' && letter <= 'z') {
      plain += letter;
    } else {
      const base = BASE_LETTER.get(letter);
      if (base === undefined) return false;
      plain += base;
    }
  }
  return plain !== word && isVietnameseSyllable(plain);
}

/**
 * Score each word of NFC text. Lower-case words count in full. Capitalised words
 * count only as English function words (at half) and accented Vietnamese function
 * words, except a plain sentence-initial word followed by a lower-case word (so
 * not a name like "Nguyen Hoang Giang"), which counts at half. Text in all
 * capitals or title case is read as lower case, Vietnamese-looking words counting
 * less (they may be names).
 */
export function scoreWords(text: string): Evidence {
  const evidence: Evidence = { vi: 0, en: 0, functionWords: { vi: 0, en: 0 }, accentedWords: 0 };
  const words = splitWords(text);
  const caseBlindReading = readingOf(text, words);
  for (let index = 0; index < words.length; index++) {
    const { word, info, sentenceStart, sentenceEnd } = words[index] as Word;
    const { lower, plain, accented } = info;
    if (accented) evidence.accentedWords += 1;
    // The last word of a sentence of several; a one-word sentence ("No.") is not trailing.
    const trailing = sentenceEnd && !sentenceStart;
    const reading = caseBlindReading ?? (lower === word ? LOWER_CASE : null);
    if (reading !== null) {
      scoreLowerCaseWord(info, trailing, reading, evidence);
    } else if (word === 'I') {
      evidence.en += NOT_A_SYLLABLE_POINTS;
      evidence.functionWords.en += 1;
    } else if (ENGLISH_FUNCTION_WORDS.has(lower)) {
      evidence.en += englishFunctionWordPoints(info, trailing) / 2;
      evidence.functionWords.en += 1;
    } else if (accented && VIETNAMESE_FUNCTION_WORDS.has(lower)) {
      evidence.vi += ACCENTED_WORD_POINTS;
      evidence.functionWords.vi += 1;
    } else if (plain && sentenceStart && (sentenceEnd || isLowerCase(words[index + 1]))) {
      scoreLowerCaseWord(info, trailing, SENTENCE_START, evidence);
    }
    // Any other capitalised word is taken for a name ("Minh", "Nam", "Hà Nội"): no evidence.
  }
  return evidence;
}

/** A word, what it is, and whether it opens or closes a sentence (or a headline's part). */
export interface Word {
  word: string;
  info: WordInfo;
  sentenceStart: boolean;
  sentenceEnd: boolean;
}

/**
 * The words of a text (runs of letters and marks, as `/[\p{L}\p{M}]+/gu` finds them)
 * with their sentence edges. Scanned by hand: the Unicode regex cost more than all
 * the scoring together.
 */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let previousEnd = 0;
  let start = -1;
  for (let i = 0; i <= text.length; ) {
    const width = i < text.length ? wordUnitWidth(text, i) : 0;
    if (width > 0) {
      if (start === -1) start = i;
      i += width;
      continue;
    }
    if (start !== -1) {
      const breaks = words.length === 0 || hasSentenceBreak(text, previousEnd, start);
      const previous = words[words.length - 1];
      if (previous !== undefined && breaks) previous.sentenceEnd = true;
      const word = text.slice(start, i);
      words.push({ word, info: infoOf(word), sentenceStart: breaks, sentenceEnd: false });
      previousEnd = i;
      start = -1;
    }
    // Step over the code point that ended (or precedes) a word: one unit, or a surrogate pair.
    i += i < text.length && isSurrogatePair(text, i) ? 2 : 1;
  }
  const last = words[words.length - 1];
  if (last !== undefined) last.sentenceEnd = true;
  return words;
}

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
/** Per UTF-16 code unit outside the surrogates: 1 a letter or mark, 2 not, 0 not yet looked up. */
const UNIT_KIND = new Uint8Array(0x10000);

/** How many code units the letter or mark at `i` takes (1, or 2 for a surrogate pair), or 0 if it is neither. */
function wordUnitWidth(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) ? 1 : 0;
  if (isSurrogatePair(text, i)) return LETTER_OR_MARK.test(text.slice(i, i + 2)) ? 2 : 0;
  let kind = UNIT_KIND[code]!;
  if (kind === 0) {
    // A lone surrogate is a code point of its own (never a letter), as in the regex.
    kind = LETTER_OR_MARK.test(text.charAt(i)) ? 1 : 2;
    UNIT_KIND[code] = kind;
  }
  return kind === 1 ? 1 : 0;
}

function isSurrogatePair(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0xd800 || code > 0xdbff || i + 1 >= text.length) return false;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

/** Whether `text` between `from` and `to` holds a sentence break (all break characters are single UTF-16 units). */
function hasSentenceBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (SENTENCE_BREAK.has(text.charCodeAt(i))) return true;
  return false;
}

function isLowerCase(word: Word | undefined): boolean {
  return word !== undefined && word.word === word.info.lower;
}

/**
 * Points for an English function word. Those shaped like a Vietnamese syllable
 * ("the", "to", "on") count little, and nothing at the end of a sentence, where
 * English rarely puts them and Vietnamese often does ("Cam on" = cảm ơn, "xem
 * them" = xem thêm).
 */
function englishFunctionWordPoints(word: WordInfo, trailing: boolean): number {
  if (!word.syllable) return STRONG_ENGLISH_POINTS;
  return trailing ? 0 : WEAK_ENGLISH_POINTS;
}

/** Add a lower-case word's points, weighted by the reading. */
function scoreLowerCaseWord(info: WordInfo, trailing: boolean, reading: Reading, evidence: Evidence): void {
  const { lower: word, plain, accented } = info;
  if (plain) {
    if (ENGLISH_FUNCTION_WORDS.has(word)) {
      evidence.en += reading.english * englishFunctionWordPoints(info, trailing);
      evidence.functionWords.en += 1;
    } else if (PLAIN_VIETNAMESE_FUNCTION_WORDS.has(word)) {
      evidence.vi += reading.plainVietnamese * PLAIN_FUNCTION_WORD_POINTS;
      evidence.functionWords.vi += 1;
    } else if (info.syllable) {
      evidence.vi += reading.plainVietnamese * PLAIN_SYLLABLE_POINTS;
    } else if (HAS_VOWEL.test(word)) {
      evidence.en += reading.english * NOT_A_SYLLABLE_POINTS;
    }
    // Words without a vowel are units and abbreviations (kg, km, tp): no evidence.
  } else if (accented && VIETNAMESE_FUNCTION_WORDS.has(word)) {
    evidence.vi += ACCENTED_WORD_POINTS;
    evidence.functionWords.vi += 1;
  } else if (accented) {
    evidence.vi += reading.accentedVietnamese * ACCENTED_WORD_POINTS;
  }
}

/**
 * How to read text whose capitals carry no meaning: all capitals ("THỜI SỰ"), or
 * title case (three or more words, nearly all capitalised, some of them English-
 * looking: "Vietnam Airlines Adds Flights To Japan"). `null` for ordinary text,
 * where capitalised words are names — as is a run of capitalised Vietnamese-looking
 * words alone ("Nguyễn Lưu Trung").
 */
function readingOf(text: string, words: readonly Word[]): Reading | null {
  if (words.length === 0) return null;
  // Upper case maps each character on its own, so a word it changes means the text changes too.
  if (words.every(({ info }) => info.upper) && text === text.toUpperCase()) return ALL_CAPITALS;
  if (words.length < 3) return null;
  let capitalised = 0;
  let englishLooking = false;
  for (const { word, info } of words) {
    const { lower, plain, syllable } = info;
    if (word !== lower) capitalised += 1;
    if (plain && (ENGLISH_FUNCTION_WORDS.has(lower) || !syllable)) englishLooking = true;
  }
  return englishLooking && capitalised / words.length >= 0.8 ? TITLE_CASE : null;
}
