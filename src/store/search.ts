/**
 * Ranked search over the full-text index (store/search-index.ts).
 *
 * Ranking: items with the query's diacritics as typed come first ("bàn" before
 * "bán", see ParsedSearch.exact), then FTS5's bm25 over the folded text (a title
 * match weighs 4, a byline match 2, a summary match 1), then newest first.
 *
 * Ranking reads the newest CANDIDATES matching items (by id, which follows the
 * order items were first seen), or `limit` when larger, rather than every match:
 * bm25 over all 65,000 items matching a common word costs ~80 ms here, the newest
 * 1,000 a few ms. A rare query is ranked over all its matches; a common one over
 * the recent ones, which for news is what people search for. Every match, unranked,
 * is available through the `search` filter of list and export.
 */

import type BetterSqlite3 from 'better-sqlite3';
import type { ExactWord, ParsedSearch } from './search-query.js';
import { WORD_CHARACTER_CLASS } from '../normalize/text.js';
import { filterConditions } from './item-filter.js';

type Database = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement;

/** How many of the newest matches are ranked (at least). */
export const CANDIDATES = 1000;

/**
 * The list filter as bound SQL parameters (ItemStore's filterParams): `lang`,
 * `source` (lower case), `since` and `until` (canonical ISO); other keys are ignored.
 */
export type FilterParams = Readonly<Record<string, string | number | null>>;

/** A matching item as ranking sees it. */
interface Candidate {
  id: number;
  score: number;
  sort_at: string;
  title?: string | null;
  summary?: string | null;
  byline?: string | null;
}

/** The newest `@window` matches passing the filter, with their bm25 score (lower is better). */
const candidatesSql = (columns: string): string => `
  SELECT f.rowid AS id, bm25(items_fts, 4.0, 1.0, 2.0) AS score, i.sort_at${columns}
  FROM items_fts f JOIN items i ON i.id = f.rowid
  WHERE items_fts MATCH @match AND ${filterConditions('i.')}
  ORDER BY f.rowid DESC
  LIMIT @window`;

/** A test for one exact word in lower-cased NFC text: a whole word, or a word start for a prefix. */
function exactWordPattern(word: ExactWord): RegExp {
  const escaped = word.text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return new RegExp(`(?<!${WORD_CHARACTER_CLASS})${escaped}${word.prefix ? '' : `(?!${WORD_CHARACTER_CLASS})`}`, 'u');
}

/**
 * A predicate telling whether an item's text has the query's diacritics as typed
 * (see ParsedSearch.exact); `null` when the query has none (no item is preferred).
 */
export function exactMatcher(exact: ParsedSearch['exact']): ((text: string) => boolean) | null {
  if (exact === null) return null;
  const groups = exact.map((alternatives) => alternatives.map((words) => words.map(exactWordPattern)));
  return (text) => groups.every((alternatives) => alternatives.some((patterns) => patterns.every((pattern) => pattern.test(text))));
}

/** The text exact matching reads: title, summary and byline, NFC, lower case. */
function candidateText(candidate: Candidate): string {
  return [candidate.title, candidate.summary, candidate.byline]
    .filter((value): value is string => value !== null && value !== undefined)
    .join('\n')
    .normalize('NFC')
    .toLowerCase();
}

/** Ranks search matches; statements are prepared once. */
export class SearchRanker {
  private readonly scored: Statement;
  private readonly scoredWithText: Statement;

  constructor(db: Database) {
    this.scored = db.prepare(candidatesSql(''));
    this.scoredWithText = db.prepare(candidatesSql(', i.title, i.summary, i.byline'));
  }

  /**
   * Ids of the items matching `query` and the filter, best first (see the module
   * comment), at most `limit` (`null`: every candidate ranked).
   */
  rank(query: ParsedSearch, filter: FilterParams, limit: number | null): number[] {
    const isExact = exactMatcher(query.exact);
    const window = Math.max(CANDIDATES, limit ?? 0);
    const statement = isExact === null ? this.scored : this.scoredWithText;
    const candidates = statement.all({ ...filter, match: query.match, window }) as Candidate[];
    const exact = new Set<number>();
    if (isExact !== null) {
      for (const candidate of candidates) if (isExact(candidateText(candidate))) exact.add(candidate.id);
    }
    candidates.sort(
      (a, b) =>
        Number(exact.has(b.id)) - Number(exact.has(a.id)) ||
        a.score - b.score ||
        (a.sort_at < b.sort_at ? 1 : a.sort_at > b.sort_at ? -1 : 0) ||
        b.id - a.id,
    );
    const ids = candidates.map((candidate) => candidate.id);
    return limit === null ? ids : ids.slice(0, limit);
  }
}
