import type { ConnectClient } from "@aws-sdk/client-connect";
import type { ProviderSettings } from "./settings";

/**
 * One SDK client per (Region, endpoint), shared by every resource in the provider process. The SDK
 * is loaded on first use: the serialized provider entry must not pull it in at serialization time.
 * Credentials come from the SDK's default chain; endpoints from stack config, else from the SDK's own
 * AWS_ENDPOINT_URL_CONNECT.
 */
export class Clients {
  private readonly connect = new Map<string, ConnectClient>();

  constructor(readonly settings: ProviderSettings) {}

  connectClient(region: string): ConnectClient {
    const key = `${region}|${this.settings.endpoint ?? ""}`;
    let c = this.connect.get(key);
    if (!c) {
      const sdk = require("@aws-sdk/client-connect") as typeof import("@aws-sdk/client-connect");
      c = new sdk.ConnectClient({
        region,
        maxAttempts: this.settings.maxAttempts,
        retryMode: "adaptive",
        ...(this.settings.endpoint ? { endpoint: this.settings.endpoint } : {}),
      });
      this.connect.set(key, c);
    }
    return c;
  }
}
