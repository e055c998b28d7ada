import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import type { EmulatorState } from "../../src/emulator/state";
import { type EmulatorMetrics, type FaultConfig, metricsOf, setFaults } from "../helpers/admin";
import { emulatorWith } from "../helpers/emulator";
import { TestStack } from "../helpers/pulumi";
import { compareStateWithEmulator } from "../helpers/state-compare";
import { mixedPlan, mixedSeed, plannedCount } from "./mixed-plan";
import { MIXED_PROGRAM, mixedStack } from "./mixed-stack";

/*
 * 20% of all AWS calls faulted (throttling, 500s, connections reset before and after the change is
 * applied, latency, read-after-write lag; fixed seed) while the real CLI creates, refreshes and
 * destroys 50 resources of every type: no resource may fail, and state must match the emulator.
 */

const plan = mixedPlan();
const COUNT = plannedCount(plan);
const FAULTS: FaultConfig = {
  seed: 424242,
  rules: [
    { operation: "*", kind: "throttle", rate: 0.05 },
    { operation: "*", kind: "internal", rate: 0.05 },
    { operation: "*", kind: "reset-before", rate: 0.03 },
    { operation: "*", kind: "reset-after", rate: 0.03 },
    { operation: "*", kind: "latency", rate: 0.02, latencyMs: 300 },
    { operation: "*", kind: "lag", rate: 0.02, lagMs: 500 },
  ],
};
const AGREE = { orphans: [], missing: [], duplicates: [] };

let em: RunningEmulator;
let stack: TestStack;
let baseline: EmulatorState;

beforeAll(async () => {
  em = await emulatorWith(mixedSeed());
  baseline = structuredClone(em.state());
  stack = await mixedStack(em, plan, new TestStack(MIXED_PROGRAM));
  await setFaults(em, FAULTS);
});

afterAll(async () => {
  await stack?.remove();
  await em?.close();
});

const injected = (m: EmulatorMetrics, op: string): number =>
  Object.entries(m.errors[op] ?? {})
    .filter(
      ([code]) =>
        code === "ThrottlingException" ||
        code === "InternalServiceException" ||
        code === "InternalServerException",
    )
    .reduce((a, [, n]) => a + n, 0);

describe.sequential("transient faults on 20% of calls", () => {
  it(`pulumi up of ${COUNT} resources of every type: zero failed, state equals the emulator`, async () => {
    expect(COUNT).toBe(50);
    const r = await stack.up();
    expect(r.stdout).toContain(`+ ${COUNT + 1} created`);
    expect(compareStateWithEmulator(await stack.exportState(), em.state(), baseline)).toEqual(AGREE);
    const m = await metricsOf(em);
    // The faults really happened and were retried (429s and 500s are counted; the other kinds are not).
    const faulted = Object.keys(m.calls).reduce((n, op) => n + injected(m, op), 0);
    expect(faulted).toBeGreaterThan(0);
  });

  it("pulumi refresh under the same faults changes nothing", async () => {
    const before = await stack.exportState();
    await stack.refresh();
    const after = await stack.exportState();
    expect(compareStateWithEmulator(after, em.state(), baseline)).toEqual(AGREE);
    expect(after.deployment.resources?.map((r) => [r.urn, r.outputs])).toEqual(
      before.deployment.resources?.map((r) => [r.urn, r.outputs]),
    );
  });

  it("pulumi destroy under the same faults leaves the emulator as it was before the stack", async () => {
    await stack.destroy();
    const now = em.state();
    const inst = now.connect.instances[0];
    const seeded = baseline.connect.instances[0];
    expect({
      v1: inst?.associatedLexBots,
      v2: inst?.associatedLexV2Bots,
      agents: inst?.aiAgents,
      users: inst?.users,
      workspaces: inst?.workspaceAssociations,
      flows: inst?.flowAssociations,
    }).toEqual({
      v1: [],
      v2: [],
      agents: seeded?.aiAgents,
      users: seeded?.users,
      workspaces: [],
      flows: [],
    });
  });
});
