/**
 * `news prune --older-than 90d`: delete items (and finished runs, and stale HTTP
 * cache entries) older than the cutoff, in one transaction. Subscriptions stay.
 */
import { prune } from '../../store/prune.js';
import type { Io } from '../io.js';
import { openStore } from '../open-store.js';

export async function pruneCommand(options: { db?: string; olderThan: string; json?: boolean }, io: Io): Promise<number> {
  const { db, close } = openStore(options.db, io.env);
  try {
    const removed = prune(db, options.olderThan);
    if (options.json) io.stdout.write(`${JSON.stringify({ olderThan: options.olderThan, ...removed }, null, 2)}\n`);
    io.stderr.write(`removed ${removed.items} item${removed.items === 1 ? '' : 's'} and ${removed.runs} run${removed.runs === 1 ? '' : 's'} older than ${options.olderThan}\n`);
    return 0;
  } finally {
    close();
  }
}
