import * as pulumi from "@pulumi/pulumi";
import * as connect from "pulumi-connect-associations";

// One program for every environment: the stack file (Pulumi.<stack>.yaml at the repository root)
// says which instance, Region and bots; `local` points at connect-emulator.
const config = new pulumi.Config();
const instanceId = config.require("instanceId");

// The self-service bot customers reach first, on Lex V2.
const ordersBot = new connect.BotAssociation("orders-bot", {
  instanceId,
  lexV2Bot: { aliasArn: config.require("ordersBotAliasArn") },
});

// A Lex V1 bot still in use by the billing flows; lexRegion defaults to the stack's Region.
const billingBot = new connect.BotAssociation("billing-bot", {
  instanceId,
  lexBot: { name: config.require("legacyLexBotName") },
});

export const botAssociations = {
  ordersBot: ordersBot.associationId,
  billingBot: billingBot.associationId,
};
