import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/aws/settings";
import { checkWorkspaceAssociation } from "../../src/workspace-association/check";
import {
  REGION,
  RUNS,
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
 * Hostile input to WorkspaceAssociation's check: generated inputs at and beyond every bound (ids of
 * 100 / 101 and 256 / 257 characters, empty and repeated ARN lists, ARNs of the wrong type). The
 * oracle restates the rules independently.
 */

const settings = { ...DEFAULT_SETTINGS, region: "us-east-1" };

const HEAD = "arn:aws:connect:us-east-1:123456789012:instance/inst-1";
const resourceArn = fc.oneof(
  w(16, fc.constantFrom(...[1, 2, 3, 4].map((n) => `${HEAD}/agent/u-${n}`), `${HEAD}/routing-profile/rp-1`)),
  w(
    2,
    fc.constantFrom(
      `${HEAD}/security-profile/sp-1`,
      `${HEAD}/agent/`,
      `${HEAD}/agent/u 1`,
      `arn:aws:connect:us-east-1:123456789012:instance/a|b/agent/u-1`,
      `arn:aws:connect:us-east-1:12345678901:instance/inst-1/agent/u-1`,
      `arn:aws-cn:connect:cn-north-1:123456789012:instance/i/routing-profile/r`,
      "",
    ),
  ),
  w(1, text(40)),
  w(1, notString),
);
const input = fc
  .record({
    instanceId: fc.oneof(
      w(8, fc.constantFrom("inst-1", "0a1b-2c3d")),
      w(1, sized("i", 0, 1, 100, 101)),
      w(1, sized("😀", 100, 101)),
      w(1, notString),
    ),
    workspaceId: fc.oneof(
      w(8, fc.constantFrom("ws-1", "workspace/with|any:chars")),
      w(1, sized("w", 0, 1, 256, 257)),
      w(1, text(20)),
      w(1, notString),
    ),
    region: maybe(regionArb),
    resourceArns: maybe(
      fc.oneof(
        w(10, fc.array(resourceArn, { maxLength: 4 })),
        w(1, fc.constant(`${HEAD}/agent/u-1`)),
        w(1, fc.integer()),
      ),
    ),
  })
  .map((r) => present(r));

const ARN = /^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance\/[^/\s|]+\/(agent|routing-profile)\/[^/\s]+$/;

function expectedFailures(i: Record<string, unknown>): string[] {
  const bad = new Set<string>();
  if (badString(i["instanceId"], { required: true, min: 1, max: 100 })) bad.add("instanceId");
  if (badString(i["workspaceId"], { required: true, min: 1, max: 256 })) bad.add("workspaceId");
  if (badString(i["region"], { pattern: REGION })) bad.add("region");
  const arns = i["resourceArns"];
  if (!Array.isArray(arns)) bad.add("resourceArns");
  else {
    if (arns.length === 0) bad.add("resourceArns");
    arns.forEach((a, k) => {
      if (badString(a, { required: true, pattern: ARN })) bad.add(`resourceArns[${k}]`);
    });
    const strings = arns.filter((a): a is string => typeof a === "string");
    if (new Set(strings).size !== strings.length) bad.add("resourceArns");
  }
  return [...bad].sort();
}

describe("WorkspaceAssociation check under generated hostile input", () => {
  it(`rejects exactly the invalid properties, accepts and sorts every valid input, never throws (${RUNS} inputs)`, () => {
    const { valid } = assertCheckAgreesWithOracle({
      input,
      check: (i) => checkWorkspaceAssociation(i, settings),
      expectedFailures,
      normalised: (i) => ({
        ...i,
        region: resolvedRegion(i),
        resourceArns: [...(i["resourceArns"] as string[])].sort(),
      }),
    });
    expect(valid).toBeGreaterThan(RUNS / 10);
  });
});
