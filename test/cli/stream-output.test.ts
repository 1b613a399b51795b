import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batches, writeChunks, writeChunksAtomically } from '../../src/cli/stream-output.js';
import { NewsError } from '../../src/errors.js';
import { tempDir } from '../helpers/cli.js';

const CHUNK = 'x'.repeat(100);

/** `total` chunks of 100 characters, counting how many were produced so far. */
function counted(total: number): { chunks: Generator<string>; produced: () => number } {
  let produced = 0;
  function* chunks(): Generator<string> {
    for (let i = 0; i < total; i += 1) {
      produced += 1;
      yield CHUNK;
    }
  }
  return { chunks: chunks(), produced: () => produced };
}

/** A slow sink: takes each write on the next turn of the event loop, with a small buffer. */
function slowSink(onWrite: (bytes: number) => void): Writable {
  return new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, callback) {
      setImmediate(() => {
        onWrite(chunk.length);
        callback();
      });
    },
  });
}

describe('batches', () => {
  it('joins small chunks into writes of at least the batch size, losing nothing', () => {
    const out = [...batches(['ab', 'cd', 'ef', 'g'], 4)];
    expect(out).toEqual(['abcd', 'efg']);
    expect([...batches([], 4)]).toEqual([]);
    expect([...batches(['a very long chunk'], 4)]).toEqual(['a very long chunk']);
  });
});

describe('writeChunks', () => {
  it('waits for a slow reader: never more than about two batches produced ahead of what was written', async () => {
    const source = counted(20_000); // 2 MB in all
    let written = 0;
    let maxAhead = 0;
    const sink = slowSink((bytes) => {
      written += bytes;
      maxAhead = Math.max(maxAhead, source.produced() - written / CHUNK.length);
    });
    await writeChunks(source.chunks, sink);
    expect(written).toBe(20_000 * CHUNK.length);
    // A batch is 64 KB (656 chunks); ignoring backpressure would run thousands ahead.
    expect(maxAhead).toBeLessThanOrEqual(2 * 656);
  });

  it('stops quietly when the reader goes away (EPIPE), without reading the rest', async () => {
    const source = counted(20_000);
    let writes = 0;
    const sink = new Writable({
      highWaterMark: 1024,
      write(_chunk, _encoding, callback) {
        writes += 1;
        const error = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
        setImmediate(() => callback(error));
      },
    });
    await writeChunks(source.chunks, sink);
    expect(writes).toBe(1);
    expect(source.produced()).toBe(656); // the one batch written, no more rendered
  });

  it('notices a gone reader even when every write is taken at once (as pipes on Linux do)', async () => {
    const source = counted(100_000); // 10 MB: 153 batches
    let writes = 0;
    const sink = new Writable({
      highWaterMark: 1 << 30, // never pushes back
      write(_chunk, _encoding, callback) {
        writes += 1;
        if (writes === 1) setImmediate(() => sink.destroy());
        callback();
      },
    });
    await writeChunks(source.chunks, sink);
    // One turn of the event loop every 16 batches: it stops after the first 16.
    expect(writes).toBe(16);
    expect(source.produced()).toBeLessThan(17 * 656);
  });

  it('throws other stream errors', async () => {
    const sink = new Writable({
      highWaterMark: 1024,
      write(_chunk, _encoding, callback) {
        setImmediate(() => callback(Object.assign(new Error('disk full'), { code: 'ENOSPC' })));
      },
    });
    await expect(writeChunks(counted(20_000).chunks, sink)).rejects.toThrow('disk full');
  });
});

describe('writeChunksAtomically', () => {
  let dir: { path: string; cleanup: () => void };
  beforeEach(() => {
    dir = tempDir('news-stream-test-');
  });
  afterEach(() => dir.cleanup());

  it('writes every chunk and replaces the old file', async () => {
    const path = join(dir.path, 'digest.txt');
    writeFileSync(path, 'old');
    await writeChunksAtomically(path, counted(1000).chunks);
    expect(readFileSync(path, 'utf8')).toBe(CHUNK.repeat(1000));
    expect(readdirSync(dir.path)).toEqual(['digest.txt']);
  });

  it('leaves the old file and no temp file when rendering fails half way', async () => {
    const path = join(dir.path, 'digest.txt');
    writeFileSync(path, 'old');
    function* failing(): Generator<string> {
      for (let i = 0; i < 2000; i += 1) yield CHUNK;
      throw new Error('renderer broke');
    }
    const error = await writeChunksAtomically(path, failing()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NewsError);
    expect((error as Error).message).toBe(`cannot write ${path}: renderer broke`);
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir.path)).toEqual(['digest.txt']);
  });

  it('names the path when the folder does not exist', async () => {
    const path = join(dir.path, 'missing', 'digest.txt');
    await expect(writeChunksAtomically(path, ['x'])).rejects.toThrow(`cannot write ${path}: ENOENT`);
  });
});
