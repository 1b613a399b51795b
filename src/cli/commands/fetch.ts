/**
 * `news fetch <url...>`: fetch, extract and store each URL; one line per URL on
 * stderr; exit 1 when any URL failed. `--json` prints the run summary on stdout.
 */
import { UsageError } from '../../errors.js';
import { closeAgent } from '../../fetch/http.js';
import { runFetch, type UrlOutcome } from '../../pipeline/fetch-run.js';
import { terminalLine } from '../../render/sanitize.js';
import type { Io } from '../io.js';
import { openStore } from '../open-store.js';
import { Chalk } from 'chalk';

export interface FetchCommandOptions {
  db?: string;
  json?: boolean;
  quiet?: boolean;
  concurrency: number;
  timeout: number;
}

export async function fetchCommand(urls: string[], options: FetchCommandOptions, io: Io): Promise<number> {
  if (urls.length === 0) {
    throw new UsageError('no URL given: news fetch <url...> (fetching saved sources is not available yet)');
  }
  const { store, close } = openStore(options.db, io.env);
  const style = new Chalk({ level: io.colorErr ? 1 : 0 });
  try {
    const summary = await runFetch(urls, {
      store,
      concurrency: options.concurrency,
      fetch: { timeoutMs: options.timeout * 1000 },
      onOutcome: (outcome) => {
        if (outcome.ok && options.quiet) return;
        io.stderr.write(`${describeOutcome(outcome, style)}\n`);
      },
    });
    if (!options.quiet) {
      const ok = summary.outcomes.length - summary.failed;
      io.stderr.write(`${urls.length} URL${urls.length === 1 ? '' : 's'}: ${ok} ok (${summary.inserted} new, ${summary.updated} updated), ${summary.failed} failed\n`);
    }
    if (options.json) io.stdout.write(`${JSON.stringify(summaryDocument(summary), null, 2)}\n`);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    close();
    await closeAgent();
  }
}

function describeOutcome(outcome: UrlOutcome, style: InstanceType<typeof Chalk>): string {
  if (!outcome.ok) return `${style.red('fail')} ${terminalLine(outcome.url)}: ${terminalLine(outcome.error)}`;
  const title = terminalLine(outcome.article.title ?? '(no title)');
  const label = outcome.status === 'new' ? style.green('new ') : style.dim('upd ');
  return `${label} ${terminalLine(outcome.finalUrl)} ${style.dim('→')} ${title}`;
}

function summaryDocument(summary: Awaited<ReturnType<typeof runFetch>>): Record<string, unknown> {
  return {
    version: 1,
    startedAt: summary.startedAt,
    finishedAt: summary.finishedAt,
    urls: summary.outcomes.length,
    ok: summary.outcomes.length - summary.failed,
    failed: summary.failed,
    inserted: summary.inserted,
    updated: summary.updated,
    results: summary.outcomes.map((outcome) =>
      outcome.ok
        ? { url: outcome.url, ok: true, finalUrl: outcome.finalUrl, id: outcome.id, status: outcome.status, title: outcome.article.title, lang: outcome.article.lang }
        : { url: outcome.url, ok: false, error: outcome.error, code: outcome.code, httpStatus: outcome.httpStatus },
    ),
  };
}
