import { awsError } from "../core/errors";
import { page } from "../core/pagination";
import type { HandlerContext, Route } from "../core/router";
import type { ConnectErrorCode } from "./errors";
import { findInstance } from "./lookup";
import { visibleAt } from "../state";

/**
 * AssociateBot / DisassociateBot / ListBots, for Lex V1 bots (name + Region) and Lex V2 bot aliases
 * (alias ARN). The bindings, constraints and errors are the model's (src/emulator/models/connect.json).
 * The model makes LexBot and LexV2Bot both optional; the API reference associates one bot per call,
 * so exactly one of them is required here.
 */

/** Connect's default quotas: 50 Lex V1 bots and 100 Lex V2 bot aliases per instance. */
export const LEX_V1_BOTS_PER_INSTANCE = 50;
export const LEX_V2_ALIASES_PER_INSTANCE = 100;
/** Page size of ListBots when MaxResults is absent. */
export const LIST_BOTS_DEFAULT_PAGE = 10;

const ONE_BOT = ["LexBot", "LexV2Bot"] as const;

interface BotInput {
  InstanceId: string;
  LexBot?: { LexRegion: string; Name: string };
  LexV2Bot?: { AliasArn?: string };
}

function associateBot(ctx: HandlerContext, raw: Record<string, unknown>): undefined {
  const input = raw as unknown as BotInput;
  const inst = findInstance(ctx, input.InstanceId);
  if (input.LexBot) {
    const { Name, LexRegion } = input.LexBot;
    if (!inst.lexBots.some((b) => b.name === Name && b.region === LexRegion && visibleAt(b, ctx.now))) {
      throw awsError("ResourceNotFoundException", `Lex bot ${Name} not found in ${LexRegion}`);
    }
    if (inst.associatedLexBots.some((b) => b.name === Name && b.region === LexRegion)) {
      throw awsError(
        "ResourceConflictException",
        `Lex bot ${Name} (${LexRegion}) is already associated with the instance`,
      );
    }
    if (inst.associatedLexBots.length >= LEX_V1_BOTS_PER_INSTANCE) {
      throw awsError(
        "ServiceQuotaExceededException",
        `The instance already has ${LEX_V1_BOTS_PER_INSTANCE} Lex bots`,
      );
    }
    inst.associatedLexBots.push({ name: Name, region: LexRegion });
    return undefined;
  }
  const aliasArn = input.LexV2Bot?.AliasArn;
  if (aliasArn === undefined) throw awsError("InvalidRequestException", "LexV2Bot.AliasArn is required");
  // An alias still propagating (visibleAfterMs) is not found: the AssociateBot reference names no
  // other error for it. propagationDelayMs below is the emulator's separate case of an alias whose
  // resource policy has not reached Connect yet.
  const alias = inst.lexV2BotAliases.find((a) => a.arn === aliasArn && visibleAt(a, ctx.now));
  if (!alias) throw awsError("ResourceNotFoundException", `Lex V2 bot alias not found: ${aliasArn}`);
  if (ctx.now < alias.usableFrom) {
    // What Connect answers while the alias's resource-based policy has not yet propagated.
    throw awsError(
      "InvalidRequestException",
      `Amazon Connect is not yet authorized to use ${aliasArn}: its resource-based policy is still propagating`,
    );
  }
  if (inst.associatedLexV2Bots.includes(aliasArn)) {
    throw awsError(
      "ResourceConflictException",
      `Lex V2 bot alias ${aliasArn} is already associated with the instance`,
    );
  }
  if (inst.associatedLexV2Bots.length >= LEX_V2_ALIASES_PER_INSTANCE) {
    throw awsError(
      "ServiceQuotaExceededException",
      `The instance already has ${LEX_V2_ALIASES_PER_INSTANCE} Lex V2 bot aliases`,
    );
  }
  inst.associatedLexV2Bots.push(aliasArn);
  return undefined;
}

function disassociateBot(ctx: HandlerContext, raw: Record<string, unknown>): undefined {
  const input = raw as unknown as BotInput;
  const inst = findInstance(ctx, input.InstanceId);
  if (input.LexBot) {
    const { Name, LexRegion } = input.LexBot;
    const at = inst.associatedLexBots.findIndex((b) => b.name === Name && b.region === LexRegion);
    if (at < 0)
      throw awsError(
        "ResourceNotFoundException",
        `Lex bot ${Name} (${LexRegion}) is not associated with the instance`,
      );
    inst.associatedLexBots.splice(at, 1);
    return undefined;
  }
  const aliasArn = input.LexV2Bot?.AliasArn ?? "";
  const at = inst.associatedLexV2Bots.indexOf(aliasArn);
  if (at < 0)
    throw awsError(
      "ResourceNotFoundException",
      `Lex V2 bot alias ${aliasArn} is not associated with the instance`,
    );
  inst.associatedLexV2Bots.splice(at, 1);
  return undefined;
}

function listBots(ctx: HandlerContext, raw: Record<string, unknown>): object {
  const input = raw as {
    InstanceId: string;
    LexVersion: "V1" | "V2";
    MaxResults?: number;
    NextToken?: string;
  };
  const inst = findInstance(ctx, input.InstanceId);
  const all: object[] =
    input.LexVersion === "V1"
      ? inst.associatedLexBots.map((b) => ({ LexBot: { Name: b.name, LexRegion: b.region } }))
      : inst.associatedLexV2Bots.map((a) => ({ LexV2Bot: { AliasArn: a } }));
  const p = page(all, {
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    defaultMax: LIST_BOTS_DEFAULT_PAGE,
    query: `ListBots:${inst.id}:${input.LexVersion}`,
    errorCode: "InvalidRequestException",
  });
  return { LexBots: p.items, ...(p.nextToken ? { NextToken: p.nextToken } : {}) };
}

export const botRoutes: Route<ConnectErrorCode>[] = [
  {
    operation: "AssociateBot",
    validationError: "InvalidRequestException",
    exactlyOneOf: ONE_BOT,
    mutates: true,
    handler: associateBot,
  },
  {
    operation: "DisassociateBot",
    validationError: "InvalidRequestException",
    exactlyOneOf: ONE_BOT,
    mutates: true,
    handler: disassociateBot,
  },
  {
    operation: "ListBots",
    validationError: "InvalidRequestException",
    mutates: false,
    handler: listBots,
  },
];
