import { randomUUID } from "node:crypto";
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { requireRegion } from "../aws/region";
import {
  AssociateBotCommand,
  DisassociateBotCommand,
  ListBotsCommand,
  type LexBot,
  type LexV2Bot,
} from "@aws-sdk/client-connect";
import { retryForConsistency } from "../aws/consistency";
import { isAwsError, wrapAwsError } from "../aws/errors";
import { forEachPage } from "../aws/pages";
import { checkBotAssociation, type BotAssociationInputs } from "./check";
import { formatBotAssociationId, parseBotAssociationId, type BotKey } from "./id";
import type { Lifecycle, ProviderContext } from "../runtime/context";
import { defineResource } from "../runtime/definition";
import { checkAndDiff, withoutProvider } from "../runtime/diff";

/** Outputs of a BotAssociation: its checked inputs plus what AWS identity they resolve to. */
export interface BotAssociationOutputs extends BotAssociationInputs {
  lexVersion: "V1" | "V2";
  associationId: string;
}

/** ListBots' largest page. */
const LIST_BOTS_PAGE = 25;

function botKey(p: BotAssociationInputs): BotKey {
  return p.lexBot
    ? { lexVersion: "V1", name: p.lexBot.name, lexRegion: p.lexBot.lexRegion }
    : { lexVersion: "V2", aliasArn: p.lexV2Bot?.aliasArn ?? "" };
}

function describe(instanceId: string, bot: BotKey): string {
  return bot.lexVersion === "V1"
    ? `Lex bot ${bot.name} (${bot.lexRegion}) on instance ${instanceId}`
    : `Lex V2 bot alias ${bot.aliasArn} on instance ${instanceId}`;
}

function botParams(bot: BotKey): { LexBot: LexBot } | { LexV2Bot: LexV2Bot } {
  return bot.lexVersion === "V1"
    ? { LexBot: { Name: bot.name, LexRegion: bot.lexRegion } }
    : { LexV2Bot: { AliasArn: bot.aliasArn } };
}

function outputs(p: BotAssociationInputs): BotAssociationOutputs {
  const bot = botKey(p);
  const out: BotAssociationOutputs = {
    instanceId: p.instanceId,
    region: p.region,
    adoptExisting: p.adoptExisting,
    lexVersion: bot.lexVersion,
    associationId: formatBotAssociationId(p.instanceId, bot),
  };
  if (p.lexBot) out.lexBot = { name: p.lexBot.name, lexRegion: p.lexBot.lexRegion };
  if (p.lexV2Bot) out.lexV2Bot = { aliasArn: p.lexV2Bot.aliasArn };
  return out;
}

/** The AWS identity: the same identity means the same association in AWS. */
function identity(props: Record<string, unknown>): string {
  const p = props as unknown as BotAssociationInputs;
  return `${p.region}|${formatBotAssociationId(p.instanceId, botKey(p))}`;
}

function snapshotKey(region: string, instanceId: string, lexVersion: "V1" | "V2"): string {
  return `ListBots|${region}|${instanceId}|${lexVersion}`;
}

function botText(bot: BotKey): string {
  return bot.lexVersion === "V1" ? `${bot.lexRegion}|${bot.name}` : bot.aliasArn;
}

/**
 * Every bot of one Lex version associated with the instance: ListBots, every page, taken once per
 * engine operation and shared by all reads (a refresh of N associations on one instance is one
 * listing). An instance that no longer exists holds no association.
 */
function associatedBots(
  ctx: ProviderContext,
  region: string,
  instanceId: string,
  lexVersion: "V1" | "V2",
): Promise<Set<string>> {
  return ctx.snapshots.get(snapshotKey(region, instanceId, lexVersion), async () => {
    const client = ctx.clients.connectClient(region);
    const found = new Set<string>();
    try {
      await forEachPage(
        (nextToken) =>
          client.send(
            new ListBotsCommand({
              InstanceId: instanceId,
              LexVersion: lexVersion,
              MaxResults: LIST_BOTS_PAGE,
              ...(nextToken ? { NextToken: nextToken } : {}),
            }),
          ),
        (page) => {
          for (const b of page.LexBots ?? []) {
            if (b.LexBot?.Name && b.LexBot.LexRegion) found.add(`${b.LexBot.LexRegion}|${b.LexBot.Name}`);
            if (b.LexV2Bot?.AliasArn) found.add(b.LexV2Bot.AliasArn);
          }
        },
      );
    } catch (e) {
      if (isAwsError(e, "ResourceNotFoundException")) return found;
      throw wrapAwsError("ListBots", `Lex ${lexVersion} bots on instance ${instanceId}`, e);
    }
    return found;
  });
}

/**
 * The BotAssociation lifecycle, with AWS clients from `ctx`.
 *
 * - check: validation and defaults, no AWS call.
 * - create: AssociateBot with one fresh ClientToken, reused by every retry of this create.
 *   ResourceConflictException (already associated) adopts when `adoptExisting`, else fails with how to
 *   adopt. InvalidRequestException is retried for `connect:consistencyTimeoutSeconds` (Lex resource
 *   policy propagation).
 * - read: one ListBots listing per (instance, Lex version) per engine operation, shared by every
 *   read; absent → empty id, so refresh drops the resource.
 * - update: no AWS call (only `adoptExisting` or the provider code can change in place).
 * - delete: DisassociateBot; ResourceNotFoundException (already gone) is success.
 */
export function botAssociationProvider(ctx: ProviderContext): Lifecycle {
  return {
    ...checkAndDiff({
      check: (news) => checkBotAssociation(news, ctx.settings),
      replaceKeys: ["instanceId", "region", "lexBot", "lexV2Bot"],
      updateKeys: ["adoptExisting"],
      identity,
    }),

    async create(inputs: Record<string, unknown>): Promise<dynamic.CreateResult> {
      const p = inputs as unknown as BotAssociationInputs;
      const bot = botKey(p);
      const client = ctx.clients.connectClient(p.region);
      // One token for this create: the SDK's retries and ours resend it, so a retry after a dropped
      // connection cannot act twice; a later create (after an out-of-band removal) gets a new one.
      const command = new AssociateBotCommand({
        InstanceId: p.instanceId,
        ClientToken: randomUUID(),
        ...botParams(bot),
      });
      try {
        await retryForConsistency(
          () => client.send(command),
          (e) => isAwsError(e, "InvalidRequestException"),
          ctx.settings.consistencyTimeoutSeconds,
        );
      } catch (e) {
        if (!isAwsError(e, "ResourceConflictException"))
          throw wrapAwsError("AssociateBot", describe(p.instanceId, bot), e);
        if (!p.adoptExisting) {
          throw new Error(
            `${describe(p.instanceId, bot)} is already associated. To manage the existing association with this ` +
              `resource, set adoptExisting: true (dynamic resources cannot be imported); to leave it alone, remove this resource.`,
          );
        }
      }
      ctx.snapshots.drop(snapshotKey(p.region, p.instanceId, bot.lexVersion));
      const out = outputs(p);
      return { id: out.associationId, outs: out };
    },

    async read(id: string, props: Record<string, unknown>): Promise<dynamic.ReadResult> {
      const known = props as Partial<BotAssociationOutputs>;
      const parsed = parseBotAssociationId(id);
      const region = requireRegion(known.region, ctx.settings, `BotAssociation ${id}`);
      const bots = await associatedBots(ctx, region, parsed.instanceId, parsed.bot.lexVersion);
      if (!bots.has(botText(parsed.bot))) return { id: "", props: {} };
      return { id, props: withoutProvider(props) };
    },

    async update(
      _id: string,
      _olds: Record<string, unknown>,
      news: Record<string, unknown>,
    ): Promise<dynamic.UpdateResult> {
      return { outs: outputs(news as unknown as BotAssociationInputs) };
    },

    async delete(_id: string, props: Record<string, unknown>): Promise<void> {
      const p = props as unknown as BotAssociationOutputs;
      const bot = botKey(p);
      try {
        await ctx.clients.connectClient(p.region).send(
          new DisassociateBotCommand({
            InstanceId: p.instanceId,
            ClientToken: randomUUID(),
            ...botParams(bot),
          }),
        );
      } catch (e) {
        if (!isAwsError(e, "ResourceNotFoundException"))
          throw wrapAwsError("DisassociateBot", describe(p.instanceId, bot), e);
      }
    },
  };
}

/** BotAssociation in the registry. */
export const botAssociation = defineResource({
  type: "BotAssociation",
  lifecycle: botAssociationProvider,
  recorded: (inputs) => {
    const out = outputs(inputs as unknown as BotAssociationInputs);
    return { id: out.associationId, outputs: { ...inputs, ...out } };
  },
});
