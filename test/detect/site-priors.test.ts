import { describe, expect, it } from 'vitest';
import { siteLanguage } from '../../src/detect/site-priors.js';
import { SITE_RULES } from '../../src/extract/sites/index.js';

describe('siteLanguage', () => {
  it.each([
    // English editions
    ['https://e.vnexpress.net/', 'en'],
    ['https://e.vnexpress.net/news/news/storm-koto-4970000.html', 'en'],
    ['tuoitrenews.vn', 'en'],
    ['https://vietnamnews.vn/society/1234/x.html', 'en'],
    ['https://en.nhandan.vn/politics', 'en'],
    ['https://en.vietnamplus.vn/x-post123.vnp', 'en'],
    ['https://vietnamnet.vn/en/vietnam-to-pilot-ai-2460000.html', 'en'],
    ['vietnamnet.vn/en', 'en'],
    // Vietnamese outlets, subdomains included
    ['https://vnexpress.net/thoi-su', 'vi'],
    ['thethao.vnexpress.net', 'vi'],
    ['https://tuoitre.vn/x.htm', 'vi'],
    ['https://thanhnien.vn/', 'vi'],
    ['http://www.thanhnien.com.vn/pages/20121219/x.aspx', 'vi'],
    ['https://dantri.com.vn/xa-hoi.htm', 'vi'],
    ['https://vietnamnet.vn/thoi-su', 'vi'],
    ['https://znews.vn/', 'vi'],
    ['https://vov.vn/xa-hoi', 'vi'],
    ['https://www.vietnamplus.vn/', 'vi'],
    ['https://nhandan.vn/', 'vi'],
    ['https://laodong.vn/', 'vi'],
    ['https://nld.com.vn/', 'vi'],
    ['https://plo.vn/', 'vi'],
    ['https://tienphong.vn/', 'vi'],
    ['https://www.sggp.org.vn/', 'vi'],
    // Case, port, trailing dot, no scheme
    ['HTTPS://E.VNEXPRESS.NET/NEWS', 'en'],
    ['https://vnexpress.net:443/x', 'vi'],
    ['https://e.vnexpress.net./', 'en'],
    ['//e.vnexpress.net/news', 'en'],
    // An `/en` section of a Vietnamese outlet is its English edition; `/english-…` is not.
    ['https://vov.vn/en/politics', 'en'],
    ['https://vietnamnet.vn/english-lessons', 'vi'],
    ['https://vietnamnet.vn/enx', 'vi'],
    // Unknown or unusable
    ['https://example.com/en/', null],
    ['evnexpress.net', null],
    ['vnexpress.net.example.com', null],
    ['ftp://vnexpress.net/', null],
    ['not a url at all', null],
    ['', null],
    ['   ', null],
    [null, null],
  ] as const)('%j → %j', (input, expected) => {
    expect(siteLanguage(input)).toBe(expected);
  });
});

describe('siteLanguage agrees with the site rules', () => {
  // Two lists name a site's language: the detector's editions and each site rule's
  // `lang`. They once disagreed (en.laodong.vn); this keeps them in step.
  it.each(SITE_RULES.flatMap((rule) => (rule.lang === undefined ? [] : rule.domains.map((domain) => [domain, rule.lang] as const))))(
    '%s is %s',
    (domain, lang) => {
      expect(siteLanguage(`https://${domain}/`)).toBe(lang);
    },
  );
});
