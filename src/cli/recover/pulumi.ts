import { spawn } from "node:child_process";

/** What one `pulumi` run left: its exit code (-1 when it could not start) and what it printed. */
export interface PulumiResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the `pulumi` CLI; tests pass a fake. */
export interface PulumiCli {
  run(args: readonly string[]): Promise<PulumiResult>;
}

/**
 * The flags every recovery command gets: the stack named on our command line, no prompt (a
 * missing passphrase fails with the CLI's message instead of waiting for input), no colour codes
 * in the lines we show.
 */
export function commonFlags(stack: string): string[] {
  return ["--stack", stack, "--non-interactive", "--color", "never"];
}

/** A command line as shown to the user. */
export function commandLine(args: readonly string[]): string {
  return ["pulumi", ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a}'`)).join(" ");
}

/**
 * The `pulumi` on `PATH`, run in `cwd` with `env` (the caller's own: its passphrase, backend and
 * AWS settings pass through unchanged). Output is collected whole: the largest is a preview's
 * JSON, a few kilobytes a resource.
 */
export function pulumiOnPath(cwd: string, env: NodeJS.ProcessEnv): PulumiCli {
  return {
    run: (args) =>
      new Promise((resolve) => {
        const child = spawn("pulumi", args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on("data", (b: Buffer) => out.push(b));
        child.stderr.on("data", (b: Buffer) => err.push(b));
        child.once("error", (e: NodeJS.ErrnoException) =>
          resolve({
            code: -1,
            stdout: "",
            stderr: e.code === "ENOENT" ? "pulumi: not found on PATH" : `pulumi: ${e.message}`,
          }),
        );
        child.once("close", (code, signal) =>
          resolve({
            code: code ?? -1,
            stdout: Buffer.concat(out).toString("utf8"),
            stderr: Buffer.concat(err).toString("utf8") + (signal ? `\npulumi: ended by ${signal}` : ""),
          }),
        );
      }),
  };
}
