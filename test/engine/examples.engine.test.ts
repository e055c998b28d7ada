import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator";
import type { EmulatorState } from "../../src/emulator/state";
import { REPO_ROOT, TestStack } from "../helpers/pulumi";
import { initFromStackFile } from "../helpers/stack-file";

// Every example's committed `local` stack, run as users run it: the real CLI, the example's own
// Pulumi.yaml and tsconfig (ts-node), against an emulator seeded like `npx connect-emulator --seed
// examples/contact-center/emulator-seed.json`. Each one must come up with the outputs below and
// destroy cleanly.
const SEED = JSON.parse(
  fs.readFileSync(path.join(REPO_ROOT, "examples/contact-center/emulator-seed.json"), "utf8"),
) as object;
const I = "8c2d3f4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
const IARN = `arn:aws:connect:us-east-1:123456789012:instance/${I}`;
const ORDERS_ALIAS = "arn:aws:lex:us-east-1:123456789012:bot-alias/ORDERSBOT1/LIVEALIAS1";

interface Example {
  /** Program folder, from the repository root. */
  dir: string;
  /** The stack file, from the repository root. */
  stackFile: string;
  outputs: Record<string, unknown>;
  /** What the emulator holds after `pulumi up`, in the example's own terms. */
  afterUp: (s: EmulatorState) => unknown;
  expectedAfterUp: unknown;
}

const inst = (s: EmulatorState) => {
  const i = s.connect.instances[0];
  if (!i) throw new Error("the seed has an instance");
  return i;
};
const orderIds = (s: EmulatorState) =>
  (s.customerProfiles.domains[0]?.profiles[0]?.objects ?? []).map(
    (o) => (o.object as { orderId: string }).orderId,
  );

const EXAMPLES: Example[] = [
  {
    dir: ".",
    stackFile: "Pulumi.local.yaml",
    outputs: {
      botAssociations: { ordersBot: `${I}|V2|${ORDERS_ALIAS}`, billingBot: `${I}|V1|us-east-1|BillingBot` },
      securityProfiles: { triageAgent: ["sp-ai-readonly", "sp-ai-triage"], supervisor: ["sp-supervisor"] },
      supervisorsWorkspaceMembers: [`${IARN}/agent/u-supervisor`, `${IARN}/routing-profile/rp-supervisors`],
      flows: { mainLine: "cf-main", smsLine: "cf-main" },
      erasureOutcome: "deleted",
    },
    afterUp: (s) => ({
      lexV2: inst(s).associatedLexV2Bots,
      supervisor: inst(s).users.find((u) => u.id === "u-supervisor")?.securityProfileIds,
      flows: inst(s).flowAssociations.length,
      orders: orderIds(s),
    }),
    expectedAfterUp: {
      lexV2: [ORDERS_ALIAS],
      supervisor: ["sp-agent", "sp-supervisor"],
      flows: 2,
      orders: ["o-1002"],
    },
  },
  {
    dir: "examples/bot-association",
    stackFile: "examples/bot-association/Pulumi.local.yaml",
    outputs: { associationId: `${I}|V2|${ORDERS_ALIAS}`, lexVersion: "V2" },
    afterUp: (s) => inst(s).associatedLexV2Bots,
    expectedAfterUp: [ORDERS_ALIAS],
  },
  {
    dir: "examples/security-profile-association",
    stackFile: "examples/security-profile-association/Pulumi.local.yaml",
    outputs: { managedProfileIds: ["sp-supervisor"] },
    afterUp: (s) => inst(s).users.find((u) => u.id === "u-supervisor")?.securityProfileIds,
    expectedAfterUp: ["sp-agent", "sp-supervisor"],
  },
  {
    dir: "examples/workspace-association",
    stackFile: "examples/workspace-association/Pulumi.local.yaml",
    outputs: { members: [`${IARN}/agent/u-supervisor`, `${IARN}/routing-profile/rp-supervisors`] },
    afterUp: (s) => inst(s).workspaceAssociations.map((w) => `${w.workspaceId} ${w.resourceArn}`),
    expectedAfterUp: [
      `ws-supervisors ${IARN}/agent/u-supervisor`,
      `ws-supervisors ${IARN}/routing-profile/rp-supervisors`,
    ],
  },
  {
    dir: "examples/flow-association",
    stackFile: "examples/flow-association/Pulumi.local.yaml",
    outputs: { associationId: `${I}|VOICE_PHONE_NUMBER|pn-main`, flowId: "cf-main" },
    afterUp: (s) => inst(s).flowAssociations.map((f) => `${f.resourceArn} ${f.flowArn}`),
    expectedAfterUp: [
      `arn:aws:connect:us-east-1:123456789012:phone-number/pn-main ${IARN}/contact-flow/cf-main`,
    ],
  },
  {
    dir: "examples/profile-object-deletion",
    stackFile: "examples/profile-object-deletion/Pulumi.local.yaml",
    outputs: { outcome: "deleted" },
    afterUp: orderIds,
    expectedAfterUp: ["o-1001"],
  },
  {
    dir: "examples/get-flow-associations",
    stackFile: "examples/get-flow-associations/Pulumi.local.yaml",
    outputs: { unroutedNumbers: ["pn-main"] },
    afterUp: (s) => inst(s).flowAssociations,
    expectedAfterUp: [],
  },
];

let em: RunningEmulator | undefined;
let stack: TestStack | undefined;
afterEach(async () => {
  await stack?.remove();
  await em?.close();
  stack = em = undefined;
});

describe.sequential("every example's local stack through the real pulumi CLI", () => {
  it("lists every example folder here", () => {
    const folders = fs
      .readdirSync(path.join(REPO_ROOT, "examples"), { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(REPO_ROOT, "examples", d.name, "index.ts")))
      .map((d) => (d.name === "contact-center" ? "." : `examples/${d.name}`))
      .sort();
    expect(EXAMPLES.map((e) => e.dir).sort()).toEqual(folders);
  });

  it.each(EXAMPLES)(
    "$dir: up gives the documented outputs, then destroy leaves no resource",
    async (ex) => {
      em = await startEmulator({ seed: SEED, quotas: "off" });
      stack = new TestStack(path.join(REPO_ROOT, ex.dir));
      await initFromStackFile(stack, path.join(REPO_ROOT, ex.stackFile), em.url);
      await stack.up();
      expect(await stack.outputs()).toEqual(ex.outputs);
      expect(ex.afterUp(em.state())).toEqual(ex.expectedAfterUp);
      await stack.destroy();
      const left = (await stack.exportState()).deployment.resources ?? [];
      expect(left).toEqual([]);
    },
    240_000,
  );
});
