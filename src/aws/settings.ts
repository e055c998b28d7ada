import { parseRateLimits, type RateLimit } from "./rate-limiter";

/**
 * What the provider process knows from the stack configuration. Filled by `configure`, which the
 * engine calls before any other lifecycle step; read nowhere else, and never echoed into outputs.
 */
export interface ProviderSettings {
  /** `aws:region` */
  region?: string;
  /** `connect:endpoint`: the Connect endpoint, e.g. the emulator's URL for the local stack. */
  endpoint?: string;
  /** `connect:profilesEndpoint`: the Customer Profiles endpoint. */
  profilesEndpoint?: string;
  /** `connect:maxAttempts`: SDK attempts per call (adaptive retry), default 10. */
  maxAttempts: number;
  /** `connect:consistencyTimeoutSeconds`: how long to retry AWS's eventual-consistency errors, default 60. */
  consistencyTimeoutSeconds: number;
  /**
   * `connect:rateLimits`: client-side pacing per operation (or `*`) for accounts with raised quotas.
   * Connect calls default to Connect's quota (2/s, burst 5); Customer Profiles calls are not paced
   * unless named here.
   */
  rateLimits: Record<string, RateLimit>;
}

export const DEFAULT_SETTINGS: ProviderSettings = {
  maxAttempts: 10,
  consistencyTimeoutSeconds: 60,
  rateLimits: {},
};

/** The part of the engine's configuration bag that we read (full keys, `namespace:key`). */
export interface ConfigSource {
  get(key: string): string | undefined;
}

function positive(key: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`stack config ${key} must be a positive number, got '${raw}'`);
  return n;
}

/** Reads only the keys this package uses. */
export function settingsFromConfig(config: ConfigSource): ProviderSettings {
  const s: ProviderSettings = {
    maxAttempts: Math.floor(
      positive("connect:maxAttempts", config.get("connect:maxAttempts"), DEFAULT_SETTINGS.maxAttempts),
    ),
    consistencyTimeoutSeconds: positive(
      "connect:consistencyTimeoutSeconds",
      config.get("connect:consistencyTimeoutSeconds"),
      DEFAULT_SETTINGS.consistencyTimeoutSeconds,
    ),
    rateLimits: parseRateLimits(config.get("connect:rateLimits")),
  };
  const region = config.get("aws:region");
  const endpoint = config.get("connect:endpoint");
  const profilesEndpoint = config.get("connect:profilesEndpoint");
  if (region) s.region = region;
  if (endpoint) s.endpoint = endpoint;
  if (profilesEndpoint) s.profilesEndpoint = profilesEndpoint;
  return s;
}
