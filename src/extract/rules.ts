/**
 * The rule mechanism every field uses: an ordered list of named candidates; each raw
 * value is cleaned, then validated, and the first value that survives wins. The
 * winning rule's name is kept as provenance.
 */
import type { ExtractContext } from './context.js';

/**
 * One way of reading a field: returns raw candidates (first is tried first). Rules
 * with many sources (selector lists, meta keys) return a lazy iterable, so sources
 * after the first valid value are never read.
 */
export interface Rule {
  name: string;
  read(context: ExtractContext): string | null | Iterable<string | null>;
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
    if (raw === null || raw === undefined) continue;
    if (typeof raw === 'string') {
      const result = attempt(spec, context, rule, raw);
      if (result !== null) return result;
      continue;
    }
    for (const candidate of raw) {
      if (candidate === null || candidate === undefined) continue;
      const result = attempt(spec, context, rule, candidate);
      if (result !== null) return result;
    }
  }
  return { value: null, rule: null, raw: null };
}

/** One candidate cleaned and validated: the field's result, or `null` when rejected. */
function attempt(spec: FieldSpec, context: ExtractContext, rule: Rule, candidate: string): FieldResult | null {
  const value = spec.clean(candidate, context);
  if (value === null) return null;
  if (spec.valid && !spec.valid(value, context)) return null;
  return { value, rule: rule.name, raw: candidate };
}
