/**
 * Where a search query's phrases occur in a title, for highlighting matches on a
 * terminal. Words are compared folded (foldText: case, diacritics, đ→d), as the
 * index compares them, and the ranges point into the original string, so
 * "da nang" highlights "Đà Nẵng" as written.
 */
import { foldText, WORD_CHARACTERS as WORD } from '../normalize/text.js';

/** A query word as highlighting needs it (store/search-query.ts's SearchWord fits). */
export interface HighlightWord {
  folded: string;
  prefix: boolean;
}

/** `[start, end)` in UTF-16 code units of the original text. */
export type Range = readonly [number, number];

/** A word of the text: where it is and how it folds. */
interface TextWord {
  start: number;
  end: number;
  folded: string;
}

function wordsOf(text: string): TextWord[] {
  return [...text.matchAll(WORD)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    folded: foldText(match[0]),
  }));
}

function wordMatches(word: TextWord, query: HighlightWord): boolean {
  return query.prefix ? word.folded.startsWith(query.folded) : word.folded === query.folded;
}

/**
 * The ranges of `text` where one of `phrases` occurs (every word in order, next to
 * each other; a prefix word matches a word's start), sorted and merged.
 */
export function highlightRanges(text: string, phrases: readonly (readonly HighlightWord[])[]): Range[] {
  const words = wordsOf(text);
  const found: [number, number][] = [];
  for (const phrase of phrases) {
    if (phrase.length === 0) continue;
    for (let i = 0; i + phrase.length <= words.length; i += 1) {
      if (phrase.every((query, k) => wordMatches(words[i + k]!, query))) {
        found.push([words[i]!.start, words[i + phrase.length - 1]!.end]);
      }
    }
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** `text` with `style` applied to each range (ranges past the end are cut to it). */
export function applyRanges(text: string, ranges: readonly Range[], style: (part: string) => string): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (start >= text.length) break;
    const stop = Math.min(end, text.length);
    if (start < at) continue;
    out += text.slice(at, start) + style(text.slice(start, stop));
    at = stop;
  }
  return out + text.slice(at);
}

/**
 * The table option (TableOptions.highlight) that marks a search query's phrases
 * (store/search-query.ts's parsed groups, flattened) in titles; no option without a query.
 */
export function queryHighlight(phrases: readonly (readonly HighlightWord[])[] | null): { highlight?: (title: string) => Range[] } {
  if (phrases === null) return {};
  return { highlight: (title) => highlightRanges(title, phrases) };
}
