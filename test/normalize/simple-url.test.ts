/**
 * simpleUrl vouches only for URLs the URL parser writes back unchanged, and then
 * gives the parser's host and path.
 */
import { describe, expect, it } from 'vitest';
import { simpleUrl } from '../../src/normalize/url.js';

const SIMPLE = [
  'https://vnexpress.net/ha-noi-mo-them-12-tuyen-xe-buyt-4781234.html',
  'http://www.24h.com.vn/tin-tuc-trong-ngay/a-c46a508182.html',
  'https://i1-vnexpress.vnecdn.net/2024/08/12/x.jpg?w=1200&h=0&q=100&dpr=1&fit=crop&s=q3Xb1dE7cPz0nLwYk2uR4A',
  'https://a.com/', 'https://a.com/x?', 'https://a.com/x?q=a?b/c', 'https://a.com//x', 'https://a.com/x;y=1', "https://a.com/it's", 'https://a.com/%E1%BA%A1',
];
const NOT_SIMPLE = [
  'https://a.com', 'https://A.com/x', 'HTTPS://a.com/x', 'https://a.com:443/x', 'https://a.com:8080/x', 'https://a.com/./x', 'https://a.com/a/../b',
  'https://a.com/%2e/x', 'https://a.com/x#top', 'https://1.2.3.4/x', 'https://a.b.123/x', 'https://xn--bcher-kva.ch/x', 'https://a..com/x',
  'https://a.com/x y', "https://a.com/x?q='", 'https://a.com/x|y', 'https://a.com/x\\y', ' https://a.com/x', 'https://user@a.com/x',
  'https://a.com/đường', 'ftp://a.com/x', '//a.com/x', '/x', 'https://a_b.com/x', 'https://a.com./x',
];

describe('simpleUrl', () => {
  it.each(SIMPLE)('%s is written back unchanged, with its host and path', (url) => {
    const parsed = new URL(url);
    expect(parsed.href).toBe(url);
    expect(simpleUrl(url)).toEqual({ host: parsed.hostname, path: parsed.pathname });
  });

  it.each(NOT_SIMPLE)('%s is left to the URL parser', (url) => {
    expect(simpleUrl(url)).toBeNull();
  });
});
