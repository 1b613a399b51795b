/**
 * Dates for people: Vietnam time (UTC+7, the outlets' own zone), to the minute.
 */

import { vietnamWallClock } from '../normalize/dates.js';

/** `2024-08-12T03:30:00.000Z` → `2024-08-12 10:30 (GMT+7)`. */
export function formatDisplayDate(iso: string): string {
  const local = vietnamWallClock(iso);
  if (local === null) return iso;
  return `${local.slice(0, 10)} ${local.slice(11, 16)} (GMT+7)`;
}

/** Short form for tables: `2024-08-12 10:30`. */
export function formatShortDate(iso: string | null): string {
  const local = iso === null ? null : vietnamWallClock(iso);
  if (local === null) return '';
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}
