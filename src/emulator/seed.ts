import { connectFromSeed } from "./connect/seed";
import { optText, obj, SeedError } from "./core/seed-fields";
import { customerProfilesFromSeed } from "./profiles/seed";
import type { EmulatorState } from "./state";

export { SeedError };

/**
 * Builds the emulator state from a seed document (the `--seed` file or `POST /_emulator/seed`):
 * the account, then each service's own part, read by that service.
 */
export function stateFromSeed(seed: unknown, now: number): EmulatorState {
  const root = obj(seed, "the document");
  const accountId = optText(root["accountId"], "accountId") ?? "123456789012";
  if (!/^\d{12}$/.test(accountId)) throw new SeedError("seed: accountId must be 12 digits");
  const region = optText(root["region"], "region") ?? "us-east-1";
  return {
    accountId,
    region,
    connect: connectFromSeed(root["connect"], accountId, region, now),
    customerProfiles: customerProfilesFromSeed(root["customerProfiles"], region, now),
    clientTokens: {},
  };
}
