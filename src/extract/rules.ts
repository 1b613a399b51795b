/**
 * The rule mechanism every field uses: an ordered list of named candidates; each raw
 * value is cleaned, then validated, and the first value that survives wins. The
 * winning rule's name is kept as provenance.
 */
import type { ExtractContext } from './context.js';

/** One way of reading a field: returns raw candidates (first is tried first). */
export interface Rule {
  name: string;
  read(context: ExtractContext): string | null | readonly (string | null)[];
}

export interface FieldSpec {
  rules: readonly Rule[];
  /** Turn a raw value into the stored form, or `null` to reject it. */
  clean(raw: string, context: ExtractContext): string | null;
  /** Final say on a cleaned value (e.g. a byline must be a name, not the publisher). */
  valid?(value: string, context: ExtractContext): boolean;
}

export interface FieldResult {
  value: string | null;
  rule: string | null;
  /** The raw candidate the value was cleaned from (a later field may read the same line). */
  raw: string | null;
}

/** Run a field's rules in order; the first cleaned, valid value wins. */
export function runField(spec: FieldSpec, context: ExtractContext): FieldResult {
  for (const rule of spec.rules) {
    const raw = rule.read(context);
    const candidates = Array.isArray(raw) ? raw : [raw];
    for (const candidate of candidates) {
      if (candidate === null || candidate === undefined) continue;
      const value = spec.clean(candidate, context);
      if (value === null) continue;
      if (spec.valid && !spec.valid(value, context)) continue;
      return { value, rule: rule.name, raw: candidate };
    }
  }
  return { value: null, rule: null, raw: null };
}
