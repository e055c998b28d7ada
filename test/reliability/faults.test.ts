import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { admin, emulatorWith } from "../helpers/emulator";
import { REPO_ROOT, TestStack } from "../helpers/pulumi";
import { ACCOUNT, INSTANCE, REGION } from "../helpers/seed";
import { compareStateWithEmulator } from "../helpers/state-compare";

/*
 * 20% of all AWS calls faulted (throttling, 500s, connections reset before and after the change is
 * applied, latency; fixed seed) while the real CLI creates and destroys 50 associations: no resource
 * may fail, and state must match the emulator exactly.
 */

const COUNT = 50;
const PREFIX = `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias`;
const aliases = Array.from(
  { length: COUNT },
  (_, i) => `${PREFIX}/PERFBOT${String(i).padStart(3, "0")}/TSTALIASID`,
);
const FAULTS = {
  seed: 424242,
  rules: [
    { operation: "*", kind: "throttle", rate: 0.05 },
    { operation: "*", kind: "internal", rate: 0.05 },
    { operation: "*", kind: "reset-before", rate: 0.04 },
    { operation: "*", kind: "reset-after", rate: 0.04 },
    { operation: "*", kind: "latency", rate: 0.02, latencyMs: 300 },
  ],
};

let em: RunningEmulator;
let stack: TestStack;

beforeAll(async () => {
  em = await emulatorWith({
    accountId: ACCOUNT,
    region: REGION,
    connect: { instances: [{ id: INSTANCE, lexV2BotAliases: aliases }] },
  });
  stack = new TestStack(path.join(REPO_ROOT, "test/engine/programs/many-bots"));
  await stack.init({
    "aws:region": REGION,
    "connect:endpoint": em.url,
    "test:instanceId": INSTANCE,
    "test:count": String(COUNT),
    "test:aliasPrefix": PREFIX,
  });
  await admin(em, "PUT", "/_emulator/faults", FAULTS);
});

afterAll(async () => {
  await stack?.remove();
  await em?.close();
});

interface Metrics {
  calls: Record<string, number>;
  errors: Record<string, Record<string, number>>;
}

describe("transient faults on 20% of calls", () => {
  it(`pulumi up of ${COUNT} associations: zero failed resources, state equals the emulator`, async () => {
    const r = await stack.up();
    expect(r.stdout).toContain(`+ ${COUNT + 1} created`);
    expect(compareStateWithEmulator(await stack.exportState(), em.state())).toEqual({
      orphans: [],
      missing: [],
      duplicates: [],
    });
    const m = (await admin(em, "GET", "/_emulator/metrics")) as Metrics;
    // The faults really happened: some calls were answered with injected errors, and retried.
    expect(Object.values(m.errors["AssociateBot"] ?? {}).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it("pulumi refresh under the same faults changes nothing", async () => {
    await stack.refresh();
    expect(compareStateWithEmulator(await stack.exportState(), em.state())).toEqual({
      orphans: [],
      missing: [],
      duplicates: [],
    });
    expect(em.state().connect.instances[0]?.associatedLexV2Bots).toHaveLength(COUNT);
  });

  it("pulumi destroy under the same faults leaves the emulator clean", async () => {
    await stack.destroy();
    expect(em.state().connect.instances[0]?.associatedLexV2Bots).toEqual([]);
  });
});
