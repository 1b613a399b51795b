/**
 * scripts/new-site.js scaffolds a site rule. Every run here works on a temporary copy
 * of src/extract/sites (via --root), never on the real tree.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SiteRule } from '../../src/extract/sites/index.js';
import { parseDocument } from '../../src/parse/document.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = path.join(REPO, 'scripts', 'new-site.js');
const REAL_SITES = path.join(REPO, 'src', 'extract', 'sites');
const REAL_PAGES = path.join(REPO, 'fixtures', 'pages');
const EXPECTED_KEYS = ['kind', 'title', 'byline', 'attribution', 'summary', 'publishedAt', 'canonicalUrl', 'siteName', 'imageUrl', 'declaredLang', 'lang'];

let root: string;

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [SCRIPT, ...args, '--root', root], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function read(relative: string): string {
  return readFileSync(path.join(root, relative), 'utf8');
}

/** Every file under a folder → its text, to prove a refused run changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const name of readdirSync(current)) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}

async function loadRegistry(): Promise<{ SITE_RULES: readonly SiteRule[]; findSiteRule: (host: string | null, doc: ReturnType<typeof parseDocument>) => SiteRule | null }> {
  return (await import(pathToFileURL(path.join(root, 'src', 'extract', 'sites', 'index.ts')).href)) as never;
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'new-site-'));
  cpSync(REAL_SITES, path.join(root, 'src', 'extract', 'sites'), { recursive: true });
  mkdirSync(path.join(root, 'fixtures', 'pages'), { recursive: true });
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('new-site', () => {
  it('writes a rule with TODO chains, registers it and creates the fixture skeleton', async () => {
    const realIndex = readFileSync(path.join(REAL_SITES, 'index.ts'), 'utf8');
    const result = run('baomoi', 'https://www.BaoMoi.com/tin-moi.epi', '--name', 'Báo Mới');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('src/extract/sites/baomoi.ts');

    const rule = read('src/extract/sites/baomoi.ts');
    expect(rule).toContain("id: 'baomoi'");
    expect(rule).toContain("name: 'Báo Mới'");
    expect(rule).toContain("domains: ['baomoi.com']");
    expect(rule).toContain("lang: 'vi'");
    for (const field of ['title', 'summary', 'byline', 'publishedAt', 'body', 'teasers']) expect(rule).toMatch(new RegExp(`\\n  ${field}: \\[\\], // TODO `));

    const index = read('src/extract/sites/index.ts');
    const importAt = index.indexOf("import { baomoi } from './baomoi.js';");
    expect(importAt).toBeGreaterThan(-1);
    expect(importAt).toBeLessThan(index.indexOf("from './dantri.js'"));
    expect(index).toMatch(/\n  baomoi,\n  \/\/ new-site: rules above this line\n/);

    const fixture = 'fixtures/pages/baomoi-article';
    const response = JSON.parse(read(`${fixture}/response.json`)) as { url: string; status: number; headers: Record<string, string> };
    expect(new URL(response.url).hostname).toBe('baomoi.com');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html\b/);
    const expected = JSON.parse(read(`${fixture}/expected.json`)) as Record<string, unknown>;
    expect(Object.keys(expected)).toEqual(EXPECTED_KEYS);
    expect(expected).toMatchObject({ kind: 'article', lang: 'vi', title: null, byline: null, summary: null, publishedAt: null });
    expect(read(`${fixture}/README.md`)).toContain('body.html');
    expect(existsSync(path.join(root, fixture, 'body.html'))).toBe(false);

    // The real tree is untouched.
    expect(readFileSync(path.join(REAL_SITES, 'index.ts'), 'utf8')).toBe(realIndex);
    expect(existsSync(path.join(REAL_SITES, 'baomoi.ts'))).toBe(false);
    expect(existsSync(path.join(REAL_PAGES, 'baomoi-article'))).toBe(false);
  });

  it('produces a registry that loads and finds the new rule by its domain', async () => {
    expect(run('baomoi', 'baomoi.com', '--name', 'Báo Mới').status).toBe(0);
    const { SITE_RULES, findSiteRule } = await loadRegistry();
    const rule = SITE_RULES.find((candidate) => candidate.id === 'baomoi');
    expect(rule).toMatchObject({ name: 'Báo Mới', domains: ['baomoi.com'], publisherNames: ['Báo Mới'], lang: 'vi' });
    expect(findSiteRule('m.baomoi.com', parseDocument('<html></html>'))?.id).toBe('baomoi');
    // Families stay last, so family detection still runs after every outlet.
    expect(SITE_RULES.slice(-2).map((candidate) => candidate.id)).toEqual(['mcms', 'vccorp']);
  });

  it('spreads a family, takes the domain out of the family list and keeps the family working', async () => {
    const before = read('src/extract/sites/mcms.ts');
    expect(before).toMatch(/^ {2}domains: \[.*'tienphong\.vn'.*\],$/m);
    expect(run('tienphong', 'tienphong.vn', '--name', 'Tiền Phong', '--family', 'mcms').status).toBe(0);

    const rule = read('src/extract/sites/tienphong.ts');
    expect(rule).toContain("import { mcmsSelectors } from './mcms.js';");
    expect(rule).toContain('...mcmsSelectors,');
    expect(read('src/extract/sites/mcms.ts')).not.toMatch(/^ {2}domains: \[.*'tienphong\.vn'.*\],$/m);

    const { SITE_RULES, findSiteRule } = await loadRegistry();
    const tienphong = SITE_RULES.find((candidate) => candidate.id === 'tienphong');
    const mcms = SITE_RULES.find((candidate) => candidate.id === 'mcms');
    expect(tienphong?.title).toEqual(mcms?.title);
    expect(findSiteRule('tienphong.vn', parseDocument('<html></html>'))?.id).toBe('tienphong');
    expect(mcms?.domains).not.toContain('tienphong.vn');
  });

  it.each([
    [['vnnews', 'english.vnnews.example'], 'en'],
    [['vnnewsen', 'en.vnnews.example'], 'en'],
    [['vnnewsvi', 'vnnews.example'], 'vi'],
    [['vnnewsx', 'vnnews.example', '--lang', 'en'], 'en'],
  ])('sets the edition language for %j to %s', (args, lang) => {
    expect(run(...args).status).toBe(0);
    const id = args[0]!;
    expect(read(`src/extract/sites/${id}.ts`)).toContain(`lang: '${lang}'`);
    expect(JSON.parse(read(`fixtures/pages/${id}-article/expected.json`))).toMatchObject({ lang });
  });

  it.each([
    [['vnexpress', 'vnexpress2.example'], /sites\/vnexpress\.ts already exists/],
    [['kenh14', 'nhandan.vn'], /nhandan\.vn is already claimed by src\/extract\/sites\/nhandan\.ts/],
    [['Bad_Id', 'bad.example'], /id "Bad_Id" must be/],
    [['good', 'not a host'], /is not a host name/],
    [['good', 'good.example', '--family', 'wordpress'], /--family must be one of: mcms, vccorp/],
    [['good', 'good.example', '--lang', 'fr'], /--lang must be vi or en/],
    [['good', 'good.example', '--colour', 'red'], /unknown option --colour/],
    [['good'], /usage: node scripts\/new-site\.js/],
  ])('refuses %j and changes nothing', (args, message) => {
    const before = snapshot(root);
    const result = run(...args);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses to overwrite an existing fixture folder', () => {
    mkdirSync(path.join(root, 'fixtures', 'pages', 'baomoi-article'));
    const before = snapshot(root);
    const result = run('baomoi', 'baomoi.com');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/fixtures\/pages\/baomoi-article already exists/);
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses a second run for the same id', () => {
    expect(run('baomoi', 'baomoi.com').status).toBe(0);
    const before = snapshot(root);
    const again = run('baomoi', 'baomoi.com');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect(snapshot(root)).toEqual(before);
  });
});
