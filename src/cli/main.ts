/**
 * The one exit path: run the program, turn typed errors into messages and exit codes.
 * 0 all good · 1 something failed · 2 usage error. Nothing else calls process.exit.
 */
import { CommanderError } from 'commander';
import { NewsError, describeError } from '../errors.js';
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
    // Help and version are successful exits; commander already printed everything else.
    if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)) return 0;
    return 2;
  }
  if (error instanceof NewsError) {
    io.stderr.write(`news: ${describeError(error)}\n`);
    return error.exitCode;
  }
  io.stderr.write(`news: internal error: ${describeError(error)}\n`);
  if (io.env['NEWS_DEBUG'] && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return 1;
}
