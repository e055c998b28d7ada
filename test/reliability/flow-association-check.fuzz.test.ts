import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/aws/settings";
import { checkFlowAssociation } from "../../src/flow-association/check";
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
 * Hostile input to FlowAssociation's check: every resource type with ids and ARNs of every shape,
 * instance ids of 100 / 101 characters, flow ids of 500 / 501. The oracle parses ARNs by hand
 * instead of restating the check's regular expressions.
 */

const settings = { ...DEFAULT_SETTINGS, region: "us-east-1" };
const TYPES = [
  "VOICE_PHONE_NUMBER",
  "SMS_PHONE_NUMBER",
  "WHATSAPP_MESSAGING_PHONE_NUMBER",
  "INBOUND_EMAIL",
  "OUTBOUND_EMAIL",
  "ANALYTICS_CONNECTOR",
] as const;

const id = fc.oneof(
  w(8, fc.constantFrom("pn-1", "abc", "x_y-z.1")),
  w(1, fc.constantFrom("", "a b", "a|b", "a:b", "a/b")),
);
const partition = fc.oneof(
  w(6, fc.constantFrom("aws", "aws-cn", "aws-us-gov")),
  w(1, fc.constantFrom("azure", "AWS")),
);
const account = fc.oneof(
  w(6, fc.constant("123456789012")),
  w(1, fc.constantFrom("12345678901", "12345678901a")),
);
const arnOf = (service: fc.Arbitrary<string>, rest: fc.Arbitrary<string>) =>
  fc
    .tuple(partition, service, fc.constantFrom("us-east-1", "eu-west-2", "US-EAST-1"), account, rest)
    .map(([p, s, r, a, x]) => `arn:${p}:${s}:${r}:${a}:${x}`);
const anyService = fc.constantFrom("connect", "sms-voice", "social-messaging", "ses", "s3_x");
const resourceId = fc.oneof(
  w(3, id),
  w(
    2,
    arnOf(
      fc.constantFrom("connect"),
      id.map((i) => `phone-number/${i}`),
    ),
  ),
  w(
    2,
    arnOf(
      fc.constantFrom("sms-voice"),
      id.map((i) => `phone-number/${i}`),
    ),
  ),
  w(
    2,
    arnOf(
      fc.constantFrom("social-messaging"),
      id.map((i) => `phone-number-id/${i}`),
    ),
  ),
  w(
    2,
    arnOf(
      anyService,
      fc
        .tuple(fc.constantFrom("instance/i-1/email-address", "a:b", "", "x y"), id)
        .map(([h, i]) => `${h}/${i}`),
    ),
  ),
  w(1, text(30)),
  w(1, notString),
);
const flowId = fc.oneof(
  w(4, id),
  w(
    3,
    arnOf(
      fc.constantFrom("connect", "lex"),
      fc.tuple(id, id).map(([i, f]) => `instance/${i}/contact-flow/${f}`),
    ),
  ),
  w(1, sized("f", 500, 501)),
  w(1, sized("😀", 500, 501)),
  w(1, notString),
);
const instanceId = fc.oneof(
  w(4, id),
  w(
    3,
    arnOf(
      fc.constantFrom("connect", "wisdom"),
      id.map((i) => `instance/${i}`),
    ),
  ),
  w(1, sized("i", 100, 101)),
  w(1, notString),
);
const anything = fc.record({
  instanceId,
  resourceId,
  resourceType: fc.oneof(w(10, fc.constantFrom(...TYPES)), w(1, fc.constantFrom("SMS", "")), w(1, notString)),
  flowId,
  region: maybe(regionArb),
});
/** The resourceId forms each type takes. */
const FORMS: Record<(typeof TYPES)[number], string[]> = {
  VOICE_PHONE_NUMBER: ["pn-1", "arn:aws:connect:us-east-1:123456789012:phone-number/pn-1"],
  SMS_PHONE_NUMBER: ["arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-1"],
  WHATSAPP_MESSAGING_PHONE_NUMBER: ["arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/wa-1"],
  INBOUND_EMAIL: ["em-1", "arn:aws:connect:us-east-1:123456789012:instance/i-1/email-address/em-1"],
  OUTBOUND_EMAIL: ["em-2"],
  ANALYTICS_CONNECTOR: [
    "ac-1",
    "arn:aws:connect:us-east-1:123456789012:instance/i-1/analytics-connector/ac-1",
  ],
};
// Mostly well-formed: the right resourceId form for the type, so that every other rule gets reached.
const wellFormed = fc.constantFrom(...TYPES).chain((type) =>
  fc.record({
    instanceId: fc.oneof(
      w(4, fc.constantFrom("i-1", "arn:aws:connect:us-east-1:123456789012:instance/i-1")),
      w(1, instanceId),
    ),
    resourceId: fc.oneof(w(4, fc.constantFrom(...FORMS[type])), w(1, resourceId)),
    resourceType: fc.constant(type),
    flowId: fc.oneof(
      w(4, fc.constantFrom("f-1", "arn:aws:connect:us-east-1:123456789012:instance/i-1/contact-flow/f-1")),
      w(1, flowId),
    ),
    region: maybe(regionArb),
  }),
);
const input = fc.oneof(w(1, wellFormed), w(1, anything)).map((r) => present(r));

/** An id Connect takes: no |, whitespace, / or :. */
const isId = (s: string) => s.length > 0 && !/[|\s/:]/.test(s);

interface Arn {
  service: string;
  rest: string;
}

function parseArn(s: string): Arn | undefined {
  const p = s.split(":");
  if (p.length < 6 || p[0] !== "arn") return undefined;
  const [, part = "", service = "", region = "", acct = ""] = p;
  if (!/^aws[a-z-]*$/.test(part) || !/^[a-z0-9-]+$/.test(region) || !/^[0-9]{12}$/.test(acct))
    return undefined;
  return { service, rest: p.slice(5).join(":") };
}

/** `rest` is `<prefix>/<id>` exactly. */
const named = (rest: string, prefix: string) =>
  rest.startsWith(`${prefix}/`) && isId(rest.slice(prefix.length + 1));

function resourceOk(type: string, v: string): boolean {
  const arn = parseArn(v);
  switch (type) {
    case "VOICE_PHONE_NUMBER":
      return isId(v) || (arn?.service === "connect" && named(arn.rest, "phone-number"));
    case "SMS_PHONE_NUMBER":
      return arn?.service === "sms-voice" && named(arn.rest, "phone-number");
    case "WHATSAPP_MESSAGING_PHONE_NUMBER":
      return arn?.service === "social-messaging" && named(arn.rest, "phone-number-id");
    default: {
      if (isId(v)) return true;
      if (!arn || !/^[a-z-]+$/.test(arn.service) || /\s/.test(arn.rest)) return false;
      const slash = arn.rest.lastIndexOf("/");
      return slash >= 0 && isId(arn.rest.slice(slash + 1));
    }
  }
}

function flowOk(v: string): boolean {
  if (isId(v)) return true;
  const arn = parseArn(v);
  const m = arn?.service === "connect" ? /^instance\/([^/]*)\/contact-flow\/([^/]*)$/.exec(arn.rest) : null;
  return m !== null && isId(m[1] ?? "") && isId(m[2] ?? "");
}

function instanceOk(v: string): boolean {
  const arn = parseArn(v);
  return isId(v) || (arn?.service === "connect" && named(arn.rest, "instance"));
}

function expectedFailures(i: Record<string, unknown>): string[] {
  const bad = new Set<string>();
  const inst = i["instanceId"];
  if (badString(inst, { required: true, min: 1, max: 100 }) || !instanceOk(inst as string))
    bad.add("instanceId");
  const type = i["resourceType"];
  const typeOk = !badString(type, { required: true, oneOf: TYPES });
  if (!typeOk) bad.add("resourceType");
  const res = i["resourceId"];
  if (badString(res, { required: true, min: 1 }) || (typeOk && !resourceOk(type as string, res as string)))
    bad.add("resourceId");
  const flow = i["flowId"];
  if (badString(flow, { required: true, min: 1, max: 500 }) || !flowOk(flow as string)) bad.add("flowId");
  if (badString(i["region"], { pattern: REGION })) bad.add("region");
  return [...bad].sort();
}

describe("FlowAssociation check under generated hostile input", () => {
  it(`rejects exactly the invalid properties, accepts every valid input, never throws (${RUNS} inputs)`, () => {
    const { valid } = assertCheckAgreesWithOracle({
      input,
      check: (i) => checkFlowAssociation(i, settings),
      expectedFailures,
      normalised: (i) => ({ ...i, region: resolvedRegion(i) }),
    });
    expect(valid).toBeGreaterThan(RUNS / 10);
  });
});
