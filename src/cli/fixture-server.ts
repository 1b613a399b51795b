/**
 * A loopback HTTP server for the bundled fixture pages (fixtures/pages/<slug>/).
 * The end-to-end tests and `news demo` fetch real bytes with real headers from it,
 * so nothing ever touches the internet.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A request handler for one exact path, e.g. a redirect or a slow response added by a test. */
export type FixtureRoute = (req: IncomingMessage, res: ServerResponse) => void;

export interface FixtureServerOptions {
  /** Folder holding one sub-folder per page; defaults to the package's fixtures/pages. */
  fixturesDir?: string;
  /** Extra handlers by exact path (`/redirect-me`); they win over fixture pages. */
  routes?: Record<string, FixtureRoute>;
}

export interface FixtureServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  baseUrl: string;
  /** Where the page `slug` is served: `${baseUrl}/${slug}/`. */
  urlFor(slug: string): string;
  /** A generated home (listing) page at `${baseUrl}/` with a teaser for every article page. */
  homeUrl: string;
  /** The slugs the home page links to (every page whose expected.json is an article). */
  homeSlugs: string[];
  /** Every page served, sorted. */
  slugs: string[];
  close(): Promise<void>;
}

/** How a fixture page was served by its real site (fixtures/pages/<slug>/response.json). */
export interface FixtureResponse {
  /** The page's own absolute URL on the real site. */
  url: string;
  status: number;
  headers: Record<string, string>;
}

/** One fixture page as stored: its response metadata and the body bytes exactly as served. */
export interface FixturePage {
  slug: string;
  /** The page's folder. */
  dir: string;
  response: FixtureResponse;
  body: Buffer;
}

/** The package's fixtures/pages folder (src/cli/ and dist/cli/ both sit two levels below the root). */
export function defaultFixturesDir(): string {
  return fileURLToPath(new URL('../../fixtures/pages/', import.meta.url));
}

/** Reads every page folder that holds a body.html and a response.json, sorted by slug. */
export function loadFixturePages(fixturesDir: string = defaultFixturesDir()): FixturePage[] {
  return readdirSync(fixturesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(fixturesDir, entry.name))
    .filter((dir) => existsSync(path.join(dir, 'body.html')) && existsSync(path.join(dir, 'response.json')))
    .map((dir) => ({
      slug: path.basename(dir),
      dir,
      response: parseResponse(readFileSync(path.join(dir, 'response.json'), 'utf8'), dir),
      body: readFileSync(path.join(dir, 'body.html')),
    }))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

function parseResponse(json: string, dir: string): FixtureResponse {
  const value = JSON.parse(json) as Partial<FixtureResponse>;
  if (typeof value.url !== 'string' || typeof value.status !== 'number' || typeof value.headers !== 'object' || value.headers === null) {
    throw new Error(`${dir}/response.json needs url, status and headers`);
  }
  return { url: value.url, status: value.status, headers: value.headers };
}

/**
 * Starts the server on 127.0.0.1 (a free port) serving each page at `/<slug>/` with its
 * recorded status and headers and the exact body bytes (never compressed). Unknown
 * paths get a plain-text 404. `close()` also drops keep-alive connections.
 */
export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const pages = new Map(loadFixturePages(options.fixturesDir).map((page) => [`/${page.slug}/`, page]));
  const routes = options.routes ?? {};

  const home = homePage([...pages.values()]);
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const route = routes[pathname];
    if (route) {
      route(req, res);
      return;
    }
    const page = pathname === '/' ? home.page : pages.get(pathname);
    if (page) servePage(page, req, res);
    else serveNotFound(res);
  });

  await listen(server);
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | null = null;

  return {
    baseUrl,
    urlFor: (slug) => `${baseUrl}/${slug}/`,
    homeUrl: `${baseUrl}/`,
    homeSlugs: home.linked,
    slugs: [...pages.values()].map((page) => page.slug),
    close: () => (closing ??= closeServer(server)),
  };
}

/**
 * A home page in the VnExpress listing layout (`article.item-news`, `h3.title-news a`,
 * `p.description`) linking every article fixture by a relative URL, so the demo and the
 * tests can fetch a listing page and follow its teasers to the other fixtures.
 */
function homePage(pages: readonly FixturePage[]): { page: FixturePage; linked: string[] } {
  const linked: string[] = [];
  const escape = (text: string): string => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const teasers = pages.flatMap((page) => {
    const expectedPath = path.join(page.dir, 'expected.json');
    if (!existsSync(expectedPath)) return [];
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as { kind?: string; title?: string | null; summary?: string | null };
    if (expected.kind !== 'article' || !expected.title) return [];
    linked.push(page.slug);
    const summary = expected.summary ? `\n      <p class="description">${escape(expected.summary)}</p>` : '';
    return [`    <article class="item-news">\n      <h3 class="title-news"><a href="/${page.slug}/" title="${escape(expected.title)}">${escape(expected.title)}</a></h3>${summary}\n    </article>`];
  });
  const html = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>news demo – fixture home page</title><meta property="og:type" content="website"></head>
<body>
  <header><nav><a href="/">Trang chủ</a> <a href="/thoi-su/">Thời sự</a> <a href="/the-gioi/">Thế giới</a></nav></header>
  <main class="list-news">
${teasers.join('\n')}
  </main>
  <footer><a href="/lien-he/">Liên hệ</a></footer>
</body>
</html>
`;
  const page: FixturePage = {
    slug: '',
    dir: '',
    response: { url: '/', status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } },
    body: Buffer.from(html, 'utf8'),
  };
  return { page, linked };
}

function servePage(page: FixturePage, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(page.response.status, { ...page.response.headers, 'content-length': String(page.body.length) });
  res.end(req.method === 'HEAD' ? undefined : page.body);
}

function serveNotFound(res: ServerResponse): void {
  const body = Buffer.from('Not found\n', 'utf8');
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(body.length) });
  res.end(body);
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
