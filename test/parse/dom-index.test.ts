/**
 * The element index answers selectors exactly as css-select does over the whole
 * tree (same elements, document order), however the candidates are found: by tag,
 * by class (including multi-class attributes), by id, by attribute, or unions of these.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { selectAll, selectOne } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { splitSelector } from '../../src/extract/select.js';
import { SITE_RULES } from '../../src/extract/sites/index.js';
import { DomIndex, textOf } from '../../src/parse/dom-index.js';

const HTML = `<!doctype html><html lang="vi"><head><title>Trang</title>
<meta name="description" content="Mô tả"><meta property="og:title" content="Tiêu đề">
<link rel="canonical" href="/bai"><script type="application/ld+json">{"@type":"NewsArticle"}</script></head>
<body><div id="main" class="page  wrap">
  <div class="item"><div class="item inner"><p class="Normal">Một</p><p class="Normal lead	first">Hai</p></div></div>
  <article class="fck_detail"><h1 class="title-detail">Tiêu đề</h1>
    <p class="Normal">Đoạn một <b>đậm</b> và <strong>mạnh</strong>.</p>
    <p class="Normal" align="right"><strong>Minh Khánh</strong></p>
    <p class="Normal" style="text-align:right">Ghi chú</p>
  </article>
  <ul><li class="item"><a href="/tac-gia/a" rel="author">A</a></li><li class="item x item"><a href="/b" itemprop="url">B</a></li></ul>
  <span class="date">12/8/2024, 10:30</span><svg><title>icon</title></svg>
  <div class="a\u00a0b">nbsp</div><div class="c
d">newline</div>
</div></body></html>`;

const index = new DomIndex(HTML);
const all = (selector: string): Element[] => selectAll<AnyNode, Element>(selector, index.document);

describe('DomIndex.query', () => {
  it.each([
    'meta', 'link', 'script', 'title', 'p', 'div', 'li', 'a', 'b', 'strong', 'svg title',
    '.Normal', '.item', '.inner', '.lead', '.first', '.x', '.page', '.wrap', '.a', '.b', '.c', '.d', '.missing',
    'p.Normal', 'div.item', 'div.item p.Normal', '.item .Normal', 'h1.title-detail', 'span.date',
    '#main', '#main > div', '[rel]', '[itemprop]', '[rel="author"]', 'a[href*="/tac-gia/"]', '[align]',
    'article.fck_detail p.Normal[align="right"]', 'article.fck_detail p.Normal[style*="right"]', 'p.Normal[align="right"] strong',
    'p, div', 'strong, b', 'h1, h2, h3', 'p, div, td', '.item, p.Normal, #main', 'li, [class*="item"]', '*',
    'p:not([align])', 'html', 'body > div', 'meta[name="description"]',
    // A compound no element can match empties its group, whichever side it is on.
    'article.missing p', '.missing .Normal', 'div.item .missing p', 'section p', 'ul li.item a', 'div.item p.Normal, .missing strong',
    '.item > .inner > p', 'article.fck_detail p.Normal[align="right"] strong', 'article.fck_detail p.author_mail strong', 'nav ~ p', 'h1 + p',
  ])('%s matches what css-select finds, in document order', (selector) => {
    expect(index.query(selector)).toEqual(all(selector));
    expect(index.first(selector)).toBe(selectOne<AnyNode, Element>(selector, index.document));
  });

  it('returns the same list for a repeated selector', () => {
    expect(index.query('p.Normal')).toBe(index.query('p.Normal'));
  });

  it('throws on invalid CSS', () => {
    expect(() => index.query('p[')).toThrow();
  });
});

describe('DomIndex.query on real pages', () => {
  const pages = new URL('../../fixtures/pages/', import.meta.url);
  const names = readdirSync(pages, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map(({ name }) => name);
  const selectors = [
    ...new Set(
      SITE_RULES.flatMap((rule) => [
        ...(rule.title ?? []), ...(rule.summary ?? []), ...(rule.byline ?? []), ...(rule.publishedAt ?? []),
        ...(rule.body ?? []), ...(rule.teasers ?? []), ...(rule.detect === undefined ? [] : [rule.detect]),
      ]).map((selector) => splitSelector(selector).css),
    ),
  ];

  it.each(names)('%s: every site-rule selector matches what css-select finds', (name) => {
    const page = new DomIndex(readFileSync(new URL(`${name}/body.html`, pages), 'latin1'));
    for (const selector of selectors) {
      expect(page.query(selector), selector).toEqual(selectAll<AnyNode, Element>(selector, page.document));
    }
  });
});

describe('DomIndex.elements and position', () => {
  it('lists every element once, in document order, with its position', () => {
    const expected = all('*');
    expect(index.elements).toEqual(expected);
    expected.forEach((element, i) => expect(index.position(element)).toBe(i));
  });

  it('gives -1 for an element of another page', () => {
    const other = new DomIndex('<p>x</p>').query('p')[0]!;
    expect(index.position(other)).toBe(-1);
  });

  it.each([
    ['p', 'matches'], ['.Normal', 'matches'], ['article p', 'matches'], ['li p', 'does not match'],
  ])('matches(%s) on a body paragraph %s', (selector, outcome) => {
    const paragraph = index.query('article p')[0]!;
    expect(index.matches(paragraph, selector)).toBe(outcome === 'matches');
  });

  it('finds the nearest matching ancestor', () => {
    const strong = index.query('p[align] strong')[0]!;
    expect(index.closest(strong, 'article')?.attribs['class']).toBe('fck_detail');
    expect(index.closest(strong, 'p')?.attribs['align']).toBe('right');
    expect(index.closest(strong, 'li')).toBeNull();
  });
});

describe('textOf', () => {
  it.each([
    ['<div><p>Một</p><p>Hai</p></div>', Infinity, 'Một Hai'],
    ['<div>a<script>x()</script><style>p{}</style>b</div>', Infinity, 'ab'],
    ['<div><span>a</span><span>b</span></div>', Infinity, 'ab'],
    ['<div>' + '<p>abcdefghij</p>'.repeat(10) + '</div>', 25, 'abcdefghij abcdefghij abcdefghij'],
  ])('reads %s', (html, max, text) => {
    const root = new DomIndex(html).query('div')[0]!;
    expect(textOf(root, max).replace(/\s+/g, ' ').trim()).toBe(text);
  });

  it('reads deeply nested markup without recursion', () => {
    const deep = `<div>${'<span>'.repeat(20_000)}x${'</span>'.repeat(20_000)}</div>`;
    expect(textOf(new DomIndex(deep).query('div')[0]!).trim()).toBe('x');
  });
});
