import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { callsOf, resetMetrics } from "../helpers/admin";
import { emulatorWith } from "../helpers/emulator";
import { INSTANCE, INSTANCE_ARN, REGION, instanceSeed } from "../helpers/seeds/base";
import { FLOW_A, SMS_ARN, SMS_ID, flowArn } from "../helpers/seeds/flows";
import { DOMAIN, ORDER, PROFILE_A, orderKey, ordersDomain } from "../helpers/seeds/profiles";
import { PluginUnderTest, plain, urnOf } from "./client";

/*
 * `pulumi import <token> <name> <id>` through the plugin: Read with the id alone (no properties, no
 * inputs) answers the outputs and, as inputs, only the resource's input properties (the schema's
 * inputProperties of its token), so the engine records them and checks a program against them.
 */

const USER = `${INSTANCE_ARN}/agent/u-1`;
const ROUTING_PROFILE = `${INSTANCE_ARN}/routing-profile/rp-1`;
const GONE_KEY = orderKey("o-gone");

let em: RunningEmulator;
let plugin: PluginUnderTest;
beforeAll(async () => {
  em = await emulatorWith(
    instanceSeed(
      {
        users: [{ id: "u-1" }],
        routingProfiles: [{ id: "rp-1" }],
        workspaces: [{ id: "ws-main" }],
        workspaceAssociations: [ROUTING_PROFILE, USER].map((resourceArn) => ({
          workspaceId: "ws-main",
          resourceArn,
        })),
        contactFlows: [{ id: FLOW_A }],
        phoneNumbers: [{ id: SMS_ID, channel: "SMS" }],
        flowAssociations: [{ resourceType: "SMS_PHONE_NUMBER", resourceId: SMS_ARN, flowId: FLOW_A }],
      },
      { customerProfiles: { domains: [ordersDomain([{ id: PROFILE_A }])] } },
    ),
  );
  plugin = await PluginUnderTest.start();
  await plugin.configure({ region: REGION, endpoint: em.url });
});
afterAll(async () => {
  await plugin?.close();
  await em?.close();
});

it("a WorkspaceAssociation: the workspace's members from AWS, outputs and inputs alike", async () => {
  const id = `${INSTANCE}|ws-main`;
  const read = await plugin.read(urnOf("WorkspaceAssociation"), id);
  const inputs = {
    instanceId: INSTANCE,
    region: REGION,
    workspaceId: "ws-main",
    resourceArns: [USER, ROUTING_PROFILE],
  };
  expect([read.getId(), plain(read.getProperties()), plain(read.getInputs())]).toEqual([id, inputs, inputs]);
});

it("a FlowAssociation of an SMS number: associationId is an output only, not an input", async () => {
  const id = `${INSTANCE}|SMS_PHONE_NUMBER|${SMS_ARN}`;
  const read = await plugin.read(urnOf("FlowAssociation"), id);
  const inputs = {
    instanceId: INSTANCE,
    region: REGION,
    resourceType: "SMS_PHONE_NUMBER",
    resourceId: SMS_ARN,
    flowId: flowArn(FLOW_A),
  };
  expect([read.getId(), plain(read.getProperties()), plain(read.getInputs())]).toEqual([
    id,
    { ...inputs, associationId: id },
    inputs,
  ]);
});

it("a ProfileObjectDeletion of an absent object: inputs without outcome, message, executedAt; its refresh (no call) keeps them", async () => {
  const id = `${DOMAIN}|${PROFILE_A}|${ORDER}|${GONE_KEY}`;
  const urn = urnOf("ProfileObjectDeletion");
  const before = Date.now();
  const read = await plugin.read(urn, id);
  const after = Date.now();
  // What the id names, and the defaults an import records (those a program leaving them out has).
  const named = {
    domainName: DOMAIN,
    profileId: PROFILE_A,
    objectTypeName: ORDER,
    profileObjectUniqueKey: GONE_KEY,
  };
  const inputs = { ...named, region: REGION, ignoreMissing: true, verifyOnRefresh: false };
  const outputs = plain(read.getProperties());
  const { executedAt, ...rest } = outputs;
  expect([read.getId(), rest, plain(read.getInputs())]).toEqual([
    id,
    {
      ...inputs,
      outcome: "alreadyAbsent",
      message:
        "recorded by an import: GetDomain and SearchProfiles found the domain and the profile, and ListProfileObjects does not list the object",
    },
    inputs,
  ]);
  expect(rest["region"]).toBe(REGION);
  // executedAt: the time of the import, an ISO 8601 timestamp taken during the call.
  expect(typeof executedAt).toBe("string");
  const at = Date.parse(executedAt as string);
  expect([new Date(at).toISOString(), at >= before, at <= after]).toEqual([executedAt, true, true]);

  await resetMetrics(em);
  const refreshed = await plugin.read(urn, id, outputs, inputs);
  expect([refreshed.getId(), plain(refreshed.getProperties()), plain(refreshed.getInputs())]).toEqual([
    id,
    outputs,
    inputs,
  ]);
  expect(await callsOf(em)).toEqual({});
});

it("an id AWS does not hold answers an empty id; a malformed one fails naming the form", async () => {
  expect((await plugin.read(urnOf("WorkspaceAssociation"), `${INSTANCE}|ws-404`)).getId()).toBe("");
  await expect(plugin.read(urnOf("WorkspaceAssociation"), INSTANCE)).rejects.toThrow(
    `'${INSTANCE}' is not a WorkspaceAssociation id: expected <instanceId>|<workspaceId>`,
  );
});
