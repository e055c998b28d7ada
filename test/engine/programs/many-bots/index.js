// N Lex V2 bot associations on one instance, for the quota and refresh-economy tests.
const pulumi = require("@pulumi/pulumi");
const connect = require("pulumi-connect-associations");

const cfg = new pulumi.Config("test");
const instanceId = cfg.require("instanceId");
const count = cfg.requireNumber("count");
const prefix = cfg.require("aliasPrefix");

for (let i = 0; i < count; i++) {
  new connect.BotAssociation(`bot-${i}`, {
    instanceId,
    lexV2Bot: { aliasArn: `${prefix}/PERFBOT${String(i).padStart(3, "0")}/TSTALIASID` },
  });
}
