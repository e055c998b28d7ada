import { ConnectClient } from "@aws-sdk/client-connect";
import { CustomerProfilesClient } from "@aws-sdk/client-customer-profiles";
import type { ProviderSettings } from "./settings";

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
      this.profiles.set(key, c);
    }
    return c;
  }
}
