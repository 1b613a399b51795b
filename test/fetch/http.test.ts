import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../src/errors.js';
import { closeAgent, fetchPage, HttpStatusError, type FetchOptions } from '../../src/fetch/http.js';
import { VERSION } from '../../src/version.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const HTML = '<!doctype html><html><head><title>Tin mới</title></head><body><p>Đà Nẵng</p></body></html>';
const HTML_TYPE = { 'content-type': 'text/html; charset=utf-8' };
const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));
/** "Tiếng Việt" in windows-1258 (decomposed: ê=0xEA, then 0xEC acute / 0xF2 dot below). */
const TIENG_VIET_1258 = Uint8Array.from([...ascii('Ti'), 0xea, 0xec, ...ascii('ng Vi'), 0xea, 0xf2, ...ascii('t')]);

const routes = new Map<string, Handler>();
const received = new Map<string, IncomingHttpHeaders>();
let server: Server;
let base: string;

function send(status: number, headers: Record<string, string>, body: string | Uint8Array = ''): Handler {
  return (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}

function route(path: string, handler: Handler): string {
  routes.set(path, handler);
  return base + path;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    received.set(path, req.headers);
    const handler = routes.get(path);
    if (handler) handler(req, res);
    else send(404, { 'content-type': 'text/plain' }, 'no such page')(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await closeAgent();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Run a fetch that must fail and return its FetchError. */
async function fetchError(url: string, options?: FetchOptions): Promise<FetchError> {
  try {
    await fetchPage(url, options);
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
  throw new Error(`expected ${url} to fail`);
}

describe('fetchPage: success', () => {
  it('fetches a plain HTML page', async () => {
    const url = route('/plain', send(200, HTML_TYPE, HTML));
    const page = await fetchPage(url);
    expect(page).toMatchObject({
      requestedUrl: url,
      finalUrl: url,
      status: 200,
      contentType: 'text/html; charset=utf-8',
      text: HTML,
      charset: 'utf-8',
      redirects: 0,
    });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.bytes).toEqual(new Uint8Array(Buffer.from(HTML)));
    expect(page.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('sends a named User-Agent and the expected Accept headers', async () => {
    const url = route('/ua', send(200, HTML_TYPE, HTML));
    await fetchPage(url);
    const headers = received.get('/ua');
    expect(headers?.['user-agent']).toMatch(/^news\//u);
    expect(headers?.['user-agent']).toBe(`news/${VERSION} (+https://github.com/news-cli/news)`);
    expect(headers?.['accept']).toBe('text/html,application/xhtml+xml;q=0.9,*/*;q=0.5');
    expect(headers?.['accept-encoding']).toBe('gzip, deflate, br');
    expect(headers?.['accept-language']).toBe('vi,en;q=0.8');
  });

  it('decodes with the header charset', async () => {
    const body = Uint8Array.from([...ascii('<html><p>caf'), 0xe9, ...ascii('</p></html>')]);
    const url = route('/latin', send(200, { 'content-type': 'text/html; charset=windows-1252' }, body));
    const page = await fetchPage(url);
    expect(page.text).toBe('<html><p>café</p></html>');
    expect(page.charset).toBe('windows-1252');
  });

  it('decodes windows-1258 named by <meta charset> to NFC text', async () => {
    expect(new TextDecoder('windows-1258').decode(TIENG_VIET_1258).normalize('NFC')).toBe('Tiếng Việt');
    const body = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1258"></head><body><h1>'),
      TIENG_VIET_1258,
      Buffer.from('</h1></body></html>'),
    ]);
    const url = route('/cp1258', send(200, { 'content-type': 'text/html' }, body));
    const page = await fetchPage(url);
    expect(page.charset).toBe('windows-1258');
    expect(page.text).toBe('<html><head><meta charset="windows-1258"></head><body><h1>Tiếng Việt</h1></body></html>');
    expect(page.text).toBe(page.text.normalize('NFC'));
  });

  it('trusts valid UTF-8 over an iso-8859-1 label', async () => {
    const url = route('/mislabelled', send(200, { 'content-type': 'text/html; charset=iso-8859-1' }, HTML));
    const page = await fetchPage(url);
    expect(page.charset).toBe('utf-8');
    expect(page.text).toBe(HTML);
  });

  it.each([
    { coding: 'gzip', compress: gzipSync },
    { coding: 'x-gzip', compress: gzipSync },
    { coding: 'deflate', compress: deflateSync },
    { coding: 'deflate', compress: deflateRawSync },
    { coding: 'br', compress: brotliCompressSync },
  ])('decompresses $coding ($compress.name)', async ({ coding, compress }) => {
    const body = compress(Buffer.from(HTML.repeat(50)));
    const url = route(`/encoded-${coding}-${compress.name}`, send(200, { ...HTML_TYPE, 'content-encoding': coding }, body));
    const page = await fetchPage(url);
    expect(page.text).toBe(HTML.repeat(50));
    expect(page.bytes.length).toBe(Buffer.byteLength(HTML) * 50);
  });

  it.each([
    { kind: 'zlib', compress: deflateSync },
    { kind: 'raw', compress: deflateRawSync },
  ])('detects $kind deflate when the first chunk is a single byte', async ({ kind, compress }) => {
    const body = compress(Buffer.from(HTML));
    const url = route(`/split-deflate-${kind}`, (_req, res) => {
      res.writeHead(200, { ...HTML_TYPE, 'content-encoding': 'deflate' });
      res.write(body.subarray(0, 1));
      setTimeout(() => res.end(body.subarray(1)), 30);
    });
    expect((await fetchPage(url)).text).toBe(HTML);
  });

  it('undoes stacked content-codings in reverse order', async () => {
    const body = brotliCompressSync(gzipSync(Buffer.from(HTML)));
    const url = route('/stacked', send(200, { ...HTML_TYPE, 'content-encoding': 'gzip, br' }, body));
    expect((await fetchPage(url)).text).toBe(HTML);
  });

  it('follows a redirect chain with relative and absolute Locations', async () => {
    route('/r/one', send(302, { location: 'two' }));
    route('/r/two', send(301, { location: `${base}/r/three` }));
    route('/r/three', send(307, { location: '/final?x=1' }));
    const finalUrl = route('/final?x=1', send(200, HTML_TYPE, HTML));
    const page = await fetchPage(`${base}/r/one`);
    expect(page.requestedUrl).toBe(`${base}/r/one`);
    expect(page.finalUrl).toBe(finalUrl);
    expect(page.redirects).toBe(3);
    expect(page.text).toBe(HTML);
  });

  it('lets a page without a content type through when it looks like HTML', async () => {
    const url = route('/untyped-html', send(200, {}, `\ufeff\n  <!-- served by x -->\n<!DOCTYPE html>${HTML.slice(15)}`));
    const page = await fetchPage(url);
    expect(page.contentType).toBeNull();
    expect(page.text).toContain('<p>Đà Nẵng</p>');
  });

  it("takes any content type with accept: 'any'", async () => {
    const url = route('/feed.json', send(200, { 'content-type': 'application/json' }, '{"title":"Thời sự"}'));
    const page = await fetchPage(url, { accept: 'any' });
    expect(page.text).toBe('{"title":"Thời sự"}');
    expect(received.get('/feed.json')?.['accept']).toBe('*/*');
  });
});

describe('fetchPage: failures', () => {
  it('stops a redirect loop', async () => {
    route('/loop/a', send(302, { location: '/loop/b' }));
    route('/loop/b', send(302, { location: '/loop/a' }));
    const error = await fetchError(`${base}/loop/a`);
    expect(error.code).toBe('too-many-redirects');
    expect(error.message).toBe('too many redirects (more than 5)');
  });

  it('honours maxRedirects', async () => {
    route('/once', send(301, { location: '/plain-target' }));
    route('/plain-target', send(200, HTML_TYPE, HTML));
    expect((await fetchError(`${base}/once`, { maxRedirects: 0 })).code).toBe('too-many-redirects');
    expect((await fetchPage(`${base}/once`, { maxRedirects: 1 })).redirects).toBe(1);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const url = route('/to-ftp', send(302, { location: 'ftp://example.com/file' }));
    const error = await fetchError(url);
    expect(error.code).toBe('unsupported-scheme');
    expect(error.message).toContain('ftp:');
  });

  it('reports a 404 with its status', async () => {
    const error = await fetchError(`${base}/missing`);
    expect(error.code).toBe('http-status');
    expect(error.status).toBe(404);
    expect(error.message).toBe('HTTP 404 Not Found');
  });

  it('refuses a PDF', async () => {
    const url = route('/paper.pdf', send(200, { 'content-type': 'application/pdf' }, '%PDF-1.7'));
    const error = await fetchError(url);
    expect(error.code).toBe('content-type');
    expect(error.message).toBe('expected an HTML page, got application/pdf');
  });

  it('refuses an untyped body that does not look like HTML', async () => {
    const url = route('/untyped-text', send(200, {}, 'just some text'));
    expect((await fetchError(url)).code).toBe('content-type');
  });

  it.each([
    { name: 'declared length', chunked: false },
    { name: 'chunked body', chunked: true },
  ])('refuses a body over the cap ($name)', async ({ chunked }) => {
    const url = route(`/big-${chunked}`, (_req, res) => {
      res.writeHead(200, chunked ? HTML_TYPE : { ...HTML_TYPE, 'content-length': '5000' });
      if (chunked) for (let i = 0; i < 5; i++) res.write('x'.repeat(1000));
      res.end(chunked ? '' : 'x'.repeat(5000));
    });
    const error = await fetchError(url, { maxBytes: 1024 });
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('response body exceeds the 1 KiB limit');
  });

  it.each([
    { coding: 'gzip', compress: gzipSync },
    { coding: 'deflate', compress: deflateSync },
    { coding: 'br', compress: brotliCompressSync },
  ])('caps the decompressed size of a $coding bomb', async ({ coding, compress }) => {
    const bomb = compress(Buffer.alloc(8 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const url = route(`/bomb-${coding}`, send(200, { ...HTML_TYPE, 'content-encoding': coding }, bomb));
    const error = await fetchError(url, { maxBytes: 1024 * 1024 });
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('response body exceeds the 1 MiB limit');
  });

  it('reports a corrupt gzip body', async () => {
    const url = route('/corrupt', send(200, { ...HTML_TYPE, 'content-encoding': 'gzip' }, 'definitely not gzip'));
    const error = await fetchError(url);
    expect(error.code).toBe('content-encoding');
    expect(error.message).toMatch(/^could not decompress the gzip body: /u);
  });

  it('refuses an unknown content-coding', async () => {
    const url = route('/zstd', send(200, { ...HTML_TYPE, 'content-encoding': 'zstd' }, 'xx'));
    const error = await fetchError(url);
    expect(error.code).toBe('content-encoding');
    expect(error.message).toBe('unsupported content-encoding "zstd"');
  });

  it('times out when the server never sends headers', async () => {
    const url = route('/silent', () => {});
    const started = Date.now();
    const error = await fetchError(url, { headersTimeoutMs: 200 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('timed out after 200 ms waiting for headers');
  });

  it('times out when the body stalls', async () => {
    const url = route('/stall', (_req, res) => {
      res.writeHead(200, HTML_TYPE);
      res.write('<html><body>');
    });
    const error = await fetchError(url, { bodyTimeoutMs: 200 });
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('timed out after 200 ms reading body');
  });

  it('enforces the total timeout', async () => {
    const url = route('/silent-total', () => {});
    const started = Date.now();
    const error = await fetchError(url, { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error.code).toBe('timeout');
    expect(error.message).toBe('timed out after 300 ms waiting for headers');
  });

  it('stops when the caller aborts', async () => {
    const url = route('/silent-abort', () => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await fetchError(url, { signal: controller.signal });
    expect(error.code).toBe('aborted');
  });

  it('reports a refused connection as a network error', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await fetchError(`http://127.0.0.1:${port}/`);
    expect(error.code).toBe('network');
    expect(error.message).toContain('ECONNREFUSED');
  });

  it.each([
    { url: 'ftp://example.com/file.html', code: 'unsupported-scheme', message: /^unsupported URL scheme "ftp:"/u },
    { url: 'file:///etc/passwd', code: 'unsupported-scheme', message: /only http and https/u },
    { url: 'not a url', code: 'invalid-url', message: /^invalid URL: "not a url"$/u },
  ])('refuses $url', async ({ url, code, message }) => {
    const error = await fetchError(url);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});

describe('fetchPage: conditional GET', () => {
  const ETAG = '"abc123"';
  const LAST_MODIFIED = 'Wed, 15 Jan 2025 12:00:00 GMT';

  /** 304 when If-None-Match or If-Modified-Since matches, else 200 with both validators. */
  function conditional(extra304: Record<string, string> = {}): Handler {
    return (req, res) => {
      if (req.headers['if-none-match'] === ETAG || req.headers['if-modified-since'] === LAST_MODIFIED) {
        res.writeHead(304, extra304);
        res.end();
      } else {
        res.writeHead(200, { ...HTML_TYPE, etag: ETAG, 'last-modified': LAST_MODIFIED });
        res.end(HTML);
      }
    };
  }

  it('reports the validators of a 200 and notModified: false', async () => {
    const url = route('/cond/fresh', conditional());
    const page = await fetchPage(url);
    expect(page).toMatchObject({ status: 200, notModified: false, text: HTML, validators: { etag: ETAG, lastModified: LAST_MODIFIED } });
    expect(received.get('/cond/fresh')?.['if-none-match']).toBeUndefined();
    expect(received.get('/cond/fresh')?.['if-modified-since']).toBeUndefined();
  });

  it('gives null validators when the response has none', async () => {
    const page = await fetchPage(route('/cond/none', send(200, HTML_TYPE, HTML)));
    expect(page.validators).toEqual({ etag: null, lastModified: null });
  });

  it('sends both validators and turns a 304 into notModified', async () => {
    const url = route('/cond/same', conditional({ etag: ETAG }));
    const page = await fetchPage(url, { validators: { etag: ETAG, lastModified: LAST_MODIFIED } });
    expect(received.get('/cond/same')?.['if-none-match']).toBe(ETAG);
    expect(received.get('/cond/same')?.['if-modified-since']).toBe(LAST_MODIFIED);
    expect(page).toMatchObject({
      requestedUrl: url,
      finalUrl: url,
      status: 304,
      notModified: true,
      text: '',
      validators: { etag: ETAG, lastModified: LAST_MODIFIED },
    });
    expect(page.bytes).toEqual(new Uint8Array(0));
  });

  it.each<[string, FetchOptions['validators'], Record<string, string | undefined>]>([
    ['only an ETag', { etag: ETAG, lastModified: null }, { 'if-none-match': ETAG, 'if-modified-since': undefined }],
    ['only a date', { etag: null, lastModified: LAST_MODIFIED }, { 'if-none-match': undefined, 'if-modified-since': LAST_MODIFIED }],
    ['nothing', { etag: null, lastModified: null }, { 'if-none-match': undefined, 'if-modified-since': undefined }],
    ['null', null, { 'if-none-match': undefined, 'if-modified-since': undefined }],
  ])('sends %s', async (name, validators, expected) => {
    const path = `/cond/send-${name.replace(/\W+/gu, '-')}`;
    const page = await fetchPage(route(path, conditional()), { validators });
    const headers = received.get(path);
    expect({ 'if-none-match': headers?.['if-none-match'], 'if-modified-since': headers?.['if-modified-since'] }).toEqual(expected);
    expect(page.notModified).toBe(validators?.etag != null || validators?.lastModified != null);
  });

  it('takes a new ETag from the 304 and keeps the sent date when the 304 has none', async () => {
    const url = route('/cond/new-etag', (_req, res) => {
      res.writeHead(304, { etag: '"next"' });
      res.end();
    });
    const page = await fetchPage(url, { validators: { etag: ETAG, lastModified: LAST_MODIFIED } });
    expect(page.validators).toEqual({ etag: '"next"', lastModified: LAST_MODIFIED });
  });

  it('treats a 304 to an unconditional request as an HTTP error', async () => {
    const error = await fetchError(route('/cond/stray-304', send(304, {})));
    expect(error).toMatchObject({ code: 'http-status', status: 304 });
  });

  it('keeps the response headers on an HTTP status error', async () => {
    const error = await fetchError(route('/cond/429', send(429, { 'content-type': 'text/plain', 'retry-after': '120' }, 'slow down')));
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error).toMatchObject({ code: 'http-status', status: 429, message: 'HTTP 429 Too Many Requests' });
    expect((error as HttpStatusError).headers['retry-after']).toBe('120');
  });
});
