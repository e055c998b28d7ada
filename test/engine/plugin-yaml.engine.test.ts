import { AssociateBotCommand, AssociatePhoneNumberContactFlowCommand } from "@aws-sdk/client-connect";
import { afterAll, beforeAll } from "vitest";
import {
  ALIAS_B,
  FLOW_AFTER_HOURS,
  INSTANCE,
  PluginWorkspace,
  SEEDED,
  SPARE_NUMBER,
  contactFlowArn,
  describeExample,
  describeImport,
  describeLifecycle,
  describeTwoAccounts,
  languageTools,
  phoneNumberArn,
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

describeLifecycle(ws, { language: "YAML", program: "plugin-yaml", project: "plugin-yaml-engine-test" });

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

void describeExample;
