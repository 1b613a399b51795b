/**
 * Near-duplicate matching of news items for story grouping: two items report the same
 * story when their folded title + summary are similar enough (and name no
 * conflicting dates). Pure functions; the store decides which items to compare.
 *
 * Method (chosen and measured on fixtures/stories/*.json with scripts/eval-stories.js):
 * text is folded (`foldText`: lower case, no diacritics, `đ`→`d`) and cut into
 * syllables and numbers. Vietnamese is written one syllable per space, so a word is
 * often two syllables: features are the content syllables (weight 1; a number other
 * than a year weighs 2, since numbers are what tells one daily report from the next)
 * plus every pair of adjacent content syllables (weight 0.5). Similarity is the
 * cosine of the two weighted feature sets, forced to 0 when both texts name calendar
 * dates ("12/8", "August 12") or English weekdays and share none — the one signal
 * that separates "Giá vàng hôm nay 12/8" from the same column a day later — and
 * lowered by a quarter when both carry specific figures ("4,9 tỷ USD") and share none.
 *
 * Features are named by 32-bit hashes (FNV-1a of a syllable; a mix of two for a pair),
 * so no pair string is built. Candidates are found without comparing against every
 * item: `storyKeys` is a bottom-k MinHash sketch (the k smallest hashes) of the item's
 * distinctive shingles — content syllable pairs and numbers of three or more
 * characters — so two reports of one story share at least one key with high
 * probability while unrelated items rarely do.
 */
import { foldText } from './text.js';

/** Title and summary of an item, the text stories are matched on. */
export interface StoryText {
  title: string | null;
  summary: string | null;
}

/** What similarity needs from one text, computed once (see `StoryProfile` for the lookup keys too). */
export interface StoryFeatures {
  /**
   * The features, named by their hash (`featureHash`), ascending: content syllables
   * and numbers, and pairs of adjacent content syllables ("gia vang"). Sorted typed
   * arrays, so comparing two texts is one merge (and a kept profile is small).
   */
  readonly hashes: Uint32Array;
  /** The weight of each feature of `hashes`, in the same order. */
  readonly weights: Float64Array;
  /** Euclidean norm of the weights (0 when there are no features). */
  readonly norm: number;
  /** Calendar dates the text names, as `day/month` ("12/8"). */
  readonly dates: ReadonlySet<string>;
  /** English weekday names the text uses ("tuesday"). */
  readonly weekdays: ReadonlySet<string>;
  /** Specific figures: numbers with a decimal or thousands separator, or of 3+ digits (not years, not dates). */
  readonly figures: ReadonlySet<string>;
}

/** The features of a text and its candidate-lookup shingles. */
export interface StoryProfile extends StoryFeatures {
  /** Hashes of the distinctive shingles for candidate lookup, distinct and ascending (see `storyKeys`). */
  readonly shingles: readonly number[];
}

/** Similarity at or above which two items are the same story (chosen with scripts/eval-stories.js). */
export const STORY_THRESHOLD = 0.45;

/** How many candidate-lookup keys each item gets (bottom-k sketch size). */
export const STORY_KEY_COUNT = 8;

/**
 * Only the start of a summary counts: a sapo is one to three sentences, and a feed
 * that puts the whole article there would add noise and cost (cut at a space).
 */
const SUMMARY_CHARS = 400;

/**
 * Feature weights, by class: a pair of adjacent content syllables 0.5, a content
 * syllable 1, a number other than a year 2. A feature is collected as
 * `hash × 4 + class`, so one numeric sort orders features by hash with the
 * heaviest class of a repeated feature last.
 */
const WEIGHTS = [0.5, 1, 2] as const;
const PAIR_CLASS = 0;
const WORD_CLASS = 1;
const NUMBER_CLASS = 2;

/**
 * Similarity is multiplied by this when both texts carry specific figures and share
 * none ("4,9 tỷ USD … 7,8 triệu tấn" against "4,3 tỷ USD … 1,2 triệu tấn"): same-template
 * reports of different events. A factor rather than a veto, since outlets round.
 */
const FIGURE_CONFLICT_FACTOR = 0.75;

/**
 * Folded function words and the most frequent news syllables (Vietnamese, then
 * English): they say nothing about which story a text reports.
 */
const STOP_WORDS = new Set(
  (
    'va voi cua la cac nhung duoc trong cho co nguoi nam ngay tai da dang se bi tu den khi o mot nay do theo ' +
    'sau hon ve ra vao len xuong nhieu thi ma cung nhu tren duoi hay con hom sang chieu toi dem trua ' +
    'khong chua rat van nen de vi neu qua gio luc khoang them vua chi day rang deu hoac bang boi moi ' +
    'the a an of to in on at for and or is are was were be been by with from as that this these it its ' +
    'has have had after before into over than his her their our will would can up out new said says'
  ).split(' '),
);

/** Syllable pairs too common in Vietnamese news to point at one story (never lookup keys). */
const COMMON_PAIRS = new Set(
  [
    'viet nam', 'ha noi', 'tp hcm', 'ho chi', 'chi minh', 'thanh pho', 'trieu dong', 'ty dong', 'nghin dong',
    'cho biet', 'cung ky', 'so voi', 'hom qua', 'tuan qua', 'thoi gian', 'hien nay',
  ].map((pair) => featureHash(pair) | 0), // as a signed integer: see STOP_HASHES
);

const MONTHS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
    jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
    november: 11, dec: 12, december: 12,
  }),
);

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

// Syllables are looked up by their hash (see `StoryTokenList`).
// These sets and maps are keyed by the hash as a signed 32-bit integer (`hash | 0`):
// V8 keeps those as small integers, while a uint32 over 2³¹ is a heap number, slow
// to look up (measured: the stop-word test was a fifth of a profile).
const STOP_HASHES = new Set([...STOP_WORDS].map((word) => hash32(word) | 0));
const MONTH_BY_HASH: ReadonlyMap<number, number> = new Map([...MONTHS].map(([name, month]) => [hash32(name) | 0, month]));
const WEEKDAY_BY_HASH: ReadonlyMap<number, string> = new Map(WEEKDAYS.map((name) => [hash32(name) | 0, name]));

/** A run of letters, or a number with inner separators kept ("12/8", "1.258", "2,34"). */
const TOKEN = /\p{L}+|\p{N}+(?:[.,/:]\p{N}+)*/gu;
const NUMBER = /^\p{N}/u;
const YEAR = /^(?:19|20)\d\d$/u;
const DAY_MONTH = /^(\d{1,2})\/(\d{1,2})(?:\/\d{2,4})?$/u;
const SMALL_NUMBER = /^\d{1,2}$/u;
const FIGURE = /^\p{N}+(?:[.,:]\p{N}+)+$|^\p{N}{3,}$/u;

/** Folded syllables and numbers of a text, in order: "Đà Nẵng 12/8" → ["da", "nang", "12/8"]. */
export function storyTokens(text: string): string[] {
  return foldText(text).match(TOKEN) ?? [];
}

/**
 * The tokens of a text as a profile reads them: each token's `hash32`, and the text
 * of number tokens (`null` for a syllable). Syllables are only ever looked up by
 * hash (stop words, months, weekdays), so their strings are never built.
 */
export interface StoryTokenList {
  hashes: number[];
  numbers: (string | null)[];
}

/** `storyTokens` as a token list: the reference path, for any text. */
export function tokenListOf(text: string): StoryTokenList {
  const tokens = storyTokens(text);
  return { hashes: tokens.map(hash32), numbers: tokens.map((token) => (NUMBER.test(token) ? token : null)) };
}

/*
 * The fast path. Folding (NFD, strip marks, đ→d, lower case, NFC) then a Unicode
 * regex cost ~70% of a profile; instead each UTF-16 code unit is folded through a
 * table filled on first sight from `foldText` itself, and tokens are cut and hashed
 * in one pass over the folded codes. A code whose fold is one ASCII letter or digit,
 * one of the number joiners `.,/:`, nothing (a combining mark) or no letter/digit
 * at all (a separator) is handled here; a text with any other code (ß, Greek, CJK,
 * astral characters …) takes the reference path, so results never differ
 * (test/normalize/similarity.test.ts checks the two paths agree).
 */
const UNSEEN = 0xffff;
const SLOW = 0xfffe;
const SEPARATOR = 0x20;
const foldedCodes = new Uint16Array(0x10000).fill(UNSEEN);
let folded = new Uint16Array(1024);

function classify(code: number): number {
  if (code >= 0xd800 && code <= 0xdfff) return SLOW;
  const fold = foldText(String.fromCharCode(code));
  if (fold === '') return 0;
  if (/^[a-z0-9.,/:]$/u.test(fold)) return fold.charCodeAt(0);
  return /[\p{L}\p{N}]/u.test(fold) ? SLOW : SEPARATOR;
}

const isLetterCode = (code: number): boolean => code >= 0x61 && code <= 0x7a;
const isDigitCode = (code: number): boolean => code >= 0x30 && code <= 0x39;
const isJoinerCode = (code: number): boolean => code === 0x2e || code === 0x2c || code === 0x2f || code === 0x3a;

/** The token list of a text by the table (see above), or `null` when the text needs the reference path. */
function fastTokenList(text: string): StoryTokenList | null {
  if (folded.length < text.length) folded = new Uint16Array(text.length * 2);
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const source = text.charCodeAt(i);
    let code = foldedCodes[source]!;
    if (code === UNSEEN) code = foldedCodes[source] = classify(source);
    if (code === SLOW) return null;
    if (code !== 0) folded[length++] = code;
  }
  const hashes: number[] = [];
  const numbers: (string | null)[] = [];
  let i = 0;
  while (i < length) {
    const code = folded[i]!;
    if (isLetterCode(code)) {
      let hash = 0x811c9dc5;
      while (i < length && isLetterCode(folded[i]!)) hash = Math.imul(hash ^ folded[i++]!, 0x01000193);
      hashes.push(hash >>> 0);
      numbers.push(null);
    } else if (isDigitCode(code)) {
      const start = i;
      let hash = 0x811c9dc5;
      for (;;) {
        while (i < length && isDigitCode(folded[i]!)) hash = Math.imul(hash ^ folded[i++]!, 0x01000193);
        // A joiner belongs to the number only with a digit after it ("12/8", "1.500"; not "12.").
        if (i + 1 < length && isJoinerCode(folded[i]!) && isDigitCode(folded[i + 1]!)) {
          hash = Math.imul(hash ^ folded[i++]!, 0x01000193);
        } else break;
      }
      hashes.push(hash >>> 0);
      let number = '';
      for (let at = start; at < i; at++) number += String.fromCharCode(folded[at]!);
      numbers.push(number);
    } else i++;
  }
  return { hashes, numbers };
}

/** The token list of a text: the fast path when it applies, else the reference path. */
export function storyTokenList(text: string): StoryTokenList {
  return fastTokenList(text) ?? tokenListOf(text);
}

/** Dates written `12/8`, `12/8/2024`, `August 12`, `12 August`, as `day/month`. */
function datesIn({ hashes, numbers }: StoryTokenList): Set<string> {
  const dates = new Set<string>();
  const add = (day: number, month: number): void => {
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) dates.add(`${day}/${month}`);
  };
  const smallNumber = (index: number): number | null => {
    const number = numbers[index];
    return number !== undefined && number !== null && SMALL_NUMBER.test(number) ? Number(number) : null;
  };
  for (let index = 0; index < hashes.length; index++) {
    const number = numbers[index];
    if (number !== null && number !== undefined) {
      const numeric = number.includes('/') ? DAY_MONTH.exec(number) : null;
      if (numeric !== null) add(Number(numeric[1]), Number(numeric[2]));
      continue;
    }
    const month = MONTH_BY_HASH.get(hashes[index]! | 0);
    if (month === undefined) continue;
    const after = smallNumber(index + 1);
    const before = smallNumber(index - 1);
    if (after !== null) add(after, month);
    if (before !== null) add(before, month);
  }
  return dates;
}

/**
 * Scratch space for a profile's features and shingles (one text at a time; no
 * allocation per text): each profile is built in two growable typed arrays, sorted
 * in place, and copied out at its exact size.
 */
let featureScratch = new Float64Array(512);
let shingleScratch = new Float64Array(512);

/** The distinct values of `values[0..length)` after sorting it in place, ascending. */
function sortedDistinct(values: Float64Array, length: number): number[] {
  const sorted = values.subarray(0, length).sort();
  const distinct: number[] = [];
  for (let i = 0; i < length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]!);
  return distinct;
}

/** An empty set shared by every profile that has no dates, weekdays or figures. */
const NONE: ReadonlySet<string> = new Set();

/** The hash of a pair of syllables from theirs (order matters), finished with murmur3's mixer. */
function pairHash(first: number, second: number): number {
  let hash = (Math.imul(first, 0x9e3779b1) + second) >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * The hash a profile names a feature by: `"gia"` (a syllable or number) or `"gia vang"`
 * (a pair of adjacent syllables), written folded.
 */
export function featureHash(feature: string): number {
  const [first, second] = feature.split(' ');
  return second === undefined ? hash32(first!) : pairHash(hash32(first!), hash32(second));
}

/** The first `limit` characters of a text, cut back to a space when there is one. */
function leading(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.lastIndexOf(' ', limit);
  return text.slice(0, cut > 0 ? cut : limit);
}

/** The profile of a title + summary, computed once per item and compared with `storySimilarity`. */
export function storyProfile(text: StoryText): StoryProfile {
  const summary = text.summary === null ? null : leading(text.summary, SUMMARY_CHARS);
  const tokens = storyTokenList([text.title, summary].filter((part): part is string => part !== null).join(' \n '));
  // At most two features (a syllable and a pair) and two shingles per token.
  if (featureScratch.length < 2 * tokens.hashes.length) {
    featureScratch = new Float64Array(4 * tokens.hashes.length);
    shingleScratch = new Float64Array(4 * tokens.hashes.length);
  }
  const features = featureScratch;
  const shingles = shingleScratch;
  let featureCount = 0;
  let shingleCount = 0;
  let weekdays: Set<string> | null = null;
  let figures: Set<string> | null = null;
  let previousHash: number | null = null;
  let previousIsNumber = false;
  for (let index = 0; index < tokens.hashes.length; index++) {
    const hash = tokens.hashes[index]!;
    const token = tokens.numbers[index] ?? null;
    const number = token !== null;
    if (!number && STOP_HASHES.has(hash | 0)) {
      previousHash = null;
      continue;
    }
    const year = number && YEAR.test(token);
    features[featureCount++] = hash * 4 + (number && !year ? NUMBER_CLASS : WORD_CLASS);
    if (number && !year && token.length >= 3) shingles[shingleCount++] = hash;
    if (number && !year && FIGURE.test(token)) (figures ??= new Set()).add(token);
    const weekday = number ? undefined : WEEKDAY_BY_HASH.get(hash | 0);
    if (weekday !== undefined) (weekdays ??= new Set()).add(weekday);
    if (previousHash !== null) {
      const pair = pairHash(previousHash, hash);
      features[featureCount++] = pair * 4 + PAIR_CLASS;
      if (!(number && previousIsNumber) && !COMMON_PAIRS.has(pair | 0)) shingles[shingleCount++] = pair;
    }
    previousHash = hash;
    previousIsNumber = number;
  }
  // Sorted, a repeated feature's entries sit together, the heaviest class last: keep that one.
  const sorted = features.subarray(0, featureCount).sort();
  let distinct = 0;
  for (let i = 0; i < featureCount; i++) if (i + 1 === featureCount || Math.floor(sorted[i + 1]! / 4) !== Math.floor(sorted[i]! / 4)) distinct++;
  const hashes = new Uint32Array(distinct);
  const weights = new Float64Array(distinct);
  let squares = 0;
  for (let i = 0, out = 0; i < featureCount; i++) {
    const hash = Math.floor(sorted[i]! / 4);
    if (i + 1 < featureCount && Math.floor(sorted[i + 1]! / 4) === hash) continue;
    const weight = WEIGHTS[sorted[i]! - hash * 4]!;
    hashes[out] = hash;
    weights[out++] = weight;
    squares += weight * weight;
  }
  const dates = datesIn(tokens);
  return {
    hashes,
    weights,
    norm: Math.sqrt(squares),
    dates: dates.size > 0 ? dates : NONE,
    weekdays: weekdays ?? NONE,
    figures: figures ?? NONE,
    // A text of lone content words (a one-word title) is looked up by its words.
    shingles: shingleCount > 0 ? sortedDistinct(shingles, shingleCount) : [...hashes],
  };
}

/** True when both sets are non-empty and have nothing in common. */
function disjoint<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const value of a) if (b.has(value)) return false;
  return true;
}

/**
 * How alike two items' texts are, from 0 to 1: the cosine of their weighted feature
 * sets; 0 when both name dates (or weekdays) and none is shared; lowered by a quarter
 * when both carry specific figures and none is shared. Two items are the same story
 * at `STORY_THRESHOLD` or above.
 */
export function storySimilarity(a: StoryFeatures, b: StoryFeatures): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  if (disjoint(a.dates, b.dates) || disjoint(a.weekdays, b.weekdays)) return 0;
  let dot = 0;
  for (let i = 0, j = 0; i < a.hashes.length && j < b.hashes.length; ) {
    const x = a.hashes[i]!;
    const y = b.hashes[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  const cosine = Math.min(1, dot / (a.norm * b.norm));
  return disjoint(a.figures, b.figures) ? cosine * FIGURE_CONFLICT_FACTOR : cosine;
}

/** 32-bit FNV-1a of a string's UTF-16 code units: fast, stable across runs and machines. */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Candidate-lookup keys of a profile: the `count` smallest of its shingles' 32-bit
 * hashes (a bottom-k MinHash sketch), ascending. Items that share a key are compared
 * with `storySimilarity`; an empty text has no keys.
 */
export function storyKeys(profile: StoryProfile, count: number = STORY_KEY_COUNT): number[] {
  return profile.shingles.slice(0, count);
}
