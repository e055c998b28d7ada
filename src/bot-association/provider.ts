import type * as dynamic from "@pulumi/pulumi/dynamic";
import { requireRegion } from "../aws/region";
import type { Lifecycle, ProviderContext } from "../runtime/context";
import { defineResource, type RecordedState } from "../runtime/definition";
import { checkAndDiff, withoutProvider } from "../runtime/diff";
import { importedInputs } from "../runtime/import";
import { associateBot, associatedBots, botText, describeBot, disassociateBot } from "./aws";
import { checkBotAssociation, type BotAssociationInputs } from "./check";
import { formatBotAssociationId, parseBotAssociationId, type BotKey } from "./id";

/** Outputs of a BotAssociation: its checked inputs plus what AWS identity they resolve to. */
export interface BotAssociationOutputs extends BotAssociationInputs {
  lexVersion: "V1" | "V2";
  associationId: string;
}

function botKey(p: BotAssociationInputs): BotKey {
  return p.lexBot
    ? { lexVersion: "V1", name: p.lexBot.name, lexRegion: p.lexBot.lexRegion }
    : { lexVersion: "V2", aliasArn: p.lexV2Bot?.aliasArn ?? "" };
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

/** What a create of these checked inputs records (no AWS call): its id and outputs. */
function recorded(inputs: Record<string, unknown>): RecordedState {
  const out = outputs(inputs as unknown as BotAssociationInputs);
  return { id: out.associationId, outputs: { ...inputs, ...out } };
}

/**
 * The state of an association that `pulumi import` (or `BotAssociation.get`) names by its id alone:
 * the inputs are what the id says (the bot, the instance) in the provider's Region, with
 * `adoptExisting: false`, the default, which only a create reads (an imported resource is never
 * created), so a program that leaves it out previews with no change. Checked as a program's inputs
 * are, before any call; then `ListBots` of the id's Lex version (the listing refresh shares): a bot it
 * does not list is not associated, and the read answers it gone (the import then fails: "does not
 * exist"). The outputs are what a create of those inputs records.
 */
async function imported(ctx: ProviderContext, id: string): Promise<dynamic.ReadResult> {
  const { instanceId, bot } = parseBotAssociationId(id);
  const region = requireRegion(undefined, ctx.settings, `BotAssociation ${id}`);
  const declared =
    bot.lexVersion === "V1"
      ? { lexBot: { name: bot.name, lexRegion: bot.lexRegion } }
      : { lexV2Bot: { aliasArn: bot.aliasArn } };
  const inputs = importedInputs(
    "BotAssociation",
    id,
    checkBotAssociation({ instanceId, region, adoptExisting: false, ...declared }, ctx.settings),
  );
  const bots = await associatedBots(ctx, region, instanceId, bot.lexVersion);
  if (!bots.has(botText(bot))) return { id: "", props: {} };
  return { id, props: recorded(inputs).outputs, inputs };
}

/** The AWS identity: the same identity means the same association in AWS. */
function identity(props: Record<string, unknown>): string {
  const p = props as unknown as BotAssociationInputs;
  return `${p.region}|${formatBotAssociationId(p.instanceId, botKey(p))}`;
}

/**
 * The BotAssociation lifecycle, with AWS clients from `ctx`. What each step calls and tolerates is
 * documented once, on the BotAssociation class (./resource.ts), and in the API reference.
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
      const alreadyAssociated = () =>
        new Error(
          `${describeBot(p.instanceId, bot)} is already associated. To manage the existing association with this ` +
            `resource, set adoptExisting: true (dynamic resources cannot be imported); to leave it alone, remove this resource.`,
        );
      // Read first, from the listing reads share: taking over an association AWS already holds
      // makes no AssociateBot call (it would only answer ResourceConflictException).
      const listed = await associatedBots(ctx, p.region, p.instanceId, bot.lexVersion);
      if (listed.has(botText(bot))) {
        if (!p.adoptExisting) throw alreadyAssociated();
      } else if (!(await associateBot(ctx, p.region, p.instanceId, bot)) && !p.adoptExisting) {
        // The listing lagged behind AWS: the conflict says the bot is associated after all.
        throw alreadyAssociated();
      }
      const out = outputs(p);
      return { id: out.associationId, outs: out };
    },

    async read(id: string, props: Record<string, unknown>): Promise<dynamic.ReadResult> {
      const known = (props ?? {}) as Partial<BotAssociationOutputs>;
      // No recorded inputs: `pulumi import` or `BotAssociation.get`, which name only the id.
      if (known.instanceId === undefined) return imported(ctx, id);
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
      await disassociateBot(ctx, p.region, p.instanceId, botKey(p));
    },
  };
}

/** BotAssociation in the registry. */
export const botAssociation = defineResource({
  type: "BotAssociation",
  lifecycle: botAssociationProvider,
  recorded,
});
