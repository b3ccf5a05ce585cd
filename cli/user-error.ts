/**
 * A mistake the user can fix from the message alone (a bad argument, a missing folder). Commands
 * print its message without a stack trace and exit 1; a stack trace means a bug.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Error classes a command treats as the user's to fix, besides UserError. */
export type ErrorClass = abstract new (...args: never[]) => Error;

/** True for a UserError and for node:util parseArgs's errors (unknown option, missing value). */
export function isUserError(error: unknown): error is Error {
  if (error instanceof UserError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}

/**
 * Ends a command on an error: its message for a mistake of the user's (a UserError, a bad
 * argument, or one of `expected`), the stack trace for anything else, and exit code 1 either way.
 */
export function exitWithError(error: unknown, expected: readonly ErrorClass[] = []): void {
  const known = isUserError(error) || expected.some((kind) => error instanceof kind);
  const { message, stack } = error instanceof Error ? error : { message: String(error), stack: "" };
  process.stderr.write(`${known ? message : stack || message}\n`);
  process.exitCode = 1;
}
