import { randomUUID } from "node:crypto";
import {
  AssociateBotCommand,
  DisassociateBotCommand,
  paginateListBots,
  type LexBot,
  type LexV2Bot,
} from "@aws-sdk/client-connect";
import { ridePropagation } from "../aws/consistency";
import { isAwsError, wrapAwsError } from "../aws/errors";
import type { ProviderContext } from "../runtime/context";
import type { BotKey } from "./id";

/** ListBots' largest page (MaxResults 1-25 in the API reference). */
const LIST_BOTS_PAGE = 25;

export function describeBot(instanceId: string, bot: BotKey): string {
  return bot.lexVersion === "V1"
    ? `Lex bot ${bot.name} (${bot.lexRegion}) on instance ${instanceId}`
    : `Lex V2 bot alias ${bot.aliasArn} on instance ${instanceId}`;
}

function botParams(bot: BotKey): { LexBot: LexBot } | { LexV2Bot: LexV2Bot } {
  return bot.lexVersion === "V1"
    ? { LexBot: { Name: bot.name, LexRegion: bot.lexRegion } }
    : { LexV2Bot: { AliasArn: bot.aliasArn } };
}

export function snapshotKey(region: string, instanceId: string, lexVersion: "V1" | "V2"): string {
  return `ListBots|${region}|${instanceId}|${lexVersion}`;
}

/** How a bot appears in {@link associatedBots}: `<lexRegion>|<name>` (V1) or the alias ARN (V2). */
export function botText(bot: BotKey): string {
  return bot.lexVersion === "V1" ? `${bot.lexRegion}|${bot.name}` : bot.aliasArn;
}

/**
 * Every bot of one Lex version associated with the instance: ListBots, every page, taken once per
 * engine operation and shared by all reads and creates (a refresh or a first `up` of N associations
 * on one instance is one listing); this provider's own writes update it in place. An instance that
 * no longer exists holds no association.
 */
export function associatedBots(
  ctx: ProviderContext,
  region: string,
  instanceId: string,
  lexVersion: "V1" | "V2",
): Promise<Set<string>> {
  return ctx.snapshots.get(snapshotKey(region, instanceId, lexVersion), async () => {
    const client = ctx.clients.connectClient(region);
    const found = new Set<string>();
    try {
      const pages = paginateListBots(
        { client, pageSize: LIST_BOTS_PAGE },
        { InstanceId: instanceId, LexVersion: lexVersion },
      );
      for await (const page of pages) {
        for (const b of page.LexBots ?? []) {
          if (b.LexBot?.Name && b.LexBot.LexRegion) found.add(`${b.LexBot.LexRegion}|${b.LexBot.Name}`);
          if (b.LexV2Bot?.AliasArn) found.add(b.LexV2Bot.AliasArn);
        }
      }
    } catch (e) {
      if (isAwsError(e, "ResourceNotFoundException")) return found;
      throw wrapAwsError("ListBots", `Lex ${lexVersion} bots on instance ${instanceId}`, e);
    }
    return found;
  });
}

/**
 * AssociateBot with one fresh ClientToken, reused by every retry of this call (the SDK's and ours),
 * so a retry after a dropped connection cannot act twice, while a later create (after an
 * out-of-band removal) gets a new one. InvalidRequestException is retried for
 * `connect:consistencyTimeoutSeconds`, as is ResourceNotFoundException (a new alias, bot or
 * instance still propagating, or a Lex resource policy not yet in place). Answers false when the bot
 * is already associated (ResourceConflictException: a listing can lag behind AWS); any other error
 * is thrown, wrapped. Either answer means AWS holds the association, so the operation's ListBots
 * snapshot gets the bot added in place (Snapshots.write).
 */
export async function associateBot(
  ctx: ProviderContext,
  region: string,
  instanceId: string,
  bot: BotKey,
): Promise<boolean> {
  const client = ctx.clients.connectClient(region);
  const command = new AssociateBotCommand({
    InstanceId: instanceId,
    ClientToken: randomUUID(),
    ...botParams(bot),
  });
  const what = describeBot(instanceId, bot);
  const send = async () => {
    try {
      await ridePropagation(
        () =>
          client.send(command).catch((e: unknown) => Promise.reject(wrapAwsError("AssociateBot", what, e))),
        {
          timeoutSeconds: ctx.settings.consistencyTimeoutSeconds,
          entity:
            bot.lexVersion === "V1"
              ? `Lex bot ${bot.name} (${bot.lexRegion}) or instance ${instanceId}`
              : `Lex V2 bot alias ${bot.aliasArn} or instance ${instanceId}`,
        },
      );
    } catch (e) {
      if (isAwsError(e, "ResourceConflictException")) return false;
      throw e;
    }
    return true;
  };
  return ctx.snapshots.write(snapshotKey(region, instanceId, bot.lexVersion), send, (bots: Set<string>) =>
    bots.add(botText(bot)),
  );
}

/**
 * DisassociateBot; ResourceNotFoundException (already gone) is success. The operation's ListBots
 * snapshot then no longer holds the bot.
 */
export async function disassociateBot(
  ctx: ProviderContext,
  region: string,
  instanceId: string,
  bot: BotKey,
): Promise<void> {
  const send = async () => {
    try {
      await ctx.clients.connectClient(region).send(
        new DisassociateBotCommand({
          InstanceId: instanceId,
          ClientToken: randomUUID(),
          ...botParams(bot),
        }),
      );
    } catch (e) {
      if (!isAwsError(e, "ResourceNotFoundException"))
        throw wrapAwsError("DisassociateBot", describeBot(instanceId, bot), e);
    }
  };
  await ctx.snapshots.write(snapshotKey(region, instanceId, bot.lexVersion), send, (bots: Set<string>) =>
    bots.delete(botText(bot)),
  );
}
