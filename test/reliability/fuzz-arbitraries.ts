import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import type { CheckFailure } from "../../src/validation/checker";

/*
 * Generators and the oracles' shared pieces for the check fuzz tests.
 *
 * The oracles state every rule from AWS's service models, never from src/: botocore 1.44.8's
 * botocore/data/connect/2017-08-08/service-2.json ("connect"), customer-profiles/2020-08-15,
 * lex-models/2017-04-19, lexv2-models/2020-08-07, qconnect/2020-10-19, pinpoint-sms-voice-v2/
 * 2022-03-31, socialmessaging/2024-01-01 and botocore/data/partitions.json; each rule names the
 * shape it comes from, and is written as a check of characters and ARN parts, not as a regular
 * expression of the library's. How the models are read:
 * - a string's min / max count characters (code points), as botocore's validator does (`len` of a str);
 * - a pattern holds for the whole value, as the services enforce it ("Member must satisfy regular
 *   expression pattern"), also where the model writes it unanchored;
 * - null counts as absent, as the engine sends no value for it.
 * Rules the library adds beyond the model (an ARN's form where the model says only "string", a
 * default, no upper bound where the provider batches) are marked "library rule". Where the check
 * departs from the model, the oracle follows the check on that one rule, marked
 * `// differs from AWS model: …`.
 */

export const RUNS = 10_000;
export const SEED = 20261122;

export const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
/** An optional property: absent a quarter of the time, null now and then (null counts as absent). */
export const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined | null> =>
  fc.oneof(w(12, arb), w(3, fc.constant(undefined)), w(1, fc.constant(null)));

// Code points, not UTF-16 units: an emoji is one character to the length rules, as to AWS.
const letters = fc.constantFrom(...[..."ABCXYZabcxyz019_-/:| .\té😀"]);
/** Text of up to `max` characters from a small alphabet rich in the separators the patterns care about. */
export const text = (max: number) => fc.array(letters, { maxLength: max }).map((a) => a.join(""));
export const notString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.constant({}),
);
/** A string of exactly `n` characters `c` (one code point): at and beyond the documented bounds. */
export const sized = (c: string, ...lengths: number[]) => fc.constantFrom(...lengths.map((n) => c.repeat(n)));

/** Every Region of botocore 1.44.8's partitions.json (its partitions' "regions", less the *-global names). */
export const AWS_REGIONS = [
  ...["af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3"],
  ...["ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3"],
  ...["ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1"],
  ...["ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2"],
  ...["eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1"],
  ...["me-west-1", "mx-central-1", "sa-east-1", "sa-west-1", "us-east-1", "us-east-2", "us-west-1"],
  ...["us-west-2", "cn-north-1", "cn-northwest-1", "eusc-de-east-1", "us-iso-east-1"],
  ...["us-iso-west-1", "us-isob-east-1", "us-isob-west-1", "eu-isoe-west-1", "us-isof-east-1"],
  ...["us-isof-south-1", "us-gov-east-1", "us-gov-west-1"],
];
/** The partitions of partitions.json. */
export const AWS_PARTITIONS = [
  "aws",
  "aws-cn",
  "aws-eusc",
  "aws-iso",
  "aws-iso-b",
  "aws-iso-e",
  "aws-iso-f",
  "aws-us-gov",
];

export const regionArb = fc.oneof(
  w(4, fc.constantFrom(...AWS_REGIONS)),
  w(
    1,
    fc.constantFrom(
      ...["US-EAST-1", "us-east", "", "us-east-123", "us-east-01", "us-east2-1", "us_east-1"],
      ...["zz-east-1", "us-west-north-1", "us-", "-east-1", "é-east-1"],
    ),
  ),
  w(1, notString),
);

/** Drops the properties a generator left undefined, as the engine never sends them. */
export function present(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
}

// --- characters --------------------------------------------------------------------------------

export const isLower = (c: string) => c >= "a" && c <= "z";
export const isUpper = (c: string) => c >= "A" && c <= "Z";
export const isLetter = (c: string) => isLower(c) || isUpper(c);
export const isDigit = (c: string) => c >= "0" && c <= "9";
export const isAlnum = (c: string) => isLetter(c) || isDigit(c);
export const isSpace = (c: string) => /\s/.test(c);
/** Non-empty, and every character (code point) passes. */
export const every = (s: string, ok: (c: string) => boolean) => s.length > 0 && [...s].every(ok);
export const lengthOf = (s: string) => [...s].length;

// --- Region names --------------------------------------------------------------------------------

/**
 * A Region name, as the checks take it (`region`, `lexBot.lexRegion`): two lowercase letters, one
 * or more words of lowercase letters, a number of 1 or 2 digits, joined by '-'.
 */
export function regionAccepted(s: string): boolean {
  // differs from AWS model: partitions.json (botocore 1.44.8) writes a Region of each partition as
  // ^<prefix>-\w+-\d+$, prefix one of us eu ap sa ca me af il mx (aws), cn, us-gov, us-iso, us-isob,
  // eu-isoe, us-isof, eusc-de. The check's form rejects eusc-de-east-1 (aws-eusc's Region: its first
  // word has four letters), numbers of 3+ digits (us-east-123) and words with digits, capitals or _
  // (us-east2-1); it accepts prefixes and word counts of no partition (zz-east-1, us-west-north-1).
  // No Connect or Customer Profiles endpoint is in aws-eusc (endpoints.json), so no Region those
  // services run in is refused today.
  const words = s.split("-");
  const number = words.pop() ?? "";
  const [first = "", ...more] = words;
  return (
    lengthOf(first) === 2 &&
    every(first, isLower) &&
    more.length >= 1 &&
    more.every((m) => every(m, isLower)) &&
    every(number, isDigit) &&
    number.length <= 2
  );
}

// --- ARNs ----------------------------------------------------------------------------------------

/** An ARN's parts, as AWS lays them out: arn:partition:service:region:account-id:resource (which may hold ':'). */
export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

export function arnParts(s: string): ArnParts | undefined {
  const p = s.split(":");
  if (p.length < 6 || p[0] !== "arn") return undefined;
  const [, partition = "", service = "", region = "", account = ""] = p;
  return { partition, service, region, account, resource: p.slice(5).join(":") };
}

/**
 * library rule: the partition of an ARN is "aws" or "aws" followed by lowercase letters and '-'. All
 * eight of partitions.json have that form; the checks keep no list, so a new partition needs no
 * release.
 */
export const partitionAccepted = (p: string) =>
  p.startsWith("aws") && [...p.slice(3)].every((c) => isLower(c) || c === "-");
/**
 * library rule: the Region of an ARN is checked for its characters only, lowercase letters, digits
 * and '-' (as qconnect's Arn shape does: [a-z0-9-]*?), and must not be empty.
 */
export const arnRegionAccepted = (r: string) => every(r, (c) => isLower(c) || isDigit(c) || c === "-");
/** An account id: 12 digits (qconnect 2020-10-19 Arn: [0-9]{12}). */
export const isAccountId = (a: string) => a.length === 12 && every(a, isDigit);

/** The ARN's parts when it is an ARN of `service` with an accepted partition, Region and account. */
export function arnOf(s: string, service: string): ArnParts | undefined {
  const a = arnParts(s);
  return a &&
    a.service === service &&
    partitionAccepted(a.partition) &&
    arnRegionAccepted(a.region) &&
    isAccountId(a.account)
    ? a
    : undefined;
}

// --- the oracle's vocabulary ---------------------------------------------------------------------

/** A string rule: absent (undefined or null) is fine unless required; `form` is checked last. */
export function badString(
  v: unknown,
  rule: {
    required?: boolean;
    min?: number;
    max?: number;
    form?: (s: string) => boolean;
    oneOf?: readonly string[];
  },
): boolean {
  if (v === undefined || v === null) return rule.required === true;
  if (typeof v !== "string") return true;
  const n = lengthOf(v);
  return (
    (rule.min !== undefined && n < rule.min) ||
    (rule.max !== undefined && n > rule.max) ||
    (rule.form !== undefined && !rule.form(v)) ||
    (rule.oneOf !== undefined && !rule.oneOf.includes(v))
  );
}

export const badBoolean = (v: unknown): boolean => v !== undefined && v !== null && typeof v !== "boolean";

/** The properties a check's failures name, sorted, each reason checked to name its property. */
export function failedProperties(failures: CheckFailure[]): string[] {
  for (const f of failures) {
    const head = f.property.replace(/\[\d+\]$/, "");
    if (!f.reason.includes(head)) throw new Error(`failure for ${f.property} does not name it: ${f.reason}`);
  }
  return [...new Set(failures.map((f) => f.property))].sort();
}

export interface CheckUnderFuzz {
  input: fc.Arbitrary<Record<string, unknown>>;
  check: (news: Record<string, unknown>) => { inputs: Record<string, unknown>; failures: CheckFailure[] };
  /** The oracle: the properties a correct check rejects, sorted. */
  expectedFailures: (news: Record<string, unknown>) => string[];
  /** What a correct check returns for a valid input (defaults filled in, lists sorted). */
  normalised: (news: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * Runs `check` on RUNS generated inputs (fixed seed): the failures must name exactly the oracle's
 * properties, a valid input must come back normalised, nothing may throw; and the generator must
 * reach both sides of the rules, or the test proves little.
 */
export function assertCheckAgreesWithOracle(t: CheckUnderFuzz): { valid: number } {
  let valid = 0;
  fc.assert(
    fc.property(t.input, (i) => {
      const r = t.check(i);
      const expected = t.expectedFailures(i);
      if (JSON.stringify(failedProperties(r.failures)) !== JSON.stringify(expected))
        throw new Error(
          `failures ${JSON.stringify(r.failures)}, expected properties ${JSON.stringify(expected)}`,
        );
      if (expected.length > 0) return;
      valid++;
      const want = t.normalised(i);
      if (!isDeepStrictEqual(r.inputs, want))
        throw new Error(`normalised to ${JSON.stringify(r.inputs)}, expected ${JSON.stringify(want)}`);
    }),
    { numRuns: RUNS, seed: SEED },
  );
  if (valid <= RUNS / 10 || RUNS - valid <= RUNS / 10)
    throw new Error(
      `${valid} of ${RUNS} inputs were valid: the generator must reach both sides of the rules`,
    );
  return { valid };
}

/** The region a check resolves with the tests' settings (aws:region us-east-1). */
export const resolvedRegion = (i: Record<string, unknown>): unknown =>
  typeof i["region"] === "string" ? i["region"] : "us-east-1";

/** The library's own unknown-value sentinel (what preview sends for values not known yet). */
const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * Library rule, not AWS's: an ARN input must not contradict the resource's own scope. Read here
 * field by field (`arn:<partition>:<service>:<region>:<account>:<resource>`): a non-empty Region
 * field other than the resource's Region, a Connect resource inside another instance than the
 * resource's (`instance/<id>/…`), or an account other than the first one named (the instance's
 * ARN first) makes the property bad. `region` is the Region the check resolved (a string), else
 * undefined; `instanceId` the resource's instance as the check saw it.
 */
export function scopeViolations(
  own: { instanceId: unknown; region: unknown },
  arns: readonly (readonly [string, unknown])[],
): string[] {
  const fields = (v: unknown): string[] | undefined => {
    if (typeof v !== "string" || v === UNKNOWN_VALUE) return undefined;
    const p = v.split(":");
    if (p.length < 6 || p[0] !== "arn") return undefined;
    const [, partition = "", service = "", region = "", account = ""] = p;
    if (!/^aws[a-z-]*$/.test(partition) || !/^[a-z0-9-]+$/.test(service)) return undefined;
    if (!/^[a-z0-9-]*$/.test(region) || !/^(\d{12})?$/.test(account)) return undefined;
    return [service, region, account, p.slice(5).join(":")];
  };
  const instanceIn = (resource: string): string | undefined => {
    const segs = resource.split("/");
    return segs[0] === "instance" && segs.length > 1 && segs[1] !== "" ? segs[1] : undefined;
  };
  const region = typeof own.region === "string" && own.region !== UNKNOWN_VALUE ? own.region : undefined;
  const instanceFields = fields(own.instanceId);
  const instance =
    typeof own.instanceId === "string" && own.instanceId !== UNKNOWN_VALUE
      ? instanceFields
        ? instanceIn(instanceFields[3] ?? "")
        : own.instanceId
      : undefined;
  const bad: string[] = [];
  let account = instanceFields?.[2] ? instanceFields[2] : undefined;
  if (instanceFields && region && instanceFields[1] && instanceFields[1] !== region) bad.push("instanceId");
  for (const [property, value] of arns) {
    const f = fields(value);
    if (!f) continue;
    const [service, arnRegion, arnAccount, resource = ""] = f;
    if (region && arnRegion && arnRegion !== region) bad.push(property);
    const inInstance = service === "connect" ? instanceIn(resource) : undefined;
    if (instance && inInstance && inInstance !== instance) bad.push(property);
    if (arnAccount) {
      if (account && account !== arnAccount) bad.push(property);
      account ??= arnAccount;
    }
  }
  return bad;
}

/**
 * The Region the check compares ARNs with: the resource's `region` when it is a non-empty string,
 * the settings' us-east-1 when it is absent or empty (any falsy value), and none (no Region rule)
 * for any other value, which the check reports on its own.
 */
export const scopeRegion = (i: Record<string, unknown>): string | undefined => {
  const r = i["region"];
  if (!r) return "us-east-1";
  return typeof r === "string" ? r : undefined;
};
