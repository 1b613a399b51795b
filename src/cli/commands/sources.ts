/**
 * `news sources add|list|remove|import|export`: the subscriptions `news fetch` (with
 * no URL) works through.
 */
import { Chalk } from 'chalk';
import { readFile } from 'node:fs/promises';
import { describeError, NewsError, NotFoundError, UsageError } from '../../errors.js';
import { formatShortDate } from '../../render/dates.js';
import { terminalLine } from '../../render/sanitize.js';
import { SourceStore, type Source, type SourceKind } from '../../store/sources.js';
import type { Lang } from '../../types.js';
import type { Io } from '../io.js';
import { openStore } from '../open-store.js';
import { writeChunksAtomically } from '../stream-output.js';

export interface AddOptions {
  db?: string;
  name?: string;
  lang?: Lang;
  kind?: SourceKind;
  json?: boolean;
}

/** Add a source; without --kind the URL is fetched once to tell a feed from a listing or an article page. */
export async function sourcesAddCommand(url: string, options: AddOptions, io: Io): Promise<number> {
  if (!/^https?:\/\//iu.test(url)) throw new UsageError(`not an http(s) URL: ${url}`);
  const detected = options.kind === undefined ? await detectKind(url, io) : null;
  const { db, close } = openStore(options.db, io.env);
  try {
    const source = new SourceStore(db).add({
      url,
      name: options.name ?? detected?.name ?? null,
      lang: options.lang ?? null,
      kind: options.kind ?? detected!.kind,
    });
    if (options.json) io.stdout.write(`${JSON.stringify(source, null, 2)}\n`);
    io.stderr.write(`added source ${source.id}: ${terminalLine(source.name ?? source.url)} (${source.kind})\n`);
    return 0;
  } finally {
    close();
  }
}

interface Detected {
  kind: SourceKind;
  name: string | null;
}

/** Fetch once: a feed by content type or first bytes; else a listing or an article page. */
async function detectKind(url: string, io: Io): Promise<Detected> {
  // Loaded here: list, remove and export never fetch.
  const [{ closeAgent }, { PoliteFetcher }] = await Promise.all([import('../../fetch/http.js'), import('../../fetch/polite-fetch.js')]);
  const fetcher = new PoliteFetcher({ perHostIntervalMs: 0, concurrency: 1, httpCache: null, hostState: null, respectRobots: false });
  try {
    let page;
    try {
      page = await fetcher.fetch(url, { explicit: true, accept: 'any' });
    } catch (error) {
      throw new NewsError(`cannot reach ${url} to tell what it is: ${describeError(error)} (give --kind feed|listing|page to add it anyway)`);
    }
    const { sniffFeed, discoverFeeds } = await import('../../feeds/sniff.js');
    if (sniffFeed(page.text, page.contentType) !== null) {
      const { parseFeed } = await import('../../feeds/parse.js');
      return { kind: 'feed', name: parseFeed(page.text, { url: page.finalUrl, contentType: page.contentType }).title };
    }
    if (!/html/iu.test(page.contentType ?? 'text/html')) {
      throw new UsageError(`${url} is neither a feed nor an HTML page (${page.contentType}); give --kind to add it anyway`);
    }
    const feeds = discoverFeeds(page.text, page.finalUrl);
    for (const feed of feeds.slice(0, 3)) {
      io.stderr.write(`this page offers a feed: ${terminalLine(feed.url)}${feed.title ? ` (${terminalLine(feed.title)})` : ''}; subscribe with: news sources add ${feed.url}\n`);
    }
    const { analyzePage } = await import('../../pipeline/analyze.js');
    const analysis = analyzePage(page.text, page.finalUrl, { teasers: true });
    return { kind: analysis.kind === 'listing' ? 'listing' : 'page', name: analysis.article.siteName ?? analysis.article.title };
  } finally {
    await closeAgent();
  }
}

export async function sourcesListCommand(options: { db?: string; json?: boolean }, io: Io): Promise<number> {
  const { db, close } = openStore(options.db, io.env);
  try {
    const sources = new SourceStore(db).list();
    if (options.json) io.stdout.write(`${JSON.stringify(sources, null, 2)}\n`);
    else if (sources.length === 0) io.stderr.write('no sources (add one with: news sources add <url>)\n');
    else io.stdout.write(renderSources(sources, io.color));
    return 0;
  } finally {
    close();
  }
}

function renderSources(sources: readonly Source[], color: boolean): string {
  const style = new Chalk({ level: color ? 1 : 0 });
  const now = Date.now();
  const lines = [style.bold('ID  KIND     LANG  STATUS        ITEMS  LAST FETCH        NEXT CHECK        NAME / URL')];
  for (const source of sources) {
    const status =
      source.lastStatus === null ? 'new' : source.lastStatus === 'error' ? `error ×${source.consecutiveFailures}` : source.lastStatus;
    const next = source.nextCheckAt === null || Date.parse(source.nextCheckAt) <= now ? 'due now' : formatShortDate(source.nextCheckAt);
    const statusText = status.padEnd(12);
    lines.push(
      [
        String(source.id).padStart(2),
        source.kind.padEnd(7),
        (source.lang ?? '-').padEnd(4),
        source.lastStatus === 'error' ? style.red(statusText) : statusText,
        String(source.itemsTotal).padStart(5),
        formatShortDate(source.lastFetchAt).padEnd(16),
        next.padEnd(16),
        terminalLine(source.name === null ? source.url : `${source.name} <${source.url}>`),
      ].join('  '),
    );
    if (source.lastError !== null && source.lastStatus === 'error') lines.push(`    ${style.dim(`last error: ${terminalLine(source.lastError)}`)}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function sourcesRemoveCommand(target: string, options: { db?: string }, io: Io): Promise<number> {
  const { db, close } = openStore(options.db, io.env);
  try {
    const store = new SourceStore(db);
    const source = store.get(/^\d+$/u.test(target) ? Number(target) : target);
    if (source === null || !store.remove(source.id)) throw new NotFoundError(`no source with id or URL "${target}" (see: news sources list)`);
    io.stderr.write(`removed source ${source.id}: ${terminalLine(source.name ?? source.url)} (its items stay)\n`);
    return 0;
  } finally {
    close();
  }
}

/** Subscribe to every feed of an OPML file; ones already subscribed are skipped. */
export async function sourcesImportCommand(file: string, options: { db?: string }, io: Io): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new NotFoundError(`cannot read ${file}: ${describeError(error)}`);
  }
  const { parseOpml } = await import('../../feeds/opml.js');
  const entries = parseOpml(text);
  const { db, close } = openStore(options.db, io.env);
  let added = 0;
  let skipped = 0;
  try {
    const store = new SourceStore(db);
    for (const entry of entries) {
      if (store.get(entry.url) !== null) {
        skipped++;
        continue;
      }
      const kind: SourceKind = entry.kind === 'listing' || entry.kind === 'page' ? entry.kind : 'feed';
      const lang = entry.lang?.toLowerCase().startsWith('vi') ? 'vi' : entry.lang?.toLowerCase().startsWith('en') ? 'en' : null;
      store.add({ url: entry.url, name: entry.title, lang, kind });
      added++;
    }
  } finally {
    close();
  }
  io.stderr.write(`imported ${added} source${added === 1 ? '' : 's'} from ${file}${skipped > 0 ? ` (${skipped} already subscribed)` : ''}\n`);
  return 0;
}

/** Every source as OPML 2.0, on stdout or written atomically to a file. */
export async function sourcesExportCommand(options: { db?: string; output?: string }, io: Io): Promise<number> {
  const { db, close } = openStore(options.db, io.env);
  let sources: Source[];
  try {
    sources = new SourceStore(db).list();
  } finally {
    close();
  }
  const { renderOpml } = await import('../../feeds/opml.js');
  const text = renderOpml(
    sources.map((source) => ({ title: source.name, url: source.url, siteUrl: null, kind: source.kind, lang: source.lang })),
    { title: 'news subscriptions', generatedAt: new Date().toISOString() },
  );
  if (options.output === undefined || options.output === '-') io.stdout.write(text);
  else {
    await writeChunksAtomically(options.output, [text]);
    io.stderr.write(`wrote ${sources.length} source${sources.length === 1 ? '' : 's'} to ${options.output}\n`);
  }
  return 0;
}
