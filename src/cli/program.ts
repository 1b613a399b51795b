/**
 * The command-line grammar (commander). Command modules are imported lazily inside
 * each action so `news --version` and `news list` never load the fetch/extract stack.
 */
import { Command, Option } from 'commander';
import { EXPORT_FORMAT_NAMES } from '../render/format-names.js';
import { VERSION } from '../version.js';
import { parseLang, parseNonNegativeInt, parsePositiveInt, parseSeconds, parseTimeBound } from './filters.js';
import type { Io } from './io.js';

/** `news prune` keeps this much history unless told otherwise. */
const DEFAULT_RETENTION = '90d';

const SEARCH_HELP = `
Query language:
  kinh te              words typed together are a phrase: "kinh tế", not "Kinh nghiệm … quốc tế"
  "giá vàng" bạc       several phrases (quoted, or split by AND): all must occur
  vàng OR bạc          either
  bão -lũ, bão NOT lũ  leave items out (put -- before a query that starts with -)
  nguy*                words starting with "nguy"
Case and diacritics are optional; diacritics you type rank exact matches first
("bàn" before "bán"). The newest 1,000 matches are ranked; list and export take
--search for every match.

Examples:
  news search da nang
  news search '"giá vàng" OR "lãi suất"' --lang vi --since 7d
  news search 'bão -lũ' --json
  news search --json -- '-"hà nội" hải phòng'`;

/** What an action leaves behind for main(): the exit code. */
export interface RunState {
  exitCode: number;
}

export interface GlobalOptions {
  db?: string;
}

export function buildProgram(io: Io, state: RunState): Command {
  const program = new Command('news')
    .description('Bilingual (Vietnamese/English) news aggregator: fetch, extract, store, list and export news.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--db <path>', 'SQLite database file (default: $NEWS_DB, else the XDG data dir)')
    .showHelpAfterError('(run "news --help" or "news <command> --help" for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(text),
    })
    .exitOverride();

  const run = (action: () => Promise<number>) => async () => {
    state.exitCode = await action();
  };
  const globals = (command: Command): GlobalOptions => command.optsWithGlobals<GlobalOptions>();

  program
    .command('fetch')
    .description('fetch pages or, with no URL, every subscribed source that is due; extract and store the articles')
    .argument('[url...]', 'article or listing (home/section) page URLs, http or https; none: the due sources')
    .option('--json', 'print a JSON run summary on stdout')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--no-follow', 'on listing pages, store the teasers without fetching each article')
    .addOption(new Option('--max-items <n>', 'teasers taken from each listing page').argParser(parsePositiveInt).default(30))
    .addOption(new Option('--concurrency <n>', 'requests in flight at once, all hosts together').argParser(parsePositiveInt).default(4))
    .addOption(new Option('--per-host-interval <ms>', 'least time between two requests to one host').argParser((v) => Math.min(parseNonNegativeInt(v), 3_600_000)).default(1000))
    .addOption(new Option('--timeout <seconds>', 'total time limit per request').argParser(parseSeconds).default(30))
    .addOption(new Option('--time-limit <seconds>', 'total time limit for the run').argParser(parseSeconds).default(600))
    .option('--ignore-robots', 'fetch followed links even where robots.txt disallows them')
    .option('--force', 'with no URL: fetch every source now, due or not (a host\'s Retry-After still holds)')
    .addHelpText('after', '\nExamples:\n  news fetch https://vnexpress.net/some-article-4781234.html\n  news fetch https://vnexpress.net/thoi-su --max-items 10\n  news fetch --no-follow https://tuoitre.vn/\n  news fetch --json URL1 URL2 > run.json')
    .action((urls: string[], options, command: Command) =>
      run(async () => (await import('./commands/fetch.js')).fetchCommand(urls, { ...options, ...globals(command) }, io))(),
    );

  const filterOptions = (command: Command): Command =>
    command
      .addOption(new Option('--lang <lang>', 'only items in this language (vi or en)').argParser(parseLang))
      .option('--source <source>', 'only items from this source (e.g. vnexpress.net)')
      .addOption(new Option('--since <when>', 'only items dated at or after: 24h, 7d, 2026-11-01, ISO time').argParser((v) => parseTimeBound(v)))
      .addOption(new Option('--until <when>', 'only items dated before: same forms as --since').argParser((v) => parseTimeBound(v)));

  filterOptions(
    program
      .command('list')
      .description('list stored items, newest first')
      .addOption(new Option('--limit <n>', 'at most this many items').argParser(parsePositiveInt).default(20))
      .option('--json', 'print a JSON array of items')
      .option('--all', 'every item on its own line (default: a story once, with "also: <sources>")')
      .option('--search <query>', 'only items matching a full-text query (see news search --help), newest first'),
  )
    .addHelpText('after', '\nExamples:\n  news list --lang vi --since 24h\n  news list --source vnexpress.net --json\n  news list --search "da nang" --since 7d')
    .action((options, command: Command) =>
      run(async () => (await import('./commands/list.js')).listCommand({ ...options, ...globals(command) }, io))(),
    );

  filterOptions(
    program
      .command('search')
      .description('full-text search of stored items, best match first; diacritics optional ("da nang" finds "Đà Nẵng")')
      .argument('<query...>', 'what to find (the words are joined with spaces; see the query language below)')
      .addOption(new Option('--limit <n>', 'at most this many items').argParser(parsePositiveInt).default(20))
      .option('--json', 'print a JSON array of items')
      .option('--all', 'every matching item on its own line (default: a story once, with "also: <sources>")'),
  )
    .addHelpText('after', SEARCH_HELP)
    .action((words: string[], options, command: Command) =>
      run(async () => (await import('./commands/search.js')).searchCommand(words.join(' '), { ...options, ...globals(command) }, io))(),
    );

  program
    .command('show')
    .description('show one item in full')
    .argument('<id|url>', 'item id (from news list) or its URL')
    .option('--json', 'print the item as JSON')
    .action((target: string, options, command: Command) =>
      run(async () => (await import('./commands/show.js')).showCommand(target, { ...options, ...globals(command) }, io))(),
    );

  filterOptions(
    program
      .command('export')
      .description('export a digest of stored items')
      .addOption(new Option('-f, --format <format>', 'output format').choices(EXPORT_FORMAT_NAMES).makeOptionMandatory())
      .option('-o, --output <file>', 'write to FILE atomically instead of stdout')
      .addOption(new Option('--limit <n>', 'at most this many items (default: all)').argParser(parsePositiveInt))
      .option('--search <query>', 'only items matching a full-text query (see news search --help)')
      .option('--all', 'every item (default: a story once, with the other reports as "also")'),
  )
    .addHelpText('after', '\nExamples:\n  news export --format md --lang vi --since 24h -o digest.md\n  news export --format json > items.json\n  news export --format html -o digest.html\n  news export --format atom -o feed.xml   (subscribe to the file in a feed reader)')
    .action((options, command: Command) =>
      run(async () => (await import('./commands/export.js')).exportCommand({ ...options, ...globals(command) }, io))(),
    );

  program
    .command('extract')
    .description('extract article fields from URLs or saved HTML files without storing them')
    .argument('<url|file...>', 'http(s) URLs or HTML files')
    .option('--url <url>', "the page's URL for a file (resolves links, selects site rules)")
    .option('--json', 'print a JSON array of results')
    .option('--jsonl', 'print one JSON object per line')
    .addHelpText('after', '\nExamples:\n  news extract https://tuoitre.vn/some-article.htm\n  news extract saved.html --url https://dantri.com.vn/x.htm --json')
    .action((inputs: string[], options, command: Command) =>
      run(async () => (await import('./commands/extract.js')).extractCommand(inputs, { ...options, ...globals(command) }, io))(),
    );

  const sources = program
    .command('sources')
    .description('manage subscribed sources (feeds, listing pages, pages) that news fetch checks when given no URL');
  sources
    .command('add')
    .description('subscribe to a feed, listing page or page (its kind is detected when --kind is not given)')
    .argument('<url>', 'http(s) URL of the feed or page')
    .option('--name <name>', 'a name to show (default: the feed title or site name)')
    .addOption(new Option('--lang <lang>', 'the source\'s language (vi or en), a prior for detection').argParser(parseLang))
    .addOption(new Option('--kind <kind>', 'what the URL is').choices(['feed', 'listing', 'page']))
    .option('--json', 'print the new source as JSON')
    .addHelpText('after', '\nExamples:\n  news sources add https://vnexpress.net/rss/tin-moi-nhat.rss\n  news sources add https://tuoitre.vn/thoi-su.htm --kind listing --lang vi')
    .action((url: string, options, command: Command) =>
      run(async () => (await import('./commands/sources.js')).sourcesAddCommand(url, { ...options, ...globals(command) }, io))(),
    );
  sources
    .command('list')
    .description('every source: kind, last fetch and status, items, next check')
    .option('--json', 'print the sources as a JSON array')
    .action((options, command: Command) =>
      run(async () => (await import('./commands/sources.js')).sourcesListCommand({ ...options, ...globals(command) }, io))(),
    );
  sources
    .command('remove')
    .description('unsubscribe (the items already stored stay)')
    .argument('<id|url>', 'source id (from news sources list) or URL')
    .action((target: string, options, command: Command) =>
      run(async () => (await import('./commands/sources.js')).sourcesRemoveCommand(target, { ...options, ...globals(command) }, io))(),
    );
  sources
    .command('import')
    .description('subscribe to every feed of an OPML file')
    .argument('<file>', 'an OPML file (as feed readers export)')
    .action((file: string, options, command: Command) =>
      run(async () => (await import('./commands/sources.js')).sourcesImportCommand(file, { ...options, ...globals(command) }, io))(),
    );
  sources
    .command('export')
    .description('write every source as OPML 2.0')
    .option('-o, --output <file>', 'write to FILE atomically instead of stdout')
    .action((options, command: Command) =>
      run(async () => (await import('./commands/sources.js')).sourcesExportCommand({ ...options, ...globals(command) }, io))(),
    );

  program
    .command('runs')
    .description('recent fetch runs: start, duration, sources ok/failed, items new/updated, errors')
    .addOption(new Option('--limit <n>', 'at most this many runs').argParser(parsePositiveInt).default(10))
    .option('--json', 'print the runs as a JSON array')
    .action((options, command: Command) =>
      run(async () => (await import('./commands/runs.js')).runsCommand({ ...options, ...globals(command) }, io))(),
    );

  program
    .command('prune')
    .description('delete items and run records older than a cutoff (default 90d); subscriptions stay')
    .addOption(new Option('--older-than <age>', 'a duration like 90d or 12w, or a day like 2026-01-01').argParser((v) => parseTimeBound(v)).default(undefined, '90d'))
    .option('--json', 'print the counts as JSON')
    .action((options, command: Command) =>
      run(async () =>
        (await import('./commands/prune.js')).pruneCommand({ ...options, olderThan: options.olderThan ?? parseTimeBound(DEFAULT_RETENTION), ...globals(command) }, io),
      )(),
    );

  program
    .command('demo')
    .description('serve the bundled fixture pages on 127.0.0.1 and run the real pipeline on them (offline)')
    .option('--keep', 'keep the temporary database and print its path')
    .action((options, command: Command) =>
      run(async () => (await import('./commands/demo.js')).demoCommand({ ...options, ...globals(command) }, io))(),
    );

  return program;
}
