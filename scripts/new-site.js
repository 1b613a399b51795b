#!/usr/bin/env node
// `node scripts/new-site.js <id> <domain> [--name "Outlet Name"] [--family mcms|vccorp] [--lang vi|en] [--root DIR]`
//
// Scaffolds a site rule: writes src/extract/sites/<id>.ts from a template (TODO
// comments where the selectors go), registers it in src/extract/sites/index.ts
// (import + SITE_RULES entry), and creates fixtures/pages/<id>-article/ with a
// skeleton response.json, an expected.json of nulls and a README.md of next steps.
// With --family the rule spreads that CMS family's selectors, and the domain is taken
// out of the family's own domain list. Refuses to overwrite anything; checks
// everything before writing a single file. Plain Node, no dependencies.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const USAGE = 'usage: node scripts/new-site.js <id> <domain> [--name "Outlet Name"] [--family mcms|vccorp] [--lang vi|en] [--root DIR]';
const FAMILIES = { mcms: 'mcmsSelectors', vccorp: 'vccorpSelectors' };
const MARKER = '// new-site: rules above this line';
const FIELDS = ['title', 'summary', 'byline', 'publishedAt', 'body', 'teasers'];
/** A rule's `domains: [...]` property (at the start of a line, so never the one in a doc comment). */
const DOMAINS_PROPERTY = /^[ \t]*domains:\s*\[([^\]]*)\]/gm;

/** Command-line arguments → options; throws with a message on bad input. */
function parseArgs(argv) {
  const positional = [];
  const options = { name: null, family: null, lang: null, root: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    if (arg.startsWith('--')) {
      const key = arg.slice(2);
      if (!(key in options)) throw new Error(`unknown option ${arg}\n${USAGE}`);
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value\n${USAGE}`);
      options[key] = value;
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 2) throw new Error(USAGE);
  const [id, rawDomain] = positional;
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(id)) throw new Error(`id "${id}" must be lower-case letters, digits and single dashes, starting with a letter`);
  const domain = normalizeDomain(rawDomain);
  if (options.family !== null && !(options.family in FAMILIES)) throw new Error(`--family must be one of: ${Object.keys(FAMILIES).join(', ')}`);
  if (options.lang !== null && options.lang !== 'vi' && options.lang !== 'en') throw new Error('--lang must be vi or en');
  const lang = options.lang ?? (/^(?:en|english|e)\./.test(domain) ? 'en' : 'vi');
  const root = path.resolve(options.root ?? fileURLToPath(new URL('..', import.meta.url)));
  return { id, domain, name: options.name?.trim() || domain, family: options.family, lang, root };
}

/** `https://www.Example.vn/path` → `example.vn`; throws on something that is not a host. */
function normalizeDomain(raw) {
  let host = raw.trim().toLowerCase();
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(host)) host = new URL(host).hostname;
  host = host.replace(/\/.*$/, '').replace(/^www\./, '').replace(/\.$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) throw new Error(`domain "${raw}" is not a host name like example.vn`);
  return host;
}

/** `en-vietnamplus` → `enVietnamplus`: the exported constant's name. */
function variableName(id) {
  return id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
}

/** Every rule file's domains: file name → { domains, isFamily }. */
function readClaims(sitesDir) {
  const claims = new Map();
  for (const file of readdirSync(sitesDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'types.ts')) {
    const source = readFileSync(path.join(sitesDir, file), 'utf8');
    for (const match of source.matchAll(DOMAINS_PROPERTY)) {
      const domains = [...match[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
      const entry = claims.get(file) ?? { domains: [], isFamily: /\bdetect:/.test(source) };
      entry.domains.push(...domains);
      claims.set(file, entry);
    }
  }
  return claims;
}

function quote(text) {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The rule file's text. */
function ruleSource({ id, domain, name, family, lang }) {
  const variable = variableName(id);
  if (family !== null) {
    const selectors = FAMILIES[family];
    return `import { ${selectors} } from './${family}.js';
import type { SiteRule } from './types.js';

/**
 * ${name} (${domain}): ${family} markup.
 * TODO: one line on what is special here (where the byline sits, sapo prefix, date format).
 */
export const ${variable}: SiteRule = {
  ...${selectors},
  id: ${quote(id)},
  name: ${quote(name)},
  domains: [${quote(domain)}],
  // TODO: every name the outlet goes by (og:site_name, meta author, JSON-LD publisher): never a byline.
  publisherNames: [${quote(name)}],
  // TODO: override a chain only where this outlet differs from ${family}, keeping the family's
  // selectors as fallbacks, e.g. summary: [...${selectors}.summary, 'div.sapo'],
  lang: ${quote(lang)},
};
`;
  }
  const chains = FIELDS.map((field) => `  ${field}: [], // TODO ${HINTS[field]}`).join('\n');
  return `import type { SiteRule } from './types.js';

/**
 * ${name} (${domain}).
 * TODO: one line on what is special here (where the byline sits, sapo prefix, date format).
 */
export const ${variable}: SiteRule = {
  id: ${quote(id)},
  name: ${quote(name)},
  domains: [${quote(domain)}],
  // TODO: every name the outlet goes by (og:site_name, meta author, JSON-LD publisher): never a byline.
  publisherNames: [${quote(name)}],
  // Fallback chains, most specific first: 'css' reads the element's text, 'css@attr' an attribute.
  // The field rules fall through to JSON-LD, meta tags and generic DOM rules afterwards.
${chains}
  lang: ${quote(lang)}, // TODO: delete when the host serves both languages
};
`;
}

const HINTS = {
  title: "the visible headline, e.g. 'h1.article-title'",
  summary: "the sapo/standfirst, e.g. 'h2.sapo', '.article-summary'",
  byline: "author names (each match is one author), e.g. '.article-author .name'",
  publishedAt: "the visible date, e.g. 'time.time@datetime', '.article-date'",
  body: "the article body container, e.g. '.article-content'",
  teasers: "headline links on listing pages (a elements), e.g. 'article.story h3 a'",
};

/** index.ts with the import (in alphabetical order) and the SITE_RULES entry (before the marker). */
function registerRule(indexSource, { id }) {
  const variable = variableName(id);
  if (!indexSource.includes(MARKER)) throw new Error(`src/extract/sites/index.ts has no "${MARKER}" line in SITE_RULES`);
  const lines = indexSource.split('\n');
  const importLine = `import { ${variable} } from './${id}.js';`;
  const imports = lines
    .map((line, index) => ({ line, index, module: /^import (?:type )?\{[^}]*\} from '\.\/([\w-]+)\.js';$/.exec(line)?.[1] }))
    .filter((entry) => entry.module !== undefined);
  if (imports.length === 0) throw new Error('src/extract/sites/index.ts imports no rule files');
  const after = imports.find((entry) => entry.module > id);
  lines.splice(after === undefined ? imports[imports.length - 1].index + 1 : after.index, 0, importLine);
  const withImport = lines.join('\n');
  return withImport.replace(/^(\s*)\/\/ new-site: rules above this line/m, (whole, indent) => `${indent}${variable},\n${whole}`);
}

/** The family file without the domain in its domain list. */
function releaseDomain(source, domain) {
  return source.replace(DOMAINS_PROPERTY, (whole, list) => {
    const kept = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]).filter((d) => d !== domain);
    return whole.replace(/\[[^\]]*\]/, `[${kept.map(quote).join(', ')}]`);
  });
}

function fixtureFiles({ id, domain, name, lang }) {
  const response = { url: `https://${domain}/TODO-article-path.html`, status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } };
  const expected = {
    kind: 'article', title: null, byline: null, attribution: null, summary: null, publishedAt: null,
    canonicalUrl: null, siteName: null, imageUrl: null, declaredLang: null, lang,
  };
  const readme = `# TODO: finish the ${name} fixture, then delete this file

Made by \`node scripts/new-site.js\`. test/extract/sites.test.ts fails until this
folder holds a finished page and this README is gone. See "Adding a site in five
minutes" in fixtures/README.md.

1. Write \`body.html\` yourself, modelled on a current ${domain} article page (head with
   meta tags and JSON-LD, menus, the article, a related box, footer; 10-60 KB). Invent
   the story, people and URLs: never paste a real page.
2. Put the page's own URL in \`response.json\` (\`url\`), with the headers it is served with.
3. Fill in \`expected.json\` as a careful reader sees the page (conventions in
   fixtures/README.md): every \`null\` that the page shows becomes its value.
4. Fill the selector chains in src/extract/sites/${id}.ts until
   \`npx vitest run test/extract/golden.test.ts test/extract/sites.test.ts\` passes.
5. Add a row for \`${id}-article\` to the table in fixtures/README.md.
`;
  return {
    'response.json': `${JSON.stringify(response, null, 2)}\n`,
    'expected.json': `${JSON.stringify(expected, null, 2)}\n`,
    'README.md': readme,
  };
}

/** Plan every write, refusing on any conflict; then write. Returns the paths written. */
export function newSite(options) {
  const sitesDir = path.join(options.root, 'src', 'extract', 'sites');
  const indexPath = path.join(sitesDir, 'index.ts');
  const rulePath = path.join(sitesDir, `${options.id}.ts`);
  const fixtureDir = path.join(options.root, 'fixtures', 'pages', `${options.id}-article`);
  if (!existsSync(indexPath)) throw new Error(`no ${path.relative(options.root, indexPath)} under ${options.root}`);
  if (existsSync(rulePath)) throw new Error(`${path.relative(options.root, rulePath)} already exists`);
  if (existsSync(fixtureDir)) throw new Error(`${path.relative(options.root, fixtureDir)} already exists`);
  const indexSource = readFileSync(indexPath, 'utf8');
  const variable = variableName(options.id);
  if (new RegExp(`\\b${variable}\\b`).test(indexSource)) throw new Error(`index.ts already has a rule named ${variable}`);

  const writes = [];
  for (const [file, { domains, isFamily }] of readClaims(sitesDir)) {
    if (!domains.includes(options.domain)) continue;
    if (!isFamily) throw new Error(`${options.domain} is already claimed by src/extract/sites/${file}`);
    const familyPath = path.join(sitesDir, file);
    writes.push([familyPath, releaseDomain(readFileSync(familyPath, 'utf8'), options.domain)]);
  }
  writes.push([rulePath, ruleSource(options)]);
  writes.push([indexPath, registerRule(indexSource, options)]);
  for (const [file, text] of Object.entries(fixtureFiles(options))) writes.push([path.join(fixtureDir, file), text]);

  mkdirSync(fixtureDir, { recursive: true });
  for (const [file, text] of writes) writeFileSync(file, text, { flag: file.startsWith(fixtureDir) || file === rulePath ? 'wx' : 'w' });
  return writes.map(([file]) => path.relative(options.root, file));
}

function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
    const written = newSite(options);
    console.log(`new site rule "${options.id}" for ${options.domain} (${options.lang}${options.family ? `, ${options.family} family` : ''}):`);
    for (const file of written) console.log(`  wrote ${file}`);
    console.log(`next: follow fixtures/pages/${options.id}-article/README.md`);
  } catch (error) {
    console.error(`new-site: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
