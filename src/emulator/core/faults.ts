/**
 * Fault injection, seeded so that a failing run can be replayed. Each rule applies to one operation
 * (or every operation, `*`) at a rate between 0 and 1.
 */
export type FaultKind =
  | "throttle" // 429 ThrottlingException before the operation runs
  | "internal" // 500 (the service's own InternalServiceException / InternalServerException) before it runs
  | "reset-before" // connection dropped before the operation runs
  | "reset-after" // operation applied, then the connection dropped before the answer
  | "latency" // the answer is delayed by latencyMs
  | "lag"; // a mutation applied, but reads answer from the state before it for lagMs (eventual consistency)

export const FAULT_KINDS: readonly FaultKind[] = [
  "throttle",
  "internal",
  "reset-before",
  "reset-after",
  "latency",
  "lag",
];

export interface FaultRule {
  operation: string;
  kind: FaultKind;
  rate: number;
  latencyMs?: number;
  /** For `lag`: how long reads keep answering from the state before the mutation. */
  lagMs?: number;
  /** Fire at most this many times (then the rule is spent). */
  times?: number;
  /** Let this many matching calls through untouched first (e.g. 1: the second call is the first that may fail). */
  skip?: number;
}

export interface FaultConfig {
  seed: number;
  rules: FaultRule[];
}

export class FaultConfigError extends Error {}

function nonNegative(rule: Record<string, unknown>, key: string, at: string, integer: boolean): void {
  const v = rule[key];
  if (v === undefined) return;
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || (integer && !Number.isInteger(v)))
    throw new FaultConfigError(`${at}.${key} must be a non-negative ${integer ? "integer" : "number"}`);
}

/**
 * Validates a fault configuration (the body of PUT /_emulator/faults, or the file of --faults), so
 * that a typo in a kind fails loudly instead of silently injecting nothing.
 */
export function parseFaultConfig(raw: unknown): FaultConfig {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    throw new FaultConfigError("faults must be an object with a numeric 'seed' and a 'rules' array");
  const { seed, rules } = raw as Record<string, unknown>;
  if (typeof seed !== "number" || !Number.isFinite(seed) || !Array.isArray(rules))
    throw new FaultConfigError("faults need a numeric 'seed' and a 'rules' array");
  rules.forEach((r: unknown, i) => {
    const at = `rules[${i}]`;
    if (typeof r !== "object" || r === null || Array.isArray(r))
      throw new FaultConfigError(`${at} must be an object`);
    const rule = r as Record<string, unknown>;
    if (typeof rule["operation"] !== "string" || rule["operation"] === "")
      throw new FaultConfigError(`${at}.operation must be an operation name or *`);
    if (!FAULT_KINDS.includes(rule["kind"] as FaultKind))
      throw new FaultConfigError(`${at}.kind must be one of ${FAULT_KINDS.join(", ")}`);
    const rate = rule["rate"];
    if (typeof rate !== "number" || !(rate >= 0 && rate <= 1))
      throw new FaultConfigError(`${at}.rate must be a number from 0 to 1`);
    nonNegative(rule, "latencyMs", at, false);
    nonNegative(rule, "lagMs", at, false);
    nonNegative(rule, "times", at, true);
    nonNegative(rule, "skip", at, true);
  });
  return { seed, rules: rules as FaultRule[] };
}

/** mulberry32: small, fast and good enough to spread faults evenly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  private config: FaultConfig = { seed: 1, rules: [] };
  private random = prng(1);
  private fired = new Map<FaultRule, number>();
  private seen = new Map<FaultRule, number>();

  configure(config: FaultConfig): void {
    this.config = config;
    this.random = prng(config.seed);
    this.fired.clear();
    this.seen.clear();
  }

  current(): FaultConfig {
    return this.config;
  }

  /** The faults drawn for one call of `operation` (at most one of each kind). */
  draw(operation: string): FaultRule[] {
    const drawn: FaultRule[] = [];
    for (const rule of this.config.rules) {
      if (rule.operation !== "*" && rule.operation !== operation) continue;
      const seen = (this.seen.get(rule) ?? 0) + 1;
      this.seen.set(rule, seen);
      if (rule.skip !== undefined && seen <= rule.skip) continue;
      const fired = this.fired.get(rule) ?? 0;
      if (rule.times !== undefined && fired >= rule.times) continue;
      if (this.random() < rule.rate) {
        this.fired.set(rule, fired + 1);
        drawn.push(rule);
      }
    }
    return drawn;
  }
}
