// Old state keeps working: a stack made by pulumi-connect-associations 0.1.0 (test/fixtures/state-0.1.0,
// made with commit 2352c09; see its README) is imported as it is and driven by today's code through
// the real CLI: refresh and up find nothing to change, an in-place update does exactly what it says,
// and destroy removes every association. The stored `__provider` text is 0.1.0's, which requires
// `pulumi-connect-associations/providers/runtime`: that path must keep answering.
import * as fs from "node:fs";
import * as path from "node:path";
import { AssociateBotCommand, AssociateWorkspaceCommand } from "@aws-sdk/client-connect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callsOf, resetMetrics, stateOf } from "../helpers/admin";
import { connectClient, emulatorWith } from "../helpers/emulator";
import { REPO_ROOT, TestStack, pulumiBinary, type StateResource } from "../helpers/pulumi";

const FIXTURE = path.join(REPO_ROOT, "test/fixtures/state-0.1.0");
/** The stack name of the fixture: `pulumi stack import` refuses resources of another stack. */
const STACK = "state-0-1-0";
/** The emulator URL's stand-in in stack.json and stack-config.json. */
const PLACEHOLDER = "{{EMULATOR_URL}}";
/** Every engine operation here runs eight dynamic resources on 2 shared cores. */
const SLOW = 300_000;

const INSTANCE = "4f0d8c2e-6b1a-4e3f-9a7d-2c5b8e1f0a10";
const INSTANCE_ARN = `arn:aws:connect:us-east-1:123456789012:instance/${INSTANCE}`;
const USER_1 = `${INSTANCE_ARN}/agent/u-0001`;
const USER_2 = `${INSTANCE_ARN}/agent/u-0002`;
const ROUTING_PROFILE = `${INSTANCE_ARN}/routing-profile/rp-1`;
const AI_AGENT =
  "arn:aws:wisdom:us-east-1:123456789012:ai-agent/9f0e1d2c-3b4a-4c5d-8e6f-7a8b9c0d1e2f/0a1b2c3d-4e5f-4a6b-8c7d-000000000001";
const ALIAS = "arn:aws:lex:us-east-1:123456789012:bot-alias/ORDERSBOT1/LIVEALIAS1";
const VOICE_ARN = "arn:aws:connect:us-east-1:123456789012:phone-number/pn-0001";
const SMS_ARN = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-sms0000001";
const FLOW_MAIN = `${INSTANCE_ARN}/contact-flow/flow-main`;
const FLOW_ALT = `${INSTANCE_ARN}/contact-flow/flow-alt`;
const PROFILE = "0123456789abcdef0123456789abcdef";
/** The emulator's keys of orders o-1 (deleted by the stack) and o-2. */
const ORDER_1_KEY = "bWGuFmn19CGWc60QtWCIIBRfUdlsVxYYIXqHQAZGsuM";

/** The resources of the fixture program, by name, with the `connect:` type each has. */
const RESOURCES: Record<string, string> = {
  "bot-v1": "BotAssociation",
  "bot-v2": "BotAssociation",
  "user-profiles": "SecurityProfileAssociation",
  "agent-profiles": "SecurityProfileAssociation",
  workspace: "WorkspaceAssociation",
  voice: "FlowAssociation",
  sms: "FlowAssociation",
  "erase-order": "ProfileObjectDeletion",
};
const ID: Record<string, string> = {
  "bot-v1": `${INSTANCE}|V1|us-east-1|OrderBot`,
  "bot-v2": `${INSTANCE}|V2|${ALIAS}`,
  "user-profiles": `${INSTANCE}|USER|${USER_1}`,
  "agent-profiles": `${INSTANCE}|AI_AGENT|${AI_AGENT}`,
  workspace: `${INSTANCE}|ws-main`,
  voice: `${INSTANCE}|VOICE_PHONE_NUMBER|pn-0001`,
  sms: `${INSTANCE}|SMS_PHONE_NUMBER|${SMS_ARN}`,
  "erase-order": `customers|${PROFILE}|Order|${ORDER_1_KEY}`,
};
const providerText = (kind: string): string =>
  `exports.handler = () => require("pulumi-connect-associations/providers/runtime").entries.${kind};\n`;

// The emulator's state document, as GET /_emulator/state serves it (only what this test reads is typed).
interface Entity {
  id: string;
  arn: string;
  name?: string;
}
interface InstanceState {
  id: string;
  arn: string;
  region: string;
  lexBots: { name: string; region: string }[];
  lexV2BotAliases: { arn: string; usableFrom?: number }[];
  associatedLexBots: { name: string; region: string }[];
  associatedLexV2Bots: string[];
  securityProfiles: Entity[];
  users: (Entity & { securityProfileIds: string[] })[];
  aiAgents: { arn: string; securityProfileIds: string[] }[];
  routingProfiles: Entity[];
  workspaces: Entity[];
  workspaceAssociations: { workspaceId: string; resourceArn: string; resourceType: string }[];
  phoneNumbers: (Entity & { channel: string })[];
  contactFlows: Entity[];
  emailAddresses: Entity[];
  analyticsConnectors: Entity[];
  flowAssociations: { resourceType: string; resourceArn: string; flowArn: string }[];
}
interface DomainState {
  name: string;
  region: string;
  objectTypes: { name: string; profileKeyField: string; uniqueKeyField: string }[];
  profiles: {
    id: string;
    objects: { objectTypeName: string; uniqueKey: string; object: Record<string, unknown> }[];
  }[];
}
interface EmulatorState {
  accountId: string;
  region: string;
  connect: { instances: InstanceState[] };
  customerProfiles: { domains: DomainState[] };
  clientTokens?: unknown;
}

type Emulator = Awaited<ReturnType<typeof emulatorWith>>;

function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURE, name), "utf8");
}

/**
 * The seed document that gives the emulator the catalog of a state (instances, bots, users, flows,
 * profile objects...) and what the seed format can say of its associations (security profiles,
 * flows). Bot and workspace associations have no seed form: `recreateAssociations` makes them.
 */
function seedFrom(state: EmulatorState): object {
  return {
    accountId: state.accountId,
    region: state.region,
    connect: {
      instances: state.connect.instances.map((i) => ({
        id: i.id,
        arn: i.arn,
        region: i.region,
        lexBots: i.lexBots,
        lexV2BotAliases: i.lexV2BotAliases.map((a) => a.arn),
        securityProfiles: i.securityProfiles,
        users: i.users,
        aiAgents: i.aiAgents,
        routingProfiles: i.routingProfiles,
        workspaces: i.workspaces,
        phoneNumbers: i.phoneNumbers,
        contactFlows: i.contactFlows,
        emailAddresses: i.emailAddresses,
        analyticsConnectors: i.analyticsConnectors,
        flowAssociations: i.flowAssociations.map((f) => ({
          resourceType: f.resourceType,
          resourceId: f.resourceArn,
          flowId: f.flowArn,
        })),
      })),
    },
    customerProfiles: {
      domains: state.customerProfiles.domains.map((d) => ({
        name: d.name,
        region: d.region,
        objectTypes: d.objectTypes,
        profiles: d.profiles.map((p) => ({
          id: p.id,
          objects: p.objects.map((o) => ({ objectTypeName: o.objectTypeName, object: o.object })),
        })),
      })),
    },
  };
}

/** The bot and workspace associations of a state, made through the emulator's Connect API. */
async function recreateAssociations(em: Emulator, state: EmulatorState): Promise<void> {
  const client = connectClient(em);
  for (const i of state.connect.instances) {
    for (const b of i.associatedLexBots)
      await client.send(
        new AssociateBotCommand({ InstanceId: i.id, LexBot: { Name: b.name, LexRegion: b.region } }),
      );
    for (const arn of i.associatedLexV2Bots)
      await client.send(new AssociateBotCommand({ InstanceId: i.id, LexV2Bot: { AliasArn: arn } }));
    const byWorkspace = new Map<string, string[]>();
    for (const w of i.workspaceAssociations)
      byWorkspace.set(w.workspaceId, [...(byWorkspace.get(w.workspaceId) ?? []), w.resourceArn]);
    for (const [workspaceId, arns] of byWorkspace)
      await client.send(
        new AssociateWorkspaceCommand({ InstanceId: i.id, WorkspaceId: workspaceId, ResourceArns: arns }),
      );
  }
}

/**
 * A state without what differs between two runs of the same history: recorded client tokens and
 * the moment a Lex V2 alias became usable.
 */
function comparable(state: EmulatorState): EmulatorState {
  const copy = structuredClone(state);
  delete copy.clientTokens;
  for (const i of copy.connect.instances) for (const a of i.lexV2BotAliases) delete a.usableFrom;
  // When the seed was loaded (GetDomain's CreatedAt, added after 0.1.0): a time, not an association.
  for (const d of (copy as { customerProfiles?: { domains?: { createdAt?: unknown }[] } }).customerProfiles
    ?.domains ?? [])
    delete d.createdAt;
  return copy;
}

const fixtureState = JSON.parse(readFixture("emulator-state.json")) as EmulatorState;
let em: Emulator;
let stack: TestStack;
let imported: StateResource[];

async function emulatorState(): Promise<EmulatorState> {
  return comparable((await stateOf(em)) as unknown as EmulatorState);
}

/** API calls per operation since the last reset. */
const calls = (): Promise<Record<string, number>> => callsOf(em);
const resetCalls = (): Promise<void> => resetMetrics(em);

/** The calls that change something: every operation but the reads. */
async function mutatingCalls(): Promise<Record<string, number>> {
  return Object.fromEntries(
    Object.entries(await calls()).filter(([op]) => !/^(List|Get|Describe|Search|BatchGet)/.test(op)),
  );
}

/** The dynamic resources of the stack, keyed by name, as urn/id/inputs/outputs. */
async function resources(): Promise<Record<string, StateResource>> {
  const all = (await stack.exportState()).deployment.resources ?? [];
  return dynamicByName(all);
}

function dynamicByName(all: StateResource[]): Record<string, StateResource> {
  return Object.fromEntries(
    all
      .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"))
      .map((r) => [
        r.urn.split("::").pop() ?? "",
        { urn: r.urn, type: r.type, id: r.id, inputs: r.inputs, outputs: r.outputs } as StateResource,
      ]),
  );
}

function instance(state: EmulatorState): InstanceState {
  const i = state.connect.instances[0];
  if (!i) throw new Error("no instance in the emulator state");
  return i;
}

beforeAll(async () => {
  pulumiBinary();
  em = await emulatorWith(seedFrom(fixtureState));
  await recreateAssociations(em, fixtureState);
  stack = new TestStack(FIXTURE, STACK);
  const config = JSON.parse(readFixture("stack-config.json").split(PLACEHOLDER).join(em.url)) as Record<
    string,
    string
  >;
  await stack.init(config);
  const stackFile = path.join(stack.tmp, "stack.json");
  fs.writeFileSync(stackFile, readFixture("stack.json").split(PLACEHOLDER).join(em.url));
  await stack.run(["stack", "import", "--file", stackFile]);
  imported = (await stack.exportState()).deployment.resources ?? [];
  await resetCalls();
}, SLOW);

afterAll(async () => {
  await stack?.remove();
  await em?.close();
});

describe.sequential("a stack made by 0.1.0, driven by today's code", () => {
  it("the fixture holds every association 0.1.0 made, and today's emulator holds the fixture's state", async () => {
    const i = instance(fixtureState);
    expect(i.associatedLexBots).toEqual([{ name: "OrderBot", region: "us-east-1" }]);
    expect(i.associatedLexV2Bots).toEqual([ALIAS]);
    expect(i.users.map((u) => [u.id, [...u.securityProfileIds].sort()])).toEqual([
      ["u-0001", ["sp-agent", "sp-basic", "sp-supervisor"]],
      ["u-0002", []],
    ]);
    expect(i.aiAgents.map((a) => [a.arn, a.securityProfileIds])).toEqual([[AI_AGENT, ["sp-agent"]]]);
    expect(i.workspaceAssociations).toEqual([
      { workspaceId: "ws-main", resourceArn: USER_1, resourceType: "USER" },
      { workspaceId: "ws-main", resourceArn: ROUTING_PROFILE, resourceType: "ROUTING_PROFILE" },
    ]);
    expect([...i.flowAssociations].sort((a, b) => a.resourceType.localeCompare(b.resourceType))).toEqual([
      { resourceType: "SMS_PHONE_NUMBER", resourceArn: SMS_ARN, flowArn: FLOW_MAIN },
      { resourceType: "VOICE_PHONE_NUMBER", resourceArn: VOICE_ARN, flowArn: FLOW_MAIN },
    ]);
    const profile = fixtureState.customerProfiles.domains[0]?.profiles[0];
    expect(profile?.id).toBe(PROFILE);
    expect(profile?.objects.map((o) => o.object["orderId"])).toEqual(["o-2"]);

    expect(await emulatorState()).toEqual(comparable(fixtureState));
  });

  it("the imported state is 0.1.0's: eight resources whose __provider requires providers/runtime", async () => {
    const fromFile = dynamicByName(
      (
        JSON.parse(readFixture("stack.json").split(PLACEHOLDER).join(em.url)) as {
          deployment: { resources: StateResource[] };
        }
      ).deployment.resources,
    );
    const byName = dynamicByName(imported);
    expect(byName).toEqual(fromFile);
    expect(Object.keys(byName).sort()).toEqual(Object.keys(RESOURCES).sort());
    for (const [name, kind] of Object.entries(RESOURCES)) {
      const r = byName[name];
      expect(r?.type).toBe(`pulumi-nodejs:dynamic/connect:${kind}`);
      expect(r?.id).toBe(ID[name]);
      expect(r?.inputs?.["__provider"]).toBe(providerText(kind));
      expect(r?.outputs?.["__provider"]).toBe(providerText(kind));
    }
  });

  it(
    "refresh succeeds and reports no changes; the state and the emulator stay as they were",
    async () => {
      const r = await stack.run(
        stack.withConfig(["refresh", "--yes", "--skip-preview", "--expect-no-changes"]),
      );
      expect(r.stdout).toMatch(/Resources:\s+9 unchanged/);
      expect(await resources()).toEqual(dynamicByName(imported));
      expect(await mutatingCalls()).toEqual({});
      expect(await emulatorState()).toEqual(comparable(fixtureState));
    },
    SLOW,
  );

  it(
    "up of the same program succeeds with no changes and no AWS call",
    async () => {
      await resetCalls();
      const r = await stack.up(["--expect-no-changes"]);
      expect(r.stdout).toMatch(/Resources:\s+9 unchanged/);
      expect(await calls()).toEqual({});
      expect(await emulatorState()).toEqual(comparable(fixtureState));
      const after = await resources();
      for (const [name, r0] of Object.entries(dynamicByName(imported)))
        expect({ id: after[name]?.id, outputs: after[name]?.outputs }).toEqual({
          id: r0.id,
          outputs: r0.outputs,
        });
    },
    SLOW,
  );

  it(
    "an in-place update (another flow for the voice number, one more workspace user) does exactly that",
    async () => {
      await stack.setConfig("fixture:voiceFlowId", "flow-alt");
      await stack.setConfig("fixture:extraWorkspaceArns", JSON.stringify([USER_2]));
      const preview = await stack.preview();
      expect(preview.stdout).toMatch(
        /~\s+pulumi-nodejs:dynamic\/connect:FlowAssociation\s+voice\s+update\s+\[diff: ~flowId\]/,
      );
      expect(preview.stdout).toMatch(
        /~\s+pulumi-nodejs:dynamic\/connect:WorkspaceAssociation\s+workspace\s+update\s+\[diff: ~resourceArns\]/,
      );
      expect(preview.stdout).toMatch(/Resources:\s+~ 2 to update\s+7 unchanged/);

      await resetCalls();
      const r = await stack.up();
      expect(r.stdout).toMatch(/Resources:\s+~ 2 updated\s+7 unchanged/);
      expect(await mutatingCalls()).toEqual({ AssociatePhoneNumberContactFlow: 1, AssociateWorkspace: 1 });

      const expected = comparable(fixtureState);
      const i = instance(expected);
      i.flowAssociations = i.flowAssociations.map((f) =>
        f.resourceArn === VOICE_ARN ? { ...f, flowArn: FLOW_ALT } : f,
      );
      i.workspaceAssociations.push({ workspaceId: "ws-main", resourceArn: USER_2, resourceType: "USER" });
      expect(await emulatorState()).toEqual(expected);

      const outputs = await stack.outputs();
      expect(outputs["voiceFlowId"]).toBe("flow-alt");
      // Sorted, as 0.1.0 records them.
      expect(outputs["workspaceArns"]).toEqual([USER_1, USER_2, ROUTING_PROFILE]);
      expect(outputs["ids"]).toEqual({
        botV1: ID["bot-v1"],
        botV2: ID["bot-v2"],
        userProfiles: ID["user-profiles"],
        agentProfiles: ID["agent-profiles"],
        workspace: ID["workspace"],
        voice: ID["voice"],
        sms: ID["sms"],
        erase: ID["erase-order"],
      });
    },
    SLOW,
  );

  it(
    "destroy succeeds and every association is gone; what the stack never managed stays",
    async () => {
      await resetCalls();
      const r = await stack.destroy();
      expect(r.stdout).toMatch(/Resources:\s+- 9 deleted/);
      expect(await mutatingCalls()).toEqual({
        DisassociateBot: 2,
        UpdateUserSecurityProfiles: 1,
        DisassociateSecurityProfiles: 1,
        DisassociateWorkspace: 1,
        DisassociatePhoneNumberContactFlow: 1,
        DisassociateFlow: 1,
      });

      const expected = comparable(fixtureState);
      const i = instance(expected);
      i.associatedLexBots = [];
      i.associatedLexV2Bots = [];
      i.users = i.users.map((u) => ({ ...u, securityProfileIds: u.id === "u-0001" ? ["sp-basic"] : [] }));
      i.aiAgents = i.aiAgents.map((a) => ({ ...a, securityProfileIds: [] }));
      i.workspaceAssociations = [];
      i.flowAssociations = [];
      // ProfileObjectDeletion's delete is a no-op: order o-1 stays deleted, o-2 stays.
      expect(await emulatorState()).toEqual(expected);
      expect(await resources()).toEqual({});
    },
    SLOW,
  );
});
