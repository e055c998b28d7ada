/**
 * The provider plugin's configuration: stack config under the package's namespace
 * (`connect-associations:region`, …) for the default provider, and the inputs of an explicit
 * `connect-associations` provider resource. The meaning of each key is that of the dynamic
 * resources' `aws:` / `connect:` keys (see ../aws/settings.ts and ../aws/aws-config.ts). This
 * interface is the one source of the schema's `config.variables` and `provider.inputProperties`.
 */
export interface PluginConfig {
  /** The AWS Region to act in, e.g. `us-east-1` (else `AWS_REGION`). A resource's own `region` wins. */
  region?: string;
  /** The shared-config profile to take credentials (and roles) from (else `AWS_PROFILE`). */
  profile?: string;
  /** Where that profile's credentials are; the first file is read. */
  sharedCredentialsFiles?: string[];
  /** IAM roles assumed in list order, each with the previous one's credentials. */
  assumeRoles?: PluginAssumeRole[];
  /** The only AWS accounts this provider may act in; any other fails before a mutating call. */
  allowedAccountIds?: string[];
  /** AWS accounts this provider must never act in. */
  forbiddenAccountIds?: string[];
  /** One endpoint URL for every service this package calls (Connect, Customer Profiles, STS), e.g. an emulator's. */
  endpoint?: string;
  /** Retries per AWS call (the SDK's attempts are one more), adaptive mode. @integer @default 9 */
  maxRetries?: number;
  /** How long to retry AWS's eventual-consistency errors, in seconds. @default 60 */
  consistencyTimeoutSeconds?: number;
  /**
   * Client-side pacing per AWS operation name (or `*`), for accounts with raised quotas. Connect
   * calls default to Connect's quota (2 a second, burst 5).
   */
  rateLimits?: Record<string, PluginRateLimit>;
}

/** One role of {@link PluginConfig.assumeRoles}. */
export interface PluginAssumeRole {
  /** `arn:aws:iam::<account>:role/<name>`. */
  roleArn: string;
  /** The session's name. */
  sessionName?: string;
  /**
   * The external id the role's trust policy asks for.
   *
   * @secret A shared secret between the account owner and this provider: the schema marks it
   * secret so that a YAML or Python program that gives it in plain text (without `secret()`)
   * still finds it encrypted in the provider's state.
   */
  externalId?: string;
  /** The session's duration, 900 to 43200 seconds. */
  durationSeconds?: number;
}

/** One pacing rule of {@link PluginConfig.rateLimits}. */
export interface PluginRateLimit {
  /** Requests a second, > 0. */
  rate: number;
  /** Requests that may go at once, ≥ 1. */
  burst: number;
}
