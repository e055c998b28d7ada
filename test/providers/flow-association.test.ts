import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { getFlowAssociations } from "../../src/flow-association/get-flow-associations";
import { makeContext, type ProviderContext } from "../../src/runtime/context";
import { flowAssociationProvider } from "../../src/flow-association/provider";
import { emulatorWith } from "../helpers/emulator";
import { callsOf as calledOps, resetMetrics as resetOps, setFaults } from "../helpers/admin";
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
import { INSTANCE, REGION } from "../helpers/seeds/base";

let em: RunningEmulator;
let ctx: ProviderContext;
/** These tests are not about quotas: lift client-side pacing so 150 creates do not take 80 s. */
const UNPACED = { "*": { rate: 10_000, burst: 10_000 } };

beforeEach(async () => {
  em = await emulatorWith(flowSeed({ voiceNumbers: 260, preAssociated: [200, 201] }));
  ctx = makeContext({ endpoint: em.url, region: REGION, rateLimits: UNPACED });
});
afterEach(async () => em.close());

/** A provider in a fresh context, as after the engine's `configure` for a new operation. */
function provider() {
  return flowAssociationProvider(ctx);
}

async function checked(news: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = await provider().check({}, news);
  expect(r.failures ?? []).toEqual([]);
  return r.inputs as Record<string, unknown>;
}

const calls = () => calledOps(em);
const resetCalls = () => resetOps(em);
const table = () => flowTable(em);
const SMS = { instanceId: INSTANCE, resourceId: SMS_ARN, flowId: FLOW_A, resourceType: "SMS_PHONE_NUMBER" };

const voice = (i: number, flowId = FLOW_A) => ({
  instanceId: INSTANCE,
  resourceId: voiceId(i),
  flowId,
  resourceType: "VOICE_PHONE_NUMBER",
});

describe("FlowAssociation provider", () => {
  it("creates a voice association with AssociatePhoneNumberContactFlow and outputs its id", async () => {
    const r = await provider().create(await checked(voice(0)));
    const id = `${INSTANCE}|VOICE_PHONE_NUMBER|${voiceId(0)}`;
    expect(r).toEqual({
      id,
      outs: { ...voice(0), region: REGION, associationId: id },
    });
    expect(table()[voiceArn(voiceId(0))]).toBe(flowArn(FLOW_A));
    // The create reads first: the instance's voice listing shows the number without a flow.
    expect(await calls()).toEqual({ ListFlowAssociations: 1, AssociatePhoneNumberContactFlow: 1 });
  });

  it("creates an SMS association with AssociateFlow", async () => {
    await provider().create(await checked(SMS));
    expect(table()[SMS_ARN]).toBe(flowArn(FLOW_A));
    // SMS numbers are not listable (ListFlowAssociationResourceType lacks them): the create reads
    // first with GetFlowAssociation.
    expect(await calls()).toEqual({ GetFlowAssociation: 1, AssociateFlow: 1 });
  });

  it("a create of an association AWS already holds as declared makes no mutating call, whether ids or ARNs name it", async () => {
    // Numbers 200 and 201 start pointed at flow B (the seed).
    const byId = await provider().create(await checked(voice(200, FLOW_B)));
    const byArn = await provider().create(
      await checked({ ...voice(201, flowArn(FLOW_B)), resourceId: voiceArn(voiceId(201)) }),
    );
    expect([byId.id, byArn.id]).toEqual([
      `${INSTANCE}|VOICE_PHONE_NUMBER|${voiceId(200)}`,
      `${INSTANCE}|VOICE_PHONE_NUMBER|${voiceArn(voiceId(201))}`,
    ]);
    expect(byArn.outs?.["flowId"]).toBe(flowArn(FLOW_B));
    expect(await calls()).toEqual({ ListFlowAssociations: 1 });
    expect([table()[voiceArn(voiceId(200))], table()[voiceArn(voiceId(201))]]).toEqual([
      flowArn(FLOW_B),
      flowArn(FLOW_B),
    ]);
  });

  it("a create of an SMS association AWS already holds as declared makes no mutating call", async () => {
    await provider().create(await checked(SMS));
    ctx = makeContext({ endpoint: em.url, region: REGION, rateLimits: UNPACED });
    await resetCalls();
    const r = await provider().create(await checked(SMS));
    expect(r.id).toBe(`${INSTANCE}|SMS_PHONE_NUMBER|${SMS_ARN}`);
    expect(await calls()).toEqual({ GetFlowAssociation: 1 });
  });

  it("takes over a number pointing at another flow with one Associate call, and never disassociates", async () => {
    await provider().create(await checked(voice(200, FLOW_A)));
    expect(table()[voiceArn(voiceId(200))]).toBe(flowArn(FLOW_A));
    expect(await calls()).toEqual({ ListFlowAssociations: 1, AssociatePhoneNumberContactFlow: 1 });
  });

  it("re-points on a flowId update with one Associate call and no Disassociate", async () => {
    const created = await provider().create(await checked(voice(0)));
    await resetCalls();
    const r = await provider().update(created.id, created.outs ?? {}, await checked(voice(0, FLOW_B)));
    expect(r.outs?.["flowId"]).toBe(FLOW_B);
    expect(table()[voiceArn(voiceId(0))]).toBe(flowArn(FLOW_B));
    expect(await calls()).toEqual({ AssociatePhoneNumberContactFlow: 1 });
  });

  it("takes one ListFlowAssociations call for 150 creates of one operation, serves 150 reads of the next from one, and keeps the recorded ID form", async () => {
    const created = [];
    for (let i = 0; i < 150; i++) created.push(await provider().create(await checked(voice(i))));
    // Each create's write updated the operation's listing in place: the later creates read it.
    expect(await calls()).toEqual({ ListFlowAssociations: 1, AssociatePhoneNumberContactFlow: 150 });
    ctx = makeContext({ endpoint: em.url, region: REGION, rateLimits: UNPACED });
    await resetCalls();
    const reads = await Promise.all(created.map((c) => provider().read(c.id, c.outs ?? {})));
    expect(reads.map((r) => r.id)).toEqual(created.map((c) => c.id));
    expect(reads[0]?.props).toEqual(created[0]?.outs);
    expect(await calls()).toEqual({ ListFlowAssociations: 1 });
  });

  it("a create whose Associate call failed after AWS applied it leaves no stale listing: a read of the same operation lists again and finds the flow", async () => {
    await setFaults(em, {
      seed: 1,
      rules: [{ operation: "AssociatePhoneNumberContactFlow", kind: "reset-after", rate: 1, times: 1 }],
    });
    ctx = makeContext({ endpoint: em.url, region: REGION, rateLimits: UNPACED, maxAttempts: 1 });
    const inputs = await checked(voice(7));
    await expect(provider().create(inputs)).rejects.toThrow(
      `AssociatePhoneNumberContactFlow for VOICE_PHONE_NUMBER ${voiceId(7)} on instance ${INSTANCE}`,
    );
    const id = `${INSTANCE}|VOICE_PHONE_NUMBER|${voiceId(7)}`;
    expect((await provider().read(id, { ...inputs, associationId: id })).props?.["flowId"]).toBe(FLOW_A);
    expect(await calls()).toEqual({ ListFlowAssociations: 2, AssociatePhoneNumberContactFlow: 1 });
  });

  it("shows a number re-pointed out of band as the other flow (as AWS names it; in the inputs as the program named ours), and one disassociated as gone", async () => {
    const inputs = await checked(voice(1));
    const a = await provider().create(inputs);
    const b = await provider().create(await checked(voice(2)));
    await repoint(em, voiceId(1), FLOW_C);
    await provider().delete(b.id, b.outs ?? {});
    ctx = makeContext({ endpoint: em.url, region: REGION, rateLimits: UNPACED });
    const read = await provider().read(a.id, a.outs ?? {});
    expect(read.props?.["flowId"]).toBe(flowArn(FLOW_C));
    // What refresh records as the inputs: the checked inputs, with the drifted flow.
    const { __provider: _, ...checkedInputs } = inputs;
    expect(read.inputs).toEqual({ ...checkedInputs, flowId: FLOW_C });
    expect(await provider().read(b.id, b.outs ?? {})).toEqual({ id: "", props: {} });
  });

  it("reads an SMS association with GetFlowAssociation", async () => {
    const sms = await provider().create(await checked(SMS));
    await resetCalls();
    expect((await provider().read(sms.id, sms.outs ?? {})).props?.["flowId"]).toBe(FLOW_A);
    expect(await calls()).toEqual({ GetFlowAssociation: 1 });
  });

  it("deletes only its own association; a number re-pointed by someone else is left with a warning", async () => {
    const ours = await provider().create(await checked(voice(3)));
    const theirs = await provider().create(await checked(voice(4)));
    await repoint(em, voiceId(4), FLOW_C);
    await resetCalls();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      await provider().delete(ours.id, ours.outs ?? {});
      await provider().delete(theirs.id, theirs.outs ?? {});
      expect(warn.mock.calls).toEqual([
        [
          `FlowAssociation ${theirs.id}: VOICE_PHONE_NUMBER ${voiceId(4)} on instance ${INSTANCE} now points at flow ${flowArn(FLOW_C)}, not ${FLOW_A}: someone re-pointed it, so it is left in place and only removed from the stack.`,
        ],
      ]);
    } finally {
      warn.mockRestore();
    }
    expect(table()[voiceArn(voiceId(3))]).toBeUndefined();
    expect(table()[voiceArn(voiceId(4))]).toBe(flowArn(FLOW_C));
    // Each number was given by bare id: DescribePhoneNumber names its ARN, which BatchGetFlowAssociation takes.
    expect(await calls()).toEqual({
      DescribePhoneNumber: 2,
      BatchGetFlowAssociation: 2,
      DisassociatePhoneNumberContactFlow: 1,
    });
  });

  it("deletes an association already gone without error", async () => {
    const sms = await provider().create(await checked(SMS));
    await provider().delete(sms.id, sms.outs ?? {});
    await provider().delete(sms.id, sms.outs ?? {});
    expect(table()[SMS_ARN]).toBeUndefined();
  });
});

describe("getFlowAssociations", () => {
  const saved = process.env["AWS_ENDPOINT_URL_CONNECT"];
  beforeEach(() => {
    process.env["AWS_ENDPOINT_URL_CONNECT"] = em.url;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env["AWS_ENDPOINT_URL_CONNECT"];
    else process.env["AWS_ENDPOINT_URL_CONNECT"] = saved;
  });

  it("looks up 250 bare ids in one ListFlowAssociations (their ARNs) and 3 BatchGetFlowAssociation calls, returning every association found", async () => {
    for (let i = 0; i < 248; i++) {
      await repoint(em, voiceId(i), FLOW_A);
    }
    await resetCalls();
    const ids = Array.from({ length: 250 }, (_, i) => voiceId(i));
    const r = await getFlowAssociations({
      instanceId: INSTANCE,
      resourceIds: ids,
      resourceType: "VOICE_PHONE_NUMBER",
      region: REGION,
    });
    // 0-247 associated here, 200 and 201 re-pointed from the seed's flow B to A, 248 and 249 never.
    expect(r.associations).toHaveLength(248);
    expect(r.associations[0]).toEqual({
      resourceId: voiceArn(voiceId(0)),
      flowId: flowArn(FLOW_A),
      resourceType: "VOICE_PHONE_NUMBER",
    });
    expect(await calls()).toEqual({ ListFlowAssociations: 1, BatchGetFlowAssociation: 3 });
  });

  it("rejects an unknown type and an empty id, naming them, with no AWS call", async () => {
    await expect(
      getFlowAssociations({
        instanceId: INSTANCE,
        resourceIds: ["pn-1", ""],
        resourceType: "SMS_PHONE_NUMBER" as "VOICE_PHONE_NUMBER",
        region: REGION,
      }),
    ).rejects.toThrow(
      "getFlowAssociations: resourceType must be one of VOICE_PHONE_NUMBER, WHATSAPP_MESSAGING_PHONE_NUMBER, INBOUND_EMAIL, OUTBOUND_EMAIL, ANALYTICS_CONNECTOR, got 'SMS_PHONE_NUMBER'; resourceIds[1] must not be empty",
    );
    expect(await getFlowAssociations({ instanceId: INSTANCE, resourceIds: [], region: REGION })).toEqual({
      associations: [],
    });
    expect(await calls()).toEqual({});
  });
});
