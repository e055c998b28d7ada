import * as pulumi from "@pulumi/pulumi";
import * as connect from "pulumi-connect-associations";

// Every resource and the function, as a user's project has them: the packaging test copies this
// folder into a fresh project that installs the packed tarball, so each serialized provider entry
// must find the package in that project's node_modules. Ids come from the contact-center seed.
const config = new pulumi.Config();
const instanceId = config.require("instanceId");
const instanceArn = `arn:aws:connect:us-east-1:123456789012:instance/${instanceId}`;

const bot = new connect.BotAssociation("orders-bot", {
  instanceId,
  lexV2Bot: { aliasArn: "arn:aws:lex:us-east-1:123456789012:bot-alias/ORDERSBOT1/LIVEALIAS1" },
});
const agentProfiles = new connect.SecurityProfileAssociation("triage-agent", {
  instanceId,
  entityType: "AI_AGENT",
  entityArn: config.require("aiAgentArn"),
  securityProfileIds: ["sp-ai-triage"],
});
const workspace = new connect.WorkspaceAssociation("supervisors", {
  instanceId,
  workspaceId: "ws-supervisors",
  resourceArns: [`${instanceArn}/agent/u-supervisor`],
});
const mainLine = new connect.FlowAssociation("main-line", {
  instanceId,
  resourceId: "pn-main",
  resourceType: "VOICE_PHONE_NUMBER",
  flowId: "cf-main",
});
const erasure = new connect.ProfileObjectDeletion("erasure", {
  domainName: "customers",
  profileId: "0123456789abcdef0123456789abcdef",
  objectTypeName: "Order",
  profileObjectUniqueKey: config.require("objectKey"),
  verifyOnRefresh: true,
});

export const ids = {
  bot: bot.id,
  agentProfiles: agentProfiles.id,
  workspace: workspace.id,
  mainLine: mainLine.id,
  erasure: erasure.id,
};
export const erasureOutcome = erasure.outcome;
// Read once the number has its flow: the function runs in the program, not in the provider.
export const mainLineFlows = mainLine.associationId.apply(() =>
  connect.getFlowAssociations({ instanceId, resourceIds: ["pn-main"], resourceType: "VOICE_PHONE_NUMBER" }),
);
