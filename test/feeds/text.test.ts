import { describe, expect, it } from 'vitest';
import { bylineOf, htmlToText, personName, summaryText } from '../../src/feeds/text.js';

describe('htmlToText', () => {
  it.each([
    ['<p>Một</p><p>Hai</p>', 'Một Hai'],
    ['Xin<br>chào', 'Xin chào'],
    ['<b>Đậm</b>nhạt', 'Đậmnhạt'],
    ['a &amp; b', 'a & b'],
    ['a &amp;amp; b', 'a & b'],
    ['&quot;Trích&quot; &#8211; dẫn', '"Trích" – dẫn'],
    ['Tin <script>track()</script>mới<style>p{}</style>', 'Tin mới'],
    ['<img src="x.jpg"><a href="/">Liên kết</a>', 'Liên kết'],
    ['2 < 3', '2 < 3'],
    ['Hà&nbsp;Nội\u200b  \n mưa', 'Hà Nội mưa'],
    ['Vie\u0302\u0323t', 'Việt'],
    ['<p> </p>', null],
    ['', null],
    [null, null],
  ])('%j → %j', (input, expected) => {
    expect(htmlToText(input)).toBe(expected);
  });
});

describe('summaryText', () => {
  it('keeps a short summary whole', () => {
    expect(summaryText('<p>Ngắn gọn.</p>')).toBe('Ngắn gọn.');
  });

  it('cuts a long one at a word boundary and marks the cut', () => {
    const text = `${'chữ '.repeat(200)}cuối`;
    const summary = summaryText(text) ?? '';
    expect(summary).toBe(`${'chữ '.repeat(149)}chữ…`);
  });
});

describe('personName and bylineOf', () => {
  it.each([
    ['jane@example.com (Jane Doe)', 'Jane Doe'],
    ['name@x (Jane)', 'Jane'],
    ['Jane Doe <jane@example.com>', 'Jane Doe'],
    ['Jane Doe (jane@example.com)', 'Jane Doe'],
    ['mailto:jane@example.com', null],
    ['jane@example.com', null],
    ['Nguyễn Văn An', 'Nguyễn Văn An'],
    ['  - Lê Bình | ', 'Lê Bình'],
    ['<b>Trần &amp; cộng sự</b>', 'Trần & cộng sự'],
  ])('%j → %j', (input, expected) => {
    expect(personName(input)).toBe(expected);
  });

  it('joins several names and drops duplicates and e-mails', () => {
    expect(bylineOf(['An', 'x@y.vn', 'Bình', 'An', null, undefined])).toBe('An, Bình');
    expect(bylineOf(['x@y.vn'])).toBeNull();
    expect(bylineOf([])).toBeNull();
  });
});
