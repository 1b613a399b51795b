/**
 * The fetch stage: one GET with limits. Only http/https, redirects followed by
 * hand (so we keep the final URL and count them), total/connect/headers/idle
 * timeouts, a size cap enforced on the decompressed bytes, a content-type gate,
 * and decoding to an NFC string. Every failure is a `FetchError` with a code.
 * Conditional GET: given validators it sends If-None-Match / If-Modified-Since and
 * reports a 304 as `notModified` instead of failing.
 */
import { STATUS_CODES } from 'node:http';
import { Transform, Writable, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { Dispatcher } from 'undici';
import { FetchError } from '../errors.js';
import { USER_AGENT } from '../version.js';
import { getAgent } from './agent.js';
import { decodeBody, parseContentType } from './decode.js';
import type { CacheValidators } from './state.js';

export { closeAgent } from './agent.js';

export interface FetchOptions {
  /** Whole fetch, redirects included. Default 30 000. */
  timeoutMs?: number;
  /** From sending the request to the end of the response headers. Default 15 000. */
  headersTimeoutMs?: number;
  /** Longest silence between two body chunks. Default 15 000. */
  bodyTimeoutMs?: number;
  /** TCP/TLS connection set-up. Default 10 000. */
  connectTimeoutMs?: number;
  /** Cap on the body, compressed and decompressed. Default 5 MiB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** `html` (default) refuses anything but an HTML page; `any` takes any type (feeds). */
  accept?: 'html' | 'any';
  userAgent?: string;
  signal?: AbortSignal;
  /**
   * Validators remembered from an earlier 200 for this URL: sent as If-None-Match /
   * If-Modified-Since, and a 304 answer then comes back as `notModified: true`.
   */
  validators?: CacheValidators | null;
}

export interface FetchedPage {
  requestedUrl: string;
  /** URL of the response we read, after redirects. */
  finalUrl: string;
  status: number;
  /** Final response headers, lower-case names, repeated headers joined with ", ". */
  headers: Record<string, string>;
  contentType: string | null;
  /** The body as received, after content-encoding was removed. */
  bytes: Uint8Array;
  /** The body decoded and NFC-normalised. */
  text: string;
  /** Canonical name of the encoding used to decode `bytes`. */
  charset: string;
  redirects: number;
  elapsedMs: number;
  /** True for a 304 answer to a conditional GET: `bytes` is empty and `text` is ''. */
  notModified: boolean;
  /**
   * The response's ETag / Last-Modified, to remember for the next conditional GET.
   * For a 304, a validator the response leaves out is the one we sent.
   */
  validators: CacheValidators;
}

/**
 * An `http-status` failure that keeps the response headers, so a caller can read
 * e.g. Retry-After on a 429 or 503.
 */
export class HttpStatusError extends FetchError {
  constructor(
    message: string,
    status: number,
    /** Response headers, lower-case names, as in `FetchedPage.headers`. */
    readonly headers: Record<string, string>,
  ) {
    super(message, 'http-status', status);
  }
}

type Settings = Required<Omit<FetchOptions, 'signal' | 'userAgent' | 'validators'>> & { userAgent: string };

const DEFAULTS: Settings = {
  timeoutMs: 30_000,
  headersTimeoutMs: 15_000,
  bodyTimeoutMs: 15_000,
  connectTimeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  accept: 'html',
  userAgent: USER_AGENT,
};

const ACCEPT_HEADERS = {
  html: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
  any: '*/*',
} as const;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const HTML_MEDIA_TYPES = new Set(['text/html', 'application/xhtml+xml']);
/** Bodies of redirects and errors we read to the end (to reuse the connection) up to this size. */
const DISCARD_LIMIT = 64 * 1024;

type Phase = 'connecting' | 'waiting for headers' | 'reading body';

/**
 * GET `url` and return the final page's bytes and decoded text.
 * Throws `FetchError` with code `invalid-url`, `unsupported-scheme`, `too-many-redirects`,
 * `http-status` (an `HttpStatusError`, with `status` and `headers`), `content-type`,
 * `too-large`, `content-encoding`, `timeout`, `aborted` or `network`.
 * With `options.validators`, a 304 answer returns a page with `notModified: true`.
 */
export async function fetchPage(url: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const settings = withDefaults(options);
  let current = parseHttpUrl(url);
  const started = performance.now();
  const deadline = new Deadline(settings.timeoutMs, options.signal ?? null);
  const sentValidators = usableValidators(options.validators ?? null);
  let phase: Phase = 'waiting for headers';
  try {
    const dispatcher = await getAgent(settings.connectTimeoutMs);
    for (let redirects = 0; ; redirects++) {
      phase = 'waiting for headers';
      const response = await dispatcher.request({
        origin: current.origin,
        path: current.pathname + current.search,
        method: 'GET',
        headers: requestHeaders(settings, sentValidators),
        headersTimeout: settings.headersTimeoutMs,
        bodyTimeout: settings.bodyTimeoutMs,
        signal: deadline.signal,
      });
      const headers = flattenHeaders(response.headers);
      const status = response.statusCode;

      const location = REDIRECT_STATUSES.has(status) ? (headers['location'] ?? null) : null;
      if (location !== null) {
        await discard(response.body, deadline.signal);
        if (redirects >= settings.maxRedirects) {
          throw new FetchError(`too many redirects (more than ${settings.maxRedirects})`, 'too-many-redirects', status);
        }
        current = resolveRedirect(location, current);
        continue;
      }

      if (status === 304 && sentValidators !== null) {
        await discard(response.body, deadline.signal);
        return {
          requestedUrl: url,
          finalUrl: current.href,
          status,
          headers,
          contentType: headers['content-type'] ?? null,
          bytes: new Uint8Array(0),
          text: '',
          charset: 'utf-8',
          redirects,
          elapsedMs: Math.round(performance.now() - started),
          notModified: true,
          validators: {
            etag: headers['etag'] ?? sentValidators.etag,
            lastModified: headers['last-modified'] ?? sentValidators.lastModified,
          },
        };
      }

      if (status < 200 || status > 299) {
        await discard(response.body, deadline.signal);
        const reason = response.statusText || STATUS_CODES[status] || '';
        throw new HttpStatusError(`HTTP ${status}${reason ? ` ${reason}` : ''}`, status, headers);
      }

      const contentType = headers['content-type'] ?? null;
      const { mediaType } = parseContentType(contentType);
      if (settings.accept === 'html' && mediaType !== null && !HTML_MEDIA_TYPES.has(mediaType)) {
        abandon(response.body);
        throw new FetchError(`expected an HTML page, got ${mediaType}`, 'content-type', status);
      }

      const declaredLength = Number(headers['content-length']);
      if (Number.isFinite(declaredLength) && declaredLength > settings.maxBytes) {
        abandon(response.body);
        throw tooLarge(settings.maxBytes, status);
      }

      phase = 'reading body';
      const bytes = await readBody(response.body, headers['content-encoding'] ?? null, settings.maxBytes, status);

      if (settings.accept === 'html' && mediaType === null && !looksLikeHtml(bytes)) {
        throw new FetchError(
          'expected an HTML page, got a response without a content type that does not look like HTML',
          'content-type',
          status,
        );
      }

      const decoded = decodeBody(bytes, contentType);
      return {
        requestedUrl: url,
        finalUrl: current.href,
        status,
        headers,
        contentType,
        bytes,
        text: decoded.text,
        charset: decoded.charset,
        redirects,
        elapsedMs: Math.round(performance.now() - started),
        notModified: false,
        validators: { etag: headers['etag'] ?? null, lastModified: headers['last-modified'] ?? null },
      };
    }
  } catch (error) {
    throw toFetchError(error, phase, deadline, settings);
  } finally {
    deadline.clear();
  }
}

function withDefaults(options: FetchOptions): Settings {
  const settings: Settings = { ...DEFAULTS };
  for (const key of Object.keys(DEFAULTS) as (keyof Settings)[]) {
    const value = options[key];
    if (value !== undefined) (settings as Record<keyof Settings, unknown>)[key] = value;
  }
  return settings;
}

function requestHeaders(settings: Settings, validators: CacheValidators | null): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': settings.userAgent,
    accept: ACCEPT_HEADERS[settings.accept],
    'accept-encoding': 'gzip, deflate, br',
    'accept-language': 'vi,en;q=0.8',
  };
  if (validators?.etag) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
  return headers;
}

/** The validators worth sending (at least one non-empty), else `null`: no conditional GET. */
function usableValidators(validators: CacheValidators | null): CacheValidators | null {
  if (validators === null) return null;
  const etag = validators.etag || null;
  const lastModified = validators.lastModified || null;
  return etag === null && lastModified === null ? null : { etag, lastModified };
}

/** Parse a URL we were asked to fetch: it must be absolute and http(s). */
function parseHttpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError(`invalid URL: ${JSON.stringify(url)}`, 'invalid-url');
  }
  assertHttpScheme(parsed);
  return parsed;
}

/** Resolve a Location header against the URL that answered with it. */
function resolveRedirect(location: string, base: URL): URL {
  let target: URL;
  try {
    target = new URL(location, base);
  } catch {
    throw new FetchError(`redirect to an invalid URL: ${JSON.stringify(location)}`, 'invalid-url');
  }
  assertHttpScheme(target);
  return target;
}

function assertHttpScheme(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(
      `unsupported URL scheme "${url.protocol}" in ${url.href}: only http and https can be fetched`,
      'unsupported-scheme',
    );
  }
}

function flattenHeaders(raw: Dispatcher.ResponseData['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/** Read and throw away a body we do not want, so the connection can be reused. */
async function discard(body: Dispatcher.ResponseData['body'], signal: AbortSignal): Promise<void> {
  try {
    await body.dump({ limit: DISCARD_LIMIT, signal });
  } catch {
    // The body is destroyed either way; its failure does not concern the caller.
  }
}

/** Drop a body we will not read; the error it emits on destroy is expected. */
function abandon(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

/** True when a body without a content type starts like an HTML document. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const start = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024));
  const head = start
    .replace(/^\u00ef\u00bb\u00bf/u, '')
    .replace(/^(?:\s|<!--[\s\S]*?-->)*/u, '')
    .toLowerCase();
  return ['<!doctype html', '<html', '<head', '<body'].some((prefix) => head.startsWith(prefix));
}

// ---------------------------------------------------------------------------
// Body: decompression and the size cap

/** Marks errors raised by a decompressor, so they are reported as `content-encoding`. */
const DECOMPRESSION_ERRORS = new WeakSet<object>();

/**
 * Read the whole body, undoing Content-Encoding as it streams in. The cap applies to
 * the bytes on the wire and to the decompressed bytes, so a zip bomb stops at `maxBytes`.
 */
async function readBody(body: Readable, contentEncoding: string | null, maxBytes: number, status: number): Promise<Uint8Array> {
  const codings = (contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((coding) => coding.trim())
    .filter((coding) => coding !== '' && coding !== 'identity');
  // Codings are listed in the order they were applied; undo them last first.
  const decoders = codings.reverse().map((coding) => {
    const decoder = createDecoder(coding);
    if (decoder === null) {
      abandon(body);
      throw new FetchError(`unsupported content-encoding "${coding}"`, 'content-encoding', status);
    }
    decoder.on('error', (error: Error) => DECOMPRESSION_ERRORS.add(error));
    return decoder;
  });

  const chunks: Buffer[] = [];
  const streams: (NodeJS.ReadableStream | NodeJS.WritableStream)[] = [body];
  if (decoders.length > 0) streams.push(byteLimit(maxBytes, status, null), ...decoders);
  streams.push(
    byteLimit(maxBytes, status, (chunk) => {
      chunks.push(chunk);
    }),
  );
  try {
    await pipeline(streams);
  } catch (error) {
    // The pipeline destroys every stream with the first error, so a decoder also
    // emits our own too-large error: check for ours first.
    if (error instanceof FetchError) throw error;
    if (typeof error === 'object' && error !== null && DECOMPRESSION_ERRORS.has(error)) {
      throw new FetchError(`could not decompress the ${codings.join(', ')} body: ${(error as Error).message}`, 'content-encoding', status);
    }
    throw error;
  }
  return joinChunks(chunks);
}

/** Concatenate into a fresh, exactly sized Uint8Array (not a view into Buffer's shared pool). */
function joinChunks(chunks: Buffer[]): Uint8Array {
  const joined = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

/**
 * A stream that fails with `too-large` once more than `maxBytes` went through it.
 * With `collect` it is the final sink; without, a pass-through.
 */
function byteLimit(maxBytes: number, status: number, collect: ((chunk: Buffer) => void) | null): Transform | Writable {
  let total = 0;
  const check = (chunk: Buffer): FetchError | null => {
    total += chunk.length;
    return total > maxBytes ? tooLarge(maxBytes, status) : null;
  };
  if (collect !== null) {
    return new Writable({
      write(chunk: Buffer, _encoding, callback) {
        const error = check(chunk);
        if (error === null) collect(chunk);
        callback(error);
      },
    });
  }
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const error = check(chunk);
      if (error !== null) callback(error);
      else callback(null, chunk);
    },
  });
}

/** A streaming decoder for one content-coding, or `null` for a coding we do not support. */
function createDecoder(coding: string): Transform | null {
  // Tolerate truncated streams the way browsers do: flush what we have instead of failing.
  const zlibOptions = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip(zlibOptions);
    case 'deflate':
      return new InflateAuto(zlibOptions);
    case 'br':
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
    default:
      return null;
  }
}

/**
 * `deflate` is meant to be zlib-wrapped, but some servers send raw deflate. Look at
 * the first two bytes (a zlib header) and pick the matching inflater.
 */
class InflateAuto extends Transform {
  private pending: Buffer = Buffer.alloc(0);
  private inner: zlib.Inflate | zlib.InflateRaw | null = null;

  constructor(private readonly zlibOptions: zlib.ZlibOptions) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.inner !== null) {
      this.inner.write(chunk, () => callback());
      return;
    }
    this.pending = Buffer.concat([this.pending, chunk]);
    if (this.pending.length < 2) {
      callback();
      return;
    }
    const head = this.pending;
    this.pending = Buffer.alloc(0);
    this.start(head).write(head, () => callback());
  }

  override _flush(callback: TransformCallback): void {
    let inner = this.inner;
    if (inner === null) {
      if (this.pending.length === 0) {
        callback();
        return;
      }
      inner = this.start(this.pending);
      inner.write(this.pending);
    }
    inner.once('end', () => callback());
    inner.end();
  }

  override _read(size: number): void {
    this.inner?.resume();
    super._read(size);
  }

  /** Create the inflater that fits the stream's first bytes, `head`. */
  private start(head: Buffer): zlib.Inflate | zlib.InflateRaw {
    const [first = 0, second = 0] = head;
    const zlibWrapped = (first & 0x0f) === 8 && first >> 4 <= 7 && ((first << 8) | second) % 31 === 0;
    const inner = zlibWrapped ? zlib.createInflate(this.zlibOptions) : zlib.createInflateRaw(this.zlibOptions);
    // Respect backpressure so a deflate bomb cannot pile up output in memory.
    inner.on('data', (data: Buffer) => {
      if (!this.push(data)) inner.pause();
    });
    inner.on('error', (error: Error) => this.destroy(error));
    this.inner = inner;
    return inner;
  }
}

function tooLarge(maxBytes: number, status: number): FetchError {
  return new FetchError(`response body exceeds the ${formatBytes(maxBytes)} limit`, 'too-large', status);
}

function formatBytes(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

// ---------------------------------------------------------------------------
// Timeouts, cancellation and error mapping

/** The total-time budget and the caller's signal, merged into the one signal undici sees. */
class Deadline {
  readonly signal: AbortSignal;
  timedOut = false;
  cancelled = false;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout | null;
  private readonly onCancel = (): void => {
    this.cancelled = true;
    this.controller.abort();
  };

  constructor(
    readonly timeoutMs: number,
    private readonly callerSignal: AbortSignal | null,
  ) {
    this.signal = this.controller.signal;
    this.timer =
      Number.isFinite(timeoutMs) && timeoutMs > 0
        ? setTimeout(() => {
            this.timedOut = true;
            this.controller.abort();
          }, timeoutMs)
        : null;
    if (callerSignal?.aborted) this.onCancel();
    else callerSignal?.addEventListener('abort', this.onCancel, { once: true });
  }

  clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.callerSignal?.removeEventListener('abort', this.onCancel);
  }
}

const UNDICI_TIMEOUTS: Record<string, { phase: Phase; setting: 'connectTimeoutMs' | 'headersTimeoutMs' | 'bodyTimeoutMs' }> = {
  UND_ERR_CONNECT_TIMEOUT: { phase: 'connecting', setting: 'connectTimeoutMs' },
  UND_ERR_HEADERS_TIMEOUT: { phase: 'waiting for headers', setting: 'headersTimeoutMs' },
  UND_ERR_BODY_TIMEOUT: { phase: 'reading body', setting: 'bodyTimeoutMs' },
};

/** Turn whatever went wrong into a `FetchError` with a code and a one-line message. */
function toFetchError(error: unknown, phase: Phase, deadline: Deadline, settings: Settings): FetchError {
  if (error instanceof FetchError) return error;
  if (deadline.timedOut) {
    return new FetchError(`timed out after ${formatDuration(settings.timeoutMs)} ${phase}`, 'timeout');
  }
  if (deadline.cancelled) return new FetchError('fetch cancelled', 'aborted');

  const code = errorCode(error);
  const timeout = code === null ? undefined : UNDICI_TIMEOUTS[code];
  const result = timeout
    ? new FetchError(`timed out after ${formatDuration(settings[timeout.setting])} ${timeout.phase}`, 'timeout')
    : new FetchError(`network error: ${networkMessage(error)}`, 'network');
  result.cause = error;
  return result;
}

function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}

/** The most telling message in an error, its cause or (for happy-eyeballs) its first sub-error. */
function networkMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.message) {
    const cause = error.cause instanceof Error && error.cause.message ? ` (${error.cause.message})` : '';
    return error.message + cause;
  }
  if (error instanceof AggregateError && error.errors.length > 0) return networkMessage(error.errors[0]);
  if (error.cause !== undefined) return networkMessage(error.cause);
  return errorCode(error) ?? error.name;
}

function formatDuration(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}
