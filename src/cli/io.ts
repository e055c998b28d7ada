/**
 * Where a subcommand writes: its result on `out` (stdout: the thing a script captures), progress
 * and diagnostics on `err` (stderr). Tests pass their own.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** The process's own streams. */
export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Exit codes of every subcommand (documented in the README): 0 done, 1 an AWS or pulumi failure, 2 bad arguments. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Bad arguments: the command prints the message and its usage, and exits 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
