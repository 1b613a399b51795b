import * as cheerio from 'cheerio';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderAll, type ExportContext } from '../../src/render/export-format.js';
import { htmlFormat, htmlItem } from '../../src/render/html.js';
import { compareForDigest } from '../../src/render/sections.js';
import { sampleItems } from '../helpers/export-items.js';

const context: ExportContext = { generatedAt: '2024-08-13T00:00:00.000Z', lang: null, source: null };
const page = (items = sampleItems()): string => renderAll(htmlFormat, [...items].sort(compareForDigest), context);

describe('html digest (as text; the browser test is in test/cli/export.test.ts)', () => {
  it('nests items in site sections inside language sections, every tag closed', () => {
    const $ = cheerio.load(page(), { xml: { xmlMode: false } });
    const tree = $('section.language')
      .toArray()
      .map((language) => [
        $(language).attr('lang'),
        $(language)
          .children('section.site')
          .toArray()
          .map((site) => [$(site).children('h3').text(), $(site).find('> ul.items > li.item').length]),
      ]);
    expect(tree).toEqual([
      ['vi', [['Tuổi Trẻ Online', 1], ['VnExpress', 2]]],
      ['en', [['VnExpress International', 1]]],
      ['und', [['example.org', 1]]],
    ]);
    const text = page();
    for (const tag of ['section', 'ul', 'li', 'p', 'main']) {
      expect(text.split(`<${tag}`).length, tag).toBe(text.split(`</${tag}>`).length);
    }
  });

  it('escapes page text everywhere and writes times as <time datetime> with a GMT+7 fallback', () => {
    const [, hostile] = sampleItems();
    expect(htmlItem(hostile!)).toBe(
      [
        '<li class="item">',
        '<a class="title" href="https://vnexpress.net/gia-dien-tang-4781000.html?utm_source=rss">&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt; Giá điện tăng &amp; &quot;nóng&quot;</a>',
        '<p class="summary">Tom &amp; Jerry &lt;b&gt;không&lt;/b&gt; in đậm ]]&gt;  chuông.</p>',
        '</li>',
      ].join('\n'),
    );
    expect(htmlItem(sampleItems()[0]!)).toContain(
      '<p class="meta"><span class="byline">Nguyễn Văn A, Trần Thị B</span> · <time datetime="2024-08-12T03:30:00.000Z">2024-08-12 10:30 (GMT+7)</time></p>',
    );
  });

  it("names a story's other reports with links (grouped exports)", () => {
    const also = [
      { source: 'tuoitre.vn', url: 'https://tuoitre.vn/cho-dem.htm' },
      { source: '<b>x</b>', url: 'javascript:alert(1)' },
    ];
    expect(htmlItem({ ...sampleItems()[0]!, also })).toContain(
      '<p class="also">also: <a href="https://tuoitre.vn/cho-dem.htm">tuoitre.vn</a>, &lt;b&gt;x&lt;/b&gt;</p>\n</li>',
    );
    expect(htmlItem({ ...sampleItems()[0]!, also: [] })).not.toContain('also');
  });

  it('links only http(s) URLs', () => {
    const item = { ...sampleItems()[0]!, url: 'javascript:alert(1)', title: 'x' };
    expect(htmlItem(item)).toContain('<span class="title">x</span>');
    expect(htmlItem(item)).not.toContain('href');
  });

  it('says so when there are no items, and still closes the page', () => {
    const text = page([]);
    expect(text).toContain('<main>\n<p class="empty">No items.</p>\n</main>');
    expect(text).toContain('<p>0 items · made by <code>news</code></p>');
    expect(text.endsWith('</body>\n</html>\n')).toBe(true);
  });

  it("allows exactly its own inline style and script by hash, and nothing else", () => {
    const text = page();
    const style = /<style>([\s\S]*?)<\/style>/u.exec(text)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/u.exec(text)![1]!;
    const hash = (body: string): string => `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/u.exec(text)![1];
    expect(policy).toBe(`default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}; base-uri 'none'; form-action 'none'`);
  });

  it('titles a filtered digest after its language', () => {
    expect(renderAll(htmlFormat, [], { ...context, lang: 'vi' })).toContain('<title>News digest · Tiếng Việt</title>');
  });
});
