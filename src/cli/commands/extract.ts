/**
 * `news extract <url|file...>`: run fetch (for URLs) or decode (for files), then
 * extraction, and print the fields; nothing is stored. A failing input is reported
 * and the others still run (exit 1).
 */
import { readFile } from 'node:fs/promises';
import { describeError, FetchError, NotFoundError } from '../../errors.js';
import type { Article } from '../../types.js';
import { terminalLine } from '../../render/sanitize.js';
import type { Io } from '../io.js';

export interface ExtractOptions {
  url?: string;
  json?: boolean;
  jsonl?: boolean;
}

type Result = { input: string; article: Article } | { input: string; error: string };

export async function extractCommand(inputs: string[], options: ExtractOptions, io: Io): Promise<number> {
  const { analyzeArticle } = await import('../../pipeline/analyze.js');
  const results: Result[] = [];
  let fetched = false;
  for (const input of inputs) {
    try {
      const isUrl = /^[a-z][a-z0-9+.-]*:\/\//iu.test(input);
      if (isUrl) fetched = true;
      const { html, url } = isUrl ? await fetchInput(input) : await readInput(input, options.url ?? null);
      results.push({ input, article: analyzeArticle(html, url) });
    } catch (error) {
      const message = describeError(error);
      results.push({ input, error: message });
      io.stderr.write(`fail ${terminalLine(input)}: ${terminalLine(message)}\n`);
    }
  }
  if (fetched) await (await import('../../fetch/http.js')).closeAgent();

  const articles = results.flatMap((r) => ('article' in r ? [{ input: r.input, ...r.article }] : []));
  if (options.jsonl) io.stdout.write(articles.map((a) => `${JSON.stringify(a)}\n`).join(''));
  else if (options.json) io.stdout.write(`${JSON.stringify(articles, null, 2)}\n`);
  else io.stdout.write(articles.map((a) => renderArticle(a)).join('\n'));
  return results.some((r) => 'error' in r) ? 1 : 0;
}

async function fetchInput(url: string): Promise<{ html: string; url: string }> {
  const { fetchPage } = await import('../../fetch/http.js');
  const page = await fetchPage(url);
  return { html: page.text, url: page.finalUrl };
}

async function readInput(path: string, url: string | null): Promise<{ html: string; url: string | null }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError(`no such file: ${path}`);
    throw new FetchError(`cannot read ${path}: ${describeError(error)}`, 'read');
  }
  const { decodeBody } = await import('../../fetch/decode.js');
  return { html: decodeBody(bytes, null).text, url };
}

const LABELS: [keyof Article, string][] = [
  ['title', 'Title'],
  ['byline', 'Byline'],
  ['attribution', 'Credit'],
  ['summary', 'Summary'],
  ['publishedAt', 'Published'],
  ['lang', 'Language'],
  ['declaredLang', 'Declared'],
  ['siteName', 'Site'],
  ['canonicalUrl', 'Canonical'],
  ['imageUrl', 'Image'],
];

function renderArticle(article: Article & { input: string }): string {
  const lines = [`# ${terminalLine(article.input)}`];
  for (const [key, label] of LABELS) {
    const value = article[key];
    if (typeof value !== 'string') continue;
    const field = key as keyof Article['provenance'];
    const rule = key === 'lang' ? null : article.provenance[field];
    lines.push(`${label.padEnd(10)} ${terminalLine(value)}${rule ? `  [${rule}]` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
