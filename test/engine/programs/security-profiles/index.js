// A plain-JS program so the engine tests measure the engine and the provider, not a TypeScript
// compile; it uses the package exactly as a user's program does.
const pulumi = require("@pulumi/pulumi");
const connect = require("pulumi-connect-associations");

const cfg = new pulumi.Config("test");
const instanceId = cfg.require("instanceId");

const agent = new connect.SecurityProfileAssociation("agent-profiles", {
  instanceId,
  entityType: cfg.get("agentEntityType") || "AI_AGENT",
  entityArn: cfg.require("agentArn"),
  securityProfileIds: cfg.requireObject("agentIds"),
});
exports.agentIds = agent.securityProfileIds;

// The other entities join once the first step has pinned the 25-profile create on its own.
if (cfg.getBoolean("withOthers")) {
  new connect.SecurityProfileAssociation("exclusive-profiles", {
    instanceId,
    entityType: "AI_AGENT",
    entityArn: cfg.require("strayAgentArn"),
    securityProfileIds: cfg.requireObject("exclusiveIds"),
    exclusive: true,
  });
  const user = new connect.SecurityProfileAssociation("user-profiles", {
    instanceId,
    entityType: "USER",
    entityArn: cfg.require("userArn"),
    securityProfileIds: cfg.requireObject("userIds"),
  });
  exports.userIds = user.securityProfileIds;
}
