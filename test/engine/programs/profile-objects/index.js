// A plain-JS program so the engine tests measure the engine and the provider, not a TypeScript
// compile; it uses the package exactly as a user's program does.
const pulumi = require("@pulumi/pulumi");
const connect = require("pulumi-connect-associations");

const cfg = new pulumi.Config("test");

const erase = new connect.ProfileObjectDeletion("erase-order", {
  domainName: cfg.require("domainName"),
  profileId: cfg.require("profileId"),
  objectTypeName: cfg.require("objectTypeName"),
  profileObjectUniqueKey: cfg.require("profileObjectUniqueKey"),
  triggers: cfg.getObject("triggers"),
  ignoreMissing: cfg.getBoolean("ignoreMissing"),
  verifyOnRefresh: cfg.getBoolean("verifyOnRefresh"),
});

exports.id = erase.id;
exports.outcome = erase.outcome;
exports.message = erase.message;
exports.executedAt = erase.executedAt;
