/**
 * What parseDocument reads from a page: meta tags (cleaned, by lower-case key),
 * links, JSON-LD, the <html> language and the <title>, and cheerio over the same DOM.
 */
import { describe, expect, it } from 'vitest';
import { metaValue, parseDocument } from '../../src/parse/document.js';

const HTML = `<!doctype html><html lang=" vi-VN "><head>
<meta charset="utf-8">
<meta name="Description" content="  Mô tả   &amp;amp; thêm ">
<meta property="og:title" content="Tiêu đề một">
<meta property="og:title" content="Tiêu đề hai">
<meta name="keywords" content="   ">
<meta itemprop="datePublished" content="2024-08-12T10:30:00+07:00">
<meta http-equiv="Content-Language" content="vi">
<meta content="không khoá">
<link rel="Canonical" href=" https://example.vn/bai ">
<link rel="alternate amphtml" href="/amp">
<link rel="icon">
<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"H"},{"@type":"Organization","name":"O"}]}</script>
<script type="application/ld+json"><!--{"@type":"Person","name":"P",}--></script>
<script type="application/ld+json">not json</script>
<title>Tiêu đề &amp;amp; trang</title>
</head><body><svg><title>icon</title></svg><p>Chào</p></body></html>`;

const doc = parseDocument(HTML, 'https://example.vn/bai');

describe('parseDocument', () => {
  it.each([
    ['description', ['Mô tả & thêm']],
    ['og:title', ['Tiêu đề một', 'Tiêu đề hai']],
    ['datepublished', ['2024-08-12T10:30:00+07:00']],
    ['content-language', ['vi']],
    ['keywords', undefined],
    ['missing', undefined],
  ])('meta %s', (key, values) => {
    expect(doc.meta.get(key)).toEqual(values);
    expect(doc.meta.has(key)).toBe(values !== undefined);
  });

  it('lists meta keys with a non-empty value, in document order', () => {
    expect([...doc.meta.keys()]).toEqual(['description', 'og:title', 'datepublished', 'content-language']);
    expect(doc.meta.size).toBe(4);
    expect([...doc.meta].map(([key]) => key)).toEqual([...doc.meta.keys()]);
  });

  it('keeps document order when some keys were read first', () => {
    const page = parseDocument(HTML, null);
    expect(page.meta.get('content-language')).toEqual(['vi']);
    const seen: string[] = [];
    page.meta.forEach((_values, key) => seen.push(key));
    expect(seen).toEqual(['description', 'og:title', 'datepublished', 'content-language']);
  });

  it('reads the first meta value of several keys', () => {
    expect(metaValue(doc, 'twitter:title', 'og:title')).toBe('Tiêu đề một');
    expect(metaValue(doc, 'nothing')).toBeNull();
  });

  it('reads links by lower-case rel', () => {
    expect(doc.links.get('canonical')).toEqual(['https://example.vn/bai']);
    expect(doc.links.get('amphtml')).toEqual(['/amp']);
    expect(doc.links.get('alternate')).toEqual(['/amp']);
    expect(doc.links.has('icon')).toBe(false);
  });

  it('flattens JSON-LD, repairing comments and trailing commas', () => {
    expect(doc.jsonLd.map((object) => object['@type'])).toEqual(['NewsArticle', 'Organization', 'Person']);
  });

  it('reads the html language and the first title, not an SVG icon title', () => {
    expect(doc.htmlLang).toBe('vi-VN');
    expect(doc.titleTag).toBe('Tiêu đề & trang');
    expect(parseDocument('<html><body><svg><title>icon</title></svg></body></html>').titleTag).toBe('icon');
    expect(parseDocument('<p>no title</p>').titleTag).toBeNull();
  });

  it('wraps the same DOM in cheerio on demand', () => {
    expect(doc.$('p').text()).toBe('Chào');
    expect(doc.$('p').get(0)).toBe(doc.index.query('p')[0]);
  });
});
