/**
 * pageHost answers as normalize/url's hostOf and siteOf do, and resolveUrl as the
 * URL parser does, for plain URLs (answered from the text) and every other kind
 * (left to the parsers).
 */
import { describe, expect, it } from 'vitest';
import { hostOf, resolveUrl, siteOf } from '../../src/normalize/url.js';
import { pageHost } from '../../src/extract/page-host.js';

/** resolveUrl through the URL parser alone: what its shortcut for plain URLs must give. */
function resolveByParser(href: string, base: string | null): string | null {
  const trimmed = href.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  try {
    const url = new URL(trimmed, base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const PAGES = [
  'https://vnexpress.net/a-4781234.html', 'https://www.vnexpress.net/a.html', 'https://e.vnexpress.net/news/x', 'http://WWW.Dantri.com.vn/x',
  'https://thanhnien.vn', 'https://a.github.io/x', 'http://localhost:8080/x', 'http://127.0.0.1:3000/a.html', 'https://user:pw@vov.vn/x',
  'https://vov.vn./x', 'https://user:123@vov.vn/x', 'https://vov.vn:8443?x', 'https://vov.vn:/x', ' https://nld.com.vn/x ', 'https://xn--bcher-kva.ch/x', 'not a url', 'vnexpress.net', '',
];
const LINKS = [
  'https://vnexpress.net/x.html', ' https://vnexpress.net/x.html ', '/relative/x.html', 'x.html', '../up.html', '//cdn.vn/i.jpg', '#top', '',
  'javascript:void(0)', 'mailto:a@b.vn', 'https://VNEXPRESS.net/X', 'https://vnexpress.net', 'https://vnexpress.net/./a', 'https://a.com/x y',
  'https://a.com/x?q=1#f', 'data:image/png;base64,AAAA',
];
const BASES = [null, 'https://vnexpress.net/a/b.html', 'https://vnexpress.net', 'https://x.com/a#b', 'not a url'];

describe('pageHost', () => {
  it.each(PAGES)('%j has the host and site hostOf and siteOf give', (url) => {
    expect(pageHost(url)).toEqual({ host: hostOf(url), site: siteOf(url) });
    expect(pageHost(url)).toEqual({ host: hostOf(url), site: siteOf(url) }); // kept per host
  });
});

describe('resolveUrl', () => {
  it.each(LINKS.flatMap((link) => BASES.map((base) => [link, base] as const)))('%j against %j resolves as the URL parser does', (link, base) => {
    expect(resolveUrl(link, base)).toBe(resolveByParser(link, base));
  });

  it('is null for null', () => {
    expect(resolveUrl(null, 'https://vnexpress.net/')).toBeNull();
  });
});
