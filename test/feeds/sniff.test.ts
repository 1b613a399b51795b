import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discoverFeeds, isJsonFeedByType, sniffFeed } from '../../src/feeds/sniff.js';

const FIXTURES = new URL('../../fixtures/feeds/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

describe('sniffFeed', () => {
  it.each([
    ['RSS 2.0 fixture', fixture('rss2.xml'), 'application/rss+xml', 'rss'],
    ['RDF fixture', fixture('rss1-rdf.xml'), 'application/rdf+xml', 'rdf'],
    ['Atom fixture', fixture('atom.xml'), 'application/atom+xml', 'atom'],
    ['JSON Feed fixture', fixture('feed.json'), 'application/feed+json', 'json'],
    ['truncated RSS is still RSS', fixture('truncated.xml'), null, 'rss'],
    ['RSS served as text/html', '<rss version="2.0"><channel><title>x</title></channel></rss>', 'text/html; charset=utf-8', 'rss'],
    ['Atom served as application/rss+xml (the body wins)', '<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', 'application/rss+xml', 'atom'],
    ['BOM, declaration, stylesheet, comment, doctype', '\ufeff<?xml version="1.0"?>\n<?xml-stylesheet href="s.xsl"?>\n<!-- feed -->\n<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "x.dtd">\n<rss version="0.91"><channel></channel></rss>', null, 'rss'],
    ['doctype with an internal subset', '<!DOCTYPE rss [ <!ENTITY nbsp "&#160;"> ]><rss version="2.0"><channel/></rss>', null, 'rss'],
    ['prefixed Atom root', '<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:title>x</atom:title></atom:feed>', null, 'atom'],
    ['upper-case RSS root', '<RSS version="2.0"><CHANNEL></CHANNEL></RSS>', null, 'rss'],
    ['JSON Feed 1.0', '{ "version": "https://jsonfeed.org/version/1", "title": "x", "items": [] }', 'application/json', 'json'],
    ['truncated JSON Feed', '{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[{"id":"1"', null, 'json'],
    ['JSON without version but titled items', '{"title":"x","items":[]}', null, 'json'],
    ['JSON without version or title, said to be a feed', '{"items":[]}', 'application/feed+json', 'json'],
    ['JSON without version or title', '{"items":[]}', 'application/json', null],
    ['a JSON API response', '{"status":"ok","data":[]}', 'application/json', null],
    ['an HTML page', fixture('page-with-feeds.html'), 'text/html', null],
    ['an HTML page with <rss> in its body', '<html><body><rss version="2.0"></rss></body></html>', null, null],
    ['an RDF document that is not a feed', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description/></rdf:RDF>', null, null],
    ['a <feed> root that is not Atom', '<feed><foo/></feed>', null, null],
    ['a sitemap', '<?xml version="1.0"?><urlset><url/></urlset>', 'application/xml', null],
    ['an image, whatever the bytes', '<rss version="2.0"></rss>', 'image/png', null],
    ['empty', '', null, null],
    ['only a declaration', '<?xml version="1.0"?>', null, null],
  ])('%s', (_label, text, contentType, expected) => {
    expect(sniffFeed(text, contentType)).toBe(expected);
  });
});

describe('isJsonFeedByType', () => {
  it.each([
    ['items, as application/feed+json', '{"items":[]}', 'application/feed+json', true],
    ['items, as application/json', '{"items":[{"id":"1"}]}', 'application/json', true],
    ['items, as JSON with parameters and upper case', '{"items":[]}', 'Application/JSON; charset=UTF-8', true],
    ['BOM and whitespace before the object', '\ufeff \n{"items":[]}', 'application/json', true],
    ['cut off after naming items', '{"title":"x","items":[{"id":"1"', 'application/json', true],
    ['no content type', '{"items":[]}', null, false],
    ['served as text/plain', '{"items":[]}', 'text/plain', false],
    ['served as text/html', '{"items":[]}', 'text/html', false],
    ['a JSON object without items', '{"status":"ok","data":[]}', 'application/json', false],
    ['items that are not a list', '{"items":"none"}', 'application/json', false],
    ['a JSON array', '[{"items":[]}]', 'application/json', false],
    ['cut off without items', '{"title":"x","data":[', 'application/feed+json', false],
    ['an XML feed', '<rss version="2.0"><channel></channel></rss>', 'application/json', false],
  ])('%s → %s', (_label, text, contentType, expected) => {
    expect(isJsonFeedByType(text, contentType)).toBe(expected);
  });

  it('stays looser than sniffFeed: an untitled version-less object served as application/json is no feed to sniff', () => {
    expect(isJsonFeedByType('{"items":[]}', 'application/json')).toBe(true);
    expect(sniffFeed('{"items":[]}', 'application/json')).toBeNull();
  });
});

describe('discoverFeeds', () => {
  it('finds alternate feeds in the head, resolved against <base href>', () => {
    expect(discoverFeeds(fixture('page-with-feeds.html'), 'https://tinmoi.example.vn/thoi-su/bai-1.html')).toEqual([
      { url: 'https://tinmoi.example.vn/rss/thoi-su.rss', title: 'Tin Mới & Thời sự', type: 'application/rss+xml' },
      { url: 'https://tinmoi.example.vn/atom.xml', title: 'Atom', type: 'application/atom+xml' },
      { url: 'https://tinmoi.example.vn/feed.json', title: null, type: 'application/feed+json' },
    ]);
  });

  it.each([
    [
      'relative to the page URL without <base>',
      '<head><link rel="alternate" type="application/rss+xml" href="rss.xml"></head>',
      [{ url: 'https://site.example.vn/tin/rss.xml', title: null, type: 'application/rss+xml' }],
    ],
    [
      'unquoted attributes, upper case, a type with parameters',
      '<HEAD><LINK REL=alternate TYPE="application/atom+xml; charset=utf-8" HREF=/atom title=Atom></HEAD>',
      [{ url: 'https://site.example.vn/atom', title: 'Atom', type: 'application/atom+xml' }],
    ],
    [
      'several rel tokens',
      '<link rel="home alternate" type="application/rss+xml" href="/rss">',
      [{ url: 'https://site.example.vn/rss', title: null, type: 'application/rss+xml' }],
    ],
    [
      'application/json only when it names a feed',
      '<link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts/1"><link rel="alternate" type="application/json" href="/feed.json">',
      [{ url: 'https://site.example.vn/feed.json', title: null, type: 'application/json' }],
    ],
    [
      'an entity-encoded href',
      '<link rel="alternate" type="application/rss+xml" href="/rss?cat=1&amp;lang=vi">',
      [{ url: 'https://site.example.vn/rss?cat=1&lang=vi', title: null, type: 'application/rss+xml' }],
    ],
    [
      'not feeds: stylesheet, hreflang alternate, javascript:, missing href',
      '<link rel="stylesheet" type="text/css" href="/a.css"><link rel="alternate" hreflang="en" href="/en"><link rel="alternate" type="application/rss+xml" href="javascript:void(0)"><link rel="alternate" type="application/rss+xml">',
      [],
    ],
    ['no links at all', '<html><head><title>x</title></head><body></body></html>', []],
  ])('%s', (_label, html, expected) => {
    expect(discoverFeeds(html, 'https://site.example.vn/tin/bai.html')).toEqual(expected);
  });
});
