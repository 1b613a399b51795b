/**
 * The SQL of ItemFilter's conditions (lang, source, since, until), shared by the list
 * query (store/items.ts) and ranked search (store/search.ts) so that a filter means
 * the same in both. Parameters: @lang, @source (lower-cased), @since, @until.
 */

/** The conditions on the columns of `items`, referred to through `prefix` (`''` or `'i.'`). */
export function filterConditions(prefix: string): string {
  return `(@lang IS NULL OR ${prefix}lang = @lang)
    AND (@source IS NULL OR ${prefix}source = @source OR news_lower(${prefix}site_name) = @source)
    AND (@since IS NULL OR ${prefix}sort_at >= @since)
    AND (@until IS NULL OR ${prefix}sort_at < @until)`;
}
