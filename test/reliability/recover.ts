import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT, type RunResult, type StackExport, type TestStack } from "../helpers/pulumi";

/** The package's CLI as a user's program has it: from the package installed in node_modules. */
const INSTALLED = path.join(REPO_ROOT, "node_modules/pulumi-connect-associations/dist/cli");
/** `connect-associations`, and its 0.1.0 name `connect-associations-recover` (= `connect-associations recover`). */
export const CLI = { main: path.join(INSTALLED, "main.js"), alias: path.join(INSTALLED, "recover-alias.js") };

/**
 * `connect-associations recover --stack NAME [extra]` as a user runs it: in the stack's folder, with
 * its environment (the `pulumi` on PATH, backend, passphrase, AWS settings). The stack's config goes
 * where a user's is, Pulumi.<stack>.yaml of the program folder (TestStack keeps it in a file of its
 * own, given with --config-file; TestStack.remove deletes this copy). Asynchronous: the emulator
 * runs in this process and must keep answering the preview and refresh.
 */
export function recoverStack(
  stack: TestStack,
  extra: string[] = [],
  cli: string = CLI.main,
): Promise<RunResult> {
  fs.copyFileSync(stack.configFile, path.join(stack.programDir, `Pulumi.${stack.stack}.yaml`));
  const args = cli === CLI.main ? [cli, "recover"] : [cli];
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [...args, "--stack", stack.stack, ...extra],
      { cwd: stack.programDir, env: stack.env(), maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
    ),
  );
}

const backendDir = (stack: TestStack) => path.join(stack.tmp, "backend", ".pulumi");

function filesBelow(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

/** Every file of the stack's file backend with a hash of its bytes: equal snapshots, nothing written. */
export function backendSnapshot(stack: TestStack): Record<string, string> {
  const dir = backendDir(stack);
  return Object.fromEntries(
    filesBelow(dir).map((f) => [
      f,
      createHash("sha256")
        .update(fs.readFileSync(path.join(dir, f)))
        .digest("hex"),
    ]),
  );
}

/** The lock files the backend holds on the stack (`.pulumi/locks/organization/<project>/<stack>/<uuid>.json`). */
export function lockFiles(stack: TestStack): string[] {
  return filesBelow(path.join(backendDir(stack), "locks")).filter(
    (f) => f.endsWith(".json") && path.basename(path.dirname(f)) === stack.stack,
  );
}

export interface PendingOperation {
  type: string;
  resource: { urn: string; type: string };
}

/**
 * The stack's checkpoint, read from the backend's file without the CLI: it reads the same while
 * the stack is locked or a kill left a sidecar empty (then every `pulumi` command fails).
 */
export function checkpointOf(
  stack: TestStack,
): StackExport & { deployment: { pending_operations?: PendingOperation[] } } {
  const file = filesBelow(path.join(backendDir(stack), "stacks")).find(
    (f) => path.basename(f) === `${stack.stack}.json`,
  );
  if (!file) throw new Error(`no checkpoint of ${stack.stack} under ${backendDir(stack)}/stacks`);
  const cp = JSON.parse(fs.readFileSync(path.join(backendDir(stack), "stacks", file), "utf8")) as {
    checkpoint: { latest: StackExport["deployment"] & { pending_operations?: PendingOperation[] } };
  };
  return { deployment: cp.checkpoint.latest };
}
