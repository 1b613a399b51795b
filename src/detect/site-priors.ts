/**
 * The language of a news site's edition, known in advance: e.vnexpress.net writes
 * English, vnexpress.net Vietnamese. A prior for language detection that is
 * stronger than a page's `html lang` (often a CMS default), weaker than clear text.
 */

import type { Lang } from '../types.js';
import { simpleUrl } from '../normalize/url.js';

/**
 * Known single-language editions: `host` or `host/path`. A host matches itself and
 * its subdomains (`thethao.vnexpress.net` is `vnexpress.net`); the longest match
 * wins, so `e.vnexpress.net` beats `vnexpress.net` and `vietnamnet.vn/en` beats
 * `vietnamnet.vn`. A path matches whole segments (`/en` matches `/en/x`, not `/enx`).
 */
const EDITIONS: ReadonlyArray<readonly [string, Lang]> = [
  // English editions of Vietnamese outlets, and English-language outlets.
  ['e.vnexpress.net', 'en'],
  ['tuoitrenews.vn', 'en'],
  ['vietnamnews.vn', 'en'],
  ['en.nhandan.vn', 'en'],
  ['en.vietnamplus.vn', 'en'],
  ['en.laodong.vn', 'en'],
  ['vietnamnet.vn/en', 'en'],
  ['english.vov.vn', 'en'],
  ['en.baochinhphu.vn', 'en'],
  ['en.qdnd.vn', 'en'],
  ['vir.com.vn', 'en'],
  ['theinvestor.vn', 'en'],
  ['hanoitimes.vn', 'en'],
  ['saigoneer.com', 'en'],
  // Vietnamese outlets (main editions).
  ['vnexpress.net', 'vi'],
  ['tuoitre.vn', 'vi'],
  ['thanhnien.vn', 'vi'],
  ['thanhnien.com.vn', 'vi'],
  ['dantri.com.vn', 'vi'],
  ['vietnamnet.vn', 'vi'],
  ['znews.vn', 'vi'],
  ['zingnews.vn', 'vi'],
  ['zing.vn', 'vi'],
  ['vov.vn', 'vi'],
  ['vietnamplus.vn', 'vi'],
  ['nhandan.vn', 'vi'],
  ['laodong.vn', 'vi'],
  ['nld.com.vn', 'vi'],
  ['plo.vn', 'vi'],
  ['tienphong.vn', 'vi'],
  ['sggp.org.vn', 'vi'],
  ['baochinhphu.vn', 'vi'],
  ['qdnd.vn', 'vi'],
  ['cand.com.vn', 'vi'],
  ['vtv.vn', 'vi'],
  ['24h.com.vn', 'vi'],
  ['ngoisao.net', 'vi'],
  ['kenh14.vn', 'vi'],
  ['cafef.vn', 'vi'],
  ['vneconomy.vn', 'vi'],
];

interface Edition {
  host: string;
  /** Path prefix without a trailing slash (`/en`), or `''` for the whole host. */
  path: string;
  lang: Lang;
}

const EDITION_LIST: readonly Edition[] = EDITIONS.map(([key, lang]) => {
  const slash = key.indexOf('/');
  return slash === -1
    ? { host: key, path: '', lang }
    : { host: key.slice(0, slash), path: key.slice(slash), lang };
});

/**
 * The known language of the edition a page URL (or bare host, or `host/path`)
 * belongs to: `'en'` for e.vnexpress.net or vietnamnet.vn/en/…, `'vi'` for
 * vnexpress.net, `null` for unknown sites and unparsable input.
 *
 * On a Vietnamese outlet, a first path segment `en` also means its English edition
 * (vietnamnet.vn/en/…, and others that copy the pattern): Vietnamese article paths
 * are slugs and never just `en`.
 */
export function siteLanguage(urlOrHost: string | null): Lang | null {
  const location = parseLocation(urlOrHost);
  if (location === null) return null;
  let best: Edition | null = null;
  for (const edition of EDITION_LIST) {
    if (!hostMatches(location.host, edition.host) || !pathMatches(location.path, edition.path)) continue;
    if (best === null || edition.host.length + edition.path.length > best.host.length + best.path.length) {
      best = edition;
    }
  }
  if (best === null) return null;
  if (best.lang === 'vi' && best.path === '' && pathMatches(location.path, '/en')) return 'en';
  return best.lang;
}

/** Host (lower case, no port, no trailing dot) and path of a URL or `host[/path]`. */
function parseLocation(urlOrHost: string | null): { host: string; path: string } | null {
  if (urlOrHost == null) return null;
  const trimmed = urlOrHost.trim();
  if (trimmed === '') return null;
  // A URL in the parser's own form needs no parse (the parser is cold after a page's parse).
  const simple = simpleUrl(trimmed);
  if (simple !== null) return { host: simple.host, path: simple.path.toLowerCase() };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//iu.test(trimmed) ? trimmed : `http://${trimmed.replace(/^\/\//u, '')}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase().replace(/\.$/u, '');
  if (host === '') return null;
  return { host, path: url.pathname.toLowerCase() };
}

/** The host is the edition's or one of its subdomains (`….vnexpress.net`). */
function hostMatches(host: string, edition: string): boolean {
  if (host === edition) return true;
  const dot = host.length - edition.length - 1;
  return dot >= 0 && host.charCodeAt(dot) === 46 && host.endsWith(edition);
}

function pathMatches(path: string, prefix: string): boolean {
  if (prefix === '') return true;
  return path === prefix || path.startsWith(`${prefix}/`);
}
