/**
 * Writing a document that arrives as many small text chunks (an export rendered item
 * by item) with bounded memory: chunks are gathered into writes of about 64 KB, and
 * the next write waits until the destination has taken the last one.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { NewsError } from '../errors.js';

/** Gathered text is written once it reaches this many UTF-16 units. */
const BATCH_SIZE = 64 * 1024;

/** Batches written between two turns of the event loop when the stream never pushes back (1 MB). */
const TURN_EVERY = 16;

/** Chunks joined into batches of about BATCH_SIZE (the last one may be shorter). */
export function* batches(chunks: Iterable<string>, size: number = BATCH_SIZE): Generator<string> {
  let pending: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield pending.join('');
      pending = [];
      length = 0;
    }
  }
  if (length > 0) yield pending.join('');
}

/**
 * Write chunks to a stream (stdout), waiting for `drain` whenever it is full. Stops
 * quietly when the reader goes away (`news export | head`: the stream closes or
 * fails with EPIPE); other stream errors are thrown.
 */
export async function writeChunks(chunks: Iterable<string>, out: NodeJS.WritableStream): Promise<void> {
  const state = watch(out);
  // Checked before pulling the next batch, so nothing more is rendered for a gone reader.
  const stop = (): boolean => {
    if (state.error !== null) throw state.error;
    return state.closed;
  };
  try {
    if (stop()) return;
    let sinceTurn = 0;
    for (const batch of batches(chunks)) {
      if (!out.write(batch)) {
        await state.drained();
        sinceTurn = 0;
      } else if (++sinceTurn === TURN_EVERY) {
        // A stream that takes writes at once (a pipe on Linux) reports a gone reader
        // only on a later turn of the event loop: give it one now and then.
        await new Promise((resolve) => setImmediate(resolve));
        sinceTurn = 0;
      }
      if (stop()) return;
    }
  } finally {
    state.dispose();
  }
}

/** A hidden, unique temp file beside `path` (same file system, so rename is atomic). */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Write chunks to a temp file beside `path`, then rename it over `path`: readers
 * (and a crash) never see half a document. The temp file is removed on failure.
 */
export async function writeChunksAtomically(path: string, chunks: Iterable<string>): Promise<void> {
  const temp = tempPathFor(path);
  try {
    const file = await open(temp, 'wx');
    try {
      // One write in flight while the next batch renders: at most two batches held.
      let inFlight: Promise<unknown> | null = null;
      for (const batch of batches(chunks)) {
        if (inFlight !== null) await inFlight;
        inFlight = file.write(batch);
        inFlight.catch(() => undefined); // awaited on the next step; never unhandled meanwhile
      }
      if (inFlight !== null) await inFlight;
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    if (error instanceof NewsError) throw error;
    throw new NewsError(`cannot write ${path}: ${(error as Error).message}`);
  }
}

interface StreamState {
  closed: boolean;
  error: Error | null;
  /** Resolves on `drain`, or when the stream closes or fails (check the flags after). */
  drained(): Promise<void>;
  dispose(): void;
}

/** Follow a stream's close and error events while we write to it. */
function watch(out: NodeJS.WritableStream): StreamState {
  let wake: (() => void) | null = null;
  const state: StreamState = {
    closed: (out as { destroyed?: boolean }).destroyed === true,
    error: null,
    drained: () =>
      new Promise<void>((resolve) => {
        if (state.closed || state.error !== null) return resolve();
        wake = resolve;
        out.once('drain', onWake);
      }),
    dispose: () => {
      out.off('drain', onWake);
      out.off('close', onClose);
      out.off('error', onError);
    },
  };
  function onWake(): void {
    const resolve = wake;
    wake = null;
    out.off('drain', onWake);
    resolve?.();
  }
  function onClose(): void {
    state.closed = true;
    onWake();
  }
  function onError(error: NodeJS.ErrnoException): void {
    if (error.code === 'EPIPE') state.closed = true;
    else state.error = error;
    onWake();
  }
  out.on('close', onClose);
  out.on('error', onError);
  return state;
}
