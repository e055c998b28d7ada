import * as pulumi from "@pulumi/pulumi";
import * as connect from "pulumi-connect-associations";

// An audit, no resources: which of the instance's voice numbers start no flow. getFlowAssociations
// reads with BatchGetFlowAssociation (100 numbers a call) from the program, on preview and up.
const config = new pulumi.Config();
const numberIds = config.requireObject<string[]>("voiceNumberIds");

const found = pulumi.output(
  connect.getFlowAssociations({
    instanceId: config.require("instanceId"),
    resourceIds: numberIds,
    resourceType: "VOICE_PHONE_NUMBER",
  }),
);

// AWS reports resources by ARN; numbers are listed in the stack file by id, the ARN's last segment.
export const unroutedNumbers = found.apply((f) => {
  const routed = new Set(f.associations.map((a) => a.resourceId.split("/").pop()));
  return numberIds.filter((id) => !routed.has(id));
});
