/**
 * A real headless browser for tests: Debian's Chromium (`/usr/bin/chromium`, or
 * $CHROMIUM), run with `--dump-dom` to get the DOM after the page's scripts ran.
 * When it is missing the test fails with the command that installs it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';

/** Throw a clear, actionable error when the browser is not installed. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the HTML export is checked in a real headless browser. ` +
        'Install Debian\'s package with `apt-get update && apt-get install -y chromium` (as root), ' +
        'or set CHROMIUM to a Chromium binary.',
    );
  }
}

export interface DumpOptions {
  /** Extra environment (e.g. `TZ` for the reader's time zone). */
  env?: NodeJS.ProcessEnv;
  /** Browser UI language, which sets `navigator.language` (default en-US). */
  lang?: string;
  timeoutMs?: number;
}

/** The serialised DOM of a local file after load (scripts run), as Chromium prints it. */
export function dumpDom(file: string, options: DumpOptions = {}): Promise<string> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), 'news-chromium-'));
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${profile}`,
    `--lang=${options.lang ?? 'en-US'}`,
    '--dump-dom',
    pathToFileURL(file).href,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(CHROMIUM, args, { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 45_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      rmSync(profile, { recursive: true, force: true });
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      rmSync(profile, { recursive: true, force: true });
      if (code === 0 && stdout !== '') resolve(stdout);
      else reject(new Error(`chromium exited with ${code ?? signal}: ${stderr.slice(-2000)}`));
    });
  });
}
