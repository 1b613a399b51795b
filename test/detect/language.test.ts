import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectLanguage, normalizeLangTag } from '../../src/detect/language.js';

// The product seed (GUIDE.md, seed/): an English article dense with Vietnamese names,
// then Vietnamese teasers "title / Byline | / summary". Copied here so the test
// stands alone.
const SEED_ENGLISH_TITLE = 'Providing information to the press is the responsibility of the top leader';
const SEED_ENGLISH_PARAGRAPHS = [
  "On August 8, the People's Committee of Kiên Giang Province organized a training conference and knowledge enhancement on foreign information, public speaking, and press information provision in 2024 for 200 leaders, spokespersons of Party, government, and mass organizations at all levels in the province.",
  "In his speech at the conference, Vice Chairman of the People's Committee of Kiên Giang Province Nguyễn Lưu Trung emphasized that public speaking and press information provision are the responsibilities of agencies, units, and localities, directly the heads. Therefore, the heads must grasp the legal documents on the press, public speaking skills, and press information provision.",
  'At the conference, 200 officials, civil servants, and heads of Party committees, government, and mass organizations at all levels in Kiên Giang Province were provided by Deputy Minister of Foreign Affairs Lê Thị Thu Hằng with knowledge on foreign information work; the Party and State\'s guidelines on foreign information work; the practical implementation of foreign information work in recent years; some solutions to innovate foreign information work; tasks, forms, and measures of foreign information work at the local level.',
  'Deputy Minister of Foreign Affairs Lê Thị Thu Hằng also conveyed public speaking and press information provision.',
  "According to the People's Committee of Kiên Giang Province, in recent times, the promotion of Kiên Giang's potential and strengths on land and people through mass media has developed but has not met the requirements of foreign information work in the new situation.",
];
const SEED_TEASERS = [
  'Tuyên dương báo chí đồng hành cùng Công đoàn TPHCM',
  'LĐLĐ TPHCM tặng Bằng khen cho 8 cơ quan báo chí và 27 phóng viên, biên tập viên có nhiều đóng góp cho phong trào CNVCLĐ và hoạt động Công đoàn TPHCM.',
  'Lào Cai có người phát ngôn báo chí mới',
  'UBND tỉnh Lào Cai vừa ban hành quyết định ủy quyền phát ngôn và cung cấp thông tin cho báo chí trên địa bàn.',
  'Vai trò của báo chí trong việc bảo vệ công nhân lao động',
  'Phó Thủ tướng Thường trực Nguyễn Hòa Bình nhận thêm nhiệm vụ',
  'Phó Thủ tướng Thường trực Chính phủ Nguyễn Hòa Bình được phân công là Tổ trưởng Tổ công tác cải cách thủ tục hành chính của Thủ tướng Chính phủ.',
  'Nước màu đỏ tràn vào khu dân cư ở Hà Nội',
  'Dòng nước màu đỏ tràn vào khu tập thể Phú Minh (phường Cổ Nhuế 2, quận Bắc Từ Liêm, Hà Nội) khiến người dân lo lắng.',
  'Dự báo cường độ áp thấp nhiệt đới khi mạnh lên thành bão số 4',
  'Phân bổ tiền hỗ trợ 26 địa phương bị ảnh hưởng bão lũ',
  'Khách Hàn Quốc đổ xô du lịch Việt Nam dịp Trung Thu',
  'Kỳ nghỉ Tết Trung thu năm nay, khách Hàn Quốc du lịch nội địa và quốc tế tăng mạnh, đặc biệt tới Thái Lan, Việt Nam.',
];
const SEED_TEASER_TITLE = SEED_TEASERS[0] as string;
const SEED_TEASER_SUMMARY = SEED_TEASERS[1] as string;
const SEED_ENGLISH_OPENING = SEED_ENGLISH_PARAGRAPHS[0] as string;
const SEED_ENGLISH_SPEECH = SEED_ENGLISH_PARAGRAPHS[1] as string;

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

describe('detectLanguage: the seed page', () => {
  it.each([SEED_ENGLISH_TITLE, ...SEED_ENGLISH_PARAGRAPHS])('English despite the Vietnamese names: %s', (text) => {
    const result = detectLanguage(text);
    expect(result).toMatchObject({ lang: 'en', source: 'text', declared: null });
    expect(result.confidence).toBeGreaterThan(0.9);
  });

  it.each(SEED_TEASERS)('Vietnamese teaser: %s', (text) => {
    const result = detectLanguage(text);
    expect(result).toMatchObject({ lang: 'vi', source: 'text', declared: null });
    expect(result.confidence).toBeGreaterThan(0.9);
  });

  it('reads the pipeline input (title. summary. body) of the English article as English', () => {
    const text = `${SEED_ENGLISH_TITLE}. ${SEED_ENGLISH_OPENING}. ${SEED_ENGLISH_SPEECH}`;
    expect(detectLanguage(text, { declared: 'en', site: 'https://en.nhandan.vn/providing-information' })).toMatchObject({
      lang: 'en',
      source: 'agreed',
      declared: 'en',
    });
  });
});

describe('detectLanguage: text alone, by kind', () => {
  it.each([
    // Vietnamese with foreign names and brands
    ['Apple ra mắt iPhone 17 tại Việt Nam', 'vi'],
    ['Messi ghi bàn, Inter Miami vào chung kết MLS Cup', 'vi'],
    ['VN-Index tăng 20 điểm', 'vi'],
    // English with Vietnamese names, with and without diacritics
    ['Nguyễn Lưu Trung met the press.', 'en'],
    ['General Secretary Tô Lâm visits Cuba', 'en'],
    ['Man arrested for killing wife in Da Nang', 'en'],
    ['Storm Yagi kills 4 in Quang Ninh', 'en'],
    ['Tet holiday: Vietnamese flock to pagodas', 'en'],
    ['Ben Thanh–Can Gio metro project unveiled, spanning 53 km across HCMC', 'en'],
    // Title case and all capitals
    ['Vietnam Airlines Adds Flights To Japan', 'en'],
    ['Phạm Minh Chính Meets Japanese Investors In Tokyo', 'en'],
    ['TRẦN THANH MẪN MEETS JAPANESE PRIME MINISTER', 'en'],
    ['THỦ TƯỚNG CHỈ ĐẠO KHẮC PHỤC HẬU QUẢ BÃO', 'vi'],
    ['THỜI SỰ', 'vi'],
    ['TOP STORIES', 'en'],
    // Short strings
    ['Thời sự', 'vi'],
    ['Xem thêm', 'vi'],
    ['Read more', 'en'],
    ['Samsung Galaxy S25 Ultra review', 'en'],
    ['Oh, my God!', 'en'],
    // Vietnamese typed without accents
    ['Gia vang hom nay tang manh', 'vi'],
    ['Chot lich nghi le Tet 2013 cua cong chuc, vien chuc', 'vi'],
    ['Xin cam on.', 'vi'],
    ['Khong.', 'vi'],
    // Decomposed (NFD) Vietnamese
    ['Thời sự'.normalize('NFD'), 'vi'],
    [SEED_TEASER_SUMMARY.normalize('NFD'), 'vi'],
    // Numbers
    ['Giá vàng SJC 92,5 triệu đồng/lượng, tăng 1,2 triệu', 'vi'],
    ['Inflation hits 4.1% in October, highest in 12 months', 'en'],
    // Accented letters that are not Vietnamese words
    ['café latte prices rise', 'en'],
    // Both languages' words: the one supplying the function words wins
    ['Why Hanoians queue for hours for bánh cuốn', 'en'],
    ['Bún chả, phở and bánh mì: what to eat in Hà Nội', 'en'],
    ['Concert của BlackPink: fan Việt săn vé online', 'vi'],
    ['The Eras Tour của Taylor Swift thu 2 tỷ USD', 'vi'],
  ])('%s → %s', (text, expected) => {
    const result = detectLanguage(text);
    expect(result.lang).toBe(expected);
    expect(result.source).toBe('text');
    expect(result.declared).toBeNull();
    expect(result.confidence).toBeGreaterThan(0.5);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  it.each([
    [''],
    ['12345'],
    ['...'],
    ['  \n '],
    ['2024 - 15:30 | 100%'],
    ['Hà Nội'],
    ['Привет мир, как дела у вас'],
    [null],
  ])('unknown rather than a guess: %j → null with source none', (text) => {
    expect(detectLanguage(text)).toEqual({ lang: null, confidence: 0, source: 'none', declared: null });
  });

  it('does not count capitalised Vietnamese names as Vietnamese evidence', () => {
    // A name alone says nothing about the language around it.
    expect(detectLanguage('Hà Nội').lang).toBeNull();
    expect(detectLanguage('Tôi sống ở Hà Nội').lang).toBe('vi');
    expect(detectLanguage('I live in Hà Nội').lang).toBe('en');
  });

  it('is surer with more evidence', () => {
    const short = detectLanguage('Thời sự').confidence;
    const long = detectLanguage(SEED_TEASER_SUMMARY).confidence;
    expect(long).toBeGreaterThan(short);
    expect(long).toBeGreaterThan(0.95);
  });

  it('reads only the start of a very long text', () => {
    const text = `${SEED_TEASER_TITLE}. ${'Tin tức mới nhất trong ngày. '.repeat(2000)}`;
    expect(detectLanguage(text).lang).toBe('vi');
  });
});

describe('detectLanguage: the declared language as a prior', () => {
  it.each([
    // text, declared, lang, source, declared (normalised)
    [SEED_TEASER_SUMMARY, 'en-us', 'vi', 'text', 'en'],
    [SEED_TEASER_TITLE, 'en', 'vi', 'text', 'en'],
    ['Thời sự', 'en-us', 'vi', 'text', 'en'],
    [SEED_ENGLISH_SPEECH, 'vi', 'en', 'text', 'vi'],
    ['', 'vi', 'vi', 'declared', 'vi'],
    [null, 'vi-VN', 'vi', 'declared', 'vi'],
    ['12345', 'en', 'en', 'declared', 'en'],
    ['Hà Nội', 'vi', 'vi', 'declared', 'vi'],
    [SEED_TEASER_SUMMARY, 'vi', 'vi', 'agreed', 'vi'],
    [SEED_ENGLISH_SPEECH, 'en_GB', 'en', 'agreed', 'en'],
    // One plain word is not enough to overrule the page.
    ['Thể thao', 'en', 'en', 'declared', 'en'],
    ['', 'fr', null, 'none', null],
    [SEED_ENGLISH_SPEECH, 'fr', 'en', 'text', null],
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

  it('a lying html lang loses to clear Vietnamese text (thanhnien.com.vn declared en-us)', () => {
    const title = 'Nổ súng bắt nghi phạm giết người sau 3 giờ';
    expect(detectLanguage(title, { declared: 'en-us' })).toMatchObject({ lang: 'vi', source: 'text', declared: 'en' });
    expect(detectLanguage(title, { declared: 'en-us', site: 'http://www.thanhnien.com.vn/pages/x.aspx' })).toMatchObject({
      lang: 'vi',
      source: 'agreed',
      declared: 'en',
    });
    // With no text to go on, the site's edition beats the CMS default.
    expect(detectLanguage('', { declared: 'en-us', site: 'thanhnien.com.vn' })).toMatchObject({
      lang: 'vi',
      source: 'site',
      declared: 'en',
    });
  });
});

describe('detectLanguage: the site edition as a prior', () => {
  it.each([
    // text, options, lang, source
    ['Phở bò', { site: 'https://e.vnexpress.net/news/food/pho-bo-4800000.html' }, 'en', 'site'],
    ['Hà Nội', { site: 'e.vnexpress.net' }, 'en', 'site'],
    ['', { site: 'https://tuoitrenews.vn/' }, 'en', 'site'],
    ['Hà Nội', { site: 'https://vietnamnet.vn/en/society' }, 'en', 'site'],
    ['Hà Nội', { site: 'https://vietnamnet.vn/thoi-su' }, 'vi', 'site'],
    ['Hà Nội', { site: 'https://example.com/' }, null, 'none'],
    // Declared and site agree: 'agreed' even without text.
    ['Hà Nội', { site: 'e.vnexpress.net', declared: 'en' }, 'en', 'agreed'],
    // They disagree: the edition wins over a CMS default.
    ['Hà Nội', { site: 'vnexpress.net', declared: 'en-US' }, 'vi', 'site'],
    ['Hà Nội', { site: 'e.vnexpress.net', declared: 'vi' }, 'en', 'site'],
    // Clear text beats the edition.
    [SEED_TEASER_TITLE, { site: 'https://e.vnexpress.net/' }, 'vi', 'text'],
    [SEED_ENGLISH_OPENING, { site: 'https://vnexpress.net/' }, 'en', 'text'],
    // Text and edition agree.
    ['Dollar edges up against dong', { site: 'https://e.vnexpress.net/' }, 'en', 'agreed'],
  ] as const)('%j with %j → %s (%s)', (text, options, lang, source) => {
    const result = detectLanguage(text, options);
    expect(result.lang).toBe(lang);
    expect(result.source).toBe(source);
  });

  it('a known edition needs more text to be overruled than a declared language', () => {
    // One lower-case Vietnamese word (confidence 0.75) beats a declared `en`, not e.vnexpress.net.
    expect(detectLanguage('Phở bò', { declared: 'en' }).lang).toBe('vi');
    expect(detectLanguage('Phở bò', { site: 'e.vnexpress.net' }).lang).toBe('en');
  });
});

describe('fixtures/lang/headlines.tsv', () => {
  const lines = readFileSync(new URL('../../fixtures/lang/headlines.tsv', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const samples = lines.map((line) => {
    const [lang, text] = line.split('\t');
    return { lang, text: text ?? '' };
  });

  it('holds at least 200 labelled headlines of both languages, some decomposed', () => {
    expect(samples.length).toBeGreaterThanOrEqual(200);
    expect(samples.every((sample) => sample.lang === 'vi' || sample.lang === 'en')).toBe(true);
    expect(samples.filter((sample) => sample.lang === 'vi').length).toBeGreaterThan(80);
    expect(samples.filter((sample) => sample.lang === 'en').length).toBeGreaterThan(80);
    expect(samples.filter((sample) => sample.text !== sample.text.normalize('NFC')).length).toBeGreaterThanOrEqual(10);
  });

  it('detects at least 99.5% of them correctly', () => {
    const misses = samples.filter((sample) => detectLanguage(sample.text).lang !== sample.lang);
    const accuracy = (samples.length - misses.length) / samples.length;
    expect(accuracy, `misses: ${JSON.stringify(misses)}`).toBeGreaterThanOrEqual(0.995);
  });
});
