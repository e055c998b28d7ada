import { ConnectClient } from "@aws-sdk/client-connect";
import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { REGION } from "./seeds/base";

/** Test credentials: the emulator needs a SigV4 scope, not a real key. */
export const TEST_CREDENTIALS = {
  accessKeyId: "AKIAEMULATOR000TEST",
  secretAccessKey: "emulator-test-secret",
};

export async function emulatorWith(
  seed: object,
  opts: { quotas?: "off" | "aws" } = {},
): Promise<RunningEmulator> {
  return startEmulator({ seed, quotas: opts.quotas ?? "off" });
}

/** A real SDK v3 Connect client pointed at the emulator, with SDK retries off so errors show as they are. */
export function connectClient(em: RunningEmulator, region = REGION, maxAttempts = 1): ConnectClient {
  return new ConnectClient({ region, endpoint: em.url, credentials: TEST_CREDENTIALS, maxAttempts });
}

export async function admin(
  em: RunningEmulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const res = await fetch(`${em.url}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}
