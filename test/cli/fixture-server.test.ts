import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';
import {
  defaultFixturesDir,
  loadFixturePages,
  startFixtureServer,
  type FixtureServer,
} from '../../src/cli/fixture-server.js';

const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/pages/', import.meta.url));
const SLUGS = readdirSync(FIXTURES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const ARTICLE_KEYS = [
  'kind',
  'title',
  'byline',
  'attribution',
  'summary',
  'publishedAt',
  'canonicalUrl',
  'siteName',
  'imageUrl',
  'declaredLang',
  'lang',
];
const TEASER_KEYS = ['title', 'url', 'summary', 'byline'];
const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

interface Expected {
  kind: 'article' | 'listing';
  title: string | null;
  byline: string | null;
  attribution: string | null;
  summary: string | null;
  publishedAt: string | null;
  canonicalUrl: string | null;
  siteName: string | null;
  imageUrl: string | null;
  declaredLang: string | null;
  lang: 'vi' | 'en';
  teasers?: { title: string; url: string; summary: string | null; byline: string | null }[];
}

interface Fixture {
  response: { url: string; status: number; headers: Record<string, string> };
  expected: Expected;
  body: Buffer;
}

function readFixture(slug: string): Fixture {
  const dir = path.join(FIXTURES_DIR, slug);
  return {
    response: JSON.parse(readFileSync(path.join(dir, 'response.json'), 'utf8')) as Fixture['response'],
    expected: JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected,
    body: readFileSync(path.join(dir, 'body.html')),
  };
}

/** The charset a browser would use: the header's, else the page's own meta declaration. */
function charsetOf(fixture: Fixture): string {
  const fromHeader = /charset=([\w-]+)/i.exec(fixture.response.headers['content-type'] ?? '');
  if (fromHeader?.[1]) return fromHeader[1];
  const head = fixture.body.subarray(0, 2048).toString('latin1');
  const fromMeta = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head);
  return fromMeta?.[1] ?? 'utf-8';
}

/** The page as text a reader sees: decoded, NFC, whitespace collapsed. */
function decodePage(fixture: Fixture): { html: string; $: cheerio.CheerioAPI; text: string } {
  const html = new TextDecoder(charsetOf(fixture)).decode(fixture.body).normalize('NFC');
  const $ = cheerio.load(html);
  $('script, style').remove();
  const text = $('body').text().replace(/\s+/g, ' ');
  return { html, $, text };
}

function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}

const lower = (value: string): string => value.toLocaleLowerCase('vi');

describe('fixture pages on disk', () => {
  it('include the pages the golden and end-to-end tests rely on', () => {
    expect(SLUGS).toEqual(
      expect.arrayContaining([
        'vnexpress-article',
        'nhandan-article',
        'tuoitre-article',
        'dantri-article',
        'e-vnexpress-article',
        'vietnamnews-jsonld',
        'seed-listing',
        'windows-1258-article',
        'nfd-article',
        'vov-publisher-author',
        'plo-article',
        'thanhnien-ttxvn',
      ]),
    );
  });

  it('defaultFixturesDir() points at the package fixtures/pages folder', () => {
    expect(path.resolve(defaultFixturesDir())).toBe(path.resolve(FIXTURES_DIR));
  });

  describe.each(SLUGS)('%s', (slug) => {
    it('has body.html, response.json and expected.json', () => {
      for (const file of ['body.html', 'response.json', 'expected.json']) {
        expect(existsSync(path.join(FIXTURES_DIR, slug, file)), file).toBe(true);
      }
    });

    it('has a response.json with an absolute page URL, a status and an HTML content-type', () => {
      const { response, body } = readFixture(slug);
      expect(Object.keys(response).sort()).toEqual(['headers', 'status', 'url']);
      expect(new URL(response.url).protocol).toBe('https:');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html\b/);
      for (const name of Object.keys(response.headers)) expect(name).toBe(name.toLowerCase());
      expect(body.length).toBeGreaterThanOrEqual(10_000);
      expect(body.length).toBeLessThanOrEqual(60_000);
    });

    it('has an expected.json with exactly the documented shape and NFC text', () => {
      const { expected } = readFixture(slug);
      const keys = expected.kind === 'listing' ? [...ARTICLE_KEYS, 'teasers'] : ARTICLE_KEYS;
      expect(Object.keys(expected).sort()).toEqual([...keys].sort());
      expect(['article', 'listing']).toContain(expected.kind);
      expect(['vi', 'en']).toContain(expected.lang);
      expect([null, 'vi', 'en']).toContain(expected.declaredLang);
      for (const key of ['title', 'byline', 'attribution', 'summary', 'siteName'] as const) {
        const value = expected[key];
        if (value !== null) {
          expect(typeof value, key).toBe('string');
          expect(value.trim(), key).toBe(value);
          expect(value, key).not.toBe('');
        }
      }
      if (expected.publishedAt !== null) {
        expect(expected.publishedAt).toMatch(ISO_UTC_MS);
        expect(new Date(expected.publishedAt).toISOString()).toBe(expected.publishedAt);
      }
      for (const url of [expected.canonicalUrl, expected.imageUrl]) {
        if (url !== null) expect(new URL(url).href).toBe(url);
      }
      if (expected.kind === 'listing') {
        expect(expected.teasers?.length).toBeGreaterThan(0);
        for (const teaser of expected.teasers ?? []) {
          expect(Object.keys(teaser).sort()).toEqual([...TEASER_KEYS].sort());
          expect(new URL(teaser.url).href).toBe(teaser.url);
        }
      }
      for (const text of allStrings(expected)) expect(text.normalize('NFC')).toBe(text);
    });

    it('has expected values that a reader can see on the page', () => {
      const fixture = readFixture(slug);
      const { expected } = fixture;
      const { html, $, text } = decodePage(fixture);
      const visible = lower(text);
      for (const value of [expected.title, expected.summary, expected.attribution]) {
        if (value !== null) expect(visible).toContain(lower(value));
      }
      for (const name of expected.byline?.split(', ') ?? []) expect(visible).toContain(lower(name));
      if (expected.siteName !== null) expect(html).toContain(expected.siteName);

      const ogImage = $('meta[property="og:image"]').attr('content') ?? null;
      expect(ogImage).toBe(expected.imageUrl);
      const canonical = $('link[rel="canonical"]').attr('href');
      expect(canonical === undefined ? null : new URL(canonical, fixture.response.url).href).toBe(expected.canonicalUrl);

      for (const teaser of expected.teasers ?? []) {
        expect(visible).toContain(lower(teaser.title));
        if (teaser.summary !== null) expect(visible).toContain(lower(teaser.summary));
        if (teaser.byline !== null) expect(visible).toContain(lower(`${teaser.byline} |`));
        expect($(`a[href="${teaser.url}"]`).length).toBeGreaterThan(0);
      }
    });
  });
});

describe('special encodings', () => {
  it('windows-1258-article is legacy bytes that decode to decomposed Vietnamese', () => {
    const fixture = readFixture('windows-1258-article');
    expect(fixture.response.headers['content-type']).toBe('text/html');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(fixture.body)).toThrow();
    const decoded = new TextDecoder('windows-1258').decode(fixture.body);
    expect(decoded).toContain('charset=windows-1258');
    expect(decoded).not.toBe(decoded.normalize('NFC'));
    expect(decoded).not.toContain(fixture.expected.title);
    expect(decoded).toContain('Bi\u0300nh Đi\u0323nh');
    expect(decoded.normalize('NFC')).toContain(fixture.expected.title);
  });

  it('nfd-article writes its title, sapo and byline decomposed', () => {
    const fixture = readFixture('nfd-article');
    const raw = fixture.body.toString('utf8');
    const { title, summary, byline } = fixture.expected;
    for (const value of [title, summary, byline]) expect(raw).toContain(value?.normalize('NFD'));
    // The byline also appears precomposed in a photo credit: real pages mix both forms.
    for (const value of [title, summary]) expect(raw).not.toContain(value);
  });
});

describe('startFixtureServer', () => {
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer({
      routes: {
        '/moved': (_req, res) => {
          res.writeHead(301, { location: server.urlFor('vnexpress-article') });
          res.end();
        },
        '/report.pdf': (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/pdf' });
          res.end('%PDF-1.4\n');
        },
      },
    });
  });

  afterAll(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 and lists every fixture page', () => {
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.slugs).toEqual(SLUGS);
    expect(server.urlFor('nfd-article')).toBe(`${server.baseUrl}/nfd-article/`);
  });

  it.each(SLUGS)('serves %s with its status, headers and exact bytes', async (slug) => {
    const fixture = readFixture(slug);
    const response = await fetch(server.urlFor(slug));
    expect(response.status).toBe(fixture.response.status);
    expect(response.headers.get('content-type')).toBe(fixture.response.headers['content-type']);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('content-length')).toBe(String(fixture.body.length));
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(fixture.body)).toBe(true);
  });

  it('answers HEAD with the headers and no body', async () => {
    const fixture = readFixture('dantri-article');
    const response = await fetch(server.urlFor('dantri-article'), { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(fixture.body.length));
    expect(await response.text()).toBe('');
  });

  it.each(['/nope/', '/vnexpress-article', '/vnexpress-article/extra'])('answers %s with a plain-text 404', async (pathname) => {
    const response = await fetch(server.baseUrl + pathname);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('Not found\n');
  });

  it('serves a home page with a teaser linking every article fixture', async () => {
    const response = await fetch(server.homeUrl);
    expect(response.status).toBe(200);
    const html = await response.text();
    const articles = server.slugs.filter((slug) => JSON.parse(readFileSync(path.join(FIXTURES_DIR, slug, 'expected.json'), 'utf8')).kind === 'article');
    expect(articles.length).toBeGreaterThan(5);
    for (const slug of articles) expect(html).toContain(`<a href="/${slug}/"`);
    expect(html).not.toContain('href="/seed-listing/"');
  });

  it('runs custom routes before fixture pages', async () => {
    const moved = await fetch(`${server.baseUrl}/moved`, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(server.urlFor('vnexpress-article'));

    const pdf = await fetch(`${server.baseUrl}/report.pdf?download=1`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(await pdf.text()).toBe('%PDF-1.4\n');
  });
});

describe('startFixtureServer with a fixturesDir', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'news-fixtures-'));

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves only the pages in that folder, with their recorded status', async () => {
    mkdirSync(path.join(dir, 'gone'));
    writeFileSync(path.join(dir, 'gone', 'body.html'), '<p>Gone</p>');
    writeFileSync(
      path.join(dir, 'gone', 'response.json'),
      JSON.stringify({ url: 'https://example.vn/gone.html', status: 410, headers: { 'content-type': 'text/html; charset=utf-8' } }),
    );
    mkdirSync(path.join(dir, 'incomplete'));

    expect(loadFixturePages(dir).map((page) => page.slug)).toEqual(['gone']);
    const server = await startFixtureServer({ fixturesDir: dir });
    try {
      expect(server.slugs).toEqual(['gone']);
      const response = await fetch(server.urlFor('gone'));
      expect(response.status).toBe(410);
      expect(await response.text()).toBe('<p>Gone</p>');
      expect((await fetch(`${server.baseUrl}/vnexpress-article/`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('closes idempotently and stops accepting connections', async () => {
    const server = await startFixtureServer({ fixturesDir: dir });
    const url = server.urlFor('gone');
    expect((await fetch(url)).status).toBe(410);
    await server.close();
    await server.close();
    await expect(fetch(url)).rejects.toThrow();
  });
});
