import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { emulatorWith } from "../helpers/emulator";
import { callsOf as calledOps, resetMetrics as resetOps } from "../helpers/admin";
import { flowTable, repoint } from "../helpers/flow-emulator";
import {
  FLOW_A,
  FLOW_B,
  FLOW_C,
  SMS_ARN,
  flowArn,
  flowSeed,
  voiceArn,
  voiceId,
} from "../helpers/seeds/flows";
import { REPO_ROOT, TestStack, pulumiBinary, type StateResource } from "../helpers/pulumi";
import { INSTANCE, REGION } from "../helpers/seeds/base";

const FLOW_TYPE = "pulumi-nodejs:dynamic/connect:FlowAssociation";
/** Every engine operation here handles 150 resources on 2 shared cores. */
const SLOW = 300_000;

let em: RunningEmulator;
let stack: TestStack;

const calls = () => calledOps(em);
const resetCalls = () => resetOps(em);
const table = () => flowTable(em);

async function flowResources(): Promise<StateResource[]> {
  return ((await stack.exportState()).deployment.resources ?? []).filter((r) => r.type === FLOW_TYPE);
}

beforeAll(async () => {
  pulumiBinary();
  // 260 voice numbers: the stack manages pn-000 … pn-149; pn-150 … pn-249 already point at flow B.
  em = await emulatorWith(
    flowSeed({ voiceNumbers: 260, preAssociated: Array.from({ length: 100 }, (_, i) => 150 + i) }),
  );
  stack = new TestStack(path.join(REPO_ROOT, "test/engine/programs/flows"));
  await stack.init({
    "aws:region": REGION,
    "connect:endpoint": em.url,
    "test:instanceId": INSTANCE,
    "test:voiceCount": "150",
    "test:flowId": FLOW_A,
    "test:smsNumberArn": SMS_ARN,
    "test:smsFlowId": FLOW_B,
  });
}, SLOW);

afterAll(async () => {
  await stack?.remove();
  await em?.close();
});

describe.sequential("FlowAssociation through the real pulumi CLI", () => {
  it(
    "up associates 150 voice numbers and one SMS number from one program, each through its own API",
    async () => {
      await stack.up();
      // Each create reads first: the 150 voice creates share one ListFlowAssociations listing (each
      // write updates it in place), the SMS number, which no listing takes, is read with GetFlowAssociation.
      expect(await calls()).toEqual({
        ListFlowAssociations: 1,
        GetFlowAssociation: 1,
        AssociatePhoneNumberContactFlow: 150,
        AssociateFlow: 1,
      });
      const t = table();
      expect(t[voiceArn(voiceId(0))]).toBe(flowArn(FLOW_A));
      expect(t[voiceArn(voiceId(149))]).toBe(flowArn(FLOW_A));
      expect(t[SMS_ARN]).toBe(flowArn(FLOW_B));
      const resources = await flowResources();
      expect(resources).toHaveLength(151);
      const sms = resources.find((r) => r.urn.endsWith("::sms"));
      expect(sms?.outputs?.["__provider"]).toBe(
        'exports.handler = () => require("pulumi-connect-associations/providers/runtime").entries.FlowAssociation;\n',
      );
      expect((await stack.outputs())["smsId"]).toBe(`${INSTANCE}|SMS_PHONE_NUMBER|${SMS_ARN}`);
    },
    SLOW,
  );

  it(
    "refresh at the default parallelism reads all 151 with 2 calls: one ListFlowAssociations, one GetFlowAssociation (SMS)",
    async () => {
      await resetCalls();
      await stack.refresh();
      expect(await calls()).toEqual({ ListFlowAssociations: 1, GetFlowAssociation: 1 });
      const first = (await flowResources()).find((r) => r.urn.endsWith(`::voice-${voiceId(0)}`));
      // AWS reports the flow's ARN; the recorded ID form stays, so there is nothing to change.
      expect(first?.outputs?.["flowId"]).toBe(FLOW_A);
      const again = await stack.preview(["--expect-no-changes"]);
      expect(again.code).toBe(0);
    },
    SLOW,
  );

  it(
    "changing flowId re-points in place: one Associate call, zero Disassociate calls",
    async () => {
      await stack.setConfig("test:firstFlowId", FLOW_C);
      const preview = await stack.preview();
      expect(preview.stdout).toMatch(
        /~\s+pulumi-nodejs:dynamic\/connect:FlowAssociation\s+voice-pn-000\s+update\s+\[diff: ~flowId\]/,
      );
      await resetCalls();
      await stack.up();
      expect(await calls()).toEqual({ AssociatePhoneNumberContactFlow: 1 });
      expect(table()[voiceArn(voiceId(0))]).toBe(flowArn(FLOW_C));
    },
    SLOW,
  );

  it(
    "refresh shows a number re-pointed out of band as the other flow, and up restores ours",
    async () => {
      await repoint(em, voiceId(1), FLOW_B);
      await stack.refresh();
      const drifted = (await flowResources()).find((r) => r.urn.endsWith(`::voice-${voiceId(1)}`));
      expect(drifted?.outputs?.["flowId"]).toBe(flowArn(FLOW_B));
      await resetCalls();
      await stack.up();
      expect(await calls()).toEqual({ AssociatePhoneNumberContactFlow: 1 });
      expect(table()[voiceArn(voiceId(1))]).toBe(flowArn(FLOW_A));
    },
    SLOW,
  );

  it(
    "deleting after someone else re-pointed the number leaves their flow in place, with a warning",
    async () => {
      await repoint(em, voiceId(149), FLOW_C);
      await stack.setConfig("test:voiceCount", "149");
      await resetCalls();
      const r = await stack.up();
      expect(r.stdout + r.stderr).toContain(
        `VOICE_PHONE_NUMBER ${voiceId(149)} on instance ${INSTANCE} now points at flow ${flowArn(FLOW_C)}, not ${FLOW_A}: someone re-pointed it, so it is left in place and only removed from the stack.`,
      );
      expect(await calls()).toEqual({ DescribePhoneNumber: 1, BatchGetFlowAssociation: 1 });
      expect(table()[voiceArn(voiceId(149))]).toBe(flowArn(FLOW_C));
      expect(await flowResources()).toHaveLength(150);
    },
    SLOW,
  );

  it(
    "getFlowAssociations over 250 ids returns all 250: their ARNs from one ListFlowAssociations, then 3 BatchGetFlowAssociation calls",
    async () => {
      await stack.setConfig("test:lookupCount", "250");
      await resetCalls();
      await stack.up();
      expect((await stack.outputs())["lookupFound"]).toBe(250);
      expect(await calls()).toEqual({ ListFlowAssociations: 1, BatchGetFlowAssociation: 3 });
      await stack.setConfig("test:lookupCount", "0");
    },
    SLOW,
  );

  it(
    "an unknown resource type or an empty resourceId fails preview naming the property, with zero AWS calls",
    async () => {
      await resetCalls();
      await stack.setConfig("test:smsResourceType", "SMS_NUMBER");
      const badType = await stack.preview([], { allowFailure: true });
      expect(badType.code).not.toBe(0);
      expect(badType.stdout + badType.stderr).toContain(
        "resourceType must be one of VOICE_PHONE_NUMBER, SMS_PHONE_NUMBER, WHATSAPP_MESSAGING_PHONE_NUMBER, INBOUND_EMAIL, OUTBOUND_EMAIL, ANALYTICS_CONNECTOR, got 'SMS_NUMBER'",
      );
      await stack.setConfig("test:smsResourceType", "SMS_PHONE_NUMBER");
      await stack.setConfig("test:smsNumberArn", "");
      const emptyId = await stack.preview([], { allowFailure: true });
      expect(emptyId.code).not.toBe(0);
      expect(emptyId.stdout + emptyId.stderr).toContain(
        "resource 'sms': property resourceId value {} has a problem: resourceId must not be empty",
      );
      expect(await calls()).toEqual({});
      await stack.setConfig("test:smsNumberArn", SMS_ARN);
    },
    SLOW,
  );

  it(
    "destroy removes the stack's associations and leaves everyone else's",
    async () => {
      await resetCalls();
      await stack.destroy();
      // Numbers given by bare id: DescribePhoneNumber names each one's ARN for BatchGetFlowAssociation.
      expect(await calls()).toEqual({
        DescribePhoneNumber: 149,
        BatchGetFlowAssociation: 149,
        DisassociatePhoneNumberContactFlow: 149,
        GetFlowAssociation: 1,
        DisassociateFlow: 1,
      });
      const t = table();
      expect(Object.keys(t)).toHaveLength(101);
      expect(t[voiceArn(voiceId(149))]).toBe(flowArn(FLOW_C));
      expect(t[voiceArn(voiceId(150))]).toBe(flowArn(FLOW_B));
      expect(t[voiceArn(voiceId(0))]).toBeUndefined();
    },
    SLOW,
  );
});
