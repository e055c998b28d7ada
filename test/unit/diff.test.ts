import { describe, expect, it } from "vitest";
import { botAssociationProvider } from "../../src/bot-association/provider";
import { makeContext } from "../../src/runtime/context";

const A = "arn:aws:lex:us-east-1:123456789012:bot-alias/ABCDEFGHIJ/KLMNOPQRST";
const B = "arn:aws:lex:us-east-1:123456789012:bot-alias/ABCDEFGHIJ/UVWXYZ0123";
const base = {
  instanceId: "i",
  region: "us-east-1",
  adoptExisting: false,
  lexV2Bot: { aliasArn: A },
  __provider: "v1",
};
const outs = { ...base, lexVersion: "V2", associationId: `i|V2|${A}` };
const p = botAssociationProvider(makeContext());

describe("BotAssociation diff", () => {
  it("reports no change for the same inputs", async () => {
    expect(await p.diff("id", outs, base)).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("replaces, creating the new association first, when the alias changes", async () => {
    expect(await p.diff("id", outs, { ...base, lexV2Bot: { aliasArn: B } })).toEqual({
      changes: true,
      replaces: ["lexV2Bot"],
      deleteBeforeReplace: false,
    });
  });

  it("replaces when switching from Lex V2 to Lex V1 and when the instance or Region changes", async () => {
    const v1 = {
      instanceId: "i",
      region: "us-east-1",
      adoptExisting: false,
      lexBot: { name: "OrderBot", lexRegion: "us-east-1" },
      __provider: "v1",
    };
    expect((await p.diff("id", outs, v1)).replaces).toEqual(["lexBot", "lexV2Bot"]);
    expect((await p.diff("id", outs, { ...base, instanceId: "j" })).replaces).toEqual(["instanceId"]);
    expect((await p.diff("id", outs, { ...base, region: "eu-west-2" })).replaces).toEqual(["region"]);
  });

  it("updates in place for adoptExisting, and for a new provider code alone", async () => {
    expect(await p.diff("id", outs, { ...base, adoptExisting: true })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(await p.diff("id", outs, { ...base, __provider: "v2" })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("treats preview's unknown alias as a replacement", async () => {
    expect(
      (await p.diff("id", outs, { ...base, lexV2Bot: { aliasArn: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" } }))
        .replaces,
    ).toEqual(["lexV2Bot"]);
  });
});
