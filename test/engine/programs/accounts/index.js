// A plain-JS program so the engine tests measure the engine and the provider, not a TypeScript
// compile; it uses the package exactly as a user's program does. Each resource exists only when
// its stack config is set, so one program serves every account scenario: which account it lands in
// is decided by the aws: keys alone, never by the program.
const pulumi = require("@pulumi/pulumi");
const connect = require("pulumi-connect-associations");

const cfg = new pulumi.Config("test");

const aliasArn = cfg.get("aliasArn");
if (aliasArn) {
  const bot = new connect.BotAssociation("orders", {
    instanceId: cfg.require("instanceId"),
    lexV2Bot: { aliasArn },
  });
  exports.botId = bot.id;
}

const memberArns = cfg.getObject("memberArns");
if (memberArns) {
  const members = new connect.WorkspaceAssociation("members", {
    instanceId: cfg.require("instanceId"),
    workspaceId: cfg.require("workspaceId"),
    resourceArns: memberArns,
  });
  exports.memberArns = members.resourceArns;
}

const objectKey = cfg.get("profileObjectUniqueKey");
if (objectKey) {
  const erase = new connect.ProfileObjectDeletion("erase-order", {
    domainName: cfg.require("domainName"),
    profileId: cfg.require("profileId"),
    objectTypeName: cfg.require("objectTypeName"),
    profileObjectUniqueKey: objectKey,
  });
  exports.eraseOutcome = erase.outcome;
}
