import * as pulumi from "@pulumi/pulumi";
import * as connect from "pulumi-connect-associations";

// Lets the instance's flows use the orders bot's live alias (Lex V2). The stack file says which
// instance and alias: Pulumi.local.yaml points at connect-emulator.
const config = new pulumi.Config();

const ordersBot = new connect.BotAssociation("orders-bot", {
  instanceId: config.require("instanceId"),
  lexV2Bot: { aliasArn: config.require("ordersBotAliasArn") },
});

export const associationId = ordersBot.associationId;
export const lexVersion = ordersBot.lexVersion;
