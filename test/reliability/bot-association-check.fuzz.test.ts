import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/aws/settings";
import { checkBotAssociation } from "../../src/bot-association/check";
import {
  AWS_PARTITIONS,
  arnOf,
  badBoolean,
  badString,
  every,
  isAlnum,
  isLetter,
  lengthOf,
  notString,
  regionAccepted,
  regionArb,
  w,
} from "./fuzz-arbitraries";

/*
 * Hostile input to BotAssociation's check: generated inputs at and beyond every documented bound.
 * The oracle below states the rules from AWS's models (botocore 1.44.8, see fuzz-arbitraries.ts);
 * every invalid input must be rejected naming exactly the offending properties, every valid one
 * accepted, and nothing may throw.
 */

const settings = { ...DEFAULT_SETTINGS, region: "us-east-1" };
const RUNS = 10_000;

const letters = fc.constantFrom(..."ABCXYZabcxyz_ 9-".split(""));
const text = (max: number) => fc.array(letters, { maxLength: max }).map((a) => a.join(""));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const nullOrNotString = fc.oneof(notString, fc.constant(null));

/** The Region part of an alias ARN: Region names, and text. */
const arnRegion = fc.oneof(w(4, fc.constantFrom("us-east-1", "eu-west-2", "us-gov-west-1")), w(1, text(8)));
const botId = fc.oneof(
  w(4, fc.stringMatching(/^[0-9A-Za-z]{10}$/)),
  w(1, fc.constant("TSTALIASID")),
  w(1, fc.stringMatching(/^[0-9A-Za-z]{0,12}$/)),
  w(1, fc.constantFrom("abcde-1234", "abcdé12345", "abc_de1234")),
);
const aliasArn = fc.oneof(
  fc
    .tuple(
      fc.oneof(w(6, fc.constantFrom(...AWS_PARTITIONS)), w(1, fc.constantFrom("azure", "AWS", ""))),
      arnRegion,
      fc.oneof(w(6, fc.stringMatching(/^\d{12}$/)), w(1, fc.constantFrom("12345678901", "1234567890123"))),
      botId,
      botId,
    )
    .map(([p, r, a, b, al]) => `arn:${p}:lex:${r}:${a}:bot-alias/${b}/${al}`),
  fc.constantFrom(
    "arn:aws:lexv2:us-east-1:123456789012:bot-alias/ABCDE12345/TSTALIASID",
    "arn:aws:lex:us-east-1:123456789012:bot/ABCDE12345",
    "arn:aws:lex:us-east-1:123456789012:bot-alias/ABCDE12345/TSTALIASID/x",
  ),
  text(120),
  fc.constant("a".repeat(101)),
);

const botName = fc.oneof(
  w(6, fc.stringMatching(/^([A-Za-z]_?){1,30}$/)),
  w(1, text(55)),
  w(1, fc.constantFrom("A".repeat(50), "A".repeat(51), "A", "A_", "Ab", "", "_Bot", "Bot__X", "Bot9")),
  w(1, nullOrNotString),
);
const instanceId = fc.oneof(
  w(6, fc.stringMatching(/^[0-9a-f-]{1,40}$/)),
  w(1, text(110)),
  w(1, fc.constantFrom("", "i".repeat(100), "i".repeat(101), "😀".repeat(100), "😀".repeat(101))),
  w(1, nullOrNotString),
);
/** Region names up to LexRegion's 60 characters and one beyond. */
const longRegion = fc.constantFrom(`us-${"a".repeat(55)}-1`, `us-${"a".repeat(56)}-1`);
const lexRegion = fc.oneof(w(6, regionArb), w(1, longRegion));
// Exactly one of lexBot / lexV2Bot most of the time; both, or neither, the rest.
const bot = fc.oneof(
  w(
    4,
    fc.record({ name: botName, lexRegion: maybe(lexRegion) }).map((lexBot) => ({ lexBot })),
  ),
  w(
    4,
    fc
      .record({ aliasArn: fc.oneof(w(5, aliasArn), w(1, nullOrNotString)) })
      .map((lexV2Bot) => ({ lexV2Bot })),
  ),
  w(1, fc.record({ lexBot: fc.record({ name: botName }), lexV2Bot: fc.record({ aliasArn }) })),
  w(1, fc.constant({})),
);
const input = fc
  .record({
    instanceId,
    region: maybe(regionArb),
    adoptExisting: maybe(fc.oneof(w(4, fc.boolean()), w(1, fc.constant("yes")))),
    bot,
  })
  .map(({ bot: b, ...rest }) => ({ ...rest, ...b }));

/**
 * A Lex V1 bot name, lex-models 2017-04-19 BotName: pattern ^([A-Za-z]_?)+$, that is a letter
 * first, then letters and underscores, never two underscores in a row.
 */
function isLexV1BotName(s: string): boolean {
  const c = [...s];
  return (
    c.length > 0 &&
    isLetter(c[0] ?? "") &&
    c.every((x) => isLetter(x) || x === "_") &&
    c.every((x, k) => x !== "_" || c[k - 1] !== "_")
  );
}

/**
 * A Lex V2 bot alias ARN, arn:<partition>:lex:<region>:<account>:bot-alias/<botId>/<botAliasId>
 * (library rule: connect's AliasArn is a string of 1-100), whose ids are lexv2-models 2020-08-07's
 * Id (10 characters, [0-9a-zA-Z]+) and BotAliasId (10 characters, TSTALIASID or [0-9a-zA-Z]+).
 */
function isLexV2AliasArn(s: string): boolean {
  const parts = arnOf(s, "lex")?.resource.split("/");
  if (parts?.length !== 3 || parts[0] !== "bot-alias") return false;
  const [, id = "", alias = ""] = parts;
  return lengthOf(id) === 10 && every(id, isAlnum) && lengthOf(alias) === 10 && every(alias, isAlnum);
}

const given = (v: unknown) => v !== undefined && v !== null;

// connect 2017-08-08, AssociateBotRequest.
function expectedFailures(i: Record<string, unknown>): string[] {
  const bad = new Set<string>();
  // InstanceId (InstanceId): required, 1-100.
  if (badString(i["instanceId"], { required: true, min: 1, max: 100 })) bad.add("instanceId");
  if (badString(i["region"], { form: regionAccepted })) bad.add("region");
  // library rule: adoptExisting, an optional boolean.
  if (badBoolean(i["adoptExisting"])) bad.add("adoptExisting");
  // library rule: exactly one of LexBot / LexV2Bot (the model makes both optional; a call names one bot).
  const bot = i["lexBot"] as Record<string, unknown> | undefined;
  const v2 = i["lexV2Bot"] as Record<string, unknown> | undefined;
  if (given(bot) === given(v2)) bad.add("lexBot | lexV2Bot");
  if (bot) {
    // LexBot.Name (BotName): required, max 50; library rule: a Lex V1 bot name.
    // differs from AWS model: lex-models' BotName is 2-50 characters; the check takes a one-letter
    // name ("A"), which Lex V1 cannot have.
    if (badString(bot["name"], { required: true, min: 1, max: 50, form: isLexV1BotName }))
      bad.add("lexBot.name");
    // LexBot.LexRegion (LexRegion): max 60, required in LexBot; library rules: optional (it defaults
    // to the resource's Region), and a Region name.
    if (badString(bot["lexRegion"], { max: 60, form: regionAccepted })) bad.add("lexBot.lexRegion");
  }
  if (v2) {
    // LexV2Bot.AliasArn (AliasArn): 1-100; library rule: required (a LexV2Bot names its alias).
    if (badString(v2["aliasArn"], { required: true, min: 1, max: 100, form: isLexV2AliasArn }))
      bad.add("lexV2Bot.aliasArn");
  }
  return [...bad].sort();
}

describe("BotAssociation check under generated hostile input", () => {
  it(`rejects exactly the invalid properties, accepts every valid input, never throws (${RUNS} inputs)`, () => {
    let valid = 0;
    fc.assert(
      fc.property(input, (raw) => {
        const i = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
        const r = checkBotAssociation(i, settings);
        const got = [...new Set(r.failures.map((f) => f.property))].sort();
        expect(got).toEqual(expectedFailures(i));
        for (const f of r.failures) expect(f.reason).toContain(f.property.split(" | ")[0] ?? f.property);
        if (got.length === 0) valid++;
      }),
      { numRuns: RUNS, seed: 20261121 },
    );
    // The generators must reach both sides of the rules, or the test proves little.
    expect(valid).toBeGreaterThan(RUNS / 10);
    expect(RUNS - valid).toBeGreaterThan(RUNS / 10);
  });
});
