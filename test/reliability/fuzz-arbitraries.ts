import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import type { CheckFailure } from "../../src/validation/checker";

/** Generators and oracle pieces shared by the check fuzz tests; the rules themselves stay in each test. */

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

export const regionArb = fc.oneof(
  w(4, fc.constantFrom("us-east-1", "eu-west-2", "ap-southeast-2", "us-gov-west-1")),
  w(1, fc.constantFrom("US-EAST-1", "us-east", "", "us-east-123")),
  w(1, notString),
);

/** Drops the properties a generator left undefined, as the engine never sends them. */
export function present(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
}

export const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** The oracle's common rule for a string: absent (undefined or null) is fine unless required. */
export function badString(
  v: unknown,
  rule: { required?: boolean; min?: number; max?: number; pattern?: RegExp; oneOf?: readonly string[] },
): boolean {
  if (v === undefined || v === null) return rule.required === true;
  if (typeof v !== "string") return true;
  const n = [...v].length;
  return (
    (rule.min !== undefined && n < rule.min) ||
    (rule.max !== undefined && n > rule.max) ||
    (rule.pattern !== undefined && !rule.pattern.test(v)) ||
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
