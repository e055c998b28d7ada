import type { FinalizeRequestMiddleware, MetadataBearer, MiddlewareStack } from "@smithy/types";
import { ConnectClient } from "@aws-sdk/client-connect";
import { CustomerProfilesClient } from "@aws-sdk/client-customer-profiles";
import { CONNECT_DEFAULT_LIMIT, bucketFor, type RateLimit } from "./rate-limiter";
import type { ProviderSettings } from "./settings";

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
 * One SDK client per (Region, endpoint), shared by every resource in the provider process (only the
 * provider process loads this module: the program side needs nothing but the `__provider` text).
 * Credentials come from the SDK's default chain; endpoints from stack config, else from the SDK's own
 * AWS_ENDPOINT_URL_CONNECT.
 */
export class Clients {
  private readonly connect = new Map<string, ConnectClient>();
  private readonly profiles = new Map<string, CustomerProfilesClient>();

  constructor(readonly settings: ProviderSettings) {}

  connectClient(region: string): ConnectClient {
    const key = `${region}|${this.settings.endpoint ?? ""}`;
    let c = this.connect.get(key);
    if (!c) {
      c = new ConnectClient({
        region,
        maxAttempts: this.settings.maxAttempts,
        retryMode: "adaptive",
        ...(this.settings.endpoint ? { endpoint: this.settings.endpoint } : {}),
      });
      const limits = this.settings.rateLimits;
      pace(
        c,
        this.settings.endpoint ?? "aws",
        region,
        (op) => limits[op] ?? limits["*"] ?? CONNECT_DEFAULT_LIMIT,
      );
      this.connect.set(key, c);
    }
    return c;
  }

  /** Customer Profiles, at stack config `connect:profilesEndpoint`, else AWS_ENDPOINT_URL_CUSTOMER_PROFILES. */
  profilesClient(region: string): CustomerProfilesClient {
    const key = `${region}|${this.settings.profilesEndpoint ?? ""}`;
    let c = this.profiles.get(key);
    if (!c) {
      c = new CustomerProfilesClient({
        region,
        maxAttempts: this.settings.maxAttempts,
        retryMode: "adaptive",
        ...(this.settings.profilesEndpoint ? { endpoint: this.settings.profilesEndpoint } : {}),
      });
      const limits = this.settings.rateLimits;
      pace(c, this.settings.profilesEndpoint ?? "aws", region, (op) => limits[op] ?? limits["*"]);
      this.profiles.set(key, c);
    }
    return c;
  }
}
