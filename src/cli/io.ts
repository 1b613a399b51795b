/**
 * Where the CLI writes: stdout for data, stderr for people. Colour is decided here,
 * once: only on a TTY, never with NO_COLOR (chalk alone ignores it), FORCE_COLOR wins.
 */
export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Colour on stdout. */
  color: boolean;
  /** Colour on stderr. */
  colorErr: boolean;
  /** stderr is a terminal (progress lines may be redrawn). */
  stderrIsTTY: boolean;
  /** stdout width in columns, or `null` when not a terminal. */
  columns: number | null;
}

export function processIo(): Io {
  const { stdout, stderr, env } = process;
  // `news list | head` closes the pipe early: that is not an error.
  for (const stream of [stdout, stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  return {
    stdout,
    stderr,
    env,
    color: wantsColor(stdout.isTTY === true, env),
    colorErr: wantsColor(stderr.isTTY === true, env),
    stderrIsTTY: stderr.isTTY === true,
    columns: stdout.isTTY === true ? stdout.columns : null,
  };
}

/** TTY and no NO_COLOR; FORCE_COLOR (non-zero) forces it on. */
export function wantsColor(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return isTTY && env['TERM'] !== 'dumb';
}
