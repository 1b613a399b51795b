/**
 * franc's trigram method for exactly two languages, Vietnamese and English: the
 * fallback when the word rule has too little to go on.
 *
 * franc's own entry point builds trigram tables for ~400 languages when it is
 * imported (~30 ms here, most of a CLI start-up budget). We import only its data
 * file and turn the two models we need into maps, which costs a few milliseconds.
 * The scoring is franc's: each distinct trigram of the text adds the distance
 * between its count and its rank in the model, or 300 when the model lacks it;
 * the smaller total wins.
 *
 * franc's Vietnamese model was built from text whose tone marks are separate
 * combining characters while â ê ô ơ ư ă đ are precomposed ("ậ" = "â" + U+0323),
 * so the text is put in that form first; plain NFC would miss every trigram
 * holding a tone mark.
 */

import { data } from 'franc/data.js';
import type { Lang } from '../types.js';

/** franc's penalty for a trigram the model does not contain. */
const MAX_DIFFERENCE = 300;
/** franc's limits: it says nothing under 10 characters and reads at most 2,048. */
const TRIGRAM_MIN_LENGTH = 10;
const MAX_LENGTH = 2048;

/** Trigram → rank (0 = most frequent) for one franc model (`'the| th| an|…'`). */
function modelOf(code: string): ReadonlyMap<string, number> {
  const packed = data['Latin']?.[code];
  if (packed === undefined) throw new Error(`franc has no Latin-script model for ${code}`);
  const ranks = new Map<string, number>();
  packed.split('|').forEach((trigram, rank) => ranks.set(trigram, rank));
  return ranks;
}

const MODELS: ReadonlyArray<readonly [Lang, ReadonlyMap<string, number>]> = [
  ['vi', modelOf('vie')],
  ['en', modelOf('eng')],
];

/** The five Vietnamese tone marks as combining characters. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const LETTER_WITH_MARKS = /(\p{L})([\u0300-\u036f]+)/gu;

/**
 * Put text in the form franc's Vietnamese model uses: letters with their vowel
 * marks composed (â, ơ, ư…), tone marks as separate combining characters after them.
 */
export function toModelForm(text: string): string {
  return text.normalize('NFD').replace(LETTER_WITH_MARKS, (_match, letter: string, marks: string) => {
    const tones = marks.match(TONE_MARKS)?.join('') ?? '';
    const others = marks.replace(TONE_MARKS, '');
    return `${letter}${others}`.normalize('NFC') + tones;
  });
}

/** franc's cleaning (trigram-utils): ASCII punctuation, digits and symbols become spaces; lower case. */
function clean(text: string): string {
  return text.replace(/[\u0021-\u0040]+/gu, ' ').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** Count of each trigram of the cleaned text, padded with a space on both sides. */
function trigramCounts(text: string): Map<string, number> {
  const padded = ` ${clean(text)} `;
  const counts = new Map<string, number>();
  for (let index = 0; index + 3 <= padded.length; index++) {
    const trigram = padded.slice(index, index + 3);
    counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  }
  return counts;
}

function distance(counts: ReadonlyMap<string, number>, model: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const [trigram, count] of counts) {
    const rank = model.get(trigram);
    total += rank === undefined ? MAX_DIFFERENCE : Math.abs(count - rank - 1);
  }
  return total;
}

/** Letters of the Latin script, to refuse text that is mostly something else. */
const LATIN_LETTER = /\p{Script=Latin}/gu;
const ANY_LETTER = /\p{L}/gu;

/**
 * Vietnamese or English by franc's trigram distance, with franc's normalised gap
 * between the two (0 = a tie, larger = clearer). `null` when the text is shorter
 * than franc's minimum or not mostly Latin letters.
 */
export function trigramLanguage(text: string): { lang: Lang; gap: number } | null {
  const sample = text.slice(0, MAX_LENGTH);
  if (sample.length < TRIGRAM_MIN_LENGTH) return null;
  const letters = sample.match(ANY_LETTER)?.length ?? 0;
  const latin = sample.match(LATIN_LETTER)?.length ?? 0;
  if (letters === 0 || latin * 2 < letters) return null;

  const counts = trigramCounts(toModelForm(sample));
  const scored = MODELS.map(([lang, model]) => ({ lang, distance: distance(counts, model) })).sort(
    (a, b) => a.distance - b.distance,
  );
  const [best, second] = scored as [(typeof scored)[number], (typeof scored)[number]];
  // franc's normalisation: 1 - (d - min) / (length × 300 - min) per language.
  const span = sample.length * MAX_DIFFERENCE - best.distance;
  const gap = span > 0 ? (second.distance - best.distance) / span : 0;
  return { lang: best.lang, gap };
}
