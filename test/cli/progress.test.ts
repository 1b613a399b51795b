import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { ProgressLine } from '../../src/cli/progress.js';

function fakeIo(): { io: Io; err: () => string; out: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const io: Io = { stdout, stderr, env: {}, color: false, colorErr: false, stderrIsTTY: true, columns: 80 };
  return { io, err: () => err, out: () => out };
}

describe('ProgressLine', () => {
  it('on a terminal redraws one line on stderr, prints log lines above it, and clears it at the end', () => {
    const { io, err, out } = fakeIo();
    const progress = new ProgressLine(io, true);
    progress.update({ total: 3 });
    progress.update({ done: 1, newItems: 2 });
    progress.log('new  https://a.vn/x → Tiêu đề');
    progress.update({ done: 2, errors: 1 });
    progress.done();
    expect(err()).toBe(
      '\r\u001b[2Ksources 0/3 · 0 new · 0 errors' +
        '\r\u001b[2Ksources 1/3 · 2 new · 0 errors' +
        '\r\u001b[2Knew  https://a.vn/x → Tiêu đề\n' +
        '\r\u001b[2Ksources 1/3 · 2 new · 0 errors' +
        '\r\u001b[2Ksources 2/3 · 2 new · 1 error' +
        '\r\u001b[2K',
    );
    expect(out()).toBe('');
  });

  it('when disabled (not a terminal, --quiet) writes only whole log lines', () => {
    const { io, err } = fakeIo();
    const progress = new ProgressLine(io, false);
    progress.update({ total: 2, done: 1 });
    progress.log('fail https://a.vn/y: HTTP 404 Not Found');
    progress.done();
    expect(err()).toBe('fail https://a.vn/y: HTTP 404 Not Found\n');
  });
});
