/** A token bucket: `rate` tokens a second up to `burst`. */
interface Bucket {
  rate: number;
  burst: number;
  tokens: number;
  at: number;
}

export interface QuotaConfig {
  /** `aws`: Connect's default of 2 requests a second with a burst of 5, for every operation. */
  mode: "off" | "aws";
  /** Per-operation overrides, for accounts with raised quotas. */
  overrides?: Record<string, { rate: number; burst: number }>;
}

export const AWS_DEFAULT_QUOTA = { rate: 2, burst: 5 } as const;

/** Per-operation throttling, as Connect applies it (per API, per account and Region). */
export class Quotas {
  private config: QuotaConfig = { mode: "off" };
  private buckets = new Map<string, Bucket>();

  configure(config: QuotaConfig): void {
    this.config = config;
    this.buckets.clear();
  }

  current(): QuotaConfig {
    return this.config;
  }

  /** Takes a token for `key`; false when the caller must be throttled. */
  take(operation: string, key: string, now: number): boolean {
    const limit =
      this.config.overrides?.[operation] ?? (this.config.mode === "aws" ? AWS_DEFAULT_QUOTA : undefined);
    if (!limit) return true;
    let b = this.buckets.get(key);
    if (!b) {
      b = { rate: limit.rate, burst: limit.burst, tokens: limit.burst, at: now };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(b.burst, b.tokens + ((now - b.at) / 1000) * b.rate);
    b.at = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return true;
    }
    return false;
  }
}
