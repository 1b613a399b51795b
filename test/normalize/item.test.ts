import { describe, expect, it } from 'vitest';
import { contentKey, toItemInput } from '../../src/normalize/item.js';
import type { Article } from '../../src/types.js';

describe('contentKey', () => {
  const cases: Array<[string, string, string | null, string | null, string | null]> = [
    [
      'folds diacritics and đ, keeps the UTC day before 17:00',
      'vnexpress.net',
      'Đà Nẵng mưa lớn',
      '2024-08-12T03:30:00.000Z',
      '2024-08-12|vnexpress.net|da nang mua lon',
    ],
    [
      'day is taken in Vietnam time (UTC+7)',
      'vnexpress.net',
      'Đà Nẵng mưa lớn',
      '2024-08-12T18:30:00Z',
      '2024-08-13|vnexpress.net|da nang mua lon',
    ],
    [
      '16:59:59 UTC is still the same Vietnam day',
      'vnexpress.net',
      'A',
      '2024-08-12T16:59:59.000Z',
      '2024-08-12|vnexpress.net|a',
    ],
    [
      'punctuation removed and whitespace collapsed',
      'tuoitre.vn',
      '  “Giá vàng” tăng:  kỷ lục - mới!  ',
      '2024-01-02T00:00:00.000Z',
      '2024-01-02|tuoitre.vn|gia vang tang ky luc moi',
    ],
    ['no date', 'tuoitre.vn', 'Tin nóng', null, 'undated|tuoitre.vn|tin nong'],
    ['invalid date', 'tuoitre.vn', 'Tin nóng', 'hôm qua', 'undated|tuoitre.vn|tin nong'],
    ['null title', 'tuoitre.vn', null, '2024-01-02T00:00:00.000Z', null],
    ['blank title', 'tuoitre.vn', '  \u00a0 ', '2024-01-02T00:00:00.000Z', null],
    ['punctuation-only title', 'tuoitre.vn', '— ! —', '2024-01-02T00:00:00.000Z', null],
  ];
  it.each(cases)('%s', (_name, site, title, date, expected) => {
    expect(contentKey(site, title, date)).toBe(expected);
  });

  it('gives NFD and NFC titles the same key', () => {
    const title = 'Thủ tướng Phạm Minh Chính';
    expect(contentKey('x.vn', title.normalize('NFD'), null)).toBe(contentKey('x.vn', title, null));
  });
});

function article(overrides: Partial<Article> = {}): Article & { url: string } {
  return {
    title: 'Đà Nẵng mưa lớn',
    byline: 'Nguyễn Văn A',
    attribution: null,
    summary: 'Mưa lớn kéo dài.',
    publishedAt: '2024-08-12T18:30:00.000Z',
    canonicalUrl: 'https://vnexpress.net/da-nang-mua-lon-1.html',
    siteName: 'VnExpress',
    imageUrl: 'https://i.vnecdn.net/a.jpg',
    declaredLang: 'vi',
    lang: 'vi',
    langSource: 'agreed',
    provenance: {
      title: 'og:title',
      byline: null,
      attribution: null,
      summary: null,
      publishedAt: null,
      canonicalUrl: null,
      siteName: null,
      imageUrl: null,
      declaredLang: null,
    },
    ...overrides,
    url: overrides.url ?? 'https://vnexpress.net/da-nang-mua-lon-1.html?utm_source=rss#box',
  };
}

describe('toItemInput', () => {
  it('fills keys and source and drops provenance', () => {
    const input = toItemInput(article(), '2024-08-14T01:00:00.000Z');
    expect(input).toEqual({
      url: 'https://vnexpress.net/da-nang-mua-lon-1.html?utm_source=rss#box',
      urlKey: 'https://vnexpress.net/da-nang-mua-lon-1.html',
      canonicalKey: 'https://vnexpress.net/da-nang-mua-lon-1.html',
      contentKey: '2024-08-13|vnexpress.net|da nang mua lon',
      title: 'Đà Nẵng mưa lớn',
      byline: 'Nguyễn Văn A',
      attribution: null,
      summary: 'Mưa lớn kéo dài.',
      publishedAt: '2024-08-12T18:30:00.000Z',
      canonicalUrl: 'https://vnexpress.net/da-nang-mua-lon-1.html',
      siteName: 'VnExpress',
      imageUrl: 'https://i.vnecdn.net/a.jpg',
      declaredLang: 'vi',
      lang: 'vi',
      langSource: 'agreed',
      source: 'vnexpress.net',
      fetchedAt: '2024-08-14T01:00:00.000Z',
    });
    expect(input).not.toHaveProperty('provenance');
  });

  it('uses the fetch day when the page has no date, and ignores a cross-site canonical', () => {
    const input = toItemInput(
      article({ url: 'https://e.vnexpress.net/news/a-1', publishedAt: null, canonicalUrl: 'https://other.com/a' }),
      '2024-08-14T20:00:00.000Z',
    );
    expect(input.source).toBe('vnexpress.net');
    expect(input.canonicalKey).toBeNull();
    expect(input.contentKey).toBe('2024-08-15|vnexpress.net|da nang mua lon');
  });

  it('has no content key without a title', () => {
    expect(toItemInput(article({ title: null }), '2024-08-14T01:00:00.000Z').contentKey).toBeNull();
  });
});
