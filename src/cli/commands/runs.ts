/**
 * `news runs`: recent fetch runs — start, duration, sources ok/failed, items
 * new/updated, errors — newest first.
 */
import { Chalk } from 'chalk';
import { formatShortDate } from '../../render/dates.js';
import { terminalLine } from '../../render/sanitize.js';
import { RunStore, type Run } from '../../store/runs.js';
import type { Io } from '../io.js';
import { openStore } from '../open-store.js';

export async function runsCommand(options: { db?: string; limit: number; json?: boolean }, io: Io): Promise<number> {
  const { db, close } = openStore(options.db, io.env);
  try {
    const runs = new RunStore(db).recent(options.limit);
    if (options.json) io.stdout.write(`${JSON.stringify(runs, null, 2)}\n`);
    else if (runs.length === 0) io.stderr.write('no runs yet (news fetch records one each time)\n');
    else io.stdout.write(renderRuns(runs, io.color));
    return 0;
  } finally {
    close();
  }
}

function renderRuns(runs: readonly Run[], color: boolean): string {
  const style = new Chalk({ level: color ? 1 : 0 });
  const lines = [style.bold('RUN  STARTED           DURATION  STATUS       SOURCES OK/FAILED  ITEMS NEW/UPDATED')];
  for (const run of runs) {
    const duration = run.finishedAt === null ? '-' : `${((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000).toFixed(1)} s`;
    const status = run.status.padEnd(11);
    lines.push(
      [
        String(run.id).padStart(3),
        formatShortDate(run.startedAt).padEnd(16),
        duration.padStart(8),
        run.status === 'ok' ? status : style.red(status),
        `${run.sourcesOk}/${run.sourcesFailed}`.padStart(17),
        `${run.itemsNew}/${run.itemsUpdated}`.padStart(17),
      ].join('  '),
    );
    for (const error of run.errors.slice(0, 5)) lines.push(`     ${style.dim(terminalLine(error))}`);
    if (run.errors.length > 5) lines.push(`     ${style.dim(`… ${run.errors.length - 5} more (news runs --json)`)}`);
  }
  return `${lines.join('\n')}\n`;
}
