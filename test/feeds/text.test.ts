import { describe, expect, it } from 'vitest';
import { bylineOf, firstByline, htmlToText, personName, summaryText } from '../../src/feeds/text.js';

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
    expect(bylineOf(['An', 'x@y.vn', 'Bình', 'An', null, undefined])).toEqual({ byline: 'An, Bình', attribution: null });
    expect(bylineOf(['x@y.vn'])).toEqual({ byline: null, attribution: null });
    expect(bylineOf([])).toEqual({ byline: null, attribution: null });
  });
});

describe('bylineOf: feed authors are cleaned like article bylines', () => {
  it.each<[string, Array<string | null>, string | null, string | null]>([
    ['a wire credit alone', ['Theo TTXVN'], null, 'TTXVN'],
    ['a wire credit in English', ['Theo Reuters'], null, 'Reuters'],
    ['an agency name alone', ['AFP'], null, 'AFP'],
    ['a name and a wire credit', ['Jane Doe (Reuters)'], 'Jane Doe', 'Reuters'],
    ['"By", a name and a wire credit', ['By Jane Doe (Reuters)'], 'Jane Doe', 'Reuters'],
    ['a trailing role (PV)', ['Thu Hằng - PV'], 'Thu Hằng', null],
    ['a trailing role (CTV)', ['Minh Anh - CTV'], 'Minh Anh', null],
    ['"Bài và ảnh:"', ['Bài và ảnh: Lê Minh'], 'Lê Minh', null],
    ['a desk after a slash', ['Văn Ngọc/VOV-Tây Nguyên'], 'Văn Ngọc', 'VOV-Tây Nguyên'],
    ['a reporter team that names nobody', ['Nhóm PV'], null, null],
    ['an e-mail form still gives the name', ['jane@example.com (Jane Doe)'], 'Jane Doe', null],
    ['an e-mail form around a credit', ['desk@example.vn (Theo TTXVN)'], null, 'TTXVN'],
    ['an e-mail and a wire credit', ['Jane Doe <jane@example.com> (Reuters)'], 'Jane Doe', 'Reuters'],
    ['several authors, roles and credits', ['Jane Doe (Reuters)', 'Thu Hằng - PV', 'Theo TTXVN'], 'Jane Doe, Thu Hằng', 'Reuters, TTXVN'],
    ['repeated names and credits are dropped', ['Jane Doe (Reuters)', 'John Roe (Reuters)', 'Jane Doe'], 'Jane Doe, John Roe', 'Reuters'],
    ['names repeated inside one field', ['An, Bình', 'Bình - PV'], 'An, Bình', null],
  ])('%s', (_label, raw, byline, attribution) => {
    expect(bylineOf(raw)).toEqual({ byline, attribution });
  });
});

describe('firstByline', () => {
  it.each<[string, Array<Array<string | null>>, string | null, string | null]>([
    ['the first field list that names somebody', [['An'], ['Bình']], 'An', null],
    ['skips a list of e-mails only', [['x@y.vn'], ['Bình']], 'Bình', null],
    ['a credit alone does not hide a name in a later list', [['Theo TTXVN'], ['Bình']], 'Bình', 'TTXVN'],
    ['a credit alone is kept when no list names anybody', [['Theo TTXVN'], []], null, 'TTXVN'],
    ['names from the first list, the credit from a later one', [['An'], ['Bình (Reuters)']], 'An', 'Reuters'],
    ['falls back to a later list', [[], ['Jane Doe (Reuters)']], 'Jane Doe', 'Reuters'],
    ['nothing anywhere', [[], ['x@y.vn']], null, null],
  ])('%s', (_label, fields, byline, attribution) => {
    expect(firstByline(...fields)).toEqual({ byline, attribution });
  });
});
