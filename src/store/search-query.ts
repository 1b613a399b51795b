/**
 * The search query language, parsed into an SQLite FTS5 MATCH expression over the
 * folded search columns (see store/search-index.ts) plus what ranking and
 * highlighting need. Pure: no database here.
 *
 * - Words typed next to each other form a phrase: `kinh te` matches "kinh tế" but not
 *   "Kinh nghiệm … quốc tế".
 * - `"quoted words"` is a phrase too; `AND` (or a quoted phrase) separates phrases
 *   that must all occur, in any order.
 * - `OR` between two phrases: either. It binds tighter than AND, as in web search.
 * - `-word`, `-"a phrase"` or `NOT word`: items containing it are left out.
 * - `word*`: a word starting with `word` (`nguy*`).
 * - Everything else is text: each phrase goes to FTS5 as a quoted string, so no input
 *   can produce an FTS5 syntax error. Queries that cannot mean anything (empty,
 *   nothing but exclusions, a dangling `OR`/`NOT`) are a UsageError.
 *
 * Matching ignores case and diacritics (including đ/Đ): the query is folded like
 * the indexed text. Ranking prefers items with the diacritics as typed ("bàn" before
 * "bán"): see `exact`.
 */

import { UsageError } from '../errors.js';
import { foldText, WORD_CHARACTERS as WORD } from '../normalize/text.js';

/** One word of a phrase. */
export interface SearchWord {
  /** Folded (lower case, no diacritics, đ→d): what the index is searched for. */
  folded: string;
  /** As typed, NFC and lower case: what exact-diacritic ranking compares. */
  typed: string;
  /** `word*`: matches any word starting with it. */
  prefix: boolean;
}

/** A phrase: words that must occur in this order, next to each other. */
export type SearchPhrase = readonly SearchWord[];

/** A parsed query. */
export interface ParsedSearch {
  /** The FTS5 MATCH expression (folded, every phrase quoted). */
  match: string;
  /** Every group must match; a group matches when one of its phrases does (OR). */
  groups: readonly (readonly SearchPhrase[])[];
  /** Phrases an item must not contain. */
  excluded: readonly SearchPhrase[];
  /**
   * Exact-diacritic ranking, or `null` when no word was typed with diacritics.
   * An item ranks first when, for every group listed, one of its alternatives has
   * all its words (typed form, whole words or prefixes) in the item's text. Only
   * words typed with diacritics count: "ban ghế" asks for "ghế" exactly and any
   * ban/bàn/bán. Listed per group, alternatives per phrase, words per alternative.
   */
  exact: readonly (readonly (readonly ExactWord[])[])[] | null;
}

/** A word that exact-diacritic ranking looks for. */
export interface ExactWord {
  /** NFC, lower case, with its diacritics. */
  text: string;
  prefix: boolean;
}

/** A piece of the query as typed. */
type Piece =
  | { kind: 'words'; text: string; prefix: boolean; quoted: boolean; negated: boolean }
  | { kind: 'or' }
  | { kind: 'and' };


/** Split query text into pieces: quoted phrases, bare words, OR/AND/NOT and `-` prefixes. */
function tokenize(query: string): Piece[] {
  const pieces: Piece[] = [];
  let negateNext = false;
  let i = 0;
  const length = query.length;
  while (i < length) {
    const char = query[i]!;
    if (/\s/u.test(char)) {
      i += 1;
      continue;
    }
    let negated = negateNext;
    negateNext = false;
    if (char === '-' && i + 1 < length && !/\s/u.test(query[i + 1]!)) {
      negated = true;
      i += 1;
    }
    if (query[i] === '"') {
      const end = query.indexOf('"', i + 1);
      const close = end === -1 ? length : end;
      const text = query.slice(i + 1, close);
      i = close + 1;
      const prefix = query[i] === '*';
      if (prefix) i += 1;
      pieces.push({ kind: 'words', text, prefix, quoted: true, negated });
      continue;
    }
    let end = i;
    while (end < length && !/\s/u.test(query[end]!) && query[end] !== '"') end += 1;
    const text = query.slice(i, end);
    i = end;
    if (!negated && text === 'OR') pieces.push({ kind: 'or' });
    else if (!negated && text === 'AND') pieces.push({ kind: 'and' });
    else if (!negated && text === 'NOT') negateNext = true;
    else {
      const prefix = text.endsWith('*');
      pieces.push({ kind: 'words', text: text.replace(/\*+$/u, ''), prefix, quoted: false, negated });
    }
  }
  if (negateNext) throw new UsageError('NOT needs a word or "phrase" after it');
  return pieces;
}

/** A folded word must keep a letter or digit to be searchable (a lone mark folds to nothing). */
const SEARCHABLE = /[\p{L}\p{N}\p{Co}]/u;

/** The words of a piece of text, folded and as typed; the last one is a prefix when asked. */
function wordsOf(text: string, prefix: boolean): SearchWord[] {
  const typed = text.normalize('NFC').toLowerCase().match(WORD) ?? [];
  const words = typed
    .map((word) => ({ folded: foldText(word), typed: word, prefix: false }))
    .filter((word) => SEARCHABLE.test(word.folded));
  if (prefix && words.length > 0) words[words.length - 1]!.prefix = true;
  return words;
}

/** A phrase as an FTS5 string: `"kinh te"`, `"nguy" *`, `"ngu" * + "van"`. */
function phraseMatch(phrase: SearchPhrase): string {
  const quote = (text: string): string => `"${text.replaceAll('"', '""')}"`;
  const innerPrefix = phrase.slice(0, -1).some((word) => word.prefix);
  if (!innerPrefix) {
    const last = phrase[phrase.length - 1]!;
    return `${quote(phrase.map((word) => word.folded).join(' '))}${last.prefix ? ' *' : ''}`;
  }
  return phrase.map((word) => `${quote(word.folded)}${word.prefix ? ' *' : ''}`).join(' + ');
}

/** A word was typed with diacritics (or đ) when folding changes it. */
function isMarked(word: SearchWord): boolean {
  return word.folded !== word.typed;
}

/** The exact-ranking part of a query (see ParsedSearch.exact). */
function exactOf(groups: readonly (readonly SearchPhrase[])[]): ParsedSearch['exact'] {
  const exact = groups
    .map((group) =>
      group
        .map((phrase) => phrase.filter(isMarked).map((word) => ({ text: word.typed, prefix: word.prefix })))
        .filter((words) => words.length > 0),
    )
    .filter((alternatives) => alternatives.length > 0);
  return exact.length === 0 ? null : exact;
}

/**
 * Parse a search query (see the module comment for the language) into an FTS5 MATCH
 * expression, its phrase groups, exclusions and exact-ranking words. Throws a
 * UsageError naming the problem for a query that asks for nothing.
 */
export function parseSearchQuery(query: string): ParsedSearch {
  if (query.trim() === '') throw new UsageError('empty search query');
  const groups: SearchPhrase[][] = [];
  const excluded: SearchPhrase[] = [];
  let run: SearchWord[] = [];
  /** `OR` was just read: the next phrase joins the last group. */
  let pendingOr = false;
  /** The last thing read was a positive phrase (an OR may follow). */
  let afterPhrase = false;

  const addPhrase = (phrase: SearchPhrase): void => {
    if (pendingOr) groups[groups.length - 1]!.push(phrase);
    else groups.push([phrase]);
    pendingOr = false;
    afterPhrase = true;
  };
  const flushRun = (): void => {
    if (run.length > 0) addPhrase(run);
    run = [];
  };

  for (const piece of tokenize(query)) {
    if (piece.kind === 'or' || piece.kind === 'and') {
      flushRun();
      if (pendingOr || (piece.kind === 'or' && !afterPhrase)) throw new UsageError('OR needs a word or "phrase" on each side');
      pendingOr = piece.kind === 'or';
      afterPhrase = false;
      continue;
    }
    const words = wordsOf(piece.text, piece.prefix);
    if (piece.negated) {
      flushRun();
      if (pendingOr) throw new UsageError('OR cannot join an excluded word: write the exclusion on its own');
      if (words.length > 0) excluded.push(words);
      afterPhrase = false;
    } else if (piece.quoted) {
      flushRun();
      if (words.length > 0) addPhrase(words);
    } else {
      // Bare words typed one after another make one phrase.
      run.push(...words);
    }
  }
  flushRun();
  if (pendingOr) throw new UsageError('OR needs a word or "phrase" on each side');
  if (groups.length === 0) {
    throw new UsageError(
      excluded.length > 0
        ? 'a search needs at least one word to find; -word and NOT only leave items out'
        : `nothing to search for in "${query.trim()}": use letters or digits`,
    );
  }

  const group = (phrases: readonly SearchPhrase[]): string =>
    phrases.length === 1 ? phraseMatch(phrases[0]!) : `(${phrases.map(phraseMatch).join(' OR ')})`;
  let match = groups.map(group).join(' AND ');
  if (excluded.length > 0) {
    match = `(${match})${excluded.map((phrase) => ` NOT ${phraseMatch(phrase)}`).join('')}`;
  }
  return { match, groups, excluded, exact: exactOf(groups) };
}
