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

/** What similarity needs from one text, computed once. */
export interface StoryProfile {
  /**
   * Feature → weight, features named by their hash (`featureHash`): content syllables
   * and numbers, and pairs of adjacent content syllables ("gia vang").
   */
  readonly features: ReadonlyMap<number, number>;
  /** Euclidean norm of the weights (0 when there are no features). */
  readonly norm: number;
  /** Calendar dates the text names, as `day/month` ("12/8"). */
  readonly dates: ReadonlySet<string>;
  /** English weekday names the text uses ("tuesday"). */
  readonly weekdays: ReadonlySet<string>;
  /** Specific figures: numbers with a decimal or thousands separator, or of 3+ digits (not years, not dates). */
  readonly figures: ReadonlySet<string>;
  /** Hashes of the distinctive shingles for candidate lookup (see `storyKeys`). */
  readonly shingles: ReadonlySet<number>;
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

/** Weight of a number feature (a content syllable weighs 1). */
const NUMBER_WEIGHT = 2;

/** Weight of a pair of adjacent content syllables. */
const BIGRAM_WEIGHT = 0.5;

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
  ].map(featureHash),
);

const MONTHS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
    jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
    november: 11, dec: 12, december: 12,
  }),
);

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

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

function isNumber(token: string): boolean {
  return NUMBER.test(token);
}

function isStop(token: string): boolean {
  return STOP_WORDS.has(token);
}

/** Dates written `12/8`, `12/8/2024`, `August 12`, `12 August`, as `day/month`. */
function datesIn(tokens: readonly string[]): Set<string> {
  const dates = new Set<string>();
  const add = (day: number, month: number): void => {
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) dates.add(`${day}/${month}`);
  };
  tokens.forEach((token, index) => {
    if (token.includes('/')) {
      const numeric = DAY_MONTH.exec(token);
      if (numeric !== null) add(Number(numeric[1]), Number(numeric[2]));
      return;
    }
    const month = MONTHS.get(token);
    if (month === undefined) return;
    const after = tokens[index + 1];
    const before = tokens[index - 1];
    if (after !== undefined && SMALL_NUMBER.test(after)) add(Number(after), month);
    if (before !== undefined && SMALL_NUMBER.test(before)) add(Number(before), month);
  });
  return dates;
}

/** Keep the larger weight when a feature occurs twice (features are a set). */
function addFeature(features: Map<number, number>, feature: number, weight: number): void {
  if ((features.get(feature) ?? 0) < weight) features.set(feature, weight);
}

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
  const tokens = storyTokens([text.title, summary].filter((part): part is string => part !== null).join(' \n '));
  const features = new Map<number, number>();
  const shingles = new Set<number>();
  const weekdays = new Set<string>();
  const figures = new Set<string>();
  let previous: string | null = null;
  let previousHash = 0;
  for (const token of tokens) {
    if (isStop(token)) {
      previous = null;
      continue;
    }
    const hash = hash32(token);
    const number = isNumber(token);
    const year = number && YEAR.test(token);
    addFeature(features, hash, number && !year ? NUMBER_WEIGHT : 1);
    if (number && !year && token.length >= 3) shingles.add(hash);
    if (number && !year && FIGURE.test(token)) figures.add(token);
    if (WEEKDAYS.has(token)) weekdays.add(token);
    if (previous !== null) {
      const pair = pairHash(previousHash, hash);
      addFeature(features, pair, BIGRAM_WEIGHT);
      if (!(number && isNumber(previous)) && !COMMON_PAIRS.has(pair)) shingles.add(pair);
    }
    previous = token;
    previousHash = hash;
  }
  // A text of lone content words (a one-word title) is looked up by its words.
  if (shingles.size === 0) for (const feature of features.keys()) shingles.add(feature);
  let squares = 0;
  for (const weight of features.values()) squares += weight * weight;
  return { features, norm: Math.sqrt(squares), dates: datesIn(tokens), weekdays, figures, shingles };
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
export function storySimilarity(a: StoryProfile, b: StoryProfile): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  if (disjoint(a.dates, b.dates) || disjoint(a.weekdays, b.weekdays)) return 0;
  const [small, large] = a.features.size <= b.features.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [feature, weight] of small.features) {
    const other = large.features.get(feature);
    if (other !== undefined) dot += weight * other;
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
  return [...profile.shingles].sort((x, y) => x - y).slice(0, count);
}
