import * as pulumi from "@pulumi/pulumi";
import * as connect from "pulumi-connect-associations";

// Deletes one customer's order from Customer Profiles for an erasure ticket. The deletion runs once;
// a new ticket in `triggers` runs it again, and `verifyOnRefresh` makes `pulumi refresh` notice an
// object that came back (the next `pulumi up` deletes it again).
const config = new pulumi.Config();

const erasure = new connect.ProfileObjectDeletion("order-erasure", {
  domainName: config.require("domainName"),
  profileId: config.require("profileId"),
  objectTypeName: "Order",
  profileObjectUniqueKey: config.require("objectKey"),
  triggers: { ticket: config.require("ticket") },
  verifyOnRefresh: true,
});

export const outcome = erasure.outcome;
