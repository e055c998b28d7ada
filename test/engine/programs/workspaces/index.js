// A plain-JS program so the engine tests measure the engine and the provider, not a TypeScript
// compile; it uses the package exactly as a user's program does. ARN lists come from stack config
// as JSON; "supervisors" exists only while test:mainArns is not null.
const pulumi = require("@pulumi/pulumi");
const connect = require("pulumi-connect-associations");

const cfg = new pulumi.Config("test");
const instanceId = cfg.require("instanceId");

const everyone = new connect.WorkspaceAssociation("everyone", {
  instanceId,
  workspaceId: cfg.require("bigWorkspaceId"),
  resourceArns: cfg.requireObject("bigArns"),
});
exports.everyoneId = everyone.id;
exports.everyoneCount = everyone.resourceArns.apply((a) => a.length);

const mainArns = cfg.getObject("mainArns");
if (mainArns !== null && mainArns !== undefined) {
  const supervisors = new connect.WorkspaceAssociation("supervisors", {
    instanceId,
    workspaceId: cfg.require("mainWorkspaceId"),
    resourceArns: mainArns,
  });
  exports.supervisorsArns = supervisors.resourceArns;
}
