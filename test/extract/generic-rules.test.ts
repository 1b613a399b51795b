/**
 * Generic extraction rules on small pages written for each rule: no site rule applies
 * (the URL is on an unknown domain), so every value comes from a general rule.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/index.js';

const URL = 'https://bao-vi-du.example/thoi-su/bai-viet-123.html';

/** A page with the given head and body, padded with a few real paragraphs. */
function page(head: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8">${head}</head><body>
<header><a class="logo" href="/"><h1 class="logo">Báo Ví Dụ</h1></a><nav><a href="/thoi-su">Thời sự</a></nav></header>
${body}
<footer><p>© Báo Ví Dụ. Giấy phép số 123/GP-BTTTT.</p></footer></body></html>`;
}

const PARAGRAPHS = `
<p>Theo kế hoạch, các tuyến xe buýt điện mới sẽ kết nối khu đô thị với trung tâm thành phố, giảm ùn tắc trong giờ cao điểm.</p>
<p>Sở Giao thông vận tải cho biết sẽ đánh giá hiệu quả sau ba tháng vận hành thử nghiệm trước khi nhân rộng mô hình.</p>
<p>Người dân có thể tra cứu lộ trình và thời gian xe đến bến trên ứng dụng di động của thành phố.</p>`;

describe('generic rules', () => {
  it.each([
    {
      rule: 'a meta title that only extends the visible headline loses to the headline',
      html: page('<title>Giá vàng tăng mạnh phiên cuối tuần-gia vang tang manh</title><meta property="og:title" content="Giá vàng tăng mạnh phiên cuối tuần-gia vang tang manh">',
        `<div class="main"><h1 class="baiviet-title">Giá vàng tăng mạnh phiên cuối tuần </h1>${PARAGRAPHS}</div>`),
      field: 'title', value: 'Giá vàng tăng mạnh phiên cuối tuần', provenance: 'heading',
    },
    {
      rule: 'entities left in a twice-encoded meta value are decoded',
      html: page('<meta property="og:title" content="5 &amp;quot;bóng hồng&amp;quot; buôn ma túy lãnh án">', `<div>${PARAGRAPHS}</div>`),
      field: 'title', value: '5 "bóng hồng" buôn ma túy lãnh án', provenance: 'og:title',
    },
    {
      rule: 'a date-only meta date takes the time printed beside it',
      html: page('<meta property="article:published_time" content="2012-12-25">',
        `<div class="detail"><span class="fr fon7"><meta itemprop="datePublished" content="2012-12-25">Thứ Ba, 25/12/2012 - 10:03</span><div class="content">${PARAGRAPHS}</div></div>`),
      field: 'publishedAt', value: '2012-12-25T03:03:00.000Z', provenance: 'visible',
    },
    {
      rule: 'dates in lists of other news are not the article date',
      html: page('', `<ul class="box-news"><li><a href="/a-1.html">Tin khác một</a> <span class="time">00:00 | 26/12/2012</span></li></ul>
        <div class="article"><h1>Tiêu đề bài viết</h1><span class="spanTime">Thứ năm, 20/12/2012, 10:18 GMT+7</span>${PARAGRAPHS}</div>`),
      field: 'publishedAt', value: '2012-12-20T03:18:00.000Z', provenance: 'date-text',
    },
    {
      rule: 'a date written into an empty element by an inline script',
      html: page('', `<span class="spanDateTime" id="pDateTime"></span><div class="detail">${PARAGRAPHS}</div>
        <script>document.getElementById("pDateTime").innerHTML="Th&#7913; n&#259;m, 20/12/2012, 16:10 GMT+7";</script>`),
      field: 'publishedAt', value: '2012-12-20T09:10:00.000Z', provenance: 'script',
    },
    {
      rule: 'a right-aligned bold last paragraph is the byline',
      html: page('<meta name="author" content="Báo Ví Dụ"><meta property="og:site_name" content="Báo Ví Dụ">',
        `<div class="detail">${PARAGRAPHS}<p align="right"><strong>Minh Khánh</strong></p></div>`),
      field: 'byline', value: 'Minh Khánh', provenance: 'end-of-body',
    },
    {
      rule: 'a right-aligned author just after the body (old layouts) is the byline',
      html: page('', `<div class="content"><div>${PARAGRAPHS}</div></div><div style="text-align:right;font-weight:bold">K. Miên</div>`),
      field: 'byline', value: 'K. Miên', provenance: 'end-of-body',
    },
    {
      rule: 'a photo credit after the byline is dropped',
      html: page('', `<div class="detailCT">${PARAGRAPHS}<p class="Normal" align="right"><strong>H.V.<br></strong><em>Ảnh</em>:<strong> Misso</strong></p></div>`),
      field: 'byline', value: 'H.V.', provenance: 'end-of-body',
    },
    {
      rule: 'a link to an author page names the journalist',
      html: page('', `<h1>Tiêu đề bài viết</h1><div class="meta"><a href="/tac-gia/dinh-phuoc-1189">Đình Phước</a></div><div class="detail">${PARAGRAPHS}</div>`),
      field: 'byline', value: 'Đình Phước', provenance: 'dom',
    },
    {
      rule: 'the publisher in meta author is never the byline',
      html: page('<meta name="author" content="Báo điện tử Ví Dụ"><meta property="og:site_name" content="Báo điện tử Ví Dụ">', `<div>${PARAGRAPHS}</div>`),
      field: 'byline', value: null, provenance: null,
    },
    {
      rule: 'authors in teasers of other articles are not this page\'s byline',
      html: page('', `<article><h1>Tiêu đề</h1>${PARAGRAPHS}</article>
        <div class="related"><div class="item"><a href="/b.html">Bài khác</a><span class="author">Lan Anh</span></div></div>`),
      field: 'byline', value: null, provenance: null,
    },
    {
      rule: '"Theo TTXVN" is an attribution, not a byline',
      html: page('', `<div class="detail">${PARAGRAPHS}<p align="right"><strong>Theo TTXVN</strong></p></div>`),
      field: 'attribution', value: 'TTXVN', provenance: 'end-of-body',
    },
    {
      rule: 'an outlet prefix is removed from the sapo',
      html: page('<meta name="description" content="(PLO)- Tòa tuyên phạt cựu giám đốc 12 năm tù về tội lừa đảo.">', `<div>${PARAGRAPHS}</div>`),
      field: 'summary', value: 'Tòa tuyên phạt cựu giám đốc 12 năm tù về tội lừa đảo.', provenance: 'meta-description',
    },
  ])('$rule', ({ html, field, value, provenance }) => {
    const article = extractArticle(html, { url: URL });
    expect(article[field as 'title']).toBe(value);
    expect(article.provenance[field as 'title']).toBe(provenance);
  });
});
