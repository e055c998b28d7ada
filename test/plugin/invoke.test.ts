import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { callsOf, resetMetrics } from "../helpers/admin";
import { emulatorWith } from "../helpers/emulator";
import { INSTANCE, REGION } from "../helpers/seeds/base";
import { FLOW_B, flowArn, flowSeed, voiceArn, voiceId } from "../helpers/seeds/flows";
import { PluginUnderTest, plain, secret } from "./client";

/* Invoke of connect-associations:index:getFlowAssociations with the provider's configuration. */

let em: RunningEmulator;
let plugin: PluginUnderTest;
const TOKEN = "connect-associations:index:getFlowAssociations";

beforeAll(async () => {
  em = await emulatorWith(flowSeed({ voiceNumbers: 3, preAssociated: [0, 2] }));
  plugin = await PluginUnderTest.start();
  // No Region in the arguments: the provider's Region and endpoint serve.
  await plugin.configure({ region: REGION, endpoint: em.url });
});
afterAll(async () => {
  await plugin?.close();
  await em?.close();
});

const found = (id: string) => ({
  resourceId: voiceArn(id),
  flowId: flowArn(FLOW_B),
  resourceType: "VOICE_PHONE_NUMBER",
});

it("answers the associations of the numbers that have a flow, from one listing and one batch", async () => {
  await resetMetrics(em);
  const res = await plugin.invoke(TOKEN, {
    instanceId: INSTANCE,
    resourceIds: [voiceId(0), voiceId(1), voiceId(2)],
    resourceType: "VOICE_PHONE_NUMBER",
  });
  expect(res.getFailuresList()).toEqual([]);
  expect(plain(res.getReturn())).toEqual({ associations: [found(voiceId(0)), found(voiceId(2))] });
  expect(await callsOf(em)).toEqual({ ListFlowAssociations: 1, BatchGetFlowAssociation: 1 });
});

it("a secret argument makes the result secret", async () => {
  const res = await plugin.invoke(TOKEN, { instanceId: secret(INSTANCE), resourceIds: [voiceId(2)] });
  expect(plain(res.getReturn())).toEqual({ associations: secret([found(voiceId(2))]) });
});

it("bad arguments fail naming them, with no call; another token fails naming the function there is", async () => {
  await resetMetrics(em);
  await expect(plugin.invoke(TOKEN, { instanceId: INSTANCE, resourceIds: [""] })).rejects.toThrow(
    "getFlowAssociations: resourceIds[0]",
  );
  expect(await callsOf(em)).toEqual({});
  await expect(plugin.invoke("connect-associations:index:getBots", {})).rejects.toThrow(
    `connect-associations:index:getBots is not a function of this provider (${TOKEN})`,
  );
});
