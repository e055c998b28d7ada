import { awsConfigFrom, type AwsConfig } from "./aws-config";
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
  /** `aws:endpoints`' `sts`: the STS endpoint (account guard, assumed roles). */
  stsEndpoint?: string;
  /** Credentials, roles and account rules from the `aws:` keys (see ./aws-config.ts). */
  aws?: AwsConfig;
  /** `connect:maxAttempts` (else `aws:maxRetries` + 1): SDK attempts per call (adaptive retry), default 10. */
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

/** Reads only the keys this package uses; a malformed key fails naming it. */
export function settingsFromConfig(config: ConfigSource): ProviderSettings {
  const aws = awsConfigFrom(config);
  const attempts = config.get("connect:maxAttempts");
  const s: ProviderSettings = {
    maxAttempts:
      (attempts === undefined || attempts === "") && aws.maxRetries !== undefined
        ? aws.maxRetries + 1
        : Math.floor(positive("connect:maxAttempts", attempts, DEFAULT_SETTINGS.maxAttempts)),
    consistencyTimeoutSeconds: positive(
      "connect:consistencyTimeoutSeconds",
      config.get("connect:consistencyTimeoutSeconds"),
      DEFAULT_SETTINGS.consistencyTimeoutSeconds,
    ),
    rateLimits: parseRateLimits(config.get("connect:rateLimits")),
  };
  if (Object.keys(aws).length > 0) s.aws = aws;
  const region = config.get("aws:region");
  if (region) s.region = region;
  const endpoint = config.get("connect:endpoint") || aws.endpoints?.connect;
  const profilesEndpoint = config.get("connect:profilesEndpoint") || aws.endpoints?.customerprofiles;
  const stsEndpoint = aws.endpoints?.sts;
  if (endpoint) s.endpoint = endpoint;
  if (profilesEndpoint) s.profilesEndpoint = profilesEndpoint;
  if (stsEndpoint) s.stsEndpoint = stsEndpoint;
  return s;
}

/**
 * The endpoint of each service. One endpoint given for one service covers the others unless a
 * per-service key says otherwise: a stack that points Connect at an emulator never sends its
 * Customer Profiles or STS calls to AWS. Undefined: the SDK's own resolution (AWS_ENDPOINT_URL_*,
 * then AWS).
 */
export function endpointsOf(s: Pick<ProviderSettings, "endpoint" | "profilesEndpoint" | "stsEndpoint">): {
  connect?: string;
  profiles?: string;
  sts?: string;
} {
  // The SDK's own per-service variables count as given too: a shell that points Connect at an
  // emulator with AWS_ENDPOINT_URL_CONNECT must not send the account guard's STS call to AWS.
  const env = (name: string): string | undefined => process.env[name] || undefined;
  const given = {
    connect: s.endpoint ?? env("AWS_ENDPOINT_URL_CONNECT"),
    profiles: s.profilesEndpoint ?? env("AWS_ENDPOINT_URL_CUSTOMER_PROFILES"),
    sts: s.stsEndpoint ?? env("AWS_ENDPOINT_URL_STS"),
  };
  const any = given.connect ?? given.profiles ?? given.sts ?? env("AWS_ENDPOINT_URL");
  const out: { connect?: string; profiles?: string; sts?: string } = {};
  const connect = given.connect ?? any;
  const profiles = given.profiles ?? any;
  const sts = given.sts ?? any;
  if (connect) out.connect = connect;
  if (profiles) out.profiles = profiles;
  if (sts) out.sts = sts;
  return out;
}
