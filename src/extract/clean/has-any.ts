/**
 * A cheap test run before a cleaning pattern that can only match text holding one of
 * a few characters: most values hold none, and the pattern then need not run.
 */

/** Whether `text` contains any of the UTF-16 characters of `characters`. */
export function hasAnyOf(text: string, characters: string): boolean {
  for (let i = 0; i < characters.length; i++) if (text.indexOf(characters[i]!) !== -1) return true;
  return false;
}
