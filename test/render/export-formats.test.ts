import { describe, expect, it } from 'vitest';
import { renderAll, type ExportContext } from '../../src/render/export-format.js';
import { EXPORT_FORMAT_NAMES } from '../../src/render/format-names.js';
import { EXPORT_FORMATS } from '../../src/render/formats.js';
import { itemToJson, jsonFormat, renderJsonExport } from '../../src/render/json.js';
import { jsonlFormat } from '../../src/render/jsonl.js';
import { markdownFormat, renderMarkdownDigest } from '../../src/render/markdown.js';
import { compareForDigest, SectionTracker } from '../../src/render/sections.js';
import type { Item } from '../../src/types.js';
import { sampleItems } from '../helpers/export-items.js';

const GENERATED_AT = '2024-08-13T00:00:00.000Z';
const context: ExportContext = { generatedAt: GENERATED_AT, lang: null, source: null };
const grouped = (items: Item[]): Item[] => [...items].sort(compareForDigest);

describe('the format registry', () => {
  it('offers the seven formats, each with a known item order', () => {
    expect(EXPORT_FORMAT_NAMES).toEqual(['json', 'jsonl', 'md', 'html', 'jsonfeed', 'rss', 'atom']);
    const orders = Object.fromEntries(EXPORT_FORMAT_NAMES.map((name) => [name, EXPORT_FORMATS[name].order]));
    expect(orders).toEqual({ json: 'newest', jsonl: 'newest', md: 'grouped', html: 'grouped', jsonfeed: 'newest', rss: 'newest', atom: 'newest' });
  });
});

describe('json (streamed)', () => {
  it.each([0, 1, 5])('is byte for byte the one-piece document, %i items', (count) => {
    const items = sampleItems().slice(0, count);
    const streamed = renderAll(jsonFormat, items, context);
    expect(streamed).toBe(renderJsonExport(items, GENERATED_AT));
    expect(JSON.parse(streamed)).toEqual({ version: 1, generatedAt: GENERATED_AT, items: items.map(itemToJson) });
  });
});

describe('jsonl', () => {
  it('writes one valid JSON item per line, nothing else', () => {
    const items = sampleItems();
    const text = renderAll(jsonlFormat, items, context);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines).toHaveLength(items.length);
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(items.map(itemToJson));
  });

  it('is empty for no items', () => {
    expect(renderAll(jsonlFormat, [], context)).toBe('');
  });
});

describe('markdown (streamed)', () => {
  it('groups by language then site, escapes page text and counts at the end', () => {
    const text = renderAll(markdownFormat, grouped(sampleItems()), context);
    expect(text).toBe(renderMarkdownDigest(sampleItems(), GENERATED_AT));
    const headings = text.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# News digest',
      '## Tiếng Việt',
      '### Tuổi Trẻ Online',
      '### VnExpress',
      '## English',
      '### VnExpress International',
      '## Other',
      '### example.org',
    ]);
    expect(text).toContain('Generated 2024-08-13 07:00 (GMT+7)');
    expect(text).toContain('- [&lt;script&gt;document.title="pwned"&lt;/script&gt; Giá điện tăng &amp; "nóng"](https://vnexpress.net/gia-dien-tang-4781000.html?utm_source=rss)');
    expect(text).toContain('  Nguyễn Văn A, Trần Thị B · 2024-08-12 10:30 (GMT+7)');
    expect(text.endsWith('\n_5 items._\n')).toBe(true);
  });

  it('says so when there are no items', () => {
    expect(renderAll(markdownFormat, [], context)).toBe('# News digest\n\nGenerated 2024-08-13 07:00 (GMT+7)\n\n_No items._\n');
  });
});

describe('SectionTracker', () => {
  it('reports a new language and site only where they begin', () => {
    const tracker = new SectionTracker();
    const changes = grouped(sampleItems()).map((item) => {
      const change = tracker.next(item);
      return [change.language?.key ?? null, change.site];
    });
    expect(changes).toEqual([
      ['vi', 'Tuổi Trẻ Online'],
      [null, 'VnExpress'],
      [null, null],
      ['en', 'VnExpress International'],
      ['other', 'example.org'],
    ]);
  });
});
