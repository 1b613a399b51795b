/**
 * `news export --format json|md [-o FILE]`: a digest of stored items. A file is
 * written atomically (temp file in the same folder, then rename), so a reader or a
 * crash never sees half a digest.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { NewsError } from '../../errors.js';
import { renderJsonExport } from '../../render/json.js';
import { renderMarkdownDigest } from '../../render/markdown.js';
import type { Io } from '../io.js';
import { openStore } from '../open-store.js';
import { toFilter, type FilterFlags } from './list.js';

export interface ExportOptions extends FilterFlags {
  format: 'json' | 'md';
  output?: string;
}

export async function exportCommand(options: ExportOptions, io: Io): Promise<number> {
  const { store, close } = openStore(options.db, io.env);
  let text: string;
  let count: number;
  try {
    const items = store.list(toFilter(options));
    const generatedAt = new Date().toISOString();
    text = options.format === 'json' ? renderJsonExport(items, generatedAt) : renderMarkdownDigest(items, generatedAt);
    count = items.length;
  } finally {
    close();
  }
  if (options.output === undefined || options.output === '-') {
    io.stdout.write(text);
  } else {
    await writeAtomically(options.output, text);
    io.stderr.write(`wrote ${count} item${count === 1 ? '' : 's'} to ${options.output}\n`);
  }
  return 0;
}

/** Write to a temp file beside the target, then rename over it. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new NewsError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
