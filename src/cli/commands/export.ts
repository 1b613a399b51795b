/**
 * `news export --format F [-o FILE]`: a digest of stored items in one of the export
 * formats (see render/formats.ts). Items are read from the store one row at a time
 * and rendered item by item straight to stdout or the file, so memory stays flat
 * however many items there are. A file is written atomically (temp file in the same
 * folder, then rename), so a reader or a crash never sees half a digest.
 */
import type { ExportFormatName } from '../../render/format-names.js';
import { EXPORT_FORMATS } from '../../render/formats.js';
import type { Io } from '../io.js';
import { openStore } from '../open-store.js';
import { writeChunks, writeChunksAtomically } from '../stream-output.js';
import { toFilter, type FilterFlags } from '../filters.js';

export interface ExportOptions extends FilterFlags {
  format: ExportFormatName;
  output?: string;
  /** Every item; by default each story once, its other items as `also`. */
  all?: boolean;
}

export async function exportCommand(options: ExportOptions, io: Io): Promise<number> {
  const format = EXPORT_FORMATS[options.format];
  const filter = toFilter(options);
  const { store, close } = openStore(options.db, io.env);
  let count = 0;
  try {
    const rows = store.iterate(filter, format.order);
    const items = options.all === true ? rows : store.groupStories(rows);
    const renderer = format.create({ generatedAt: new Date().toISOString(), lang: filter.lang, source: filter.source });
    function* chunks(): Generator<string> {
      yield renderer.start();
      for (const item of items) {
        count += 1;
        yield renderer.item(item);
      }
      yield renderer.end(count);
    }
    if (options.output === undefined || options.output === '-') {
      await writeChunks(chunks(), io.stdout);
      return 0;
    }
    await writeChunksAtomically(options.output, chunks());
  } finally {
    close();
  }
  io.stderr.write(`wrote ${count} item${count === 1 ? '' : 's'} to ${options.output}\n`);
  return 0;
}
