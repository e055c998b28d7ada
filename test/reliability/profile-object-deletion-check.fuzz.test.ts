import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/aws/settings";
import { checkProfileObjectDeletion } from "../../src/profile-object-deletion/check";
import {
  RUNS,
  badBoolean,
  badString,
  assertCheckAgreesWithOracle,
  every,
  isDigit,
  isLetter,
  isLower,
  regionAccepted,
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
 * beyond its edge, against an oracle that states the rules from AWS's model (botocore 1.44.8,
 * customer-profiles 2020-08-15; see fuzz-arbitraries.ts).
 */

const settings = { ...DEFAULT_SETTINGS, region: "us-east-1" };

const input = fc
  .record({
    domainName: fc.oneof(
      w(6, fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/)),
      w(1, sized("d", 0, 1, 64, 65)),
      w(1, fc.constantFrom("dom.ain", "dom ain", "dömain", "-_-")),
      w(1, text(30)),
      w(1, notString),
    ),
    profileId: fc.oneof(
      w(6, fc.stringMatching(/^[a-f0-9]{32}$/)),
      w(1, fc.stringMatching(/^[a-fA-F0-9]{31,33}$/)),
      w(
        1,
        fc.constantFrom(
          "0123456789abcdef0123456789abcdeg",
          "0123456789abcdef0123456789abcde😀",
          `x${"a".repeat(32)}`,
        ),
      ),
      w(1, text(32)),
      w(1, notString),
    ),
    objectTypeName: fc.oneof(
      w(6, fc.stringMatching(/^[a-zA-Z_][a-zA-Z_0-9-]{0,20}$/)),
      w(1, sized("T", 0, 1, 255, 256)),
      w(1, fc.constantFrom("1Order", "-x", "Or der", "_x", "Order-9", "Ordér")),
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

/** customer-profiles `name` (DomainName): pattern ^[a-zA-Z0-9_-]+$. */
const isDomainName = (s: string) => every(s, (c) => isLetter(c) || isDigit(c) || c === "_" || c === "-");
/** customer-profiles `typeName` (ObjectTypeName): pattern ^[a-zA-Z_][a-zA-Z_0-9-]*$. */
const isTypeName = (s: string) => {
  const [first = "", ...rest] = [...s];
  return (
    (isLetter(first) || first === "_") &&
    rest.every((c) => isLetter(c) || isDigit(c) || c === "_" || c === "-")
  );
};
/** customer-profiles `uuid` (ProfileId): pattern [a-f0-9]{32}, over the whole value. */
const isProfileId = (s: string) => s.length === 32 && every(s, (c) => isDigit(c) || (isLower(c) && c <= "f"));

// customer-profiles 2020-08-15, DeleteProfileObjectRequest: all four members required.
function expectedFailures(i: Record<string, unknown>): string[] {
  const bad = new Set<string>();
  // DomainName (name): 1-64.
  if (badString(i["domainName"], { required: true, min: 1, max: 64, form: isDomainName }))
    bad.add("domainName");
  // ProfileId (uuid): no length bounds beyond the pattern's 32.
  if (badString(i["profileId"], { required: true, form: isProfileId })) bad.add("profileId");
  // ObjectTypeName (typeName): 1-255.
  if (badString(i["objectTypeName"], { required: true, min: 1, max: 255, form: isTypeName }))
    bad.add("objectTypeName");
  // ProfileObjectUniqueKey (string1To255): 1-255, any characters.
  if (badString(i["profileObjectUniqueKey"], { required: true, min: 1, max: 255 }))
    bad.add("profileObjectUniqueKey");
  if (badString(i["region"], { form: regionAccepted })) bad.add("region");
  // library rules: two optional booleans (defaults true and false), and triggers of any value.
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
