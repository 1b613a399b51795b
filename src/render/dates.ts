/**
 * Dates for people: Vietnam time (UTC+7, the outlets' own zone), to the minute.
 */

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** `2024-08-12T03:30:00.000Z` → `2024-08-12 10:30 (GMT+7)`. */
export function formatDisplayDate(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const local = new Date(time + VIETNAM_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} (GMT+7)`;
}

/** Short form for tables: `2024-08-12 10:30`. */
export function formatShortDate(iso: string | null): string {
  if (iso === null) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const local = new Date(time + VIETNAM_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}
