import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/aws/settings";
import { checkBotAssociation } from "../../src/bot-association/check";

/*
 * Hostile input to BotAssociation's check: generated inputs at and beyond every documented bound.
 * The oracle below restates the rules independently; every invalid input must be rejected naming
 * exactly the offending properties, every valid one accepted, and nothing may throw.
 */

const settings = { ...DEFAULT_SETTINGS, region: "us-east-1" };
const RUNS = 10_000;

const letters = fc.constantFrom(..."ABCXYZabcxyz_ 9-".split(""));
const text = (max: number) => fc.array(letters, { maxLength: max }).map((a) => a.join(""));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const notString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
);

const region = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("us-east-1", "eu-west-2", "ap-southeast-2", "us-gov-west-1") },
  { weight: 1, arbitrary: text(8) },
);
const botId = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[0-9A-Za-z]{10}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[0-9A-Za-z]{0,12}$/) },
);
const aliasArn = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("aws", "aws-cn", "aws-us-gov"),
      region,
      fc.stringMatching(/^\d{12}$/),
      botId,
      botId,
    )
    .map(([p, r, a, b, al]) => `arn:${p}:lex:${r}:${a}:bot-alias/${b}/${al}`),
  text(120),
  fc.constant("a".repeat(101)),
);

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const botName = fc.oneof(
  w(6, fc.stringMatching(/^([A-Za-z]_?){1,30}$/)),
  w(1, text(55)),
  w(1, fc.constantFrom("A".repeat(50), "A".repeat(51), "", "_Bot", "Bot__X")),
  w(1, notString),
);
const instanceId = fc.oneof(
  w(6, fc.stringMatching(/^[0-9a-f-]{1,40}$/)),
  w(1, text(110)),
  w(1, fc.constantFrom("", "i".repeat(100), "i".repeat(101))),
  w(1, notString),
);
// Exactly one of lexBot / lexV2Bot most of the time; both, or neither, the rest.
const bot = fc.oneof(
  w(
    4,
    fc.record({ name: botName, lexRegion: maybe(region) }).map((lexBot) => ({ lexBot })),
  ),
  w(
    4,
    fc.record({ aliasArn: fc.oneof(w(5, aliasArn), w(1, notString)) }).map((lexV2Bot) => ({ lexV2Bot })),
  ),
  w(1, fc.record({ lexBot: fc.record({ name: botName }), lexV2Bot: fc.record({ aliasArn }) })),
  w(1, fc.constant({})),
);
const input = fc
  .record({
    instanceId,
    region: maybe(region),
    adoptExisting: maybe(fc.oneof(w(4, fc.boolean()), w(1, fc.constant("yes")))),
    bot,
  })
  .map(({ bot: b, ...rest }) => ({ ...rest, ...b }));

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const ALIAS = /^arn:aws[a-z-]*:lex:[a-z0-9-]+:\d{12}:bot-alias\/[0-9A-Za-z]{10}\/[0-9A-Za-z]{10}$/;

function expectedFailures(i: Record<string, unknown>): string[] {
  const bad = new Set<string>();
  const id = i["instanceId"];
  if (typeof id !== "string" || id.length < 1 || id.length > 100) bad.add("instanceId");
  const r = i["region"];
  if (r !== undefined && (typeof r !== "string" || !REGION.test(r))) bad.add("region");
  const a = i["adoptExisting"];
  if (a !== undefined && typeof a !== "boolean") bad.add("adoptExisting");
  const bot = i["lexBot"] as Record<string, unknown> | undefined;
  const v2 = i["lexV2Bot"] as Record<string, unknown> | undefined;
  if ((bot === undefined) === (v2 === undefined)) bad.add("lexBot | lexV2Bot");
  if (bot) {
    const n = bot["name"];
    if (typeof n !== "string" || n.length < 1 || n.length > 50 || !/^([A-Za-z]_?)+$/.test(n))
      bad.add("lexBot.name");
    const lr = bot["lexRegion"];
    if (lr !== undefined && (typeof lr !== "string" || lr.length > 60 || !REGION.test(lr)))
      bad.add("lexBot.lexRegion");
  }
  if (v2) {
    const arn = v2["aliasArn"];
    if (typeof arn !== "string" || arn.length < 1 || arn.length > 100 || !ALIAS.test(arn))
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
