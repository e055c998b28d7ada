import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type ProviderSettings } from "../../src/aws/settings";
import { checkBotAssociation } from "../../src/bot-association/check";
import { UNKNOWN } from "../../src/validation/unknown";

const settings = { ...DEFAULT_SETTINGS, region: "us-east-1" };
const ALIAS = "arn:aws:lex:us-east-1:123456789012:bot-alias/ABCDEFGHIJ/KLMNOPQRST";

function failures(news: Record<string, unknown>, s: ProviderSettings = settings): string[] {
  return checkBotAssociation(news, s).failures.map((f) => `${f.property}: ${f.reason}`);
}

describe("checkBotAssociation", () => {
  it("accepts a Lex V2 alias and fills region and adoptExisting", () => {
    expect(checkBotAssociation({ instanceId: "i-1", lexV2Bot: { aliasArn: ALIAS } }, settings)).toEqual({
      inputs: { instanceId: "i-1", region: "us-east-1", adoptExisting: false, lexV2Bot: { aliasArn: ALIAS } },
      failures: [],
    });
  });

  it("defaults lexRegion to the resource's region, which beats aws:region", () => {
    const r = checkBotAssociation(
      { instanceId: "i-1", region: "eu-west-2", lexBot: { name: "OrderBot" } },
      settings,
    );
    expect(r.inputs).toEqual({
      instanceId: "i-1",
      region: "eu-west-2",
      adoptExisting: false,
      lexBot: { name: "OrderBot", lexRegion: "eu-west-2" },
    });
  });

  it("names lexV2Bot.aliasArn and the shape when the alias ARN is malformed", () => {
    expect(
      failures({
        instanceId: "i-1",
        lexV2Bot: { aliasArn: "arn:aws:lex:us-east-1:123456789012:bot/ABCDEFGHIJ" },
      }),
    ).toEqual([
      "lexV2Bot.aliasArn: lexV2Bot.aliasArn must match arn:<partition>:lex:<region>:<account>:bot-alias/<botId>/<aliasId>, got 'arn:aws:lex:us-east-1:123456789012:bot/ABCDEFGHIJ'",
    ]);
  });

  it("enforces every documented length bound at its edge", () => {
    expect(failures({ instanceId: "i".repeat(100), lexBot: { name: "A".repeat(50) } })).toEqual([]);
    expect(failures({ instanceId: "i".repeat(101), lexBot: { name: "A".repeat(51) } })).toEqual([
      "instanceId: instanceId must be at most 100 characters long, got 101",
      "lexBot.name: lexBot.name must be at most 50 characters long, got 51",
    ]);
    expect(failures({ instanceId: "", lexV2Bot: { aliasArn: "" } })).toEqual([
      "instanceId: instanceId must not be empty",
      "lexV2Bot.aliasArn: lexV2Bot.aliasArn must not be empty",
    ]);
    const longRegion = `us-${"a".repeat(55)}-1`;
    expect(longRegion).toHaveLength(60);
    expect(failures({ instanceId: "i", lexBot: { name: "OrderBot", lexRegion: longRegion } })).toEqual([]);
    expect(
      failures({ instanceId: "i", lexBot: { name: "OrderBot", lexRegion: `us-${"a".repeat(56)}-1` } }),
    ).toEqual(["lexBot.lexRegion: lexBot.lexRegion must be at most 60 characters long, got 61"]);
  });

  it("requires exactly one of lexBot and lexV2Bot", () => {
    expect(failures({ instanceId: "i" })).toEqual([
      "lexBot | lexV2Bot: exactly one of lexBot, lexV2Bot is required, got none",
    ]);
    expect(
      failures({ instanceId: "i", lexBot: { name: "OrderBot" }, lexV2Bot: { aliasArn: ALIAS } }),
    ).toEqual(["lexBot | lexV2Bot: exactly one of lexBot, lexV2Bot may be set, got lexBot and lexV2Bot"]);
  });

  it("rejects wrong types and bad Regions naming the property", () => {
    expect(
      failures({ instanceId: 7, region: "Mars", lexBot: { name: "Order Bot" }, adoptExisting: "yes" }),
    ).toEqual([
      "instanceId: instanceId must be a string, got number",
      "region: region must match an AWS Region name such as us-east-1, got 'Mars'",
      "adoptExisting: adoptExisting must be a boolean, got string",
      "lexBot.name: lexBot.name must match letters with single underscores between them (a Lex bot name), got 'Order Bot'",
    ]);
  });

  it("fails when no Region can be resolved", () => {
    const saved = { r: process.env["AWS_REGION"], d: process.env["AWS_DEFAULT_REGION"] };
    delete process.env["AWS_REGION"];
    delete process.env["AWS_DEFAULT_REGION"];
    try {
      expect(failures({ instanceId: "i", lexV2Bot: { aliasArn: ALIAS } }, DEFAULT_SETTINGS)).toEqual([
        "region: region is not set: give the resource a region, or set stack config aws:region, or AWS_REGION",
      ]);
    } finally {
      if (saved.r !== undefined) process.env["AWS_REGION"] = saved.r;
      if (saved.d !== undefined) process.env["AWS_DEFAULT_REGION"] = saved.d;
    }
  });

  it("lets preview's unknown value through anywhere", () => {
    expect(failures({ instanceId: UNKNOWN, lexV2Bot: { aliasArn: UNKNOWN } })).toEqual([]);
    expect(failures({ instanceId: "i", lexV2Bot: UNKNOWN })).toEqual([]);
    expect(failures({ instanceId: "i", region: UNKNOWN, lexBot: { name: "OrderBot" } })).toEqual([]);
  });
});
