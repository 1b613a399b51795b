import { decodeHTML } from 'entities';
import { parseAtomFeed, parseFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { atomFormat } from '../../src/render/atom.js';
import { renderAll, type ExportContext } from '../../src/render/export-format.js';
import { feedId, itemId } from '../../src/render/feed-meta.js';
import { jsonFeedFormat } from '../../src/render/jsonfeed.js';
import { escapeMarkup } from '../../src/render/markup.js';
import { rssFormat } from '../../src/render/rss.js';
import type { GroupedItem, Item } from '../../src/types.js';
import { sampleItems } from '../helpers/export-items.js';

const context: ExportContext = { generatedAt: '2024-08-13T00:00:00.000Z', lang: null, source: null };
const items = sampleItems();
/** Page text as the feeds carry it: control characters removed. */
const clean = (text: string): string => text.replace(/\u0007/gu, '');
const authorsOf = (item: Item): string[] => (item.byline === null ? [] : item.byline.split(', '));

describe('item and feed ids', () => {
  it('an item id is its URL key: the same for tracking, fragment and case variants', () => {
    const item = items[0]!;
    expect(itemId(item)).toBe('https://vnexpress.net/da-nang-mo-cho-dem-4781234.html');
    expect(itemId({ ...item, url: 'http://VnExpress.net/da-nang-mo-cho-dem-4781234.html?utm_source=fb#top' })).toBe(itemId(item));
    expect(itemId(items[1]!)).toBe('https://vnexpress.net/gia-dien-tang-4781000.html');
  });

  it('a feed id is a stable UUID URN per language and source filter', () => {
    const id = feedId(context);
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    expect(feedId({ ...context, generatedAt: '2030-01-01T00:00:00.000Z' })).toBe(id);
    expect(feedId({ ...context, lang: 'vi' })).not.toBe(id);
    expect(feedId({ ...context, source: 'tuoitre.vn' })).not.toBe(feedId({ ...context, source: 'vnexpress.net' }));
  });
});

describe('JSON Feed 1.1', () => {
  const text = renderAll(jsonFeedFormat, items, context);
  const feed = parseJsonFeed(JSON.parse(text) as unknown);
  const entries = feed.items ?? [];

  it('parses back as JSON Feed 1.1 with every item', () => {
    expect(parseFeed(text).format).toBe('json');
    expect(JSON.parse(text)).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', title: 'News digest' });
    expect(entries).toHaveLength(items.length);
  });

  it('gives the same items: ids, links, titles, summaries, authors, dates, languages', () => {
    expect(entries.map((entry) => entry.id)).toEqual(items.map(itemId));
    expect(entries.map((entry) => entry.url)).toEqual(items.map((item) => item.url));
    expect(entries.map((entry) => entry.title)).toEqual(items.map((item) => item.title ?? undefined));
    expect(entries.map((entry) => entry.summary)).toEqual(items.map((item) => (item.summary === null ? undefined : clean(item.summary))));
    expect(entries.map((entry) => (entry.authors ?? []).map((author) => author.name))).toEqual(items.map(authorsOf));
    expect(entries.map((entry) => entry.date_published)).toEqual(items.map((item) => item.publishedAt ?? item.firstSeenAt));
    expect(entries.map((entry) => entry.date_modified)).toEqual(items.map((item) => item.updatedAt));
    expect(entries.map((entry) => entry.language)).toEqual(items.map((item) => item.lang ?? undefined));
    expect(entries[0]!.image).toBe('https://i.vnecdn.net/cho-dem.jpg');
  });

  it('gives every item content_text, as 1.1 requires', () => {
    expect(entries.map((entry) => entry.content_text)).toEqual([
      'Chợ đêm đón 20.000 lượt khách trong tuần đầu.',
      'Tom & Jerry <b>không</b> in đậm ]]>  chuông.',
      'Bài viết về danh nhân.',
      'A new night market welcomed 20,000 visitors.',
      'https://example.org/x',
    ]);
  });

  it('states the language of a filtered export', () => {
    const vi = JSON.parse(renderAll(jsonFeedFormat, [], { ...context, lang: 'vi' })) as Record<string, unknown>;
    expect(vi).toMatchObject({ language: 'vi', title: 'News digest · Tiếng Việt', items: [] });
  });
});

describe("a story's other reports (grouped exports)", () => {
  const also = [{ source: 'tuoitre.vn', url: 'https://tuoitre.vn/cho-dem.htm' }];
  const grouped = [{ ...items[0]!, also }];

  it('JSON Feed lists them in the _news extension', () => {
    const feed = JSON.parse(renderAll(jsonFeedFormat, grouped, context)) as { items: { _news: { also: unknown } }[] };
    expect(feed.items[0]!._news.also).toEqual(also);
  });

  it('RSS lists them in an "also" paragraph of links after the summary (RSS has no related-link element)', () => {
    const withLinks = [{ ...items[0]!, also: [...also, { source: 'bad.vn', url: 'javascript:alert(1)' }] }, { ...items[1]!, summary: null, also }];
    const entries = parseRssFeed(renderAll(rssFormat, withLinks, context)).items!;
    expect(entries[0]!.description).toBe(`${escapeMarkup(items[0]!.summary!)}\n<p>also: <a href="https://tuoitre.vn/cho-dem.htm">tuoitre.vn</a></p>`);
    expect(entries[1]!.description).toBe('<p>also: <a href="https://tuoitre.vn/cho-dem.htm">tuoitre.vn</a></p>');
    const alone: GroupedItem = { ...items[1]!, summary: null, also: [] };
    expect(parseRssFeed(renderAll(rssFormat, [alone], context)).items![0]!.description).toBeUndefined();
  });

  it('Atom links them as related', () => {
    const entry = parseAtomFeed(renderAll(atomFormat, grouped, context)).entries![0]!;
    expect(entry.links).toEqual([
      { href: items[0]!.url, rel: 'alternate', type: 'text/html', hreflang: 'vi' },
      { href: 'https://tuoitre.vn/cho-dem.htm', rel: 'related', type: 'text/html', title: 'tuoitre.vn' },
    ]);
  });
});

describe('RSS 2.0', () => {
  const text = renderAll(rssFormat, items, context);
  const feed = parseRssFeed(text);

  it('parses back as RSS with the channel and every item', () => {
    expect(parseFeed(text).format).toBe('rss');
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"')).toBe(true);
    expect(feed).toMatchObject({ title: 'News digest', link: 'https://github.com/news-cli/news', lastBuildDate: 'Tue, 13 Aug 2024 00:00:00 GMT' });
    expect(feed.items).toHaveLength(items.length);
  });

  it('gives the same items: guids, links, titles, authors, RFC 822 dates, dc:language', () => {
    const entries = feed.items!;
    expect(entries.map((entry) => entry.guid)).toEqual(items.map((item) => ({ value: itemId(item), isPermaLink: false })));
    expect(entries.map((entry) => entry.link)).toEqual(items.map((item) => item.url));
    expect(entries.map((entry) => entry.title)).toEqual(items.map((item) => item.title ?? item.url));
    expect(entries.map((entry) => entry.dc?.creators ?? [])).toEqual(items.map(authorsOf));
    expect(entries.map((entry) => entry.pubDate)).toEqual(items.map((item) => new Date(item.publishedAt ?? item.firstSeenAt).toUTCString()));
    expect(entries[0]!.pubDate).toBe('Mon, 12 Aug 2024 03:30:00 GMT');
    expect(entries.map((entry) => entry.dc?.languages?.[0])).toEqual(items.map((item) => item.lang ?? undefined));
    expect(entries.map((entry) => entry.categories?.[0]?.name)).toEqual(items.map((item) => item.siteName ?? item.source));
  });

  it('carries summaries as HTML-escaped text, so a reader rendering HTML shows them literally', () => {
    const descriptions = feed.items!.map((entry) => (entry.description === undefined ? undefined : decodeHTML(entry.description)));
    expect(descriptions).toEqual(items.map((item) => (item.summary === null ? undefined : clean(item.summary))));
    expect(feed.items![1]!.description).toBe('Tom &amp; Jerry &lt;b&gt;không&lt;/b&gt; in đậm ]]&gt;  chuông.');
  });
});

describe('Atom 1.0', () => {
  const text = renderAll(atomFormat, items, context);
  const feed = parseAtomFeed(text);

  it('parses back as Atom with the feed metadata and every entry', () => {
    expect(parseFeed(text).format).toBe('atom');
    expect(feed).toMatchObject({ id: feedId(context), title: { value: 'News digest', type: 'text' }, updated: '2024-08-13T00:00:00.000Z' });
    expect(feed.entries).toHaveLength(items.length);
  });

  it('gives the same items: ids, alternate links, text titles, RFC 3339 dates, xml:lang', () => {
    const entries = feed.entries!;
    expect(entries.map((entry) => entry.id)).toEqual(items.map(itemId));
    expect(entries.map((entry) => entry.links?.[0])).toEqual(
      items.map((item) => ({ href: item.url, rel: 'alternate', type: 'text/html', ...(item.lang === null ? {} : { hreflang: item.lang }) })),
    );
    expect(entries.map((entry) => entry.title)).toEqual(items.map((item) => ({ value: item.title ?? item.url, type: 'text' })));
    expect(entries.map((entry) => entry.summary?.value)).toEqual(items.map((item) => (item.summary === null ? undefined : clean(item.summary))));
    expect(entries.map((entry) => entry.published)).toEqual(items.map((item) => item.publishedAt ?? undefined));
    expect(entries.map((entry) => entry.updated)).toEqual(items.map((item) => item.updatedAt));
    expect(entries.map((entry) => entry.xml?.lang)).toEqual(items.map((item) => item.lang ?? undefined));
  });

  it('names the journalists, else the site, as every entry needs an author', () => {
    expect(feed.entries!.map((entry) => entry.authors?.map((author) => author.name))).toEqual([
      ['Nguyễn Văn A', 'Trần Thị B'],
      ['VnExpress'],
      ['Lê C'],
      ['Minh Tam'],
      ['example.org'],
    ]);
  });

  it('puts the language of a filtered export on the feed', () => {
    expect(renderAll(atomFormat, [], { ...context, lang: 'en' })).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
  });
});
