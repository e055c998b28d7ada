import { describe, expect, it } from "vitest";
import { formatBotAssociationId, parseBotAssociationId } from "../../src/bot-association/id";

const ALIAS = "arn:aws:lex:us-east-1:123456789012:bot-alias/ABCDEFGHIJ/KLMNOPQRST";

describe("BotAssociation id", () => {
  it("round-trips Lex V1 and V2 ids, including an instance given by ARN", () => {
    const cases = [
      {
        instanceId: "11111111-2222-3333-4444-555555555555",
        bot: { lexVersion: "V1", name: "OrderBot", lexRegion: "us-east-1" },
      },
      { instanceId: "11111111-2222-3333-4444-555555555555", bot: { lexVersion: "V2", aliasArn: ALIAS } },
      {
        instanceId: "arn:aws:connect:us-east-1:123456789012:instance/abc",
        bot: { lexVersion: "V2", aliasArn: ALIAS },
      },
    ] as const;
    for (const c of cases)
      expect(parseBotAssociationId(formatBotAssociationId(c.instanceId, c.bot))).toEqual(c);
  });

  it("has the documented text form", () => {
    expect(
      formatBotAssociationId("inst", { lexVersion: "V1", name: "OrderBot", lexRegion: "eu-west-2" }),
    ).toBe("inst|V1|eu-west-2|OrderBot");
    expect(formatBotAssociationId("inst", { lexVersion: "V2", aliasArn: ALIAS })).toBe(`inst|V2|${ALIAS}`);
  });

  it("refuses text that is not an id, saying what it expects", () => {
    expect(() => parseBotAssociationId("inst:OrderBot")).toThrow(
      "'inst:OrderBot' is not a BotAssociation id: expected <instanceId>|V1|<lexRegion>|<botName> or <instanceId>|V2|<aliasArn>",
    );
  });
});
