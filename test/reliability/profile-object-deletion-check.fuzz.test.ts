import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/aws/settings";
import { checkProfileObjectDeletion } from "../../src/profile-object-deletion/check";
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
  sized,
  text,
  w,
} from "./fuzz-arbitraries";

/*
 * Hostile input to ProfileObjectDeletion's check: every documented bound of DeleteProfileObject
 * (DomainName 1-64, ObjectTypeName 1-255, ProfileObjectUniqueKey 1-255, ProfileId 32 hex) at and
 * beyond its edge, against an oracle that restates the rules independently.
 */

const settings = { ...DEFAULT_SETTINGS, region: "us-east-1" };

const input = fc
  .record({
    domainName: fc.oneof(
      w(6, fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/)),
      w(1, sized("d", 0, 1, 64, 65)),
      w(1, text(30)),
      w(1, notString),
    ),
    profileId: fc.oneof(
      w(6, fc.stringMatching(/^[a-f0-9]{32}$/)),
      w(1, fc.stringMatching(/^[a-fA-F0-9]{31,33}$/)),
      w(1, text(32)),
      w(1, notString),
    ),
    objectTypeName: fc.oneof(
      w(6, fc.stringMatching(/^[a-zA-Z_][a-zA-Z_0-9-]{0,20}$/)),
      w(1, sized("T", 0, 1, 255, 256)),
      w(1, fc.constantFrom("1Order", "-x", "Or der")),
      w(1, notString),
    ),
    profileObjectUniqueKey: fc.oneof(
      w(6, text(40)),
      w(1, sized("k", 0, 1, 255, 256)),
      w(1, sized("é", 255, 256)),
      w(1, notString),
    ),
    region: maybe(regionArb),
    ignoreMissing: maybe(fc.oneof(w(6, fc.boolean()), w(1, fc.constant("true")))),
    verifyOnRefresh: maybe(fc.oneof(w(6, fc.boolean()), w(1, fc.constant(1)))),
    triggers: maybe(fc.jsonValue({ maxDepth: 2 })),
  })
  .map((r) => present(r));

function expectedFailures(i: Record<string, unknown>): string[] {
  const bad = new Set<string>();
  if (badString(i["domainName"], { required: true, min: 1, max: 64, pattern: /^[a-zA-Z0-9_-]+$/ }))
    bad.add("domainName");
  if (badString(i["profileId"], { required: true, pattern: /^[a-f0-9]{32}$/ })) bad.add("profileId");
  if (
    badString(i["objectTypeName"], { required: true, min: 1, max: 255, pattern: /^[a-zA-Z_][a-zA-Z_0-9-]*$/ })
  )
    bad.add("objectTypeName");
  if (badString(i["profileObjectUniqueKey"], { required: true, min: 1, max: 255 }))
    bad.add("profileObjectUniqueKey");
  if (badString(i["region"], { pattern: REGION })) bad.add("region");
  if (badBoolean(i["ignoreMissing"])) bad.add("ignoreMissing");
  if (badBoolean(i["verifyOnRefresh"])) bad.add("verifyOnRefresh");
  return [...bad].sort();
}

describe("ProfileObjectDeletion check under generated hostile input", () => {
  it(`rejects exactly the invalid properties, accepts every valid input with its defaults, never throws (${RUNS} inputs)`, () => {
    const { valid } = assertCheckAgreesWithOracle({
      input,
      check: (i) => checkProfileObjectDeletion(i, settings),
      expectedFailures,
      normalised: (i) => ({
        ...i,
        region: resolvedRegion(i),
        ignoreMissing: i["ignoreMissing"] ?? true,
        verifyOnRefresh: i["verifyOnRefresh"] ?? false,
      }),
    });
    expect(valid).toBeGreaterThan(RUNS / 10);
  });
});
