import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT, type RunResult, type TestStack } from "../helpers/pulumi";

/** The recovery command as a user's program has it: from the package installed in node_modules. */
export const RECOVER_CLI = path.join(
  REPO_ROOT,
  "node_modules/pulumi-connect-associations/dist/recovery/cli.js",
);

export interface RecoveryRun {
  /** What the recovery command printed on stderr: one line per recorded create, then a summary. */
  report: string;
  refresh: RunResult;
  up: RunResult;
}

/**
 * The README's recovery after an interrupted `pulumi up`, step by step: remove the dead CLI's lock
 * (`pulumi cancel`, when the CLI itself was killed), export the state, preview, record the
 * interrupted creates, import, refresh, up.
 */
export async function recoverInterruptedUp(
  stack: TestStack,
  opts: { cliWasKilled: boolean },
): Promise<RecoveryRun> {
  if (opts.cliWasKilled) await stack.run(["cancel", "--yes"]);
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
