/**
 * Parsing the user's filter flags (`--lang`, `--since`, `--until`, `--limit`).
 * Each parser throws commander's InvalidArgumentError, which becomes exit code 2.
 * `toFilter` turns the parsed flags of list, search and export into the store's filter.
 */
import { InvalidArgumentError } from 'commander';
import { VIETNAM_UTC_OFFSET } from '../normalize/dates.js';
import type { ItemFilter, Lang } from '../types.js';

/** `vi` | `en` (case-insensitive). */
export function parseLang(value: string): Lang {
  const lang = value.trim().toLowerCase();
  if (lang === 'vi' || lang === 'en') return lang;
  throw new InvalidArgumentError(`expected "vi" or "en", got "${value}"`);
}

/** A positive whole number. */
export function parsePositiveInt(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
    throw new InvalidArgumentError(`expected a positive whole number, got "${value}"`);
  }
  return Number(value);
}

/** A number of seconds from 1 to a day (timers overflow past ~24.8 days, and no run should last a day). */
export function parseSeconds(value: string): number {
  const seconds = parsePositiveInt(value);
  if (seconds > 86_400) throw new InvalidArgumentError(`expected at most 86400 seconds (a day), got "${value}"`);
  return seconds;
}

/** A whole number, zero allowed. */
export function parseNonNegativeInt(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`expected a whole number, got "${value}"`);
  return Number(value);
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * A point in time: a duration back from now (`90m`, `24h`, `7d`, `2w`), a day
 * (`2026-11-01`, midnight Vietnam time, the outlets' zone), or a full ISO 8601 time.
 */
export function parseTimeBound(value: string, now: Date = new Date()): string {
  const text = value.trim();
  const duration = /^(\d+)\s*([mhdw])$/i.exec(text);
  if (duration !== null) {
    return new Date(now.getTime() - Number(duration[1]) * UNIT_MS[duration[2]!.toLowerCase()]!).toISOString();
  }
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const candidate = day !== null ? `${text}T00:00:00${VIETNAM_UTC_OFFSET}` : text;
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(candidate);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(candidate)) {
    const time = Date.parse(hasZone ? candidate : `${candidate}${VIETNAM_UTC_OFFSET}`);
    if (!Number.isNaN(time)) return new Date(time).toISOString();
  }
  throw new InvalidArgumentError(`expected a duration like 24h or 7d, a day like 2026-11-01, or an ISO time; got "${value}"`);
}

/** The filter flags list, search and export share, as commander parsed them. */
export interface FilterFlags {
  db?: string;
  lang?: Lang;
  source?: string;
  since?: string;
  until?: string;
  limit?: number;
  /** `--search <query>`: only items matching this full-text query. */
  search?: string;
}

export function toFilter(flags: FilterFlags): ItemFilter {
  return {
    lang: flags.lang ?? null,
    source: flags.source ?? null,
    since: flags.since ?? null,
    until: flags.until ?? null,
    limit: flags.limit ?? null,
    search: flags.search ?? null,
  };
}
