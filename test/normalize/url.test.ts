import { describe, expect, it } from 'vitest';
import {
  canonicalKeyFor,
  hostOf,
  isSameSite,
  resolveUrl,
  siteOf,
  urlKey,
} from '../../src/normalize/url.js';

describe('urlKey', () => {
  const cases: Array<[string, string, string]> = [
    ['plain https', 'https://vnexpress.net/a-1.html', 'https://vnexpress.net/a-1.html'],
    ['http becomes https', 'http://vnexpress.net/a-1.html', 'https://vnexpress.net/a-1.html'],
    ['scheme and host lower-cased', 'HTTPS://VnExpress.NET/A-1.html', 'https://vnexpress.net/A-1.html'],
    ['www kept', 'https://www.Example.com/x', 'https://www.example.com/x'],
    ['trailing dot on host dropped', 'https://example.com./x', 'https://example.com/x'],
    ['fragment dropped', 'https://example.com/x#comments', 'https://example.com/x'],
    ['default https port dropped', 'https://example.com:443/x', 'https://example.com/x'],
    ['default http port dropped', 'http://example.com:80/x', 'https://example.com/x'],
    ['other port kept', 'http://127.0.0.1:8080/x', 'https://127.0.0.1:8080/x'],
    ['http on 443 keeps the port', 'http://example.com:443/x', 'https://example.com:443/x'],
    ['credentials dropped', 'https://user:pw@example.com/x', 'https://example.com/x'],
    ['trailing slash stripped', 'https://example.com/news/', 'https://example.com/news'],
    ['several trailing slashes stripped', 'https://example.com/news//', 'https://example.com/news'],
    ['root path kept', 'https://example.com', 'https://example.com/'],
    ['root slash kept', 'https://example.com/', 'https://example.com/'],
    ['empty query dropped', 'https://example.com/x?', 'https://example.com/x'],
    ['utm params removed', 'https://example.com/x?utm_source=rss&utm_Medium=feed', 'https://example.com/x'],
    ['itm params removed', 'https://example.com/x?itm_source=home&id=3', 'https://example.com/x?id=3'],
    [
      'named trackers removed',
      'https://example.com/x?fbclid=a&gclid=b&dclid=c&msclkid=d&mc_cid=e&mc_eid=f&zarsrc=g&zacc=h&gidzl=i&_ga=j&igshid=k&ref_src=l&p=2',
      'https://example.com/x?p=2',
    ],
    ['tracker names case-insensitive', 'https://example.com/x?FBCLID=1&UTM_SOURCE=2', 'https://example.com/x'],
    ['query sorted by key', 'https://example.com/x?b=2&a=1', 'https://example.com/x?a=1&b=2'],
    ['same key sorted by value', 'https://example.com/x?t=z&t=a', 'https://example.com/x?t=a&t=z'],
    ['query plus and %20 both mean space', 'https://example.com/x?q=a%20b', 'https://example.com/x?q=a+b'],
    ['encoded plus kept distinct', 'https://example.com/x?q=a%2Bb', 'https://example.com/x?q=a%2Bb'],
    ['unreserved escapes decoded', 'https://example.com/%7Euser/a%2Db', 'https://example.com/~user/a-b'],
    ['reserved escapes kept, hex upper-cased', 'https://example.com/a%2fb%3b', 'https://example.com/a%2Fb%3B'],
    ['invalid UTF-8 escapes kept', 'https://example.com/a%ff', 'https://example.com/a%FF'],
    ['non-http returned trimmed', '  mailto:someone@example.com ', 'mailto:someone@example.com'],
    ['unparseable returned trimmed', ' not a url ', 'not a url'],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(urlKey(input)).toBe(expected);
  });

  it('gives one key for NFC, NFD and percent-encoded Vietnamese paths', () => {
    const nfc = 'https://example.vn/đà-nẵng-mưa-lớn';
    const nfd = nfc.normalize('NFD');
    const encodedUpper = 'https://example.vn/%C4%91%C3%A0-n%E1%BA%B5ng-m%C6%B0a-l%E1%BB%9Bn';
    const encodedLower = encodedUpper.toLowerCase();
    const encodedNfd = `https://example.vn/${encodeURIComponent('đà-nẵng-mưa-lớn'.normalize('NFD'))}`;
    expect(nfd).not.toBe(nfc);
    const keys = [nfc, nfd, encodedUpper, encodedLower, encodedNfd].map(urlKey);
    expect(new Set(keys)).toEqual(new Set([encodedUpper]));
  });

  it('normalises Vietnamese query values to NFC', () => {
    const nfc = urlKey('https://example.vn/tim?q=Đà Nẵng');
    const nfd = urlKey('https://example.vn/tim?q=' + 'Đà Nẵng'.normalize('NFD'));
    expect(nfd).toBe(nfc);
    expect(nfc).toBe('https://example.vn/tim?q=%C4%90%C3%A0+N%E1%BA%B5ng');
  });

  it('is idempotent', () => {
    const key = urlKey('HTTP://Example.com:80/đà/?utm_source=x&b=2&a=1#top');
    expect(key).toBe('https://example.com/%C4%91%C3%A0?a=1&b=2');
    expect(urlKey(key)).toBe(key);
  });
});

describe('siteOf', () => {
  const cases: Array<[string, string]> = [
    ['https://e.vnexpress.net/x', 'vnexpress.net'],
    ['https://vnexpress.net/', 'vnexpress.net'],
    ['https://WWW.TuoiTre.VN/a.htm', 'tuoitre.vn'],
    ['https://cand.com.vn/x', 'cand.com.vn'],
    ['https://a.b.baochinhphu.vn/x', 'baochinhphu.vn'],
    ['http://127.0.0.1:8080/x', '127.0.0.1'],
    ['http://localhost:3000/x', 'localhost'],
    ['https://foo.github.io/x', 'foo.github.io'],
    ['vnexpress.net', 'vnexpress.net'],
    ['not a url', ''],
  ];
  it.each(cases)('%s → %s', (input, expected) => {
    expect(siteOf(input)).toBe(expected);
  });
});

describe('hostOf', () => {
  const cases: Array<[string, string]> = [
    ['https://www.VnExpress.net/x', 'vnexpress.net'],
    ['https://e.vnexpress.net/x', 'e.vnexpress.net'],
    ['http://127.0.0.1:8080/x', '127.0.0.1'],
    ['not a url', ''],
  ];
  it.each(cases)('%s → %s', (input, expected) => {
    expect(hostOf(input)).toBe(expected);
  });
});

describe('isSameSite', () => {
  const cases: Array<[string, string, boolean]> = [
    ['https://e.vnexpress.net/a', 'https://vnexpress.net/b', true],
    ['http://www.tuoitre.vn/a', 'https://tuoitre.vn/b', true],
    ['https://vnexpress.net/a', 'https://tuoitre.vn/a', false],
    ['https://a.github.io/', 'https://b.github.io/', false],
    ['http://127.0.0.1:1/a', 'http://127.0.0.1:2/b', true],
    ['not a url', 'also not', false],
  ];
  it.each(cases)('%s vs %s → %s', (a, b, expected) => {
    expect(isSameSite(a, b)).toBe(expected);
  });
});

describe('resolveUrl', () => {
  const base = 'https://example.vn/thoi-su/bai-1.html';
  const cases: Array<[string | null, string | null, string | null]> = [
    ['/kinh-te/bai-2.html', base, 'https://example.vn/kinh-te/bai-2.html'],
    ['bai-3.html', base, 'https://example.vn/thoi-su/bai-3.html'],
    ['//cdn.example.vn/a.jpg', base, 'https://cdn.example.vn/a.jpg'],
    ['  https://other.vn/x  ', base, 'https://other.vn/x'],
    ['https://other.vn/x', null, 'https://other.vn/x'],
    ['/relative', null, null],
    ['#top', base, null],
    ['', base, null],
    [null, base, null],
    ['javascript:void(0)', base, null],
    ['mailto:toasoan@example.vn', base, null],
    ['data:image/png;base64,AAAA', base, null],
    ['ftp://example.vn/file', base, null],
  ];
  it.each(cases)('%s against %s → %s', (href, b, expected) => {
    expect(resolveUrl(href, b)).toBe(expected);
  });
});

describe('canonicalKeyFor', () => {
  const cases: Array<[string, string, string | null, string | null]> = [
    ['same site', 'https://m.example.vn/a?utm_source=x', 'https://example.vn/a/', 'https://example.vn/a'],
    ['relative canonical', 'https://example.vn/amp/a', '/a', 'https://example.vn/a'],
    ['cross-site canonical ignored', 'https://example.vn/a', 'https://other.vn/a', null],
    ['no canonical', 'https://example.vn/a', null, null],
    ['non-http canonical', 'https://example.vn/a', 'javascript:x', null],
  ];
  it.each(cases)('%s', (_name, page, canonical, expected) => {
    expect(canonicalKeyFor(page, canonical)).toBe(expected);
  });
});
