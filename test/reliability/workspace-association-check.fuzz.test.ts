import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/aws/settings";
import { checkWorkspaceAssociation } from "../../src/workspace-association/check";
import {
  RUNS,
  arnOf,
  badString,
  assertCheckAgreesWithOracle,
  every,
  isSpace,
  regionAccepted,
  scopeRegion,
  scopeViolations,
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
 * 100 / 101 and 256 / 257 characters, empty, repeated and long ARN lists, ARNs of the wrong type).
 * The oracle states the rules from AWS's model (botocore 1.44.8, see fuzz-arbitraries.ts).
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
      `arn:aws:connect:us-east-1:123456789012:instance/inst:1/agent/u|1`,
      `arn:aws:connect:us-east-1:123456789012:instance/inst-1/agent/u-1/x`,
      `arn:aws:connect:us-east-1:123456789012:instance/inst-1/queue/q-1`,
      `arn:aws:connect:us-east-1:123456789012:agent/u-1`,
      "",
    ),
  ),
  w(1, text(40)),
  w(1, notString),
);
const input = fc
  .record({
    instanceId: fc.oneof(
      // Mostly the ARNs' own instance, so that inputs reach both sides of the ARN-scope rule.
      w(8, fc.constant("inst-1")),
      w(2, fc.constant("0a1b-2c3d")),
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
    // Mostly the ARNs' own Region (us-east-1), so that inputs reach both sides of the ARN-scope rule.
    region: fc.oneof(
      { arbitrary: fc.constant("us-east-1"), weight: 3 },
      { arbitrary: maybe(regionArb), weight: 1 },
    ),
    resourceArns: maybe(
      fc.oneof(
        w(10, fc.array(resourceArn, { maxLength: 4 })),
        // Past AssociateWorkspace's 25 per call.
        w(
          1,
          fc
            .integer({ min: 24, max: 30 })
            .map((n) => Array.from({ length: n }, (_, k) => `${HEAD}/agent/user-${k}`)),
        ),
        w(1, fc.constant(`${HEAD}/agent/u-1`)),
        w(1, fc.integer()),
      ),
    ),
  })
  .map((r) => present(r));

/**
 * A user or routing-profile ARN: AssociateWorkspaceRequest.ResourceArns says "Valid resource types
 * are users and routing profiles"; the form, arn:…:connect:…:instance/<instanceId>/agent/<userId>
 * or …/routing-profile/<routingProfileId>, is a library rule (the model's ARN is a plain string), as
 * are its ids: no '/' or whitespace, and no '|' in the instance id (the separator of this resource's
 * own id).
 */
function isUserOrRoutingProfileArn(s: string): boolean {
  const parts = arnOf(s, "connect")?.resource.split("/");
  const plain = (x: string | undefined) => every(x ?? "", (c) => !isSpace(c));
  return (
    parts?.length === 4 &&
    parts[0] === "instance" &&
    plain(parts[1]) &&
    !parts[1]?.includes("|") &&
    (parts[2] === "agent" || parts[2] === "routing-profile") &&
    plain(parts[3])
  );
}

// connect 2017-08-08, AssociateWorkspaceRequest / DisassociateWorkspaceRequest: all required.
function expectedFailures(i: Record<string, unknown>): string[] {
  const bad = new Set<string>();
  // InstanceId (InstanceId): 1-100.
  if (badString(i["instanceId"], { required: true, min: 1, max: 100 })) bad.add("instanceId");
  // WorkspaceId (WorkspaceId): 1-256.
  if (badString(i["workspaceId"], { required: true, min: 1, max: 256 })) bad.add("workspaceId");
  if (badString(i["region"], { form: regionAccepted })) bad.add("region");
  // ResourceArns (WorkspaceResourceArnList): 1-25 ARNs per call; library rules: no maximum (the
  // provider sends 25 per call), none twice.
  const arns = i["resourceArns"];
  if (!Array.isArray(arns)) bad.add("resourceArns");
  else {
    if (arns.length < 1) bad.add("resourceArns");
    arns.forEach((a, k) => {
      if (badString(a, { required: true, form: isUserOrRoutingProfileArn })) bad.add(`resourceArns[${k}]`);
    });
    const strings = arns.filter((a): a is string => typeof a === "string");
    if (new Set(strings).size !== strings.length) bad.add("resourceArns");
    const instanceId = bad.has("instanceId") ? undefined : i["instanceId"];
    const named = arns.map((a, k) => [`resourceArns[${k}]`, a] as const);
    for (const p of scopeViolations({ instanceId, region: scopeRegion(i) }, named)) bad.add(p);
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
