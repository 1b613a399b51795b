/**
 * The one exit path: run the program, turn typed errors into messages and exit codes.
 * 0 all good · 1 something failed · 2 usage error. Nothing else calls process.exit.
 */
import { CommanderError } from 'commander';
import { NewsError, describeError } from '../errors.js';
import { terminalLine } from '../render/sanitize.js';
import { processIo, type Io } from './io.js';
import { buildProgram, type RunState } from './program.js';

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const state: RunState = { exitCode: 0 };
  const program = buildProgram(io, state);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return state.exitCode;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

function exitCodeFor(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // --help and --version are successful exits; help shown because a subcommand is
    // missing (`news`, `news sources`) is a usage error. Commander printed the rest.
    if (['commander.helpDisplayed', 'commander.version'].includes(error.code)) return 0;
    return 2;
  }
  // Messages can carry server text (reason phrases, content types): strip control sequences.
  if (error instanceof NewsError) {
    io.stderr.write(`news: ${terminalLine(describeError(error))}\n`);
    return error.exitCode;
  }
  io.stderr.write(`news: internal error: ${terminalLine(describeError(error))}\n`);
  if (io.env['NEWS_DEBUG'] && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return 1;
}
