/**
 * The library entry point: the documented functions, no side effects on import.
 */
import { describe, expect, it } from 'vitest';
import { detectLanguage, extractArticle, extractTeasers } from '../src/index.js';

const PAGE = `<!doctype html><html lang="vi"><head>
<title>Giá vàng tăng mạnh - Báo Ví Dụ</title>
<meta property="og:site_name" content="Báo Ví Dụ">
<meta name="author" content="Báo Ví Dụ">
<meta property="og:description" content="(VD) - Giá vàng miếng hôm nay tăng thêm 500.000 đồng mỗi lượng.">
<meta property="article:published_time" content="2024-08-12T10:30:00+07:00">
<link rel="canonical" href="/kinh-te/gia-vang-tang-manh-123.html">
</head><body><article><h1>Giá vàng tăng mạnh</h1>
<p>Sáng nay, giá vàng miếng được các doanh nghiệp điều chỉnh tăng thêm 500.000 đồng mỗi lượng so với cuối tuần trước.</p>
<p>Giá vàng nhẫn cũng tăng theo, lên mức cao nhất trong vòng một tháng qua, theo ghi nhận tại các cửa hàng ở Hà Nội.</p>
<p style="text-align:right"><strong>Minh An</strong></p></article></body></html>`;

describe('extractArticle', () => {
  it('returns every field, absent ones null, with provenance', () => {
    const article = extractArticle(PAGE, { url: 'https://vidu.vn/kinh-te/gia-vang-tang-manh-123.html?utm_source=x' });
    expect(article).toEqual({
      url: 'https://vidu.vn/kinh-te/gia-vang-tang-manh-123.html?utm_source=x',
      title: 'Giá vàng tăng mạnh',
      byline: 'Minh An',
      attribution: null,
      summary: 'Giá vàng miếng hôm nay tăng thêm 500.000 đồng mỗi lượng.',
      publishedAt: '2024-08-12T03:30:00.000Z',
      canonicalUrl: 'https://vidu.vn/kinh-te/gia-vang-tang-manh-123.html',
      siteName: 'Báo Ví Dụ',
      imageUrl: null,
      declaredLang: 'vi',
      lang: 'vi',
      langSource: 'agreed',
      provenance: {
        title: 'heading',
        byline: 'end-of-body',
        attribution: null,
        summary: 'og:description',
        publishedAt: 'meta',
        canonicalUrl: 'link-canonical',
        siteName: 'og:site_name',
        imageUrl: null,
        declaredLang: 'html-lang',
      },
    });
  });

  it('never throws on junk', () => {
    const article = extractArticle('<<<>>> not html at all', {});
    expect(article.title).toBeNull();
    expect(article.lang).toBeNull();
  });
});

describe('extractTeasers', () => {
  it('finds headline links with summaries and "Name |" bylines', () => {
    const html = `<main>
      <div class="item"><h3><a href="/a-1.html">Lào Cai có người phát ngôn báo chí mới</a></h3><p>Đinh Đại |</p><p>UBND tỉnh Lào Cai vừa ban hành quyết định ủy quyền phát ngôn.</p></div>
      <div class="item"><h3><a href="https://vidu.vn/b-2.html" title="Phân bổ tiền hỗ trợ 26 địa phương">Phân bổ tiền hỗ trợ 26 địa phương</a></h3></div>
    </main>`;
    expect(extractTeasers(html, { url: 'https://vidu.vn/' })).toEqual([
      { title: 'Lào Cai có người phát ngôn báo chí mới', url: 'https://vidu.vn/a-1.html', summary: 'UBND tỉnh Lào Cai vừa ban hành quyết định ủy quyền phát ngôn.', byline: 'Đinh Đại' },
      { title: 'Phân bổ tiền hỗ trợ 26 địa phương', url: 'https://vidu.vn/b-2.html', summary: null, byline: null },
    ]);
  });
});

describe('detectLanguage', () => {
  it('keeps English with Vietnamese names English and uses the declared prior', () => {
    expect(detectLanguage("Vice Chairman of the People's Committee of Kiên Giang Province Nguyễn Lưu Trung emphasized the role of the press.").lang).toBe('en');
    expect(detectLanguage('Lào Cai có người phát ngôn báo chí mới').lang).toBe('vi');
    expect(detectLanguage('', { declared: 'vi-VN' })).toMatchObject({ lang: 'vi', source: 'declared' });
    expect(detectLanguage('')).toMatchObject({ lang: null, source: 'none' });
  });
});
