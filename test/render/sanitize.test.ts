import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownUrl, stripControl, terminalLine } from '../../src/render/sanitize.js';

describe('stripControl', () => {
  it.each([
    ['plain Tiếng Việt', 'plain Tiếng Việt'],
    ['red \u001b[31mtext\u001b[0m', 'red text'],
    ['title \u001b]0;pwned\u0007 here', 'title  here'],
    ['bell\u0007 and nul\u0000', 'bell and nul'],
    ['rtl \u202eevil', 'rtl evil'],
    ['tab\tand\nnewline', 'tab\tand\nnewline'],
    ['c1 \u009b31m', 'c1 31m'],
  ])('%j → %j', (input, expected) => {
    expect(stripControl(input)).toBe(expected);
  });

  it('terminalLine collapses newlines', () => {
    expect(terminalLine('a\n\n b\u001b[2J')).toBe('a b');
    expect(terminalLine(null)).toBe('');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['Giá *vàng* [tăng](http://x)', 'Giá \\*vàng\\* \\[tăng\\](http://x)'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['2024. Năm bản lề', '2024\\. Năm bản lề'],
    ['+84 phát triển', '\\+84 phát triển'],
    ['Hà Nội (GMT+7)', 'Hà Nội (GMT+7)'],
    ['# heading', '\\# heading'],
    ['M&A kỷ lục', 'M&amp;A kỷ lục'],
    ['line\nbreak', 'line break'],
    ['- list', '\\- list'],
  ])('%j → %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it('markdownUrl keeps http(s) only and encodes parentheses', () => {
    expect(markdownUrl('https://a.vn/x(1).html')).toBe('https://a.vn/x%281%29.html');
    expect(markdownUrl('javascript:alert(1)')).toBeNull();
  });
});
