import { ConnectClient } from "@aws-sdk/client-connect";
import { STSClient } from "@aws-sdk/client-sts";
import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { REGION } from "./seeds/base";

/**
 * Test credentials: the emulator needs a SigV4 scope, not a real key (a seed in the single-account
 * form answers any key).
 */
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

/** Credentials as the SDK takes them: an access key, or temporary credentials with their session token. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A real SDK v3 Connect client pointed at the emulator, with SDK retries off so errors show as they are. */
export function connectClient(
  em: RunningEmulator,
  region = REGION,
  maxAttempts = 1,
  credentials: Credentials = TEST_CREDENTIALS,
): ConnectClient {
  return new ConnectClient({ region, endpoint: em.url, credentials, maxAttempts });
}

/** A real SDK v3 STS client pointed at the emulator (retries off), signing with `credentials`. */
export function stsClient(em: EmulatorAt, credentials: Credentials = TEST_CREDENTIALS): STSClient {
  return new STSClient({ region: REGION, endpoint: em.url, credentials, maxAttempts: 1 });
}

/** An emulator to administer: one of `startEmulator`, or one the CLI started, by its URL. */
export type EmulatorAt = Pick<RunningEmulator, "url">;

/**
 * One admin API request (`/_emulator/...`), its answer as it is: for tests of the admin API's own
 * refusals. Everything else uses the typed calls of ./admin.
 */
export function adminRequest(
  em: EmulatorAt,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  const send = () =>
    fetch(`${em.url}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    });
  // A kept-alive socket the server closed while a test sat idle (a long type-check, say) resets on
  // reuse; every admin request is idempotent, so it is sent once more on a fresh socket.
  return send().catch((e: unknown) =>
    (e as { cause?: { code?: string } }).cause?.code === "ECONNRESET" ? send() : Promise.reject(e),
  );
}

/** One admin API request, its JSON answer parsed (undefined when empty); throws if the emulator refuses it. */
export async function admin(em: EmulatorAt, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await adminRequest(em, method, path, body);
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: the emulator answered ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}
