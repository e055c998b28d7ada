import type { ProviderSettings } from "../aws/settings";
import { REGION, REGION_HINT } from "../validation/aws";
import { Checker, type CheckFailure } from "../validation/checker";
import { checkedRegion } from "../validation/region";

/** Lex V2 alias ARN: the API bounds only its length (1-100); its shape is this project's own rule. */
export const LEX_V2_ALIAS_ARN =
  /^arn:aws[a-z-]*:lex:[a-z0-9-]+:\d{12}:bot-alias\/[0-9A-Za-z]{10}\/[0-9A-Za-z]{10}$/;
/** Lex V1 bot names, as Lex itself constrains them (Connect's API only bounds the length, <= 50). */
export const LEX_V1_BOT_NAME = /^([A-Za-z]_?)+$/;

/** Checked inputs: what create, diff and update receive (lexRegion and region filled in). */
export interface BotAssociationInputs {
  instanceId: string;
  region: string;
  lexBot?: { name: string; lexRegion: string };
  lexV2Bot?: { aliasArn: string };
  adoptExisting: boolean;
}

/**
 * Validates and normalises BotAssociation inputs. Every documented constraint of AssociateBot is
 * checked (InstanceId 1-100, LexBot.Name <= 50, LexBot.LexRegion <= 60, LexV2Bot.AliasArn 1-100,
 * exactly one of LexBot / LexV2Bot), plus the shapes of names, Regions and alias ARNs. Unknown
 * preview values pass.
 */
export function checkBotAssociation(
  news: Record<string, unknown>,
  settings: ProviderSettings,
): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const c = new Checker();
  c.string("instanceId", news["instanceId"], { required: true, min: 1, max: 100 });
  const region = checkedRegion(c, news["region"], settings);
  c.boolean("adoptExisting", news["adoptExisting"]);
  c.exactlyOne(news, ["lexBot", "lexV2Bot"]);

  const out: Record<string, unknown> = { ...news, region, adoptExisting: news["adoptExisting"] ?? false };
  const lexBot = c.object("lexBot", news["lexBot"]);
  if (lexBot) {
    c.string("lexBot.name", lexBot["name"], {
      required: true,
      min: 1,
      max: 50,
      pattern: LEX_V1_BOT_NAME,
      patternHint: "letters with single underscores between them (a Lex bot name)",
    });
    c.string("lexBot.lexRegion", lexBot["lexRegion"], { max: 60, pattern: REGION, patternHint: REGION_HINT });
    out["lexBot"] = { name: lexBot["name"], lexRegion: lexBot["lexRegion"] ?? region };
  }
  const lexV2Bot = c.object("lexV2Bot", news["lexV2Bot"]);
  if (lexV2Bot) {
    c.string("lexV2Bot.aliasArn", lexV2Bot["aliasArn"], {
      required: true,
      min: 1,
      max: 100,
      pattern: LEX_V2_ALIAS_ARN,
      patternHint: "arn:<partition>:lex:<region>:<account>:bot-alias/<botId>/<aliasId>",
    });
    out["lexV2Bot"] = { aliasArn: lexV2Bot["aliasArn"] };
  }
  return { inputs: c.failures.length === 0 ? out : news, failures: c.failures };
}
