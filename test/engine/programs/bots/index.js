// A plain-JS program so the engine tests measure the engine and the provider, not a TypeScript
// compile; it uses the package exactly as a user's program does.
const pulumi = require("@pulumi/pulumi");
const connect = require("pulumi-connect-associations");

const cfg = new pulumi.Config("test");
const instanceId = cfg.require("instanceId");

const v1 = new connect.BotAssociation("orders-v1", {
  instanceId,
  lexBot: { name: cfg.require("lexBotName") },
});
const v2 = new connect.BotAssociation("orders-v2", {
  instanceId,
  lexV2Bot: { aliasArn: cfg.require("aliasArn") },
});

exports.v1Id = v1.id;
exports.v2Id = v2.id;
exports.v1LexRegion = v1.lexBot.apply((b) => b && b.lexRegion);
exports.v2Version = v2.lexVersion;
