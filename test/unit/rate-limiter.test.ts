import { describe, expect, it } from "vitest";
import { TokenBucket, parseRateLimits } from "../../src/aws/rate-limiter";

describe("TokenBucket", () => {
  it("sends a burst at once, then one call per 1/rate seconds, in arrival order", () => {
    let now = 1_000;
    const b = new TokenBucket({ rate: 2, burst: 5 }, () => now);
    expect(Array.from({ length: 8 }, () => b.reserve())).toEqual([0, 0, 0, 0, 0, 500, 1000, 1500]);
    now += 1500;
    expect(b.reserve()).toBe(500);
  });

  it("refills at the rate up to the burst", () => {
    let now = 0;
    const b = new TokenBucket({ rate: 2, burst: 5 }, () => now);
    for (let i = 0; i < 5; i++) b.reserve();
    now += 60_000;
    expect(Array.from({ length: 6 }, () => b.reserve())).toEqual([0, 0, 0, 0, 0, 500]);
  });
});

describe("connect:rateLimits", () => {
  it("parses per-operation and default limits", () => {
    expect(parseRateLimits('{"AssociateBot":{"rate":10,"burst":20},"*":{"rate":5,"burst":10}}')).toEqual({
      AssociateBot: { rate: 10, burst: 20 },
      "*": { rate: 5, burst: 10 },
    });
    expect(parseRateLimits(undefined)).toEqual({});
  });

  it("names the key and the rule when a limit is malformed", () => {
    expect(() => parseRateLimits('{"ListBots":{"rate":0,"burst":5}}')).toThrow(
      'stack config connect:rateLimits.ListBots must be { "rate": > 0, "burst": >= 1 }',
    );
    expect(() => parseRateLimits("rate=2")).toThrow("stack config connect:rateLimits must be JSON");
  });
});
