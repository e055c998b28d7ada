import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/aws/settings";
import { checkSecurityProfileAssociation } from "../../src/security-profile-association/check";
import {
  AWS_PARTITIONS,
  RUNS,
  arnOf,
  badBoolean,
  badString,
  assertCheckAgreesWithOracle,
  every,
  isAlnum,
  isDigit,
  isLower,
  regionAccepted,
  scopeRegion,
  scopeViolations,
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
 * The oracle states the rules from AWS's models (botocore 1.44.8, see fuzz-arbitraries.ts); every
 * invalid input must be rejected naming exactly the offending properties, every valid one accepted
 * (and normalised), and nothing may throw.
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
const UUIDS = ["0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "ffffffff-0000-4000-8000-123456789abc"];
const agentArn = fc
  .tuple(
    fc.constantFrom(...AWS_PARTITIONS, "azure", ""),
    fc.constantFrom("us-east-1", "US-EAST-1", ""),
    fc.constantFrom("ai-agent", "assistant"),
    fc.constantFrom("asst-1", ...UUIDS),
    fc.constantFrom(
      ...UUIDS,
      "0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D",
      "a-1",
      "A1",
      "",
      "a_1",
      `${UUIDS[0]}:1`,
    ),
  )
  .map(([p, r, t, asst, a]) => `arn:${p}:wisdom:${r}:123456789012:${t}/${asst}/${a}`);
const entityArn = fc.oneof(
  w(4, userArn),
  w(4, agentArn),
  w(1, fc.constant(`arn:aws:wisdom:us-east-1:123456789012:ai-agent/${UUIDS[0]}`)),
  w(1, text(60)),
  w(1, notString),
);
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
  // Mostly the ARNs' own Region (us-east-1), so that inputs reach both sides of the ARN-scope rule.
  region: fc.oneof(
    { arbitrary: fc.constant("us-east-1"), weight: 3 },
    { arbitrary: maybe(regionArb), weight: 1 },
  ),
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
    fc.constantFrom("u-1", "A-2", ...UUIDS),
    securityProfileIds,
    fc.record(optional),
  )
  .map(([instance, user, id, ids, rest]) => ({
    instanceId: instance,
    entityType: user ? "USER" : "AI_AGENT",
    entityArn: user
      ? `arn:aws:connect:us-east-1:123456789012:instance/${instance}/agent/${id}`
      : `arn:aws:wisdom:us-east-1:123456789012:ai-agent/${UUIDS[1]}/${id}`,
    securityProfileIds: ids,
    ...rest,
  }));
const input = fc.oneof(w(2, wellFormed), w(1, anything)).map((r) => present(r));

/** qconnect 2020-10-19 Uuid: [a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}. */
function isUuid(s: string): boolean {
  const groups = s.split("-");
  const sizes = [8, 4, 4, 4, 12];
  return (
    groups.length === 5 &&
    groups.every((g, k) => g.length === sizes[k] && every(g, (c) => isDigit(c) || (isLower(c) && c <= "f")))
  );
}

/** library rule: the ids in an ARN of this resource's entities are letters, digits and '-'. */
const isEntityId = (s: string) => every(s, (c) => isAlnum(c) || c === "-");

/**
 * EntityArn for AI_AGENT, "Arn of a Q in Connect AI Agent": qconnect 2020-10-19 AIAgentData
 * .aiAgentArn (Arn), arn:[a-z-]*:wisdom:[a-z0-9-]*:[0-9]{12}:<type>/<uuid>/<uuid>, an AI agent's
 * type being ai-agent, then its assistant's id and its own. library rule: an accepted partition
 * ("aws…", where qconnect's pattern allows any [a-z-]*) and a non-empty Region.
 */
function isAiAgentArn(s: string): boolean {
  const parts = arnOf(s, "wisdom")?.resource.split("/");
  if (parts?.length !== 3 || parts[0] !== "ai-agent") return false;
  const ids = parts.slice(1);
  // differs from AWS model: qconnect's Arn has lowercase UUIDs for both ids; the check takes any
  // letters, digits and '-' (ai-agent/asst-1/a-1, upper-case UUIDs).
  return ids.every(isUuid) || ids.every(isEntityId);
}

/**
 * EntityArn for USER: library rule (the model has no form for it, and UserId is a plain string):
 * arn:…:connect:…:instance/<instanceId>/agent/<userId>. Returns the instance it names.
 */
function userArnInstance(s: string): string | undefined {
  const parts = arnOf(s, "connect")?.resource.split("/");
  return parts?.length === 4 &&
    parts[0] === "instance" &&
    isEntityId(parts[1] ?? "") &&
    parts[2] === "agent" &&
    isEntityId(parts[3] ?? "")
    ? parts[1]
    : undefined;
}

// connect 2017-08-08: AssociateSecurityProfilesRequest (AI agents), UpdateUserSecurityProfilesRequest
// (users).
function expectedFailures(i: Record<string, unknown>): string[] {
  const bad = new Set<string>();
  // EntityType (EntityType): required, USER | AI_AGENT.
  const type = i["entityType"];
  const typeOk = !badString(type, { required: true, oneOf: ["USER", "AI_AGENT"] });
  if (!typeOk) bad.add("entityType");
  // InstanceId (InstanceId): required, 1-100.
  const instanceBad = badString(i["instanceId"], { required: true, min: 1, max: 100 });
  if (instanceBad) bad.add("instanceId");
  if (badString(i["region"], { form: regionAccepted })) bad.add("region");
  // library rule: exclusive, an optional boolean.
  if (badBoolean(i["exclusive"])) bad.add("exclusive");
  // EntityArn (EntityArn): required, min 1; its form once the type is known.
  const arn = i["entityArn"];
  const form = !typeOk
    ? undefined
    : type === "USER"
      ? (s: string) => userArnInstance(s) !== undefined
      : isAiAgentArn;
  const arnBad = badString(arn, { required: true, min: 1, ...(form ? { form } : {}) });
  if (arnBad) bad.add("entityArn");
  for (const p of scopeViolations(
    { instanceId: instanceBad ? undefined : i["instanceId"], region: scopeRegion(i) },
    [["entityArn", arnBad ? undefined : arn]],
  ))
    bad.add(p);
  // UpdateUserSecurityProfilesRequest.SecurityProfileIds (SecurityProfileIds): required, 1-10 ids.
  // AssociateSecurityProfilesRequest.SecurityProfiles (SecurityProfiles): required, 1-10 per call;
  // library rule: no maximum for an AI agent (the provider sends 10 per call).
  const ids = i["securityProfileIds"];
  if (ids === undefined || ids === null || !Array.isArray(ids)) bad.add("securityProfileIds");
  else {
    if (ids.length < 1 || (type === "USER" && ids.length > 10)) bad.add("securityProfileIds");
    // SecurityProfileId: a string; library rules: not empty, none twice.
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
