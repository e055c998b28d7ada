import * as pulumi from "@pulumi/pulumi";
import * as connect from "pulumi-connect-associations";

// Gives a supervisor the supervisor profile on top of the profiles they already have: without
// `exclusive`, the resource manages only the ids it lists, through create, update and destroy.
const config = new pulumi.Config();

const supervisor = new connect.SecurityProfileAssociation("supervisor-profiles", {
  instanceId: config.require("instanceId"),
  entityType: "USER",
  entityArn: config.require("supervisorUserArn"),
  securityProfileIds: [config.require("supervisorProfileId")],
});

export const managedProfileIds = supervisor.securityProfileIds;
