import { describe, expect, it } from 'vitest';
import { escapeMarkup, httpUrl, markupSafe } from '../../src/render/markup.js';

describe('escapeMarkup', () => {
  const cases: Array<[string, string]> = [
    ['plain Tiếng Việt', 'plain Tiếng Việt'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['"quoted" and \'single\'', '&quot;quoted&quot; and &#39;single&#39;'],
    ['end of CDATA ]]>', 'end of CDATA ]]&gt;'],
    ['bell\u0007 escape\u001b[31m red', 'bell escape red'],
    ['non-characters \ufffe\uffff gone', 'non-characters  gone'],
    ['lone \ud800 surrogate, pair 😀 kept', 'lone  surrogate, pair 😀 kept'],
    ['already &amp; escaped', 'already &amp;amp; escaped'],
  ];
  it.each(cases)('%j → %j', (input, expected) => {
    expect(escapeMarkup(input)).toBe(expected);
  });
});

describe('markupSafe', () => {
  it('keeps tabs and newlines but drops other controls and bidi overrides', () => {
    expect(markupSafe('a\tb\nc\u0000d\u202ee')).toBe('a\tb\ncde');
  });
});

describe('httpUrl', () => {
  const cases: Array<[string | null, string | null]> = [
    ['https://vnexpress.net/a-1.html', 'https://vnexpress.net/a-1.html'],
    ['HTTP://Example.org/x?a=1&b=2', 'HTTP://Example.org/x?a=1&b=2'],
    ['  https://tuoitre.vn/x.htm  ', 'https://tuoitre.vn/x.htm'],
    ['javascript:alert(1)', null],
    ['data:text/html,<b>x</b>', null],
    ['//evil.example/x', null],
    ['https://has space.example/x', null],
    [null, null],
  ];
  it.each(cases)('%j → %j', (input, expected) => {
    expect(httpUrl(input)).toBe(expected);
  });
});
