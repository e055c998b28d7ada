import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/aws/settings";
import { checkSecurityProfileAssociation } from "../../src/security-profile-association/check";
import {
  REGION,
  RUNS,
  badBoolean,
  badString,
  assertCheckAgreesWithOracle,
  resolvedRegion,
  maybe,
  notString,
  present,
  regionArb,
  text,
  w,
} from "./fuzz-arbitraries";

/*
 * Hostile input to SecurityProfileAssociation's check: generated inputs at and beyond every bound.
 * The oracle restates the rules independently; every invalid input must be rejected naming exactly
 * the offending properties, every valid one accepted (and normalised), and nothing may throw.
 */

const settings = { ...DEFAULT_SETTINGS, region: "us-east-1" };
const INSTANCES = ["inst-1", "0a1b-2c3d", "x".repeat(100)];

const instanceId = fc.oneof(
  w(8, fc.constantFrom(...INSTANCES)),
  w(1, fc.constantFrom("arn:aws:connect:us-east-1:123456789012:instance/inst-1", "", "x".repeat(101))),
  w(1, text(110)),
  w(1, notString),
);
const userArn = fc
  .tuple(fc.constantFrom(...INSTANCES, "other-1"), fc.constantFrom("u-1", "user_2", "u/3", ""))
  .map(([i, u]) => `arn:aws:connect:us-east-1:123456789012:instance/${i}/agent/${u}`);
const agentArn = fc
  .tuple(fc.constantFrom("aws", "aws-cn", "aws-us-gov", "azure"), fc.constantFrom("a-1", "A1", "", "a_1"))
  .map(([p, a]) => `arn:${p}:wisdom:us-east-1:123456789012:ai-agent/asst-1/${a}`);
const entityArn = fc.oneof(w(4, userArn), w(4, agentArn), w(1, text(60)), w(1, notString));
const entityType = fc.oneof(
  w(8, fc.constantFrom("AI_AGENT", "USER")),
  w(1, fc.constantFrom("user", "")),
  w(1, notString),
);
const profileId = fc.oneof(
  w(10, fc.constantFrom(...Array.from({ length: 14 }, (_, i) => `sp-${i}`))),
  w(1, fc.constant("")),
  w(1, notString),
);
const securityProfileIds = fc.oneof(
  w(8, fc.array(profileId, { maxLength: 3 })),
  w(
    2,
    fc.uniqueArray(fc.constantFrom(...Array.from({ length: 14 }, (_, i) => `sp-${i}`)), {
      minLength: 9,
      maxLength: 12,
    }),
  ),
  w(1, fc.constant("sp-1")),
  w(
    1,
    notString.filter((v) => !Array.isArray(v)),
  ),
);
const optional = {
  region: maybe(regionArb),
  exclusive: maybe(fc.oneof(w(8, fc.boolean()), w(1, fc.constant("yes")))),
};
const anything = fc.record({
  instanceId,
  entityType,
  entityArn,
  securityProfileIds: maybe(securityProfileIds),
  ...optional,
});
// Mostly well-formed: an entity of the right type on its instance, so that the other rules get reached.
const wellFormed = fc
  .tuple(
    fc.constantFrom(...INSTANCES),
    fc.boolean(),
    fc.constantFrom("u-1", "A-2"),
    securityProfileIds,
    fc.record(optional),
  )
  .map(([instance, user, id, ids, rest]) => ({
    instanceId: instance,
    entityType: user ? "USER" : "AI_AGENT",
    entityArn: user
      ? `arn:aws:connect:us-east-1:123456789012:instance/${instance}/agent/${id}`
      : `arn:aws:wisdom:us-east-1:123456789012:ai-agent/asst-1/${id}`,
    securityProfileIds: ids,
    ...rest,
  }));
const input = fc.oneof(w(2, wellFormed), w(1, anything)).map((r) => present(r));

const USER = /^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance\/([A-Za-z0-9-]+)\/agent\/([A-Za-z0-9-]+)$/;
const AGENT = /^arn:aws[a-z-]*:wisdom:[a-z0-9-]+:\d{12}:ai-agent\/[A-Za-z0-9-]+\/[A-Za-z0-9-]+$/;

function expectedFailures(i: Record<string, unknown>): string[] {
  const bad = new Set<string>();
  const type = i["entityType"];
  const typeOk = !badString(type, { required: true, oneOf: ["AI_AGENT", "USER"] });
  if (!typeOk) bad.add("entityType");
  const instanceBad = badString(i["instanceId"], { required: true, min: 1, max: 100 });
  if (instanceBad) bad.add("instanceId");
  if (badString(i["region"], { pattern: REGION })) bad.add("region");
  if (badBoolean(i["exclusive"])) bad.add("exclusive");
  const arn = i["entityArn"];
  const pattern = typeOk ? (type === "USER" ? USER : AGENT) : undefined;
  const arnBad = badString(arn, { required: true, min: 1, ...(pattern ? { pattern } : {}) });
  if (arnBad) bad.add("entityArn");
  else if (type === "USER" && !instanceBad) {
    // A user belongs to the instance its ARN names.
    const owner = USER.exec(arn as string)?.[1];
    if (owner !== (i["instanceId"] as string).split("/").pop()) bad.add("entityArn");
  }
  const ids = i["securityProfileIds"];
  if (ids === undefined || ids === null || !Array.isArray(ids)) bad.add("securityProfileIds");
  else {
    if (ids.length === 0 || (type === "USER" && ids.length > 10)) bad.add("securityProfileIds");
    ids.forEach((id, k) => {
      if (badString(id, { required: true, min: 1 })) bad.add(`securityProfileIds[${k}]`);
    });
    const strings = ids.filter((id): id is string => typeof id === "string");
    if (new Set(strings).size !== strings.length) bad.add("securityProfileIds");
  }
  return [...bad].sort();
}

describe("SecurityProfileAssociation check under generated hostile input", () => {
  it(`rejects exactly the invalid properties, accepts and normalises every valid input, never throws (${RUNS} inputs)`, () => {
    const { valid } = assertCheckAgreesWithOracle({
      input,
      check: (i) => checkSecurityProfileAssociation(i, settings),
      expectedFailures,
      normalised: (i) => ({
        ...i,
        region: resolvedRegion(i),
        exclusive: i["exclusive"] ?? false,
        securityProfileIds: [...(i["securityProfileIds"] as string[])].sort(),
      }),
    });
    expect(valid).toBeGreaterThan(RUNS / 10);
  });
});
