/** A request rate: `rate` per second, up to `burst` at once. */
export interface RateLimit {
  rate: number;
  burst: number;
}

/** Connect's default API quota: 2 requests a second, burst 5, per API, per account and Region. */
export const CONNECT_DEFAULT_LIMIT: RateLimit = { rate: 2, burst: 5 };

/**
 * A token bucket that queues instead of refusing: each caller reserves the next token (the count
 * may go negative) and waits until it is due, so callers are served in arrival order at exactly the
 * bucket's rate, and a burst is sent at once.
 */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = limit.burst;
    this.at = now();
  }

  /** Milliseconds the caller must wait before sending; the token is reserved. */
  reserve(): number {
    const t = this.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((t - this.at) / 1000) * this.limit.rate);
    this.at = t;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.limit.rate) * 1000);
  }

  async take(): Promise<void> {
    const wait = this.reserve();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
}

/**
 * The provider process's buckets, one per (endpoint, Region, operation), shared by every resource
 * and every engine operation in the process: AWS counts the account's calls, not ours per resource.
 */
const buckets = new Map<string, TokenBucket>();

export function bucketFor(
  endpoint: string,
  region: string,
  operation: string,
  limit: RateLimit,
): TokenBucket {
  const key = `${endpoint}|${region}|${operation}|${limit.rate}|${limit.burst}`;
  let b = buckets.get(key);
  if (!b) {
    b = new TokenBucket(limit);
    buckets.set(key, b);
  }
  return b;
}

/** Parses stack config `connect:rateLimits`: `{ "<Operation>" | "*": { "rate": n, "burst": n } }`. */
export function parseRateLimits(raw: string | undefined): Record<string, RateLimit> {
  if (raw === undefined || raw.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(
      `stack config connect:rateLimits must be JSON like {"*":{"rate":2,"burst":5}}, got '${raw}'`,
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new Error("stack config connect:rateLimits must be a JSON object keyed by operation name or *");
  }
  const out: Record<string, RateLimit> = {};
  for (const [op, v] of Object.entries(parsed as Record<string, unknown>)) {
    const l = v as Partial<RateLimit> | null;
    if (!l || typeof l.rate !== "number" || !(l.rate > 0) || typeof l.burst !== "number" || !(l.burst >= 1)) {
      throw new Error(`stack config connect:rateLimits.${op} must be { "rate": > 0, "burst": >= 1 }`);
    }
    out[op] = { rate: l.rate, burst: l.burst };
  }
  return out;
}
