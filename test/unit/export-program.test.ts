import { describe, expect, it } from "vitest";
import { inventoryJson, type Association, type Inventory } from "../../src/cli/export/inventory";
import { declaredResources, programSource } from "../../src/cli/export/program";

const I = "arn:aws:connect:us-east-1:123456789012:instance/inst-1";
const ALIAS = "arn:aws:lex:us-east-1:123456789012:bot-alias/BOT1234567/ALIAS12345";
const NUMBER = `${I}/phone-number/pn-1`;
const SMS = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-abc";
const USER = `${I}/agent/u-1`;

function inventory(associations: Association[], labels: [string, string][] = []): Inventory {
  return { instanceId: "inst-1", region: "us-east-1", associations, labels: new Map(labels) };
}

const sample: Association[] = [
  { type: "WorkspaceAssociation", workspaceId: "ws-2", resourceArn: `${I}/agent/u-2` },
  {
    type: "FlowAssociation",
    resourceType: "VOICE_PHONE_NUMBER",
    resourceId: NUMBER,
    flowId: `${I}/contact-flow/f-1`,
  },
  { type: "BotAssociation", lexV2Bot: { aliasArn: ALIAS } },
  { type: "SecurityProfileAssociation", entityType: "USER", entityArn: USER, securityProfileId: "sp-b" },
  { type: "BotAssociation", lexBot: { name: "OrderBot", lexRegion: "eu-west-2" } },
  { type: "WorkspaceAssociation", workspaceId: "ws-2", resourceArn: `${I}/agent/u-1` },
  { type: "SecurityProfileAssociation", entityType: "USER", entityArn: USER, securityProfileId: "sp-a" },
  { type: "FlowAssociation", resourceType: "SMS_PHONE_NUMBER", resourceId: SMS, flowId: "f-2" },
];

describe("the program connect-associations export writes", () => {
  it("declares one resource per bot and flow, one per workspace and one per user, with readable names", () => {
    const labels: [string, string][] = [
      [NUMBER, "+14155550100"],
      [SMS, "+14155550199"],
      [USER, "jane.doe@example.com"],
    ];
    expect(declaredResources(inventory(sample, labels)).map((r) => [r.className, r.name])).toEqual([
      ["BotAssociation", "lex-bot-OrderBot-eu-west-2"],
      ["BotAssociation", "lex-v2-bot-BOT1234567-ALIAS12345"],
      ["WorkspaceAssociation", "workspace-ws-2"],
      ["FlowAssociation", "sms-14155550199-flow"],
      ["FlowAssociation", "voice-14155550100-flow"],
      ["SecurityProfileAssociation", "user-jane.doe-example.com-security-profiles"],
    ]);
  });

  it("gives two resources that would share a name distinct names, the same ones on every export", () => {
    const twins: Association[] = [
      {
        type: "FlowAssociation",
        resourceType: "INBOUND_EMAIL",
        resourceId: `${I}/email-address/e-1`,
        flowId: "f",
      },
      {
        type: "FlowAssociation",
        resourceType: "INBOUND_EMAIL",
        resourceId: `${I}/email-address/e-2`,
        flowId: "f",
      },
    ];
    const labels: [string, string][] = [
      [`${I}/email-address/e-1`, "support"],
      [`${I}/email-address/e-2`, "support"],
    ];
    const names = declaredResources(inventory(twins, labels)).map((r) => r.name);
    expect(names).toEqual(["inbound-email-support-flow", "inbound-email-support-flow-2"]);
    const reversed = declaredResources(inventory([...twins].reverse(), labels)).map((r) => r.name);
    expect(reversed).toEqual(names);
  });

  it("writes TypeScript that adopts bots, lists members and profiles sorted, and protects with --protect", () => {
    const bot: Association[] = [
      { type: "BotAssociation", lexBot: { name: "OrderBot", lexRegion: "us-east-1" } },
      { type: "WorkspaceAssociation", workspaceId: "ws-1", resourceArn: "arn:b" },
      { type: "WorkspaceAssociation", workspaceId: "ws-1", resourceArn: "arn:a" },
    ];
    const source = programSource(inventory(bot), { protect: true, command: "connect-associations export" });
    expect(source.split("\n").slice(4)).toEqual([
      'import * as pulumi from "@pulumi/pulumi";',
      'import * as connect from "pulumi-connect-associations";',
      "",
      "// The instance and its Region are stack config (Pulumi.<stack>.yaml): instanceId and aws:region.",
      'const instanceId = new pulumi.Config().require("instanceId");',
      "// --protect: pulumi refuses to delete these until protect is removed.",
      "const opts: pulumi.CustomResourceOptions = { protect: true };",
      "",
      'new connect.BotAssociation("lex-bot-OrderBot", {',
      "  instanceId,",
      '  lexBot: { name: "OrderBot", lexRegion: "us-east-1" },',
      "  adoptExisting: true,",
      "}, opts);",
      'new connect.WorkspaceAssociation("workspace-ws-1", {',
      "  instanceId,",
      '  workspaceId: "ws-1",',
      "  resourceArns: [",
      '    "arn:a",',
      '    "arn:b",',
      "  ],",
      "}, opts);",
      "",
    ]);
  });

  it("prints the JSON inventory in one stable order, whatever order the listings came in", () => {
    const a = inventoryJson(inventory(sample));
    const b = inventoryJson(inventory([...sample].reverse()));
    expect(b).toBe(a);
    expect((JSON.parse(a) as { associations: { type: string }[] }).associations.map((x) => x.type)).toEqual([
      "BotAssociation",
      "BotAssociation",
      "FlowAssociation",
      "FlowAssociation",
      "SecurityProfileAssociation",
      "SecurityProfileAssociation",
      "WorkspaceAssociation",
      "WorkspaceAssociation",
    ]);
  });
});
