import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/aws/settings";
import { checkFlowAssociation } from "../../src/flow-association/check";
import {
  AWS_PARTITIONS,
  RUNS,
  arnOf,
  arnParts,
  arnRegionAccepted,
  badString,
  assertCheckAgreesWithOracle,
  every,
  isAccountId,
  isLower,
  isSpace,
  partitionAccepted,
  regionAccepted,
  resolvedRegion,
  scopeRegion,
  scopeViolations,
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
 * instance ids of 100 / 101 characters, flow ids of 500 / 501. The oracle states the rules from
 * AWS's models (botocore 1.44.8, see fuzz-arbitraries.ts) and parses ARNs by hand.
 */

const settings = { ...DEFAULT_SETTINGS, region: "us-east-1" };

// connect 2017-08-08: FlowAssociationResourceType (AssociateFlow, DisassociateFlow,
// GetFlowAssociation) and ListFlowAssociationResourceType (ListFlowAssociations,
// BatchGetFlowAssociation), as the model lists them.
const FLOW_ASSOCIATION_RESOURCE_TYPE = [
  "SMS_PHONE_NUMBER",
  "INBOUND_EMAIL",
  "OUTBOUND_EMAIL",
  "ANALYTICS_CONNECTOR",
  "WHATSAPP_MESSAGING_PHONE_NUMBER",
];
const LIST_FLOW_ASSOCIATION_RESOURCE_TYPE = [
  "WHATSAPP_MESSAGING_PHONE_NUMBER",
  "VOICE_PHONE_NUMBER",
  "INBOUND_EMAIL",
  "OUTBOUND_EMAIL",
  "ANALYTICS_CONNECTOR",
];
/**
 * library rule: resourceType takes both enums, VOICE_PHONE_NUMBER (only in the listing enum) being
 * associated through AssociatePhoneNumberContactFlow.
 */
const TYPES = [...new Set([...FLOW_ASSOCIATION_RESOURCE_TYPE, ...LIST_FLOW_ASSOCIATION_RESOURCE_TYPE])];

const id = fc.oneof(
  w(8, fc.constantFrom("pn-1", "abc", "x_y-z.1", "Phone9")),
  w(1, fc.constantFrom("", "a b", "a|b", "a:b", "a/b", "a\tb")),
);
const partition = fc.oneof(w(6, fc.constantFrom(...AWS_PARTITIONS)), w(1, fc.constantFrom("azure", "AWS")));
const account = fc.oneof(
  w(6, fc.constant("123456789012")),
  w(1, fc.constantFrom("12345678901", "12345678901a")),
);
const arnWith = (service: fc.Arbitrary<string>, rest: fc.Arbitrary<string>) =>
  fc
    .tuple(partition, service, fc.constantFrom("us-east-1", "eu-west-2", "US-EAST-1"), account, rest)
    .map(([p, s, r, a, x]) => `arn:${p}:${s}:${r}:${a}:${x}`);
const anyService = fc.constantFrom("connect", "sms-voice", "social-messaging", "ses", "s3_x");
const resourceId = fc.oneof(
  w(3, id),
  w(
    2,
    arnWith(
      fc.constantFrom("connect"),
      id.map((i) => `phone-number/${i}`),
    ),
  ),
  w(
    2,
    arnWith(
      fc.constantFrom("sms-voice"),
      id.map((i) => `phone-number/${i}`),
    ),
  ),
  w(
    2,
    arnWith(
      fc.constantFrom("social-messaging"),
      id.map((i) => `phone-number-id/${i}`),
    ),
  ),
  w(
    2,
    arnWith(
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
    arnWith(
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
    arnWith(
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
const FORMS: Record<string, string[]> = {
  VOICE_PHONE_NUMBER: ["pn-1", "arn:aws:connect:us-east-1:123456789012:phone-number/pn-1"],
  SMS_PHONE_NUMBER: [
    "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-1",
    "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone_0123456789abcdef",
  ],
  WHATSAPP_MESSAGING_PHONE_NUMBER: [
    "arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/wa-1",
    "arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/976c72a700aac43eaf573ae050example",
  ],
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
    resourceId: fc.oneof(w(4, fc.constantFrom(...(FORMS[type] ?? []))), w(1, resourceId)),
    resourceType: fc.constant(type),
    flowId: fc.oneof(
      w(4, fc.constantFrom("f-1", "arn:aws:connect:us-east-1:123456789012:instance/i-1/contact-flow/f-1")),
      w(1, flowId),
    ),
    region: maybe(regionArb),
  }),
);
const input = fc.oneof(w(1, wellFormed), w(1, anything)).map((r) => present(r));

/**
 * library rule: an id (of an instance, phone number, email address, connector or flow) holds no '|'
 * (the separator of this resource's own id), whitespace, '/' or ':' (which would break the URL paths
 * and ARNs it goes into). The model types these ids as plain strings.
 */
const isId = (s: string) => every(s, (c) => c !== "|" && c !== "/" && c !== ":" && !isSpace(c));

/** `resource` is `<type>/<id>` exactly. */
const named = (resource: string, type: string) =>
  resource.startsWith(`${type}/`) && isId(resource.slice(type.length + 1));

/**
 * An End User Messaging SMS phone number ARN (AssociateFlowRequest.ResourceId's documentation for
 * SMS_PHONE_NUMBER): arn:…:sms-voice:…:phone-number/<id>, the form pinpoint-sms-voice-v2
 * 2022-03-31 gives its phone numbers' ARNs (AmazonResourceName: 20-256 characters of [A-Za-z0-9_:/-]).
 */
function isSmsNumberArn(s: string): boolean {
  const a = arnOf(s, "sms-voice");
  if (a === undefined || !named(a.resource, "phone-number")) return false;
  // differs from AWS model: pinpoint-sms-voice-v2 bounds such ARNs (AmazonResourceName) to 20-256
  // characters of [A-Za-z0-9_:/-]; the check takes any id characters after phone-number/ (x_y-z.1,
  // é) and any length.
  return true;
}

/**
 * An End User Messaging Social phone number ARN (ResourceId's documentation for
 * WHATSAPP_MESSAGING_PHONE_NUMBER): socialmessaging 2024-01-01 LinkedWhatsAppPhoneNumberArn,
 * arn:.*:phone-number-id/[0-9a-zA-Z]+, up to 2048 characters; library rule: of the
 * social-messaging service, with an accepted partition, Region and account.
 */
function isWhatsAppNumberArn(s: string): boolean {
  const a = arnOf(s, "social-messaging");
  if (a === undefined || !a.resource.startsWith("phone-number-id/")) return false;
  const number = a.resource.slice("phone-number-id/".length);
  // differs from AWS model: LinkedWhatsAppPhoneNumberArn's id is [0-9a-zA-Z]+; the check takes any id
  // characters (wa-1, x_y-z.1).
  return isId(number);
}

/** library rule: any service's ARN whose resource ends in /<id> (the model says "identifier"). */
function endsInId(s: string): boolean {
  const a = arnParts(s);
  if (!a || !partitionAccepted(a.partition) || !arnRegionAccepted(a.region) || !isAccountId(a.account))
    return false;
  if (!every(a.service, (c) => isLower(c) || c === "-") || [...a.resource].some(isSpace)) return false;
  const slash = a.resource.lastIndexOf("/");
  return slash >= 0 && isId(a.resource.slice(slash + 1));
}

function resourceOk(type: string, v: string): boolean {
  switch (type) {
    case "VOICE_PHONE_NUMBER": {
      // AssociatePhoneNumberContactFlowRequest.PhoneNumberId (PhoneNumberId): a string; library rule:
      // an id, or the number's Connect ARN arn:…:connect:…:phone-number/<id>.
      const a = arnOf(v, "connect");
      return isId(v) || (a !== undefined && named(a.resource, "phone-number"));
    }
    case "SMS_PHONE_NUMBER":
      return isSmsNumberArn(v);
    case "WHATSAPP_MESSAGING_PHONE_NUMBER":
      return isWhatsAppNumberArn(v);
    default:
      // library rule: email addresses and analytics connectors by id or by ARN.
      return isId(v) || endsInId(v);
  }
}

/** library rule: a flow id, or a flow ARN arn:…:connect:…:instance/<id>/contact-flow/<id>. */
function flowOk(v: string): boolean {
  if (isId(v)) return true;
  const parts = arnOf(v, "connect")?.resource.split("/");
  return (
    parts?.length === 4 &&
    parts[0] === "instance" &&
    isId(parts[1] ?? "") &&
    parts[2] === "contact-flow" &&
    isId(parts[3] ?? "")
  );
}

/**
 * library rule: an instance id, or an instance ARN arn:…:connect:…:instance/<id> (the form of
 * connect's InstanceIdOrArn; the operations here type InstanceId as a string of 1-100).
 */
function instanceOk(v: string): boolean {
  const a = arnOf(v, "connect");
  return isId(v) || (a !== undefined && named(a.resource, "instance"));
}

function expectedFailures(i: Record<string, unknown>): string[] {
  const bad = new Set<string>();
  // AssociateFlowRequest.InstanceId (InstanceId): required, 1-100.
  const inst = i["instanceId"];
  if (badString(inst, { required: true, min: 1, max: 100, form: instanceOk })) bad.add("instanceId");
  // AssociateFlowRequest.ResourceType: required, one of the types above.
  const type = i["resourceType"];
  const typeOk = !badString(type, { required: true, oneOf: TYPES });
  if (!typeOk) bad.add("resourceType");
  // AssociateFlowRequest.ResourceId (ARN): required string; library rule: not empty, and of the
  // type's form (only checked once the type is known).
  const res = i["resourceId"];
  if (
    badString(res, {
      required: true,
      min: 1,
      ...(typeOk ? { form: (s) => resourceOk(type as string, s) } : {}),
    })
  )
    bad.add("resourceId");
  // AssociateFlowRequest.FlowId (ARN): required string; AssociatePhoneNumberContactFlowRequest
  // .ContactFlowId (ContactFlowId): max 500. library rule: 1-500 for every type, an id or flow ARN.
  if (badString(i["flowId"], { required: true, min: 1, max: 500, form: flowOk })) bad.add("flowId");
  if (badString(i["region"], { form: regionAccepted })) bad.add("region");
  for (const p of scopeViolations({ instanceId: inst, region: scopeRegion(i) }, [
    ["resourceId", res],
    ["flowId", i["flowId"]],
  ]))
    bad.add(p);
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
