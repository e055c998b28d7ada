import type { FinalizeRequestMiddleware, MetadataBearer, MiddlewareStack } from "@smithy/types";
import { ConnectClient } from "@aws-sdk/client-connect";
import { CustomerProfilesClient } from "@aws-sdk/client-customer-profiles";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { explainNonAwsAnswers } from "./answers";
import { credentialsFor } from "./credentials";
import { wrapAwsError } from "./errors";
import { CONNECT_DEFAULT_LIMIT, bucketFor, type RateLimit } from "./rate-limiter";
import { endpointsOf, type ProviderSettings } from "./settings";

/**
 * Pacing runs a little under the quota: our clock and AWS's start the bucket at different moments
 * (our first request takes longer to arrive than the next ones), so sending at exactly the quota
 * draws ThrottlingExceptions. One token of the burst held back and 95% of the rate absorb that.
 */
function withMargin(limit: RateLimit): RateLimit {
  return { rate: limit.rate * 0.95, burst: Math.max(1, limit.burst - 1) };
}

/**
 * Paces every attempt (retries included) through the operation's token bucket before it is signed,
 * so a long wait never sends a stale signature, and an apply of hundreds of resources stays under
 * the account's quota instead of collecting ThrottlingExceptions.
 */
function pace<I extends object, O extends MetadataBearer>(
  client: { middlewareStack: MiddlewareStack<I, O> },
  endpoint: string,
  region: string,
  limitOf: (operation: string) => RateLimit | undefined,
): void {
  const pacing: FinalizeRequestMiddleware<I, O> = (next, context) => async (args) => {
    const operation = (context.commandName ?? "").replace(/Command$/, "");
    const limit = limitOf(operation);
    if (limit) await bucketFor(endpoint, region, operation, withMargin(limit)).take();
    return next(args);
  };
  client.middlewareStack.addRelativeTo(pacing, {
    name: "connectAssociationsPacing",
    relation: "before",
    toMiddleware: "httpSigningMiddleware",
  });
}

/**
 * One SDK client per (service, Region), shared by every resource in the provider process (only the
 * provider process loads this module: the program side needs nothing but the `__provider` text).
 * Credentials: the stack config's `aws:` keys through the SDK's own providers (./credentials.ts),
 * else the SDK's default chain. Endpoints: stack config (./settings.ts `endpointsOf`: one given
 * covers every service), else the SDK's own AWS_ENDPOINT_URL_*.
 */
export class Clients {
  private readonly connect = new Map<string, ConnectClient>();
  private readonly profiles = new Map<string, CustomerProfilesClient>();
  private readonly sts = new Map<string, STSClient>();
  private readonly endpoints: ReturnType<typeof endpointsOf>;
  private credentials: AwsCredentialIdentityProvider | undefined | null = null;
  private identity: Promise<CallerIdentity> | undefined;

  constructor(readonly settings: ProviderSettings) {
    this.endpoints = endpointsOf(settings);
  }

  /** One credentials provider for the process's settings (so assumed roles are assumed once, then refreshed by the SDK). */
  private credentialsFor(region: string): { credentials?: AwsCredentialIdentityProvider } {
    if (this.credentials === null)
      this.credentials = credentialsFor(this.settings.aws, {
        region: this.settings.region ?? region,
        ...(this.endpoints.sts ? { endpoint: this.endpoints.sts } : {}),
      });
    return this.credentials ? { credentials: this.credentials } : {};
  }

  private common(region: string, endpoint: string | undefined) {
    return {
      region,
      maxAttempts: this.settings.maxAttempts,
      retryMode: "adaptive",
      ...(endpoint ? { endpoint } : {}),
      ...this.credentialsFor(region),
    };
  }

  connectClient(region: string): ConnectClient {
    let c = this.connect.get(region);
    if (!c) {
      c = new ConnectClient(this.common(region, this.endpoints.connect));
      explainNonAwsAnswers(c);
      const limits = this.settings.rateLimits;
      pace(
        c,
        this.endpoints.connect ?? "aws",
        region,
        (op) => limits[op] ?? limits["*"] ?? CONNECT_DEFAULT_LIMIT,
      );
      this.connect.set(region, c);
    }
    return c;
  }

  profilesClient(region: string): CustomerProfilesClient {
    let c = this.profiles.get(region);
    if (!c) {
      c = new CustomerProfilesClient(this.common(region, this.endpoints.profiles));
      explainNonAwsAnswers(c);
      const limits = this.settings.rateLimits;
      pace(c, this.endpoints.profiles ?? "aws", region, (op) => limits[op] ?? limits["*"]);
      this.profiles.set(region, c);
    }
    return c;
  }

  private stsClient(region: string): STSClient {
    let c = this.sts.get(region);
    if (!c) {
      c = new STSClient(this.common(region, this.endpoints.sts));
      explainNonAwsAnswers(c);
      this.sts.set(region, c);
    }
    return c;
  }

  /**
   * Who the credentials are: STS GetCallerIdentity, asked once per provider process and settings
   * (so once per set of credentials), in the first Region that needs it. A failure is not kept.
   */
  callerIdentity(region: string): Promise<CallerIdentity> {
    if (!this.identity) {
      const asked = this.stsClient(region)
        .send(new GetCallerIdentityCommand({}))
        .then((r) => ({ account: r.Account ?? "", arn: r.Arn ?? "" }))
        .catch((e: unknown) => {
          this.identity = undefined;
          throw wrapAwsError("GetCallerIdentity", "the stack's AWS credentials", e);
        });
      this.identity = asked;
    }
    return this.identity;
  }
}

/** The account and principal the credentials act as. */
export interface CallerIdentity {
  account: string;
  arn: string;
}
