import { describe, expect, it } from 'vitest';
import { applyRanges, highlightRanges } from '../../src/render/highlight.js';
import { renderTable } from '../../src/render/table.js';
import { parseSearchQuery } from '../../src/store/search-query.js';
import type { Item } from '../../src/types.js';

/** The parts of `text` a query highlights, each in brackets. */
const marked = (text: string, query: string): string =>
  applyRanges(text, highlightRanges(text, parseSearchQuery(query).groups.flat()), (part) => `[${part}]`);

describe('highlightRanges', () => {
  it.each([
    ['folded match, original text kept', 'Đà Nẵng mở chợ đêm', 'da nang', '[Đà Nẵng] mở chợ đêm'],
    ['đ/Đ', 'ĐIỆN lực và điện mặt trời', 'dien', '[ĐIỆN] lực và [điện] mặt trời'],
    ['a phrase only where its words are adjacent', 'Kinh nghiệm quốc tế, kinh tế xanh', 'kinh te', 'Kinh nghiệm quốc tế, [kinh tế] xanh'],
    ['whole words only', 'Bàn bạc về bàn banh', 'ban', '[Bàn] bạc về [bàn] banh'],
    ['a prefix matches word starts', 'Nguyễn Văn Nguyên', 'nguy*', '[Nguyễn] Văn [Nguyên]'],
    ['several phrases; excluded words are not marked', 'Giá vàng và giá bạc', 'vàng OR bạc -giá', 'Giá [vàng] và giá [bạc]'],
    ['overlapping matches merge', 'Hà Nội Hà Nội', '"ha noi ha" "noi ha noi"', '[Hà Nội Hà Nội]'],
    ['an NFD title', 'Nguyễn Du'.normalize('NFD'), 'nguyen', `[${'Nguyễn'.normalize('NFD')}] Du`],
    ['no match', 'Thời tiết hôm nay', 'bão', 'Thời tiết hôm nay'],
  ])('%s: %s / %s', (_label, text, query, expected) => {
    expect(marked(text, query)).toBe(expected);
  });

  it('gives UTF-16 ranges into the original string', () => {
    expect(highlightRanges('Ở Đà Nẵng', [[{ folded: 'da', prefix: false }, { folded: 'nang', prefix: false }]])).toEqual([[2, 9]]);
  });

  it('applyRanges cuts ranges at the end of a truncated text', () => {
    expect(applyRanges('Đà Nẵ…', [[0, 7]], (part) => `[${part}]`)).toBe('[Đà Nẵ…]');
    expect(applyRanges('Đà', [[5, 9]], (part) => `[${part}]`)).toBe('Đà');
  });
});

describe('renderTable with highlight', () => {
  const item: Item = {
    id: 7, url: 'https://vnexpress.net/a.html', canonicalUrl: null, title: 'Đà Nẵng mở chợ đêm', byline: null,
    attribution: null, summary: null, lang: 'vi', declaredLang: null, langSource: null, publishedAt: '2026-03-01T01:00:00.000Z',
    firstSeenAt: '2026-03-01T01:00:00.000Z', fetchedAt: '2026-03-01T01:00:00.000Z', updatedAt: '2026-03-01T01:00:00.000Z',
    siteName: null, imageUrl: null, source: 'vnexpress.net', storyId: null,
  };
  const highlight = (title: string) => highlightRanges(title, parseSearchQuery('da nang').groups.flat());

  it('emphasises the matched words in colour', () => {
    const line = renderTable([item], { color: true, width: null, highlight }).split('\n')[1]!;
    expect(line).toContain('\u001b[1m\u001b[31mĐà Nẵng\u001b[39m\u001b[22m mở chợ đêm');
  });

  it('prints plain text without colour', () => {
    const text = renderTable([item], { color: false, width: null, highlight });
    expect(text).not.toContain('\u001b[');
    expect(text).toContain('Đà Nẵng mở chợ đêm');
  });
});
