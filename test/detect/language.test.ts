import { describe, expect, it } from 'vitest';
import { detectLanguage, normalizeLangTag } from '../../src/detect/language.js';

// From the seed page: English copy dense with Vietnamese names, then Vietnamese teasers.
const SEED_ENGLISH =
  "In his speech at the conference, Vice Chairman of the People's Committee of Kiên Giang " +
  'Province Nguyễn Lưu Trung emphasized that public speaking and press information provision ' +
  'are the responsibilities of agencies, units, and localities, directly the heads.';
const SEED_ENGLISH_NAMES =
  'At the conference, 200 officials, civil servants, and heads of Party committees, government, ' +
  'and mass organizations at all levels in Kiên Giang Province were provided by Deputy Minister ' +
  'of Foreign Affairs Lê Thị Thu Hằng with knowledge on foreign information work.';
const SEED_TEASER_TITLE = 'Tuyên dương báo chí đồng hành cùng Công đoàn TPHCM';
const SEED_TEASER_SUMMARY =
  'LĐLĐ TPHCM tặng Bằng khen cho 8 cơ quan báo chí và 27 phóng viên, biên tập viên có nhiều ' +
  'đóng góp cho phong trào CNVCLĐ và hoạt động Công đoàn TPHCM.';
const SEED_TEASER_NAMES = 'Phó Thủ tướng Thường trực Nguyễn Hòa Bình nhận thêm nhiệm vụ';

describe('normalizeLangTag', () => {
  it.each([
    ['vi', 'vi'],
    ['vi-VN', 'vi'],
    ['vi_VN', 'vi'],
    ['VIE', 'vi'],
    [' vi ', 'vi'],
    ['en', 'en'],
    ['en-us', 'en'],
    ['en_GB', 'en'],
    ['eng', 'en'],
    ['EN-US', 'en'],
    ['fr', null],
    ['zh-CN', null],
    ['vietnamese', null],
    ['', null],
    [null, null],
  ])('%j → %j', (tag, expected) => {
    expect(normalizeLangTag(tag)).toBe(expected);
  });
});

describe('detectLanguage: text alone', () => {
  it.each([
    [SEED_ENGLISH, 'en'],
    [SEED_ENGLISH_NAMES, 'en'],
    ['Providing information to the press is the responsibility of the top leader', 'en'],
    [SEED_TEASER_TITLE, 'vi'],
    [SEED_TEASER_SUMMARY, 'vi'],
    [SEED_TEASER_NAMES, 'vi'],
    ['Lào Cai có người phát ngôn báo chí mới', 'vi'],
    ['Thời sự', 'vi'],
    ['THỜI SỰ', 'vi'],
    ['Thời sự'.normalize('NFD'), 'vi'],
    [SEED_TEASER_SUMMARY.normalize('NFD'), 'vi'],
    ['Apple ra mắt iPhone 17 tại Việt Nam', 'vi'],
    ['VN-Index tăng 20 điểm', 'vi'],
    ['Gia vang hom nay tang manh', 'vi'],
    ['Chot lich nghi le Tet 2013 cua cong chuc, vien chuc', 'vi'],
    ['Man arrested for killing wife in Da Nang', 'en'],
    ['Storm Yagi kills 4 in Quang Ninh', 'en'],
    ['Tet holiday: Vietnamese flock to pagodas', 'en'],
    ['Vietnam Airlines Adds Flights To Japan', 'en'],
    ['Ben Thanh–Can Gio metro project unveiled, spanning 53 km across HCMC', 'en'],
    ['Samsung Galaxy S25 Ultra review', 'en'],
    ['Read more', 'en'],
  ])('%s → %s', (text, expected) => {
    const result = detectLanguage(text);
    expect(result.lang).toBe(expected);
    expect(result.source).toBe('text');
    expect(result.declared).toBeNull();
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it.each([[''], ['12345'], ['...'], ['  \n '], ['2024 - 15:30 | 100%'], [null]])(
    'meaningless %j → null with source none',
    (text) => {
      expect(detectLanguage(text)).toEqual({ lang: null, confidence: 0, source: 'none', declared: null });
    },
  );

  it('does not count capitalised Vietnamese names as Vietnamese evidence', () => {
    // A name alone says nothing about the language around it.
    expect(detectLanguage('Hà Nội').lang).toBeNull();
    expect(detectLanguage('Nguyễn Lưu Trung met the press.').lang).toBe('en');
  });

  it('is surer with more evidence', () => {
    const short = detectLanguage('Thời sự').confidence;
    const long = detectLanguage(SEED_TEASER_SUMMARY).confidence;
    expect(long).toBeGreaterThan(short);
    expect(long).toBeGreaterThan(0.95);
  });
});

describe('detectLanguage: declared language as a prior', () => {
  it.each([
    // text, declared, lang, source, declared (normalised)
    [SEED_TEASER_SUMMARY, 'en-us', 'vi', 'text', 'en'],
    [SEED_TEASER_TITLE, 'en', 'vi', 'text', 'en'],
    [SEED_ENGLISH, 'vi', 'en', 'text', 'vi'],
    ['', 'vi', 'vi', 'declared', 'vi'],
    [null, 'vi-VN', 'vi', 'declared', 'vi'],
    ['12345', 'en', 'en', 'declared', 'en'],
    ['Hà Nội', 'vi', 'vi', 'declared', 'vi'],
    [SEED_TEASER_SUMMARY, 'vi', 'vi', 'agreed', 'vi'],
    [SEED_ENGLISH, 'en_GB', 'en', 'agreed', 'en'],
    ['Thể thao', 'en', 'en', 'declared', 'en'],
    ['', 'fr', null, 'none', null],
    [SEED_ENGLISH, 'fr', 'en', 'text', null],
  ] as const)('%j declared %j → %s (%s)', (text, declared, lang, source, normalised) => {
    const result = detectLanguage(text, { declared });
    expect(result.lang).toBe(lang);
    expect(result.source).toBe(source);
    expect(result.declared).toBe(normalised);
  });

  it('agreement raises confidence above the text alone', () => {
    const alone = detectLanguage('Thời sự');
    const agreed = detectLanguage('Thời sự', { declared: 'vi' });
    expect(agreed.source).toBe('agreed');
    expect(agreed.confidence).toBeGreaterThan(alone.confidence);
    expect(agreed.confidence).toBeLessThanOrEqual(1);
  });
});
