import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import type { InstanceState } from "../../src/emulator/state";
import { callsAndErrors, resetMetrics } from "../helpers/admin";
import { emulatorWith } from "../helpers/emulator";
import { REPO_ROOT, TestStack, pulumiBinary, type StateResource } from "../helpers/pulumi";
import { INSTANCE, REGION } from "../helpers/seeds/base";
import { FLOW_A, SMS_ARN, flowArn } from "../helpers/seeds/flows";
import {
  TAKEOVER_AGENT,
  TAKEOVER_ALIAS,
  TAKEOVER_BOT,
  TAKEOVER_MEMBERS,
  TAKEOVER_PROFILES,
  TAKEOVER_VOICE,
  TAKEOVER_WORKSPACE,
  takeoverSeed,
  takeoverUserArn,
} from "../helpers/seeds/takeover";

/*
 * What a program written by `connect-associations export` does on its first `pulumi up`: every
 * association it declares already exists in AWS, exactly as declared, so the up records them all and
 * changes nothing in AWS: each create reads first and sends no mutating call.
 */

const TYPE = "pulumi-nodejs:dynamic/connect:";
const SLOW = 300_000;

/** The declared resources: one or two of each kind, in the forms a program may name them. */
const RESOURCES = [
  {
    kind: "BotAssociation",
    name: "lex-bot",
    args: { lexBot: { name: TAKEOVER_BOT }, adoptExisting: true },
  },
  {
    kind: "BotAssociation",
    name: "lex-v2-bot",
    args: { lexV2Bot: { aliasArn: TAKEOVER_ALIAS }, adoptExisting: true },
  },
  {
    kind: "WorkspaceAssociation",
    name: "workspace",
    args: { workspaceId: TAKEOVER_WORKSPACE, resourceArns: TAKEOVER_MEMBERS },
  },
  {
    kind: "FlowAssociation",
    name: "voice-flow",
    args: { resourceType: "VOICE_PHONE_NUMBER", resourceId: TAKEOVER_VOICE, flowId: FLOW_A },
  },
  {
    // The seed holds the flow by ARN, the program names it by ARN too; the voice one by id.
    kind: "FlowAssociation",
    name: "sms-flow",
    args: { resourceType: "SMS_PHONE_NUMBER", resourceId: SMS_ARN, flowId: flowArn(FLOW_A) },
  },
  {
    kind: "SecurityProfileAssociation",
    name: "user-profiles",
    args: {
      entityType: "USER",
      entityArn: takeoverUserArn("u-001"),
      securityProfileIds: TAKEOVER_PROFILES,
      exclusive: true,
    },
  },
  {
    // Not exclusive, one of the agent's two profiles: the other is left alone.
    kind: "SecurityProfileAssociation",
    name: "agent-profiles",
    args: { entityType: "AI_AGENT", entityArn: TAKEOVER_AGENT, securityProfileIds: ["sp-1"] },
  },
];

let em: RunningEmulator;
let stack: TestStack;
/** The instance as seeded, before the stack touches it. */
let seeded: InstanceState;

function instance(): InstanceState {
  const i = em.state().connect.instances[0];
  if (!i) throw new Error("seed has no instance");
  return i;
}

async function resources(): Promise<Record<string, StateResource>> {
  const all = (await stack.exportState()).deployment.resources ?? [];
  return Object.fromEntries(
    all.filter((r) => r.type.startsWith(TYPE)).map((r) => [r.urn.slice(r.urn.lastIndexOf("::") + 2), r]),
  );
}

beforeAll(async () => {
  pulumiBinary();
  em = await emulatorWith(takeoverSeed());
  seeded = structuredClone(instance());
  stack = new TestStack(path.join(REPO_ROOT, "test/engine/programs/takeover"));
  await stack.init({
    "aws:region": REGION,
    "connect:endpoint": em.url,
    "test:instanceId": INSTANCE,
    "test:resources": JSON.stringify(RESOURCES),
  });
}, SLOW);

afterAll(async () => {
  await stack?.remove();
  await em?.close();
});

describe.sequential(
  "taking over associations of every kind that AWS already holds, through the real pulumi CLI",
  () => {
    it(
      "up records all seven with zero Associate, Disassociate or Update calls: each create only reads",
      async () => {
        await resetMetrics(em);
        const r = await stack.up();
        // The seven associations and the stack itself.
        expect(r.stdout).toContain("+ 8 created");
        const { calls, errors } = await callsAndErrors(em);
        expect(Object.keys(calls).filter((op) => /^(Associate|Disassociate|Update)/.test(op))).toEqual([]);
        // One read per create, listings shared: ListBots per Lex version, one workspace listing, one
        // voice flow listing, GetFlowAssociation for the SMS number (no listing takes it), DescribeUser
        // and ListEntitySecurityProfiles per entity; the account guard checks the ARNs' account once.
        expect({ calls, errors }).toEqual({
          calls: {
            GetCallerIdentity: 1,
            ListBots: 2,
            SearchWorkspaceAssociations: 1,
            ListFlowAssociations: 1,
            GetFlowAssociation: 1,
            DescribeUser: 1,
            ListEntitySecurityProfiles: 1,
          },
          errors: {},
        });
        expect(instance()).toEqual(seeded);
      },
      SLOW,
    );

    it(
      "state holds every association, with the id and outputs a create of it would have recorded",
      async () => {
        const r = await resources();
        expect(Object.fromEntries(Object.entries(r).map(([name, x]) => [name, x.id]))).toEqual({
          "lex-bot": `${INSTANCE}|V1|${REGION}|${TAKEOVER_BOT}`,
          "lex-v2-bot": `${INSTANCE}|V2|${TAKEOVER_ALIAS}`,
          workspace: `${INSTANCE}|${TAKEOVER_WORKSPACE}`,
          "voice-flow": `${INSTANCE}|VOICE_PHONE_NUMBER|${TAKEOVER_VOICE}`,
          "sms-flow": `${INSTANCE}|SMS_PHONE_NUMBER|${SMS_ARN}`,
          "user-profiles": `${INSTANCE}|USER|${takeoverUserArn("u-001")}`,
          "agent-profiles": `${INSTANCE}|AI_AGENT|${TAKEOVER_AGENT}`,
        });
        expect(r["workspace"]?.outputs?.["resourceArns"]).toEqual([...TAKEOVER_MEMBERS].sort());
        expect(r["user-profiles"]?.outputs?.["securityProfileIds"]).toEqual(TAKEOVER_PROFILES);
        expect(r["agent-profiles"]?.outputs?.["securityProfileIds"]).toEqual(["sp-1"]);
        expect(r["sms-flow"]?.outputs?.["flowId"]).toBe(flowArn(FLOW_A));
        expect(r["lex-bot"]?.outputs?.["adoptExisting"]).toBe(true);
      },
      SLOW,
    );

    it(
      "the next preview shows no changes and calls no AWS API",
      async () => {
        await resetMetrics(em);
        const r = await stack.preview(["--expect-no-changes"]);
        expect(r.code).toBe(0);
        expect(await callsAndErrors(em)).toEqual({ calls: {}, errors: {} });
      },
      SLOW,
    );
  },
);
