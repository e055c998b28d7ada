/**
 * The id of a BotAssociation, also its `associationId` output, and the id `adoptExisting` users
 * can read back: fields joined by `|`, a character that appears in no instance id, Region, Lex bot
 * name or alias ARN.
 *
 * - Lex V1: `<instanceId>|V1|<lexRegion>|<botName>`
 * - Lex V2: `<instanceId>|V2|<aliasArn>`
 */
export type BotKey =
  { lexVersion: "V1"; name: string; lexRegion: string } | { lexVersion: "V2"; aliasArn: string };

export function formatBotAssociationId(instanceId: string, bot: BotKey): string {
  return bot.lexVersion === "V1"
    ? `${instanceId}|V1|${bot.lexRegion}|${bot.name}`
    : `${instanceId}|V2|${bot.aliasArn}`;
}

export function parseBotAssociationId(id: string): { instanceId: string; bot: BotKey } {
  const parts = id.split("|");
  if (parts.length >= 3 && parts[parts.length - 2] === "V2") {
    return {
      instanceId: parts.slice(0, -2).join("|"),
      bot: { lexVersion: "V2", aliasArn: parts[parts.length - 1] ?? "" },
    };
  }
  if (parts.length >= 4 && parts[parts.length - 3] === "V1") {
    return {
      instanceId: parts.slice(0, -3).join("|"),
      bot: {
        lexVersion: "V1",
        lexRegion: parts[parts.length - 2] ?? "",
        name: parts[parts.length - 1] ?? "",
      },
    };
  }
  throw new Error(
    `'${id}' is not a BotAssociation id: expected <instanceId>|V1|<lexRegion>|<botName> or <instanceId>|V2|<aliasArn>`,
  );
}
