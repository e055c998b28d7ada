import * as path from "node:path";
import type { RunningEmulator } from "../../src/emulator";
import { REPO_ROOT, TestStack } from "../helpers/pulumi";
import { REGION } from "../helpers/seed";
import type { MixedPlan } from "./mixed-plan";

export const MIXED_PROGRAM = path.join(REPO_ROOT, "test/reliability/programs/mixed");

/** A stack of the mixed program, planned by `plan`, against `em` for both services. */
export async function mixedStack(
  em: RunningEmulator,
  plan: MixedPlan,
  stack = new TestStack(MIXED_PROGRAM),
): Promise<TestStack> {
  await stack.init({
    "aws:region": REGION,
    "connect:endpoint": em.url,
    "connect:profilesEndpoint": em.url,
    "test:plan": JSON.stringify(plan),
  });
  return stack;
}
