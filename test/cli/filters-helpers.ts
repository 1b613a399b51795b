// Re-exports for the filter tests (keeps the test's import list short).
export { parseLang, parsePositiveInt, parseTimeBound } from '../../src/cli/filters.js';
export { wantsColor as wantsColorFor } from '../../src/cli/io.js';
