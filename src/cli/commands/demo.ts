/**
 * `news demo`: serve the bundled fixture pages on 127.0.0.1, run the real fetch
 * pipeline against them into a temporary database (or --db), then print the list
 * and a Markdown digest. Needs no network.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeAgent } from '../../fetch/http.js';
import { PoliteFetcher } from '../../fetch/polite-fetch.js';
import { runFetch, type UrlOutcome } from '../../pipeline/fetch-run.js';
import { renderMarkdownDigest } from '../../render/markdown.js';
import { renderTable } from '../../render/table.js';
import { startFixtureServer } from '../fixture-server.js';
import type { Io } from '../io.js';
import { openStore } from '../open-store.js';

export async function demoCommand(options: { db?: string; keep?: boolean }, io: Io): Promise<number> {
  const tempDir = options.db === undefined ? await mkdtemp(join(tmpdir(), 'news-demo-')) : null;
  const dbPath = options.db ?? join(tempDir!, 'news.db');
  let opened: ReturnType<typeof openStore> | null = null;
  let server: Awaited<ReturnType<typeof startFixtureServer>> | null = null;
  try {
    // The database first: if it cannot be opened, no server is left listening.
    opened = openStore(dbPath, {});
    const { store } = opened;
    const fixtures = await startFixtureServer();
    server = fixtures;
    // The home page is a listing: fetching it follows its teasers to every article page.
    const urls = [fixtures.homeUrl, ...fixtures.slugs.filter((slug) => !fixtures.homeSlugs.includes(slug)).map((slug) => fixtures.urlFor(slug))];
    io.stderr.write(`Serving ${fixtures.slugs.length} fixture pages and a home page on ${fixtures.baseUrl}; fetching into ${dbPath}\n`);
    // Every page is on one loopback host: no spacing needed, and nothing to remember.
    const fetcher = new PoliteFetcher({ perHostIntervalMs: 0, concurrency: 4, httpCache: null, hostState: null, respectRobots: false });
    const summary = await runFetch(urls.map((url) => ({ url, kind: 'auto' as const, sourceId: null, lang: null })), {
      store,
      fetcher,
      concurrency: 4,
      onOutcome: (outcome) => io.stderr.write(`  ${demoLine(outcome)}\n`),
    });
    io.stderr.write(`${summary.inserted} new, ${summary.updated} updated, ${summary.failed} failed\n\n`);
    const items = store.list({ lang: null, source: null, since: null, until: null, limit: null });
    io.stdout.write(renderTable(items, { color: io.color, width: io.columns }));
    io.stdout.write(`\n${renderMarkdownDigest(items, new Date().toISOString())}`);
    if (options.keep && tempDir !== null) io.stderr.write(`\nDatabase kept: ${dbPath} (try: news list --db ${dbPath})\n`);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    opened?.close();
    await closeAgent();
    await server?.close();
    if (tempDir !== null && !options.keep) await rm(tempDir, { recursive: true, force: true });
  }
}

function demoLine(outcome: UrlOutcome): string {
  if (!outcome.ok) return `fail ${outcome.url}: ${outcome.error}`;
  if (outcome.kind === 'listing') return `list ${outcome.finalUrl}: ${outcome.teasers} teasers, following ${outcome.followed}`;
  return `${outcome.status === 'new' ? 'new ' : 'upd '} ${outcome.article?.title ?? outcome.url}`;
}
