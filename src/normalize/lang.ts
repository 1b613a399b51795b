/**
 * Language tags as pages, feeds and users write them, reduced to their primary subtag.
 */

/** `vi-VN`, `vi_VN`, `vie` → `vi`; `en-us`, `eng` → `en`; other tags keep their primary subtag. */
export function languageTag(raw: string): string | null {
  const primary = raw.trim().toLowerCase().split(/[-_\s,;]/)[0] ?? '';
  if (primary === 'vie') return 'vi';
  if (primary === 'eng') return 'en';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}
