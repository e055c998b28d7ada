import { AssociateWorkspaceCommand, AssociateSecurityProfilesCommand } from "@aws-sdk/client-connect";
import { afterAll, beforeAll } from "vitest";
import {
  AGENT_USER,
  AI_AGENT,
  INSTANCE,
  PluginWorkspace,
  SEEDED,
  WORKSPACE,
  describeImport,
  describeLifecycle,
  describeTwoAccounts,
  languageTools,
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

describeLifecycle(ws, { language: "Python", program: "plugin-python", project: "plugin-python-engine-test" });

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
    {
      kind: "SecurityProfileAssociation",
      name: "agent-profiles",
      id: `${INSTANCE}|USER|${userArn(AGENT_USER)}`,
    },
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
