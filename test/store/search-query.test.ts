import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseSearchQuery } from '../../src/store/search-query.js';

describe('parseSearchQuery: the FTS5 MATCH expression', () => {
  it.each([
    ['one word', 'điện', '"dien"'],
    ['words typed together are a phrase', 'kinh te', '"kinh te"'],
    ['folded: diacritics, đ/Đ and case', 'Đà Nẵng', '"da nang"'],
    ['an NFD query folds like NFC', 'Nguyễn'.normalize('NFD'), '"nguyen"'],
    ['a quoted phrase', '"kinh tế"', '"kinh te"'],
    ['a quoted phrase and a word are both required', '"kinh tế" vàng', '"kinh te" AND "vang"'],
    ['AND separates phrases', 'kinh AND te', '"kinh" AND "te"'],
    ['OR between words', 'vàng OR bạc', '("vang" OR "bac")'],
    ['OR between phrases', 'giá vàng OR lãi suất', '("gia vang" OR "lai suat")'],
    ['OR binds tighter than AND', '"giá" vàng OR bạc', '"gia" AND ("vang" OR "bac")'],
    ['a chain of ORs', 'a OR b OR c', '("a" OR "b" OR "c")'],
    ['-word excludes', 'bão -lũ', '("bao") NOT "lu"'],
    ['NOT word excludes', 'bão NOT lũ', '("bao") NOT "lu"'],
    ['-"phrase" excludes a phrase', 'giá -"giá vàng"', '("gia") NOT "gia vang"'],
    ['exclusions after several groups', 'kinh te -quoc -"the gioi"', '("kinh te") NOT "quoc" NOT "the gioi"'],
    ['a prefix', 'nguy*', '"nguy" *'],
    ['a prefix ending a phrase', 'kinh t*', '"kinh t" *'],
    ['a prefix inside a phrase', 'ng* van', '"ng" * + "van"'],
    ['a quoted prefix', '"kinh t"*', '"kinh t" *'],
    ['lower-case or/and/not are words', 'rock or not', '"rock or not"'],
    ['punctuation splits words inside a phrase', 'COVID-19', '"covid 19"'],
    ['a lone dash is punctuation', 'Hà Nội - Hải Phòng', '"ha noi hai phong"'],
    ['FTS5 syntax in the input is only text', 'a:b NEAR(c d) ^e {f}', '"a b near c d e f"'],
    ['a quote inside a word starts a phrase', 'ab"cd ef"', '"ab" AND "cd ef"'],
    ['an unterminated quote runs to the end', '"kinh te', '"kinh te"'],
    ['punctuation-only pieces are skipped', 'giá !!! vàng', '"gia vang"'],
    ['an empty quoted phrase is skipped', 'vàng ""', '"vang"'],
  ])('%s: %s → %s', (_label, query, match) => {
    expect(parseSearchQuery(query).match).toBe(match);
  });
});

describe('parseSearchQuery: groups, exclusions, exact words', () => {
  it('keeps each word folded and as typed, with its prefix flag', () => {
    const parsed = parseSearchQuery('Đà Nẵ* -bão');
    expect(parsed.groups).toEqual([
      [[{ folded: 'da', typed: 'đà', prefix: false }, { folded: 'na', typed: 'nẵ', prefix: true }]],
    ]);
    expect(parsed.excluded).toEqual([[{ folded: 'bao', typed: 'bão', prefix: false }]]);
  });

  it.each([
    ['no diacritics: no exact ranking', 'ban ghe', null],
    ['one marked word', 'bàn', [[[{ text: 'bàn', prefix: false }]]]],
    ['only the marked words of a phrase count', 'ban ghế', [[[{ text: 'ghế', prefix: false }]]]],
    ['đ counts as a diacritic', 'điện', [[[{ text: 'điện', prefix: false }]]]],
    ['upper case is not a diacritic', 'BAN', null],
    ['alternatives of an OR', 'bàn OR bán', [[[{ text: 'bàn', prefix: false }], [{ text: 'bán', prefix: false }]]]],
    ['an unmarked alternative adds nothing', 'bàn OR ghe', [[[{ text: 'bàn', prefix: false }]]]],
    ['each group', '"bàn" "ghế" gỗ*', [[[{ text: 'bàn', prefix: false }]], [[{ text: 'ghế', prefix: false }]], [[{ text: 'gỗ', prefix: true }]]]],
    ['the marked words of one phrase', 'bàn ghế go', [[[{ text: 'bàn', prefix: false }, { text: 'ghế', prefix: false }]]]],
    ['exclusions are not ranked', 'ban -bán', null],
    ['NFD typed words are NFC', 'bàn'.normalize('NFD'), [[[{ text: 'bàn', prefix: false }]]]],
  ])('%s: %s', (_label, query, exact) => {
    expect(parseSearchQuery(query).exact).toEqual(exact);
  });
});

describe('parseSearchQuery: queries that ask for nothing', () => {
  it.each([
    ['empty', '', /empty search query/],
    ['blank', '   ', /empty search query/],
    ['punctuation only', '!!! ...', /nothing to search for in "!!! \.\.\.": use letters or digits/],
    ['only exclusions', '-bão NOT lũ', /at least one word to find/],
    ['OR first', 'OR vàng', /OR needs a word or "phrase" on each side/],
    ['OR last', 'vàng OR', /OR needs a word or "phrase" on each side/],
    ['OR OR', 'vàng OR OR bạc', /OR needs a word or "phrase" on each side/],
    ['OR then AND', 'vàng OR AND bạc', /OR needs a word or "phrase" on each side/],
    ['OR of an exclusion', 'vàng OR -bạc', /OR cannot join an excluded word/],
    ['NOT last', 'vàng NOT', /NOT needs a word or "phrase" after it/],
  ])('%s: %j is a UsageError', (_label, query, message) => {
    expect(() => parseSearchQuery(query)).toThrow(UsageError);
    expect(() => parseSearchQuery(query)).toThrow(message);
  });
});
