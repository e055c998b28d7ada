import * as path from "node:path";
import type { RunningEmulator } from "../../src/emulator";
import { REPO_ROOT, type TestStack } from "../helpers/pulumi";
import { REGION } from "../helpers/seeds/base";
import type { MixedPlan } from "./mixed-plan";

export const MIXED_PROGRAM = path.join(REPO_ROOT, "test/reliability/programs/mixed");

/**
 * A stack of the mixed program, planned by `plan`, against `em` for both services: through stack
 * config, unless the given stack brings the endpoints in its environment.
 */
export async function mixedStack<S extends TestStack>(
  em: RunningEmulator,
  plan: MixedPlan,
  stack: S,
  opts: { endpointsInConfig: boolean } = { endpointsInConfig: true },
): Promise<S> {
  await stack.init({
    "aws:region": REGION,
    ...(opts.endpointsInConfig ? { "connect:endpoint": em.url, "connect:profilesEndpoint": em.url } : {}),
    "test:plan": JSON.stringify(plan),
  });
  return stack;
}
