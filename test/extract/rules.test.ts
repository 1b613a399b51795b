/**
 * runField: rules in order, candidates in order, the first cleaned and valid value
 * wins; a rule's lazy candidates after the winner are never read.
 */
import { describe, expect, it } from 'vitest';
import type { ExtractContext } from '../../src/extract/context.js';
import { runField, type FieldSpec, type Rule } from '../../src/extract/rules.js';

const context = {} as ExtractContext;

/** A rule yielding the candidates lazily and recording which were read. */
function lazyRule(name: string, candidates: (string | null)[], read: string[]): Rule {
  return {
    name,
    read: function* () {
      for (const candidate of candidates) {
        read.push(`${name}:${candidate}`);
        yield candidate;
      }
    },
  };
}

describe('runField', () => {
  it.each([
    { rules: [['a', null, 'bb']], value: 'BB', rule: 'r0', raw: 'bb' },
    { rules: [[null, 'x'], ['ccc']], value: 'CCC', rule: 'r1', raw: 'ccc' },
    { rules: [['x', ''], [null]], value: null, rule: null, raw: null },
  ])('$rules → $value by $rule', ({ rules, value, rule, raw }) => {
    const spec: FieldSpec = {
      rules: rules.map((candidates, i) => ({ name: `r${i}`, read: () => candidates })),
      clean: (text) => (text.length >= 2 ? text.toUpperCase() : null),
    };
    expect(runField(spec, context)).toEqual({ value, rule, raw });
  });

  it('reads single values, arrays and lazy candidates alike, and stops at the winner', () => {
    const read: string[] = [];
    const spec: FieldSpec = {
      rules: [
        { name: 'single', read: () => 'x' },
        lazyRule('lazy', ['y', 'good', 'never'], read),
        lazyRule('later', ['never'], read),
      ],
      clean: (text) => text,
      valid: (value) => value.length > 1,
    };
    expect(runField(spec, context)).toEqual({ value: 'good', rule: 'lazy', raw: 'good' });
    expect(read).toEqual(['lazy:y', 'lazy:good']);
  });
});
