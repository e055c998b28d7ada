import * as pulumi from "@pulumi/pulumi";
import * as connect from "pulumi-connect-associations";

// The supervisors' workspace, for the users and routing profiles the stack file lists. The list is
// a set: reordering it is no change, and a changed list is updated in place by difference.
const config = new pulumi.Config();

const workspace = new connect.WorkspaceAssociation("supervisors-workspace", {
  instanceId: config.require("instanceId"),
  workspaceId: config.require("workspaceId"),
  resourceArns: config.requireObject<string[]>("memberArns"),
});

export const members = workspace.resourceArns;
