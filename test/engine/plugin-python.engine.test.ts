import { AssociateWorkspaceCommand, AssociateSecurityProfilesCommand } from "@aws-sdk/client-connect";
import { afterAll, beforeAll } from "vitest";
import {
  AGENT_USER,
  AI_AGENT,
  CC_INSTANCE,
  CC_INSTANCE_ARN,
  CC_ORDERS_ALIAS,
  INSTANCE,
  PluginWorkspace,
  SEEDED,
  WORKSPACE,
  describeExample,
  describeImport,
  describeLifecycle,
  describeReadmeProgram,
  describeTwoAccounts,
  languageTools,
  readmeBlock,
  userArn,
} from "../helpers/plugin";

/*
 * The provider plugin `connect-associations` from Python programs using the generated SDK
 * (sdk/python, pip-installed into this file's own folder beside the venv's pulumi), through the
 * real CLI and the Python language host, with the plugin installed from its tarball into this
 * file's own PULUMI_HOME.
 */

const ws = new PluginWorkspace();

beforeAll(async () => {
  languageTools();
  await Promise.all([ws.installPlugin(), ws.installPythonSdk()]);
}, 300_000);

afterAll(() => ws.remove());

describeLifecycle(ws, {
  language: "Python",
  program: "plugin-python",
  project: "plugin-python-engine-test",
  // The Python SDK exports a nested output object with its attribute names.
  outputKey: (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
});

describeImport(ws, {
  language: "Python",
  program: "plugin-python-import",
  outOfBand: async (connect) => {
    await connect.send(
      new AssociateWorkspaceCommand({
        InstanceId: INSTANCE,
        WorkspaceId: WORKSPACE,
        ResourceArns: [userArn(AGENT_USER)],
      }),
    );
    await connect.send(
      new AssociateSecurityProfilesCommand({
        InstanceId: INSTANCE,
        EntityType: "AI_AGENT",
        EntityArn: AI_AGENT,
        SecurityProfiles: [{ Id: "sp-reports" }],
      }),
    );
  },
  imports: [
    { kind: "WorkspaceAssociation", name: "agents-workspace", id: `${INSTANCE}|${WORKSPACE}` },
    // An AI agent's, not a user's: the import takes the whole set, and a user must keep one profile.
    { kind: "SecurityProfileAssociation", name: "ai-agent-profiles", id: `${INSTANCE}|AI_AGENT|${AI_AGENT}` },
  ],
  afterOutOfBand: {
    ...SEEDED,
    aiAgentProfiles: [["sp-reports"]],
    workspaceMembers: [`${WORKSPACE} ${userArn(AGENT_USER)}`],
  },
});

describeTwoAccounts(ws, {
  language: "Python",
  program: "plugin-python-accounts",
  project: "plugin-python-accounts-engine-test",
});

describeExample(ws, {
  dir: "python",
  outputs: {
    botAssociations: {
      ordersBot: `${CC_INSTANCE}|V2|${CC_ORDERS_ALIAS}`,
      billingBot: `${CC_INSTANCE}|V1|us-east-1|BillingBot`,
    },
    supervisorProfiles: ["sp-supervisor"],
    mainLine: `${CC_INSTANCE}|VOICE_PHONE_NUMBER|pn-main`,
    erasureOutcome: "deleted",
  },
  expectedAfterUp: {
    lexV1: ["us-east-1 BillingBot"],
    lexV2: [CC_ORDERS_ALIAS],
    supervisor: ["sp-agent", "sp-supervisor"],
    workspaceMembers: [],
    flows: {
      "arn:aws:connect:us-east-1:123456789012:phone-number/pn-main": `${CC_INSTANCE_ARN}/contact-flow/cf-main`,
    },
    orders: ["o-1001"],
  },
});

describeReadmeProgram(ws, {
  title: "the Python program",
  files: {
    "Pulumi.yaml": "name: connect-python\nruntime: python\n",
    "__main__.py": readmeBlock("python", "import pulumi_connect_associations"),
  },
  config: { "connect-python:instanceId": CC_INSTANCE, "connect-python:ordersBotAliasArn": CC_ORDERS_ALIAS },
  outputs: { ordersBot: `${CC_INSTANCE}|V2|${CC_ORDERS_ALIAS}` },
});
