import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { callsOf, resetMetrics, seedEmulator } from "../helpers/admin";
import { emulatorWith } from "../helpers/emulator";
import { flowTable } from "../helpers/flow-emulator";
import { ALIAS_A, ALIAS_B, INSTANCE, REGION, baseSeed } from "../helpers/seeds/base";
import { FLOW_A, FLOW_B, flowArn, flowSeed, voiceArn, voiceId } from "../helpers/seeds/flows";
import { DiffResponse } from "@pulumi/pulumi/proto/provider_pb";
import { ENGINE_UNKNOWN, PluginUnderTest, kinds, plain, secret, urnOf } from "./client";

/*
 * The plugin's resource steps over real gRPC on loopback, each call a real AWS SDK call to the
 * emulator: what the engine would send, and exactly what comes back.
 */

const { DIFF_NONE: NONE, DIFF_SOME: SOME } = DiffResponse.DiffChanges;
let em: RunningEmulator;
let plugin: PluginUnderTest;
const UNPACED = { "*": { rate: 10_000, burst: 10_000 } };

beforeAll(async () => {
  em = await emulatorWith(baseSeed());
});
afterAll(async () => {
  await em?.close();
});

/**
 * Each test has its emulator reseeded and a plugin process of its own, as each engine operation has
 * (a process's reads share listings, which a reseed would leave stale).
 */
async function freshPlugin(seed: object): Promise<void> {
  await seedEmulator(em, seed);
  plugin = await PluginUnderTest.start();
  await plugin.configure({ region: REGION, endpoint: em.url, rateLimits: UNPACED });
}
afterEach(() => plugin?.close());

const bots = () => em.state().connect.instances[0]?.associatedLexV2Bots;

describe("a BotAssociation through check, create, read, diff, update and delete", () => {
  const urn = urnOf("BotAssociation", "orders-bot");
  const idA = `${INSTANCE}|V2|${ALIAS_A}`;
  const inputsA = {
    instanceId: INSTANCE,
    region: REGION,
    adoptExisting: false,
    lexV2Bot: { aliasArn: ALIAS_A },
  };
  const outputsA = { ...inputsA, lexVersion: "V2", associationId: idA };
  beforeEach(() => freshPlugin(baseSeed()));

  it("check fills in the Region and adoptExisting; create associates the alias and records the outputs", async () => {
    const checked = await plugin.check(urn, { instanceId: INSTANCE, lexV2Bot: { aliasArn: ALIAS_A } });
    expect(checked.getFailuresList()).toEqual([]);
    expect(plain(checked.getInputs())).toEqual(inputsA);
    const created = await plugin.create(urn, inputsA);
    expect(created.getId()).toBe(idA);
    expect(plain(created.getProperties())).toEqual(outputsA);
    expect(bots()).toEqual([ALIAS_A]);
  });

  it("check fails naming the property path (a nested one as a resource-level failure, as the engine shows it), with no call", async () => {
    await resetMetrics(em);
    const checked = await plugin.check(urn, { instanceId: INSTANCE, lexV2Bot: { aliasArn: "OrdersBot" } });
    expect(checked.getFailuresList().map((f) => [f.getProperty(), f.getReason()])).toEqual([
      [
        "",
        "lexV2Bot.aliasArn must match arn:<partition>:lex:<region>:<account>:bot-alias/<botId>/<aliasId>, got 'OrdersBot'",
      ],
    ]);
    expect(await callsOf(em)).toEqual({});
  });

  it("a preview create returns the inputs with the outputs unknown, and calls nothing", async () => {
    await resetMetrics(em);
    const created = await plugin.create(urn, inputsA, true);
    expect(created.getId()).toBe("");
    expect(plain(created.getProperties())).toEqual({
      ...inputsA,
      lexVersion: ENGINE_UNKNOWN,
      associationId: ENGINE_UNKNOWN,
    });
    expect(await callsOf(em)).toEqual({});
    expect(bots()).toEqual([]);
  });

  it("read of the recorded outputs answers them and their inputs; once deleted, read answers it gone", async () => {
    await plugin.create(urn, inputsA);
    const read = await plugin.read(urn, idA, outputsA, inputsA);
    expect([read.getId(), plain(read.getProperties()), plain(read.getInputs())]).toEqual([
      idA,
      outputsA,
      inputsA,
    ]);
    await plugin.delete(urn, idA, outputsA);
    expect(bots()).toEqual([]);
    const gone = await plugin.read(urn, idA, outputsA, inputsA);
    expect([gone.getId(), plain(gone.getProperties()), plain(gone.getInputs())]).toEqual(["", {}, {}]);
  });

  it("import (read with no properties) derives outputs from the id and what AWS holds, inputs being the input properties", async () => {
    await plugin.create(urn, inputsA);
    const read = await plugin.read(urn, idA);
    expect([read.getId(), plain(read.getProperties()), plain(read.getInputs())]).toEqual([
      idA,
      outputsA,
      inputsA,
    ]);
  });

  it("import of an association AWS does not hold answers an empty id", async () => {
    const read = await plugin.read(urn, `${INSTANCE}|V2|${ALIAS_B}`);
    expect(read.getId()).toBe("");
  });

  it("diff of the same inputs: no changes, every input stable, no detailed entries", async () => {
    const d = await plugin.diff(urn, idA, outputsA, inputsA, inputsA);
    expect(d.getChanges()).toBe(NONE);
    expect(d.getHasdetaileddiff()).toBe(true);
    expect(kinds(d)).toEqual({});
    expect(d.getStablesList()).toEqual(["adoptExisting", "instanceId", "lexBot", "lexV2Bot", "region"]);
  });

  it("diff and update of adoptExisting: an in-place UPDATE, and update records the new value", async () => {
    const news = { ...inputsA, adoptExisting: true };
    const d = await plugin.diff(urn, idA, outputsA, news, inputsA);
    expect([d.getChanges(), d.getReplacesList(), d.getDeletebeforereplace(), kinds(d)]).toEqual([
      SOME,
      [],
      false,
      { adoptExisting: "UPDATE" },
    ]);
    await plugin.create(urn, inputsA);
    const updated = await plugin.update(urn, idA, outputsA, news);
    expect(plain(updated.getProperties())).toEqual({ ...outputsA, adoptExisting: true });
    expect(bots()).toEqual([ALIAS_A]);
  });

  it("diff of another alias names lexV2Bot as the replacing property (UPDATE_REPLACE)", async () => {
    const d = await plugin.diff(urn, idA, outputsA, { ...inputsA, lexV2Bot: { aliasArn: ALIAS_B } }, inputsA);
    expect([
      d.getChanges(),
      d.getReplacesList(),
      d.getDeletebeforereplace(),
      kinds(d),
      d.getDiffsList(),
    ]).toEqual([SOME, ["lexV2Bot"], false, { lexV2Bot: "UPDATE_REPLACE" }, ["lexV2Bot"]]);
  });

  it("diff from a V2 bot to a V1 bot: DELETE_REPLACE of lexV2Bot and ADD_REPLACE of lexBot", async () => {
    const { lexV2Bot: _, ...v1 } = inputsA;
    const d = await plugin.diff(
      urn,
      idA,
      outputsA,
      { ...v1, lexBot: { name: "OrderBot", lexRegion: REGION } },
      inputsA,
    );
    expect([d.getReplacesList(), kinds(d)]).toEqual([
      ["lexBot", "lexV2Bot"],
      { lexBot: "ADD_REPLACE", lexV2Bot: "DELETE_REPLACE" },
    ]);
  });

  it("check and diff let an unknown value through during preview", async () => {
    const checked = await plugin.check(urn, { instanceId: ENGINE_UNKNOWN, lexV2Bot: { aliasArn: ALIAS_A } });
    expect(checked.getFailuresList()).toEqual([]);
    expect(plain(checked.getInputs())["instanceId"]).toBe(ENGINE_UNKNOWN);
    const d = await plugin.diff(urn, idA, outputsA, { ...inputsA, instanceId: ENGINE_UNKNOWN }, inputsA);
    expect([d.getReplacesList(), kinds(d)]).toEqual([["instanceId"], { instanceId: "UPDATE_REPLACE" }]);
  });
});

describe("a FlowAssociation through check, create, read, diff, update and delete", () => {
  const urn = urnOf("FlowAssociation", "main-line");
  const number = voiceId(0);
  const id = `${INSTANCE}|VOICE_PHONE_NUMBER|${number}`;
  const inputs = {
    instanceId: INSTANCE,
    region: REGION,
    resourceId: number,
    resourceType: "VOICE_PHONE_NUMBER",
    flowId: FLOW_A,
  };
  const outputs = { ...inputs, associationId: id };
  beforeEach(() => freshPlugin(flowSeed({ voiceNumbers: 2 })));

  it("create points the number at the flow; update re-points it (UPDATE flowId); delete leaves it with none", async () => {
    const checked = await plugin.check(urn, {
      instanceId: INSTANCE,
      resourceId: number,
      resourceType: "VOICE_PHONE_NUMBER",
      flowId: FLOW_A,
    });
    expect([checked.getFailuresList(), plain(checked.getInputs())]).toEqual([[], inputs]);
    const created = await plugin.create(urn, inputs);
    expect([created.getId(), plain(created.getProperties())]).toEqual([id, outputs]);
    expect(flowTable(em)).toEqual({ [voiceArn(number)]: flowArn(FLOW_A) });

    const read = await plugin.read(urn, id, outputs, inputs);
    expect([read.getId(), plain(read.getProperties()), plain(read.getInputs())]).toEqual([
      id,
      outputs,
      inputs,
    ]);

    const news = { ...inputs, flowId: FLOW_B };
    const d = await plugin.diff(urn, id, outputs, news, inputs);
    expect([d.getChanges(), d.getReplacesList(), kinds(d)]).toEqual([SOME, [], { flowId: "UPDATE" }]);
    const updated = await plugin.update(urn, id, outputs, news);
    expect(plain(updated.getProperties())).toEqual({ ...outputs, flowId: FLOW_B });
    expect(flowTable(em)).toEqual({ [voiceArn(number)]: flowArn(FLOW_B) });

    await plugin.delete(urn, id, { ...outputs, flowId: FLOW_B });
    expect(flowTable(em)).toEqual({});
    const gone = await plugin.read(urn, id, { ...outputs, flowId: FLOW_B });
    expect(gone.getId()).toBe("");
  });

  it("another number names resourceId as the replacing property", async () => {
    const d = await plugin.diff(urn, id, outputs, { ...inputs, resourceId: voiceId(1) }, inputs);
    expect([d.getReplacesList(), kinds(d)]).toEqual([["resourceId"], { resourceId: "UPDATE_REPLACE" }]);
  });

  it("a secret flowId stays secret on the same path in check, create, read and update, while AWS gets its value", async () => {
    const secretIn = { ...inputs, flowId: secret(FLOW_A) };
    const secretOut = { ...outputs, flowId: secret(FLOW_A) };
    expect(plain((await plugin.check(urn, secretIn)).getInputs())).toEqual(secretIn);
    expect(plain((await plugin.create(urn, secretIn)).getProperties())).toEqual(secretOut);
    expect(flowTable(em)).toEqual({ [voiceArn(number)]: flowArn(FLOW_A) });
    const read = await plugin.read(urn, id, secretOut, secretIn);
    expect([plain(read.getProperties()), plain(read.getInputs())]).toEqual([secretOut, secretIn]);
    const updated = await plugin.update(urn, id, secretOut, { ...inputs, flowId: secret(FLOW_B) });
    expect(plain(updated.getProperties())).toEqual({ ...outputs, flowId: secret(FLOW_B) });
    expect(flowTable(em)).toEqual({ [voiceArn(number)]: flowArn(FLOW_B) });
  });

  it("a resource the account guard refuses is not created: an instance ARN of another account", async () => {
    const foreign = `arn:aws:connect:${REGION}:999999999999:instance/${INSTANCE}`;
    await expect(plugin.create(urn, { ...inputs, instanceId: foreign })).rejects.toThrow(
      `instanceId is ${foreign}, in account 999999999999, but the stack's AWS credentials act in account 123456789012`,
    );
    expect(flowTable(em)).toEqual({});
  });
});
