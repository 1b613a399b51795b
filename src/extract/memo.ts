/**
 * A bounded memo for pure string functions that extraction calls again and again
 * with the same few values (publisher names, agency credits, dates): the result is
 * looked up instead of recomputed. The table is emptied when it reaches its limit,
 * so memory stays bounded however many pages a process reads.
 */
export function memoize<T>(compute: (value: string) => T, limit = 2000): (value: string) => T {
  const table = new Map<string, T>();
  return (value: string): T => {
    let result = table.get(value);
    if (result === undefined && !table.has(value)) {
      result = compute(value);
      if (table.size >= limit) table.clear();
      table.set(value, result);
    }
    return result as T;
  };
}
