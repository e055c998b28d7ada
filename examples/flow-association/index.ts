import * as pulumi from "@pulumi/pulumi";
import * as connect from "pulumi-connect-associations";

// Routes the main voice number to the main flow. Changing `mainFlowId` re-points the number in
// place, with no moment when it has no flow.
const config = new pulumi.Config();

const mainLine = new connect.FlowAssociation("main-line", {
  instanceId: config.require("instanceId"),
  resourceId: config.require("mainNumberId"),
  resourceType: "VOICE_PHONE_NUMBER",
  flowId: config.require("mainFlowId"),
});

export const associationId = mainLine.associationId;
export const flowId = mainLine.flowId;
