import * as pulumi from "@pulumi/pulumi";
import * as connect from "pulumi-connect-associations";

// One program for every environment: the stack file (Pulumi.<stack>.yaml at the repository root)
// says which instance, Region, bots, profiles, numbers and flows; `local` points at connect-emulator.
const config = new pulumi.Config();
const instanceId = config.require("instanceId");

// Lex bots: the self-service bot customers reach first (Lex V2), and a Lex V1 bot still used by the
// billing flows (lexRegion defaults to the stack's Region).
const ordersBot = new connect.BotAssociation("orders-bot", {
  instanceId,
  lexV2Bot: { aliasArn: config.require("ordersBotAliasArn") },
});
const billingBot = new connect.BotAssociation("billing-bot", {
  instanceId,
  lexBot: { name: config.require("legacyLexBotName") },
});

// Security profiles: the triage AI agent gets exactly these (exclusive); the supervisor gets the
// supervisor profile on top of whatever else their user already has.
const triageAgentProfiles = new connect.SecurityProfileAssociation("triage-agent-profiles", {
  instanceId,
  entityType: "AI_AGENT",
  entityArn: config.require("triageAiAgentArn"),
  securityProfileIds: config.requireObject<string[]>("triageAiAgentProfileIds"),
  exclusive: true,
});
const supervisorProfiles = new connect.SecurityProfileAssociation("supervisor-profiles", {
  instanceId,
  entityType: "USER",
  entityArn: config.require("supervisorUserArn"),
  securityProfileIds: [config.require("supervisorProfileId")],
});

// The supervisors' workspace: their users and routing profile.
const supervisorsWorkspace = new connect.WorkspaceAssociation("supervisors-workspace", {
  instanceId,
  workspaceId: config.require("supervisorsWorkspaceId"),
  resourceArns: config.requireObject<string[]>("supervisorsWorkspaceMembers"),
});

// Numbers to flows: the main voice line and the SMS number both land in the main flow.
const mainFlowId = config.require("mainFlowId");
const mainLine = new connect.FlowAssociation("main-line", {
  instanceId,
  resourceId: config.require("mainNumberId"),
  resourceType: "VOICE_PHONE_NUMBER",
  flowId: mainFlowId,
});
const smsLine = new connect.FlowAssociation("sms-line", {
  instanceId,
  resourceId: config.require("smsNumberArn"),
  resourceType: "SMS_PHONE_NUMBER",
  flowId: mainFlowId,
});

// An erasure request, when the stack has one: delete the customer's object, once per ticket.
const erasure = config.getObject<{ profileId: string; objectKey: string; ticket: string }>("erasure");
const erasureRun = erasure
  ? new connect.ProfileObjectDeletion("erasure", {
      domainName: config.require("profilesDomain"),
      profileId: erasure.profileId,
      objectTypeName: "Order",
      profileObjectUniqueKey: erasure.objectKey,
      triggers: { ticket: erasure.ticket },
      verifyOnRefresh: true,
    })
  : undefined;

export const botAssociations = { ordersBot: ordersBot.associationId, billingBot: billingBot.associationId };
export const securityProfiles = {
  triageAgent: triageAgentProfiles.securityProfileIds,
  supervisor: supervisorProfiles.securityProfileIds,
};
export const supervisorsWorkspaceMembers = supervisorsWorkspace.resourceArns;
export const flows = { mainLine: mainLine.flowId, smsLine: smsLine.flowId };
export const erasureOutcome = erasureRun?.outcome;
