import { AssociateBotCommand, AssociatePhoneNumberContactFlowCommand } from "@aws-sdk/client-connect";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/pulumi";
import {
  ALIAS_B,
  CC_INSTANCE,
  CC_INSTANCE_ARN,
  CC_ORDERS_ALIAS,
  FLOW_AFTER_HOURS,
  INSTANCE,
  PluginWorkspace,
  SEEDED,
  SPARE_NUMBER,
  contactFlowArn,
  describeExample,
  describeImport,
  describeLifecycle,
  describeReadmeProgram,
  describeTwoAccounts,
  languageTools,
  phoneNumberArn,
  readmeBlock,
} from "../helpers/plugin";

/*
 * The provider plugin `connect-associations` from Pulumi YAML programs (runtime: yaml, the resources
 * by type token, the function through fn::invoke), through the real CLI and the YAML language host,
 * with the plugin installed from its tarball into this file's own PULUMI_HOME.
 */

const ws = new PluginWorkspace();

beforeAll(async () => {
  languageTools();
  await ws.installPlugin();
}, 300_000);

afterAll(() => ws.remove());

describeLifecycle(ws, {
  language: "YAML",
  program: "plugin-yaml",
  project: "plugin-yaml-engine-test",
  outputKey: (name) => name,
});

describeImport(ws, {
  language: "YAML",
  program: "plugin-yaml-import",
  outOfBand: async (connect) => {
    await connect.send(
      new AssociatePhoneNumberContactFlowCommand({
        InstanceId: INSTANCE,
        PhoneNumberId: SPARE_NUMBER,
        ContactFlowId: FLOW_AFTER_HOURS,
      }),
    );
    await connect.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: ALIAS_B } }));
  },
  imports: [
    { kind: "FlowAssociation", name: "spare-line", id: `${INSTANCE}|VOICE_PHONE_NUMBER|${SPARE_NUMBER}` },
    { kind: "BotAssociation", name: "reports-bot", id: `${INSTANCE}|V2|${ALIAS_B}` },
  ],
  afterOutOfBand: {
    ...SEEDED,
    lexV2: [ALIAS_B],
    flows: { [phoneNumberArn(SPARE_NUMBER)]: contactFlowArn(FLOW_AFTER_HOURS) },
  },
});

describeTwoAccounts(ws, {
  language: "YAML",
  program: "plugin-yaml-accounts",
  project: "plugin-yaml-accounts-engine-test",
});

it("the examples that are no TypeScript program are the yaml and python ones these plugin tests run", () => {
  const folders = fs
    .readdirSync(path.join(REPO_ROOT, "examples"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(REPO_ROOT, "examples", d.name))
    .filter(
      (dir) => fs.existsSync(path.join(dir, "Pulumi.yaml")) && !fs.existsSync(path.join(dir, "index.ts")),
    )
    .map((dir) => path.basename(dir))
    .sort();
  expect(folders).toEqual(["python", "yaml"]);
});

describeExample(ws, {
  dir: "yaml",
  outputs: {
    ordersBot: `${CC_INSTANCE}|V2|${CC_ORDERS_ALIAS}`,
    supervisorProfiles: ["sp-supervisor"],
    supervisorsWorkspaceMembers: [
      `${CC_INSTANCE_ARN}/agent/u-supervisor`,
      `${CC_INSTANCE_ARN}/routing-profile/rp-supervisors`,
    ],
    mainLine: `${CC_INSTANCE}|VOICE_PHONE_NUMBER|pn-main`,
    mainLineRouting: [
      {
        resourceId: "arn:aws:connect:us-east-1:123456789012:phone-number/pn-main",
        flowId: `${CC_INSTANCE_ARN}/contact-flow/cf-main`,
        resourceType: "VOICE_PHONE_NUMBER",
      },
    ],
  },
  expectedAfterUp: {
    lexV1: [],
    lexV2: [CC_ORDERS_ALIAS],
    supervisor: ["sp-agent", "sp-supervisor"],
    workspaceMembers: [
      `ws-supervisors ${CC_INSTANCE_ARN}/agent/u-supervisor`,
      `ws-supervisors ${CC_INSTANCE_ARN}/routing-profile/rp-supervisors`,
    ],
    flows: {
      "arn:aws:connect:us-east-1:123456789012:phone-number/pn-main": `${CC_INSTANCE_ARN}/contact-flow/cf-main`,
    },
    orders: ["o-1001", "o-1002"],
  },
});

describeReadmeProgram(ws, {
  title: "the YAML program",
  files: { "Pulumi.yaml": readmeBlock("yaml", "runtime: yaml") },
  config: { "connect-yaml:instanceId": CC_INSTANCE },
  outputs: { mainLine: `${CC_INSTANCE}|VOICE_PHONE_NUMBER|pn-main` },
});
