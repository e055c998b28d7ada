import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT, type RunResult, type TestStack } from "../helpers/pulumi";

/** The recovery command as a user's program has it: from the package installed in node_modules. */
export const RECOVER_CLI = path.join(
  REPO_ROOT,
  "node_modules/pulumi-connect-associations/dist/cli/recover-alias.js",
);

export interface RecoveryRun {
  /** What the recovery command printed on stderr: one line per recorded create, then a summary. */
  report: string;
  refresh: RunResult;
  up: RunResult;
}

function parses(file: string): boolean {
  try {
    JSON.parse(fs.readFileSync(file, "utf8"));
    return true;
  } catch {
    return false;
  }
}

/**
 * The file backend's blob store writes each file's `.attrs` sidecar in place (create, then write), so
 * a kill can leave it empty, and every later command then fails with "failed to load checkpoint:
 * EOF". A sidecar holds only the content type, and a missing one reads as the default: removing a
 * torn one is safe. Returns what was removed.
 */
export function removeTornSidecars(backendDir: string): string[] {
  const torn = fs
    .readdirSync(backendDir, { recursive: true, encoding: "utf8" })
    .map((f) => path.join(backendDir, f))
    .filter((f) => f.endsWith(".attrs") && fs.statSync(f).isFile() && !parses(f));
  for (const f of torn) fs.rmSync(f);
  return torn;
}

/**
 * The README's first recovery step, when the `pulumi` CLI itself was killed: repair the file
 * backend's torn sidecars, then remove the dead CLI's lock.
 */
export async function unlockAfterKill(stack: TestStack): Promise<void> {
  removeTornSidecars(path.join(stack.tmp, "backend", ".pulumi"));
  await stack.run(["cancel", "--yes"]);
}

/**
 * The rest of the README's recovery after an interrupted `pulumi up`, step by step: export the
 * state, preview, record the interrupted creates, import, refresh, up.
 */
export async function recoverInterruptedUp(stack: TestStack): Promise<RecoveryRun> {
  const state = path.join(stack.tmp, "state.json");
  const preview = path.join(stack.tmp, "preview.json");
  const recovered = path.join(stack.tmp, "recovered.json");
  await stack.run(["stack", "export", "--file", state]);
  fs.writeFileSync(preview, (await stack.run(stack.withConfig(["preview", "--json"]))).stdout);
  const r = spawnSync(process.execPath, [RECOVER_CLI, state, preview], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`recovery command exited ${r.status}: ${r.stderr}`);
  fs.writeFileSync(recovered, r.stdout);
  await stack.run(["stack", "import", "--file", recovered]);
  const refresh = await stack.refresh();
  const up = await stack.up();
  return { report: r.stderr, refresh, up };
}
