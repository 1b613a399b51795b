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
  follow: boolean;
  maxItems: number;
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
      follow: options.follow,
      maxItems: options.maxItems,
      onOutcome: (outcome) => {
        // --quiet keeps real errors only: a followed teaser that failed was kept from the listing.
        if (options.quiet && (outcome.ok || outcome.via !== null)) return;
        io.stderr.write(`${describeOutcome(outcome, style)}\n`);
      },
    });
    if (!options.quiet) io.stderr.write(`${summaryLine(urls.length, summary)}\n`);
    if (options.json) io.stdout.write(`${JSON.stringify(summaryDocument(summary), null, 2)}\n`);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    close();
    await closeAgent();
  }
}

function describeOutcome(outcome: UrlOutcome, style: InstanceType<typeof Chalk>): string {
  if (!outcome.ok) {
    if (outcome.via !== null) return `${style.yellow('warn')} ${terminalLine(outcome.url)}: ${terminalLine(outcome.error)} (kept the teaser)`;
    return `${style.red('fail')} ${terminalLine(outcome.url)}: ${terminalLine(outcome.error)}`;
  }
  if (outcome.kind === 'listing') {
    const what = outcome.followed > 0 ? `following ${outcome.followed} new` : 'nothing new to follow';
    return `${style.cyan('list')} ${terminalLine(outcome.finalUrl)} ${style.dim('→')} ${outcome.teasers} teasers, ${what}`;
  }
  const title = terminalLine(outcome.article.title ?? '(no title)');
  const label = outcome.status === 'new' ? style.green('new ') : style.dim('upd ');
  return `${label} ${terminalLine(outcome.finalUrl)} ${style.dim('→')} ${title}`;
}

function summaryLine(named: number, summary: Awaited<ReturnType<typeof runFetch>>): string {
  const stored = summary.outcomes.filter((o) => o.ok && o.kind === 'article').length;
  const warnings = summary.outcomes.filter((o) => !o.ok && o.via !== null).length;
  const parts = [
    `${named} URL${named === 1 ? '' : 's'}: ${stored} stored (${summary.inserted} new, ${summary.updated} updated)`,
    `${summary.failed} failed`,
  ];
  if (warnings > 0) parts.push(`${warnings} teaser link${warnings === 1 ? '' : 's'} failed (teasers kept)`);
  return parts.join(', ');
}

function summaryDocument(summary: Awaited<ReturnType<typeof runFetch>>): Record<string, unknown> {
  return {
    version: 1,
    startedAt: summary.startedAt,
    finishedAt: summary.finishedAt,
    urls: summary.outcomes.length,
    ok: summary.outcomes.filter((o) => o.ok).length,
    failed: summary.failed,
    inserted: summary.inserted,
    updated: summary.updated,
    results: summary.outcomes.map((outcome) =>
      outcome.ok
        ? {
            url: outcome.url, ok: true, kind: outcome.kind, finalUrl: outcome.finalUrl, id: outcome.id, status: outcome.status,
            title: outcome.article.title, lang: outcome.article.lang, via: outcome.via,
            ...(outcome.kind === 'listing' ? { teasers: outcome.teasers, followed: outcome.followed } : {}),
          }
        : { url: outcome.url, ok: false, error: outcome.error, code: outcome.code, httpStatus: outcome.httpStatus, via: outcome.via, teaserKept: outcome.teaserKept },
    ),
  };
}
