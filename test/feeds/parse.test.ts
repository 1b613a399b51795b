import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FetchError } from '../../src/errors.js';
import { parseFeed, type ParsedFeed } from '../../src/feeds/parse.js';

const FIXTURES = new URL('../../fixtures/feeds/', import.meta.url);

function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

function expectedFor(name: string): { url: string; parsed: ParsedFeed } {
  return JSON.parse(fixture(name)) as { url: string; parsed: ParsedFeed };
}

/** An RSS 2.0 feed around the given items. */
function rss(items: string, channel = '<title>Tin</title><link>https://tin.example.vn/</link>'): string {
  return `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>${channel}${items}</channel></rss>`;
}

const FEED_URL = 'https://tin.example.vn/rss';

describe('parseFeed: each format parses to the reviewed items', () => {
  it.each([
    ['rss2.xml', 'rss2.expected.json'],
    ['rss1-rdf.xml', 'rss1-rdf.expected.json'],
    ['atom.xml', 'atom.expected.json'],
    ['feed.json', 'feed.expected.json'],
    ['cdata-entities.xml', 'cdata-entities.expected.json'],
    ['relative-links.xml', 'relative-links.expected.json'],
    ['channel-link-base.xml', 'channel-link-base.expected.json'],
    ['no-guid.xml', 'no-guid.expected.json'],
    ['truncated.xml', 'truncated.expected.json'],
  ])('%s', (feedFile, expectedFile) => {
    const { url, parsed } = expectedFor(expectedFile);
    expect(parseFeed(fixture(feedFile), { url })).toEqual(parsed);
  });

  it('RSS 2.0: GUIDs, zones, author names and HTML descriptions', () => {
    const feed = parseFeed(fixture('rss2.xml'), { url: 'https://tinmoi.example.vn/rss/thoi-su.rss' });
    expect(feed).toMatchObject({ format: 'rss', title: 'Tin Mới - Thời sự', siteUrl: 'https://tinmoi.example.vn/thoi-su', language: 'vi-VN', problems: [] });
    expect(feed.items[0]).toEqual({
      id: 'tinmoi-4801',
      url: 'https://tinmoi.example.vn/thoi-su/ha-noi-mo-them-ba-tuyen-buyt-dien-4801.html',
      title: 'Hà Nội mở thêm ba tuyến buýt điện',
      summary: 'Từ ngày 15/8, ba tuyến buýt điện mới nối trung tâm với Gia Lâm, Đông Anh và Hà Đông.',
      byline: 'Nguyễn Văn An',
      attribution: null,
      publishedAt: '2024-08-12T03:30:00.000Z',
    });
    expect(feed.items.map((item) => [item.byline, item.publishedAt])).toEqual([
      ['Nguyễn Văn An', '2024-08-12T03:30:00.000Z'],
      ['Trần Thị Bình, Lê Minh', '2024-08-11T23:15:00.000Z'],
      [null, '2024-08-10T23:05:00.000Z'],
    ]);
    expect(feed.items[2]?.summary).toBe('Coffee shipments reached 1.1 million tonnes in the first seven months.');
  });

  it('Atom: xml:base chain, alternate links, several authors, published before updated', () => {
    const feed = parseFeed(fixture('atom.xml'), { url: 'https://blog.example.com/feeds/atom.xml' });
    expect(feed).toMatchObject({ format: 'atom', title: 'Saigon & Beyond', siteUrl: 'https://blog.example.com/vietnam/', language: 'en-GB' });
    expect(feed.items).toEqual([
      {
        id: 'tag:blog.example.com,2024:entry-31',
        url: 'https://blog.example.com/vietnam/2024/08/street-food',
        title: 'Street food in District 4',
        summary: 'Snails, bánh mì and sugarcane juice.',
        byline: 'Claire Martin, Võ Thành Nam',
        attribution: null,
        publishedAt: '2024-08-12T00:30:00.000Z',
      },
      {
        id: 'tag:blog.example.com,2024:entry-30',
        url: 'https://blog.example.com/hanoi/old-quarter',
        title: 'Old Quarter walking tour',
        summary: 'Thirty-six streets in one morning.',
        byline: null,
        attribution: null,
        publishedAt: '2024-08-11T02:00:00.000Z',
      },
    ]);
  });

  it('RSS 1.0 (RDF): rdf:about ids, dc:date, dc:creator, dc:language', () => {
    const feed = parseFeed(fixture('rss1-rdf.xml'), { url: 'https://english.example.vn/rss.rdf' });
    expect(feed).toMatchObject({ format: 'rdf', title: 'Example Vietnam News (English)', language: 'en' });
    expect(feed.items.map((item) => [item.id, item.byline, item.publishedAt])).toEqual([
      ['https://english.example.vn/economy/rice-prices-2101.html', 'Phạm Quang Huy', '2024-08-12T01:00:00.000Z'],
      ['https://english.example.vn/society/metro-line-2102.html', null, '2024-08-11T16:45:30.000Z'],
    ]);
  });

  it('JSON Feed: numeric ids as strings, relative urls, content_html as summary, date_modified fallback', () => {
    const feed = parseFeed(fixture('feed.json'), { url: 'https://sang.example.vn/feed.json' });
    expect(feed).toMatchObject({ format: 'json', title: 'Bản tin sáng', siteUrl: 'https://sang.example.vn/', language: 'vi' });
    expect(feed.items).toEqual([
      {
        id: 'bt-2024-08-12',
        url: 'https://sang.example.vn/ban-tin/2024-08-12',
        title: 'Bản tin sáng 12/8: Giá xăng giảm nhẹ',
        summary: 'Giá xăng RON 95 giảm 310 đồng mỗi lít từ 15 giờ chiều nay.',
        byline: 'Đỗ Hải Yến',
        attribution: null,
        publishedAt: '2024-08-11T23:00:00.000Z',
      },
      {
        id: '1042',
        url: 'https://sang.example.vn/ban-tin/2024-08-11',
        title: 'Bản tin sáng 11/8',
        summary: 'Mưa lớn ở Bắc Bộ & Bắc Trung Bộ.',
        byline: null,
        attribution: null,
        publishedAt: '2024-08-10T22:45:00.000Z',
      },
    ]);
  });
});

describe('parseFeed: titles are plain text', () => {
  it('decodes entities inside CDATA (fixture)', () => {
    const feed = parseFeed(fixture('cdata-entities.xml'), { url: 'https://baomau.example.vn/rss/kinh-te.rss' });
    expect(feed.title).toBe('Báo Mẫu & Kinh tế');
    expect(feed.items.map((item) => item.title)).toEqual([
      'Giá vàng & USD cùng tăng',
      '"Nóng" thị trường bất động sản – quý III',
      'Xuất khẩu gạo kỷ lục & giá cao',
      'Ngân hàng giảm lãi suất & phí',
    ]);
    expect(feed.items[0]?.summary).toBe('Giá vàng miếng tăng 500.000 đồng mỗi lượng; USD tự do lên 25.400 đồng.');
    expect(feed.items[1]?.summary).toBe('Giao dịch căn hộ tăng mạnh ở TP.HCM');
  });

  it.each([
    ['entity in CDATA', '<![CDATA[Giá vàng &amp; USD]]>', 'Giá vàng & USD'],
    ['escaped twice', 'AT&amp;amp;T lãi lớn', 'AT&T lãi lớn'],
    ['tags in CDATA', '<![CDATA[<b>Đậm</b> và <i>nghiêng</i>]]>', 'Đậm và nghiêng'],
    ['escaped tags', '&lt;strong&gt;Nóng:&lt;/strong&gt; bão số 3', 'Nóng: bão số 3'],
    ['numeric entities', 'Đ&#7847;u t&#432; c&#244;ng', 'Đầu tư công'],
    ['a literal less-than', '2 &lt; 3 là đúng', '2 < 3 là đúng'],
    ['nbsp and newlines', '<![CDATA[Hà&nbsp;Nội\n   mưa   to]]>', 'Hà Nội mưa to'],
    ['decomposed (NFD) text', 'Việt Nam'.normalize('NFD'), 'Việt Nam'],
    ['only whitespace', '<![CDATA[   ]]>', null],
  ])('%s', (_label, title, expected) => {
    const feed = parseFeed(rss(`<item><title>${title}</title><guid>g1</guid><link>https://tin.example.vn/1</link></item>`), { url: FEED_URL });
    expect(feed.items[0]?.title).toBe(expected);
  });

  it('caps a long summary near 600 characters at a word boundary', () => {
    const long = Array.from({ length: 200 }, (_, index) => `từ${index}`).join(' ');
    const feed = parseFeed(rss(`<item><title>Dài</title><guid>g</guid><description>${long}</description></item>`), { url: FEED_URL });
    const summary = feed.items[0]?.summary ?? '';
    expect(summary.length).toBeLessThanOrEqual(601);
    expect(summary.length).toBeGreaterThan(500);
    expect(summary.endsWith('…')).toBe(true);
    expect(long.startsWith(summary.slice(0, -1))).toBe(true);
    expect(long.charAt(summary.length - 1)).toBe(' ');
  });
});

describe('parseFeed: links are absolute', () => {
  it('resolves against item xml:base, channel xml:base, then the base of the base', () => {
    const feed = parseFeed(fixture('relative-links.xml'), { url: 'https://docbao.example.vn/feeds/xa-hoi.xml' });
    expect(feed.siteUrl).toBe('https://docbao.example.vn/xa-hoi');
    expect(feed.language).toBe('vi');
    expect(feed.items.map((item) => item.url)).toEqual([
      'https://docbao.example.vn/xa-hoi/bai-viet-101.html',
      'https://docbao.example.vn/giao-duc/bai-viet-102.html',
      'https://docbao.example.vn/video/bai-viet-103.html?utm_source=rss#top',
      'https://anh.docbao.example.vn/mua-lua-chin-104',
      null,
    ]);
  });

  it('resolves against the channel link when no xml:base is given', () => {
    const feed = parseFeed(fixture('channel-link-base.xml'), { url: 'https://feeds.example.org/tintuc/rss' });
    expect(feed.items.map((item) => item.url)).toEqual([
      'https://tintuc.example.org/the-gioi/bai-201.html',
      'https://tintuc.example.org/kinh-te/bai-202.html',
    ]);
  });

  it.each([
    ['RSS with a relative channel link: that link, resolved against the feed URL', rss('<item><title>a</title><link>bai-1.html</link></item>', '<title>T</title><link>/tin/</link>'), 'https://tin.example.vn/tin/bai-1.html'],
    ['RSS without a channel link: the feed URL', rss('<item><title>a</title><link>bai-1.html</link></item>', '<title>T</title>'), 'https://tin.example.vn/bai-1.html'],
    ['RSS permalink GUID when there is no link', rss('<item><title>a</title><guid>https://tin.example.vn/g/1</guid></item>'), 'https://tin.example.vn/g/1'],
    ['RSS GUID marked not a permalink is no link', rss('<item><title>a</title><guid isPermaLink="false">https://tin.example.vn/g/1</guid></item>'), null],
    ['RSS atom:link inside an item', rss('<item xmlns:atom="http://www.w3.org/2005/Atom"><title>a</title><atom:link rel="alternate" href="/x/2"/></item>'), 'https://tin.example.vn/x/2'],
    ['Atom without xml:base: the feed URL', '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>1</id><title>a</title><link rel="self" href="/self"/><link href="p/1"/></entry></feed>', 'https://tin.example.vn/p/1'],
    ['JSON Feed external_url when url is missing', '{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","title":"a","external_url":"https://other.example.com/a"}]}', 'https://other.example.com/a'],
  ])('%s', (_label, text, expected) => {
    expect(parseFeed(text, { url: FEED_URL }).items[0]?.url).toBe(expected);
  });
});

describe('parseFeed: item ids', () => {
  it('uses the link, then a content hash, when there is no GUID', () => {
    const feed = parseFeed(fixture('no-guid.xml'), { url: 'https://chotin.example.vn/rss' });
    expect(feed.items.map((item) => item.id)).toEqual([
      'https://chotin.example.vn/da-nang/cau-rong-301.html',
      // sha1("Tin vắn: mất điện khu vực Cầu Giấy\nĐiện lực … Chủ nhật.\n2024-08-09T11:00:00.000Z")
      'hash:e8c2cc42cd11884c43e65c8797df6364658a270d',
      'https://chotin.example.vn/thi-truong/gia-rau-303.html',
    ]);
  });

  it('gives the same ids on every run', () => {
    const text = fixture('no-guid.xml');
    const first = parseFeed(text, { url: 'https://chotin.example.vn/rss' }).items.map((item) => item.id);
    const second = parseFeed(text, { url: 'https://chotin.example.vn/rss' }).items.map((item) => item.id);
    expect(second).toEqual(first);
  });

  it('falls back to links when a GUID is shared by several items', () => {
    const feed = parseFeed(
      rss('<item><title>a</title><link>/a</link><guid>same</guid></item><item><title>b</title><link>/b</link><guid>same</guid></item><item><title>c</title><guid>own</guid></item>'),
      { url: FEED_URL },
    );
    expect(feed.items.map((item) => item.id)).toEqual(['https://tin.example.vn/a', 'https://tin.example.vn/b', 'own']);
    expect(feed.problems).toEqual(['id "same" is shared by 2 items: their links are used as ids']);
  });

  it('drops an item that repeats an earlier one and an item with nothing in it', () => {
    const feed = parseFeed(rss('<item><title>a</title></item><item><title>a</title></item><item><category>x</category></item>'), { url: FEED_URL });
    expect(feed.items.map((item) => item.title)).toEqual(['a']);
    expect(feed.items[0]?.id).toMatch(/^hash:[0-9a-f]{40}$/u);
    expect(feed.problems).toEqual(['item 2 skipped: repeats an earlier item', 'item 3 skipped: no title, link or summary']);
  });
});

describe('parseFeed: dates in any zone', () => {
  it.each([
    ['<pubDate>Mon, 12 Aug 2024 10:30:00 +0700</pubDate>', '2024-08-12T03:30:00.000Z'],
    ['<pubDate>Mon, 12 Aug 2024 03:30:00 GMT</pubDate>', '2024-08-12T03:30:00.000Z'],
    ['<pubDate>Sun, 11 Aug 2024 23:30:00 EDT</pubDate>', '2024-08-12T03:30:00.000Z'],
    ['<pubDate>Mon, 12 Aug 2024 05:30:00 CEST</pubDate>', '2024-08-12T03:30:00.000Z'],
    ['<pubDate>12 Aug 24 12:30 +0900</pubDate>', '2024-08-12T03:30:00.000Z'],
    ['<pubDate>Sun, 11 Aug 2024 22:00:00 -0530</pubDate>', '2024-08-12T03:30:00.000Z'],
    ['<dc:date>2024-08-12T10:30:00+07:00</dc:date>', '2024-08-12T03:30:00.000Z'],
    ['<pubDate>2024-08-12T03:30:00Z</pubDate>', '2024-08-12T03:30:00.000Z'],
    ['<pubDate>Mon, 12 Aug 2024 10:30:00</pubDate>', '2024-08-12T03:30:00.000Z'],
  ])('%s', (date, expected) => {
    const feed = parseFeed(rss(`<item><title>a</title><guid>g</guid>${date}</item>`), { url: FEED_URL });
    expect(feed.items[0]?.publishedAt).toBe(expected);
    expect(feed.problems).toEqual([]);
  });

  it('reports a date it cannot read and keeps the item', () => {
    const feed = parseFeed(rss('<item><title>a</title><guid>g</guid><pubDate>sometime soon</pubDate></item>'), { url: FEED_URL });
    expect(feed.items[0]?.publishedAt).toBeNull();
    expect(feed.problems).toEqual(['item 1: unreadable date "sometime soon"']);
  });
});

describe('parseFeed: feed language', () => {
  it.each([
    ['RSS <language>', rss('', '<title>T</title><language>vi-VN</language>'), 'vi-VN'],
    ['RSS dc:language', rss('', '<title>T</title><dc:language>en</dc:language>'), 'en'],
    ['RSS channel xml:lang', '<rss version="2.0"><channel xml:lang="vi"><title>T</title></channel></rss>', 'vi'],
    ['RSS root xml:lang', '<rss version="2.0" xml:lang="en-US"><channel><title>T</title></channel></rss>', 'en-US'],
    ['Atom xml:lang', '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi"><title>A</title></feed>', 'vi'],
    ['JSON Feed language', '{"version":"https://jsonfeed.org/version/1.1","title":"J","language":"en-GB","items":[]}', 'en-GB'],
    ['none', rss('', '<title>T</title>'), null],
  ])('%s', (_label, text, expected) => {
    expect(parseFeed(text, { url: FEED_URL }).language).toBe(expected);
  });
});

describe('parseFeed: authors', () => {
  it.each([
    ['<author>jane@example.com (Jane Doe)</author>', 'Jane Doe'],
    ['<author>Jane Doe &lt;jane@example.com&gt;</author>', 'Jane Doe'],
    ['<author>jane@example.com</author>', null],
    ['<dc:creator>Nguyễn Văn An</dc:creator><author>desk@example.com (Desk)</author>', 'Nguyễn Văn An'],
    ['<dc:creator>an@example.vn (Nguyễn An)</dc:creator><dc:creator>Lê Bình</dc:creator>', 'Nguyễn An, Lê Bình'],
  ])('%s', (author, expected) => {
    const feed = parseFeed(rss(`<item><title>a</title><guid>g</guid>${author}</item>`), { url: FEED_URL });
    expect(feed.items[0]?.byline).toBe(expected);
  });
});

/** One-item feeds of each format whose item has the given author names. */
const AUTHORED: ReadonlyArray<[string, (names: string[]) => string]> = [
  ['RSS <author>', (names) => rss(`<item><title>a</title><guid>g</guid>${names.map((n) => `<author>${n}</author>`).join('')}</item>`)],
  ['RSS <dc:creator>', (names) => rss(`<item><title>a</title><guid>g</guid>${names.map((n) => `<dc:creator>${n}</dc:creator>`).join('')}</item>`)],
  [
    'Atom <author><name>',
    (names) =>
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>e1</id><title>a</title>${names.map((n) => `<author><name>${n}</name></author>`).join('')}</entry></feed>`,
  ],
  [
    'RSS 1.0 <dc:creator>',
    (names) =>
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
      '<channel rdf:about="https://tin.example.vn/"><title>T</title><link>https://tin.example.vn/</link></channel>' +
      `<item rdf:about="https://tin.example.vn/1"><title>a</title><link>https://tin.example.vn/1</link>${names.map((n) => `<dc:creator>${n}</dc:creator>`).join('')}</item></rdf:RDF>`,
  ],
  [
    'JSON Feed authors',
    (names) =>
      JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', title: 'a', authors: names.map((name) => ({ name })) }] }),
  ],
];

const AUTHOR_CASES: ReadonlyArray<[string[], string | null, string | null]> = [
  [['Theo TTXVN'], null, 'TTXVN'],
  [['Jane Doe (Reuters)'], 'Jane Doe', 'Reuters'],
  [['Thu Hằng - PV'], 'Thu Hằng', null],
  [['Minh Anh - CTV', 'Thu Hằng - PV'], 'Minh Anh, Thu Hằng', null],
  [['Jane Doe (Reuters)', 'Theo TTXVN', 'Jane Doe'], 'Jane Doe', 'Reuters, TTXVN'],
  [['Nguyễn Văn An'], 'Nguyễn Văn An', null],
];

describe('parseFeed: author fields become a cleaned byline and an attribution', () => {
  it.each(AUTHORED.flatMap(([format, feed]) => AUTHOR_CASES.map(([names, byline, attribution]) => [format, names, feed, byline, attribution] as const)))(
    '%s: %j',
    (_format, names, feed, byline, attribution) => {
      const parsed = parseFeed(feed([...names]), { url: FEED_URL });
      expect(parsed.problems).toEqual([]);
      expect(parsed.items.map((item) => [item.byline, item.attribution])).toEqual([[byline, attribution]]);
    },
  );

  it.each([
    ['RSS: dc:creator first, <author> only when it gives nothing', '<dc:creator>x@y.vn</dc:creator><author>Theo TTXVN</author>', null, 'TTXVN'],
    ['RSS: a credit in dc:creator, the name from <author>', '<dc:creator>Theo TTXVN</dc:creator><author>desk@example.com (Thu Hằng)</author>', 'Thu Hằng', 'TTXVN'],
    ['RSS: no author', '', null, null],
  ])('%s', (_label, authors, byline, attribution) => {
    const item = parseFeed(rss(`<item><title>a</title><guid>g</guid>${authors}</item>`), { url: FEED_URL }).items[0];
    expect([item?.byline, item?.attribution]).toEqual([byline, attribution]);
  });
});

describe('parseFeed: a JSON Feed without a version, read by its content type', () => {
  const versionless = JSON.stringify({ items: [{ id: '1', url: 'https://tin.example.vn/1', title: 'Một', authors: [{ name: 'Theo TTXVN' }] }] });

  it.each([
    ['application/feed+json'],
    ['application/feed+json; charset=utf-8'],
    ['application/json'],
    ['Application/JSON; charset=UTF-8'],
  ])('served as %s: a JSON Feed', (contentType) => {
    const feed = parseFeed(versionless, { url: FEED_URL, contentType });
    expect(feed).toMatchObject({ format: 'json', title: null, problems: [] });
    expect(feed.items).toEqual([
      { id: '1', url: 'https://tin.example.vn/1', title: 'Một', summary: null, byline: null, attribution: 'TTXVN', publishedAt: null },
    ]);
  });

  it.each([
    ['application/feed+json'],
    ['application/json'],
  ])('cut off and served as %s: the complete items are kept', (contentType) => {
    const text = '{"items":[{"id":"1","url":"https://tin.example.vn/1","title":"Một"},{"id":"2","title":"H';
    const feed = parseFeed(text, { url: FEED_URL, contentType });
    expect(feed.format).toBe('json');
    expect(feed.items.map((item) => item.id)).toEqual(['1']);
    expect(feed.problems).toEqual(['feed is truncated after item 1']);
  });

  it.each([
    ['no content type', versionless, null],
    ['content type absent', versionless, undefined],
    ['served as text/html', versionless, 'text/html; charset=utf-8'],
    ['served as text/plain', versionless, 'text/plain'],
    ['a JSON object without items, as application/json', '{"status":"ok","data":[]}', 'application/json'],
    ['items that are not a list, as application/json', '{"items":{"a":1}}', 'application/json'],
    ['a JSON array, as application/json', '[{"items":[]}]', 'application/json'],
    ['an HTML page, as application/json', '<html><body>x</body></html>', 'application/json'],
  ])('%s: not a feed', (_label, text, contentType) => {
    let thrown: unknown = null;
    try {
      parseFeed(text, { url: FEED_URL, contentType });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FetchError);
    expect((thrown as FetchError).code).toBe('not-a-feed');
  });

  it('the content type never rejects a body that is a feed', () => {
    const feed = parseFeed(rss('<item><title>a</title><guid>1</guid></item>'), { url: FEED_URL, contentType: 'application/octet-stream' });
    expect(feed.format).toBe('rss');
    expect(feed.items).toHaveLength(1);
  });

  it('a versioned JSON Feed reads the same whatever the content type', () => {
    const text = fixture('feed.json');
    const url = 'https://sang.example.vn/feed.json';
    expect(parseFeed(text, { url, contentType: 'text/plain' })).toEqual(parseFeed(text, { url }));
  });
});

describe('parseFeed: malformed feeds are salvaged', () => {
  it('keeps the complete items of a feed cut mid-item (fixture)', () => {
    const feed = parseFeed(fixture('truncated.xml'), { url: 'https://baonhanh.example.vn/rss' });
    expect(feed.title).toBe('Báo Nhanh');
    expect(feed.language).toBe('vi');
    expect(feed.items.map((item) => [item.id, item.title, item.publishedAt])).toEqual([
      ['bn-1', 'Tin thứ nhất', '2024-08-14T02:00:00.000Z'],
      ['bn-2', 'Tin thứ hai', '2024-08-14T01:00:00.000Z'],
      ['bn-3', 'Tin thứ ba', '2024-08-14T00:00:00.000Z'],
    ]);
    expect(feed.problems).toEqual(['feed is truncated after item 3']);
  });

  const ITEM_1 = '<item><title>một</title><guid>1</guid></item>';
  const ITEM_2 = '<item><title>hai</title><guid>2</guid></item>';
  it.each([
    ['cut between items', `<rss version="2.0"><channel><title>T</title>${ITEM_1}${ITEM_2}`, ['một', 'hai'], ['feed is truncated after item 2']],
    ['cut inside a tag name', `<rss version="2.0"><channel><title>T</title>${ITEM_1}<item><tit`, ['một'], ['feed is truncated after item 1']],
    ['cut inside a CDATA section', `<rss version="2.0"><channel><title>T</title>${ITEM_1}${ITEM_2}<item><title><![CDATA[ba`, ['một', 'hai'], ['feed is truncated after item 2']],
    ['cut in the header', '<rss version="2.0"><channel><title>Tin</title><link>https://tin', [], ['feed header is malformed: its title, link and language were skipped', 'feed is truncated before its first item']],
    ['one malformed item in the middle', rss(`${ITEM_1}<item><title>hỏng</titel><guid>x</guid></item>${ITEM_2}`), ['một', 'hai'], ['item 2 skipped: malformed XML']],
    ['an empty item in a truncated feed is dropped quietly', `<rss version="2.0"><channel><title>T</title>${ITEM_1}<item></item>${ITEM_2}<item><ti`, ['một', 'hai'], ['feed is truncated after item 3']],
    ['a stray < in a title is repaired', rss(`${ITEM_1}<item><title>2 < 3</title><guid>x</guid></item>`), ['một', '2 < 3'], []],
    ['Atom cut mid-entry', '<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>e1</id><title>một</title></entry><entry><id>e2</id><ti', ['một'], ['feed is truncated after item 1']],
    ['RDF cut mid-item', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>R</title></channel><item rdf:about="https://tin.example.vn/1"><title>một</title><link>https://tin.example.vn/1</link></item><item rdf:about="https://tin.example.vn/2"><title>ha', ['một'], ['feed is truncated after item 1']],
    ['JSON Feed cut mid-item', '{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","title":"một {x}"},{"id":"2","title":"h', ['một {x}'], ['feed is truncated after item 1']],
    ['JSON Feed with one broken item', '{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","title":"một"},{"id":"2","title":oops},{"id":"3","title":"hai"}]}', ['một', 'hai'], ['item 2 skipped: malformed JSON']],
    ['JSON Feed cut before its items', '{"version":"https://jsonfeed.org/version/1.1","title":"J","ho', [], ['JSON feed is truncated before its items']],
  ])('%s', (_label, text, titles, problems) => {
    const feed = parseFeed(text, { url: FEED_URL });
    expect(feed.items.map((item) => item.title)).toEqual(titles);
    expect(feed.problems).toEqual(problems);
  });

  it('numbers a skipped item correctly in a long feed', () => {
    const items = Array.from({ length: 120 }, (_, index) =>
      index === 76 ? '<item><title>hỏng</titel></item>' : `<item><title>Tin ${index + 1}</title><guid>g${index + 1}</guid></item>`,
    );
    const feed = parseFeed(rss(items.join('')), { url: FEED_URL });
    expect(feed.items).toHaveLength(119);
    expect(feed.items[75]?.id).toBe('g76');
    expect(feed.items[76]?.id).toBe('g78');
    expect(feed.problems).toEqual(['item 77 skipped: malformed XML']);
  });

  it('does not call a feed with junk after its end tag truncated', () => {
    const text = `${rss(ITEM_1 + ITEM_2)}\n<!-- served in 0.02s --><script>track()</script>`;
    const feed = parseFeed(text, { url: FEED_URL });
    expect(feed.items.map((item) => item.title)).toEqual(['một', 'hai']);
    expect(feed.problems).toEqual([]);
  });

  it('keeps the feed title of a salvaged feed', () => {
    const feed = parseFeed(`<rss version="2.0"><channel><title>Tin Nhanh</title><language>vi</language>${ITEM_1}<item><title>x`, { url: FEED_URL });
    expect(feed.title).toBe('Tin Nhanh');
    expect(feed.language).toBe('vi');
  });
});

describe('parseFeed: not a feed', () => {
  it.each([
    ['an HTML page', fixture('page-with-feeds.html')],
    ['an HTML page mentioning <rss>', '<html><body><rss version="2.0"><channel></channel></rss></body></html>'],
    ['empty text', ''],
    ['plain text', 'Service Unavailable'],
    ['a JSON array', '[{"id":1}]'],
    ['a JSON object that is not a feed', '{"error":"not found"}'],
    ['a sitemap', '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x</loc></url></urlset>'],
  ])('%s throws FetchError not-a-feed', (_label, text) => {
    let thrown: unknown = null;
    try {
      parseFeed(text, { url: FEED_URL });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FetchError);
    expect((thrown as FetchError).code).toBe('not-a-feed');
    expect((thrown as FetchError).message).toBe(`not a feed: ${FEED_URL}`);
  });

  it('reads a feed that starts with a byte order mark', () => {
    expect(parseFeed(`\ufeff${rss('<item><title>a</title><guid>1</guid></item>')}`, { url: FEED_URL }).items).toHaveLength(1);
  });
});
