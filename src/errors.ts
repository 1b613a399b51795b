/**
 * Typed errors. Stages throw these; the CLI entry (cli/main.ts) is the one place
 * that turns them into messages and exit codes.
 */

/** Base class: a failure we expected and can explain in one line. */
export class NewsError extends Error {
  override readonly name: string = 'NewsError';
  /** Exit code the CLI uses when this error ends a command. */
  readonly exitCode: number = 1;
}

/** Bad flags, arguments or values given by the user (exit 2). */
export class UsageError extends NewsError {
  override readonly name = 'UsageError';
  override readonly exitCode = 2;
}

/** A URL could not be fetched: network, status, size, type or redirect trouble. */
export class FetchError extends NewsError {
  override readonly name = 'FetchError';
  constructor(
    message: string,
    /** Machine-readable reason, e.g. `http-status`, `timeout`, `too-large`, `content-type`. */
    readonly code: string,
    /** HTTP status when the server answered, else `null`. */
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

/** The database cannot be used (newer schema than this code, corrupt file, locked). */
export class StoreError extends NewsError {
  override readonly name = 'StoreError';
}

/** Something the user asked for does not exist (an item id, a file). */
export class NotFoundError extends NewsError {
  override readonly name = 'NotFoundError';
}

/** A short, human message for any thrown value. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
