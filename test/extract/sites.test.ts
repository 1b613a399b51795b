/**
 * Site rules: every rule is reachable (its fixture's host or, for CMS families, its
 * markup finds it), every rule is proven by a fixture whose headline comes from the
 * rule, no domain is claimed twice, and every selector is valid CSS.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSelector } from '../../src/extract/select.js';
import { findSiteRule, SITE_RULES, type SiteRule } from '../../src/extract/sites/index.js';
import { decodeBody } from '../../src/fetch/decode.js';
import { extractArticle } from '../../src/index.js';
import { parseDocument } from '../../src/parse/document.js';

const PAGES = new URL('../../fixtures/pages/', import.meta.url);

/** The fixture proving each rule; a rule not listed here is proven by `<id>-article` (what scripts/new-site.js creates). */
const RULE_FIXTURES: Readonly<Record<string, string>> = {
  thanhnien: 'thanhnien-ttxvn',
  vov: 'vov-publisher-author',
  'vov-english': 'english-vov-article',
  'laodong-en': 'seed-listing',
  vietnamnews: 'vietnamnews-jsonld',
  mcms: 'mcms-unknown-domain',
  vccorp: 'vccorp-unknown-domain',
};

/** Further fixtures on a rule's domains (or in a family's markup) that must resolve to it. */
const EXTRA_FIXTURES: Readonly<Record<string, string>> = {
  'nfd-article': 'vietnamnet',
  'vietnamnet-en-article': 'vietnamnet',
};

/**
 * Rules whose fixture headline legitimately comes from another rule (JSON-LD, meta),
 * with the reason. Empty today: every rule's own title selector wins on its fixture.
 */
const TITLE_NOT_FROM_SITE: Readonly<Record<string, string>> = {};

/**
 * The edition language these rules declare (`undefined`: a CMS family, or a host that
 * serves both languages). Rules added later are checked against their fixture instead.
 */
const EDITION_LANG: Readonly<Record<string, 'vi' | 'en' | undefined>> = {
  vnexpress: 'vi',
  'e-vnexpress': 'en',
  dantri: 'vi',
  tuoitre: 'vi',
  tuoitrenews: 'en',
  thanhnien: 'vi',
  nld: 'vi',
  laodong: 'vi',
  'laodong-en': 'en',
  vietnamnet: undefined,
  znews: 'vi',
  vov: 'vi',
  'vov-english': 'en',
  vietnamplus: 'vi',
  'en-vietnamplus': 'en',
  nhandan: 'vi',
  'en-nhandan': 'en',
  plo: 'vi',
  vietnamnews: 'en',
  mcms: undefined,
  vccorp: undefined,
};

const SELECTOR_FIELDS = ['title', 'summary', 'byline', 'publishedAt', 'body', 'teasers'] as const;
/** Fields whose selectors pick elements, never an attribute. */
const ELEMENT_FIELDS = new Set(['body', 'teasers', 'detect']);

interface Fixture {
  html: string;
  url: string;
  host: string;
  expected: { title: string | null; lang: 'vi' | 'en' };
}

function fixtureFor(rule: SiteRule): string {
  return RULE_FIXTURES[rule.id] ?? `${rule.id}-article`;
}

function loadFixture(slug: string): Fixture {
  const dir = new URL(`${slug}/`, PAGES);
  const response = JSON.parse(readFileSync(new URL('response.json', dir), 'utf8')) as { url: string; headers: Record<string, string> };
  const html = decodeBody(readFileSync(new URL('body.html', dir)), response.headers['content-type'] ?? null).text;
  const expected = JSON.parse(readFileSync(new URL('expected.json', dir), 'utf8')) as Fixture['expected'];
  return { html, url: response.url, host: new URL(response.url).hostname.toLowerCase().replace(/^www\./, ''), expected };
}

function selectorsOf(rule: SiteRule): { field: string; selector: string }[] {
  const list = SELECTOR_FIELDS.flatMap((field) => (rule[field] ?? []).map((selector) => ({ field, selector })));
  return rule.detect === undefined ? list : [...list, { field: 'detect', selector: rule.detect }];
}

const EMPTY = parseDocument('<!doctype html><html><head></head><body></body></html>', null);

describe('SITE_RULES', () => {
  it('has unique ids', () => {
    const ids = SITE_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never lets two rules claim the same domain', () => {
    const owners = new Map<string, string>();
    const clashes: string[] = [];
    for (const rule of SITE_RULES) {
      for (const domain of rule.domains) {
        const owner = owners.get(domain);
        if (owner !== undefined) clashes.push(`${domain}: ${owner} and ${rule.id}`);
        owners.set(domain, rule.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('writes domains as lower-case hosts without scheme, www. or path', () => {
    for (const rule of SITE_RULES) {
      for (const domain of rule.domains) expect(domain, rule.id).toMatch(/^(?!www\.)[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    }
  });

  it('lists the CMS families (rules with `detect`) after every outlet', () => {
    const firstFamily = SITE_RULES.findIndex((rule) => rule.detect !== undefined);
    expect(firstFamily).toBeGreaterThan(0);
    expect(SITE_RULES.slice(firstFamily).every((rule) => rule.detect !== undefined)).toBe(true);
  });

  it('declares the language of every single-language edition', () => {
    for (const [id, lang] of Object.entries(EDITION_LANG)) {
      const rule = SITE_RULES.find((candidate) => candidate.id === id);
      expect(rule, id).toBeDefined();
      expect(rule?.lang, id).toBe(lang);
    }
  });
});

describe.each(SITE_RULES.map((rule) => [rule.id, rule] as const))('site rule %s', (id, rule) => {
  const slug = fixtureFor(rule);

  it('has a name, publisher names and a selector chain for every field', () => {
    expect(rule.name.trim()).not.toBe('');
    expect(rule.publisherNames?.length ?? 0).toBeGreaterThan(0);
    for (const field of SELECTOR_FIELDS) expect(rule[field]?.length ?? 0, field).toBeGreaterThan(0);
  });

  it('has only selectors that parse', () => {
    for (const { field, selector } of selectorsOf(rule)) {
      const { css, attr } = splitSelector(selector);
      expect(css.trim(), `${field}: ${selector}`).not.toBe('');
      if (ELEMENT_FIELDS.has(field)) expect(attr, `${field} selects elements: ${selector}`).toBeNull();
      expect(() => EMPTY.$(css), `${field}: ${selector}`).not.toThrow();
      expect(() => EMPTY.index.query(css), `${field}: ${selector}`).not.toThrow();
      expect(EMPTY.index.query(css), `${field}: ${selector}`).toEqual([]);
    }
  });

  it('points teaser selectors at links', () => {
    for (const selector of rule.teasers ?? []) expect(selector).toMatch(/(^|[\s>+~])a(?=$|[.[:#])[^\s>+~]*$/);
  });

  it(`is proven by fixtures/pages/${slug}`, () => {
    expect(existsSync(new URL(`${slug}/body.html`, PAGES)), `${slug}/body.html`).toBe(true);
    // scripts/new-site.js leaves a TODO README in the folder it creates: finishing the page removes it.
    expect(existsSync(new URL(`${slug}/README.md`, PAGES)), `${slug}/README.md (generator TODO)`).toBe(false);
  });

  it('is the rule its fixture resolves to', () => {
    const fixture = loadFixture(slug);
    const doc = parseDocument(fixture.html, fixture.url);
    expect(findSiteRule(fixture.host, doc)?.id).toBe(id);
    if (rule.detect !== undefined) {
      // A family page is on a domain no rule claims: the markup alone finds the family.
      expect(SITE_RULES.some((other) => other.domains.some((d) => fixture.host === d || fixture.host.endsWith(`.${d}`)))).toBe(false);
      expect(findSiteRule(null, doc)?.id).toBe(id);
    }
  });

  it('gives its fixture the headline (provenance site:<id>)', () => {
    const fixture = loadFixture(slug);
    const article = extractArticle(fixture.html, { url: fixture.url });
    const reason = TITLE_NOT_FROM_SITE[id];
    if (reason === undefined) {
      expect(article.provenance.title).toBe(`site:${id}`);
      expect(article.title).toBe(fixture.expected.title);
    } else {
      expect(reason.length).toBeGreaterThan(20);
      expect(article.provenance.title).not.toBe(`site:${id}`);
    }
  });

  it('matches its fixture language, or is one of the rules that span two languages', () => {
    // CMS families cover outlets of both languages; VietNamNet serves its English edition under /en on the same host.
    if (rule.lang === undefined) expect(['mcms', 'vccorp', 'vietnamnet']).toContain(rule.id);
    else expect(loadFixture(slug).expected.lang).toBe(rule.lang);
  });
});

describe('findSiteRule', () => {
  const familyPage = (rule: SiteRule): ReturnType<typeof parseDocument> => {
    const markup = rule.id === 'mcms'
      ? '<div class="article"><h1 class="article__title cms-title">Tiêu đề</h1><div class="article__sapo cms-desc">Sapo</div></div>'
      : '<h1 class="detail-title">Tiêu đề</h1><h2 class="detail-sapo" data-role="sapo">Sapo</h2>';
    return parseDocument(`<html><body>${markup}</body></html>`, null);
  };
  const mcms = SITE_RULES.find((rule) => rule.id === 'mcms')!;
  const vccorp = SITE_RULES.find((rule) => rule.id === 'vccorp')!;

  it.each([
    ['vnexpress.net', 'vnexpress'],
    ['thethao.vnexpress.net', 'vnexpress'],
    ['e.vnexpress.net', 'e-vnexpress'],
    ['vov.vn', 'vov'],
    ['english.vov.vn', 'vov-english'],
    ['nhandan.vn', 'nhandan'],
    ['en.nhandan.vn', 'en-nhandan'],
    ['vietnamplus.vn', 'vietnamplus'],
    ['en.vietnamplus.vn', 'en-vietnamplus'],
    ['laodong.vn', 'laodong'],
    ['en.laodong.vn', 'laodong-en'],
    ['tuoitre.vn', 'tuoitre'],
    ['tuoitrenews.vn', 'tuoitrenews'],
    ['thanhnien.com.vn', 'thanhnien'],
    ['news.zing.vn', 'znews'],
    ['zingnews.vn', 'znews'],
    ['tienphong.vn', 'mcms'],
  ])('finds %s by the longest domain suffix → %s', (host, id) => {
    expect(findSiteRule(host, EMPTY)?.id).toBe(id);
  });

  it('does not match a host that merely ends with a domain name', () => {
    expect(findSiteRule('notvov.vn', EMPTY)).toBeNull();
    expect(findSiteRule('myvnexpress.net', EMPTY)).toBeNull();
  });

  it('prefers the outlet rule over its family on a known domain', () => {
    expect(findSiteRule('nld.com.vn', familyPage(vccorp))?.id).toBe('nld');
    expect(findSiteRule('plo.vn', familyPage(mcms))?.id).toBe('plo');
  });

  it('recognises a family from its markup on an unknown domain or without a URL', () => {
    expect(findSiteRule('baovidu.example', familyPage(mcms))?.id).toBe('mcms');
    expect(findSiteRule('baovidu.example', familyPage(vccorp))?.id).toBe('vccorp');
    expect(findSiteRule(null, familyPage(vccorp))?.id).toBe('vccorp');
  });

  it('finds nothing for an unknown domain without family markup', () => {
    expect(findSiteRule('baovidu.example', EMPTY)).toBeNull();
    expect(findSiteRule(null, EMPTY)).toBeNull();
  });

  it.each(Object.entries(EXTRA_FIXTURES))('resolves fixture %s to %s', (slug, id) => {
    const fixture = loadFixture(slug);
    expect(findSiteRule(fixture.host, parseDocument(fixture.html, fixture.url))?.id).toBe(id);
    expect(extractArticle(fixture.html, { url: fixture.url }).provenance.title).toBe(`site:${id}`);
  });
});
