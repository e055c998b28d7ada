/**
 * Fault injection, seeded so that a failing run can be replayed. Each rule applies to one operation
 * (or every operation, `*`) at a rate between 0 and 1.
 */
export type FaultKind =
  | "throttle" // 429 ThrottlingException before the operation runs
  | "internal" // 500 InternalServiceException before the operation runs
  | "reset-before" // connection dropped before the operation runs
  | "reset-after" // operation applied, then the connection dropped before the answer
  | "latency"; // the answer is delayed by latencyMs

export interface FaultRule {
  operation: string;
  kind: FaultKind;
  rate: number;
  latencyMs?: number;
  /** Fire at most this many times (then the rule is spent). */
  times?: number;
  /** Let this many matching calls through untouched first (e.g. 1: the second call is the first that may fail). */
  skip?: number;
}

export interface FaultConfig {
  seed: number;
  rules: FaultRule[];
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
