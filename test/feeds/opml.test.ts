import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseOpml, renderOpml, type OpmlExportSource } from '../../src/feeds/opml.js';

const FIXTURES = new URL('../../fixtures/feeds/', import.meta.url);

describe('parseOpml', () => {
  it('flattens nested folders, skips folders, notes, bad URLs, bookmarks and repeats', () => {
    expect(parseOpml(readFileSync(new URL('subscriptions.opml', FIXTURES), 'utf8'))).toEqual([
      { title: 'Tin Mới - Thời sự', url: 'https://tinmoi.example.vn/rss/thoi-su.rss', siteUrl: 'https://tinmoi.example.vn/thoi-su', lang: 'vi', kind: 'feed' },
      { title: 'Báo Mẫu & Kinh tế', url: 'https://baomau.example.vn/rss/kinh-te.rss', siteUrl: null, lang: null, kind: 'feed' },
      { title: 'Example Vietnam News', url: 'https://english.example.vn/rss.rdf', siteUrl: 'https://english.example.vn/', lang: 'en', kind: 'feed' },
      { title: 'Saigon & Beyond', url: 'https://blog.example.com/feeds/atom.xml?format=atom&v=1', siteUrl: null, lang: null, kind: 'feed' },
      { title: null, url: 'https://sang.example.vn/feed.json', siteUrl: null, lang: null, kind: 'feed' },
    ]);
  });

  it('reads an OPML 1.0 file with a title attribute only and a BOM', () => {
    const text = '\ufeff<?xml version="1.0"?><opml version="1.0"><head><title>x</title></head><body><outline title="Tin A" xmlUrl="https://a.example.vn/rss"/></body></opml>';
    expect(parseOpml(text)).toEqual([{ title: 'Tin A', url: 'https://a.example.vn/rss', siteUrl: null, lang: null, kind: 'feed' }]);
  });

  it.each([
    ['an HTML page', '<!doctype html><html><body>x</body></html>'],
    ['plain text', 'hello'],
    ['empty', ''],
  ])('throws UsageError for %s', (_label, text) => {
    expect(() => parseOpml(text)).toThrow(UsageError);
  });
});

describe('renderOpml', () => {
  const sources: OpmlExportSource[] = [
    { title: 'Tin Mới - Thời sự', url: 'https://tinmoi.example.vn/rss/thoi-su.rss', siteUrl: 'https://tinmoi.example.vn/thoi-su', kind: 'feed', lang: 'vi' },
    { title: 'A & B <"quoted"> ]]> \'x\'', url: 'https://ab.example.com/feed?a=1&b=2', siteUrl: null },
    { title: null, url: 'https://notitle.example.vn/rss', siteUrl: null, kind: 'feed' },
    { title: 'Trang chủ VnExpress', url: 'https://vnexpress.net/', siteUrl: 'https://vnexpress.net/', kind: 'listing', lang: 'vi' },
    { title: 'Một bài', url: 'https://page.example.vn/bai-1.html', siteUrl: null, kind: 'page' },
  ];

  it('round-trips through parseOpml', () => {
    const xml = renderOpml(sources, { title: 'news subscriptions', generatedAt: '2024-08-12T03:30:00.000Z' });
    expect(parseOpml(xml)).toEqual(
      sources.map((source) => ({
        title: source.title,
        url: source.url,
        siteUrl: source.siteUrl,
        lang: source.lang ?? null,
        kind: source.kind ?? 'feed',
      })),
    );
  });

  it('writes OPML 2.0 with escaped values, rss outlines for feeds and link outlines for the rest', () => {
    const xml = renderOpml(sources, { title: 'Nguồn tin & "news"', generatedAt: '2024-08-12T03:30:00.000Z' });
    expect(xml).toContain('<opml version="2.0">');
    expect(xml).toContain('<dateCreated>Mon, 12 Aug 2024 03:30:00 GMT</dateCreated>');
    expect(xml).toContain('Nguồn tin & "news"');
    expect(xml).toContain(
      '<outline text="Tin Mới - Thời sự" type="rss" xmlUrl="https://tinmoi.example.vn/rss/thoi-su.rss" htmlUrl="https://tinmoi.example.vn/thoi-su" language="vi" title="Tin Mới - Thời sự"/>',
    );
    expect(xml).toContain(`text="A &amp; B &lt;&quot;quoted&quot;&gt; ]]&gt; 'x'"`);
    expect(xml).toContain('xmlUrl="https://ab.example.com/feed?a=1&amp;b=2"');
    expect(xml).toContain('<outline text="https://notitle.example.vn/rss" type="rss" xmlUrl="https://notitle.example.vn/rss"/>');
    expect(xml).toContain('type="link" htmlUrl="https://vnexpress.net/" language="vi" title="Trang chủ VnExpress" url="https://vnexpress.net/" newsKind="listing"/>');
  });

  it('renders an empty list as one note outline that parses to nothing', () => {
    const xml = renderOpml([], { title: 'empty', generatedAt: '2024-08-12T03:30:00.000Z' });
    expect(xml).toContain('<outline text="No subscriptions"/>');
    expect(parseOpml(xml)).toEqual([]);
  });
});
