// Type fixture of test/unit/bot-association-args.test.ts: a program written against the published
// types. Each `@ts-expect-error` line must be an error; an error elsewhere, or a directive with no
// error under it, fails the test (and `tsc -p tsconfig.json`).
import * as connect from "pulumi-connect-associations";

const instanceId = "8c2d3f4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
const aliasArn = "arn:aws:lex:us-east-1:123456789012:bot-alias/ORDERSBOT1/LIVEALIAS1";

// Exactly one: a Lex V2 alias, or a Lex V1 bot (plain values or Outputs).
new connect.BotAssociation("v2", { instanceId, lexV2Bot: { aliasArn } });
new connect.BotAssociation("v1", { instanceId, lexBot: { name: "BillingBot", lexRegion: "us-east-1" } });
new connect.BotAssociation("v1-output", { instanceId, lexBot: Promise.resolve({ name: "BillingBot" }) });

// Args typed ahead of the call keep the union.
const args: connect.BotAssociationArgs = { instanceId, region: "us-east-1", lexV2Bot: { aliasArn } };
new connect.BotAssociation("typed", args);

// Both: rejected.
// @ts-expect-error lexBot and lexV2Bot together
new connect.BotAssociation("both", { instanceId, lexBot: { name: "BillingBot" }, lexV2Bot: { aliasArn } });

// Neither: rejected.
// @ts-expect-error neither lexBot nor lexV2Bot
new connect.BotAssociation("neither", { instanceId });

// Neither, through a typed variable: rejected.
// @ts-expect-error neither lexBot nor lexV2Bot
const none: connect.BotAssociationArgs = { instanceId, adoptExisting: true };
void none;
