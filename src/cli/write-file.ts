/**
 * Writing output files atomically: a temp file in the same folder, then a rename, so
 * a reader or a crash never sees half a file.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { NewsError } from '../errors.js';

/** Write `text` to `path` atomically. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = tempPathFor(path);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new NewsError(`cannot write ${path}: ${(error as Error).message}`);
  }
}

/** A hidden, unique temp file beside `path` (same file system, so rename is atomic). */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}
