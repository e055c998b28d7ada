import { connectFromSeed } from "./connect/seed";
import { arr, obj, optText, SeedError, type Obj } from "./core/seed-fields";
import { customerProfilesFromSeed } from "./profiles/seed";
import type { AccountState, AccountsState, EmulatorDocument, EmulatorState } from "./state";
import { accessKeysFromSeed, rolesFromSeed } from "./sts/seed";

export { SeedError };

/**
 * Builds the emulator state from a seed document in the single-account form (the `--seed` file or
 * `POST /_emulator/seed`): the account, then each service's own part, read by that service.
 */
export function stateFromSeed(seed: unknown, now: number): EmulatorState {
  const root = obj(seed, "the document");
  const region = optText(root["region"], "region") ?? "us-east-1";
  return accountFromSeed(root, "", region, now);
}

/**
 * Builds everything the emulator holds from a seed document in either form: the single-account form
 * (answering any access key), or the accounts form, `{ "region"?, "accounts": [...] }`, each account
 * with its access keys, roles and services' state.
 */
export function documentFromSeed(seed: unknown, now: number): EmulatorDocument {
  const root = obj(seed, "the document");
  if (root["accounts"] === undefined) return stateFromSeed(seed, now);
  for (const key of ["accountId", "connect", "customerProfiles"]) {
    if (root[key] !== undefined)
      throw new SeedError(`seed: ${key} is given in each account of accounts, not beside them`);
  }
  const region = optText(root["region"], "region") ?? "us-east-1";
  const list = arr(root["accounts"], "accounts");
  if (list.length === 0) throw new SeedError("seed: accounts must hold at least one account");
  const accounts: Record<string, AccountState> = {};
  const keys = new Set<string>();
  list.forEach((raw, i) => {
    const where = `accounts[${i}]`;
    const o = obj(raw, where);
    if (o["accountId"] === undefined) throw new SeedError(`seed: ${where}.accountId is required`);
    const state = accountFromSeed(o, `${where}.`, optText(o["region"], `${where}.region`) ?? region, now);
    if (accounts[state.accountId])
      throw new SeedError(`seed: ${where}.accountId: account ${state.accountId} is given twice`);
    const accessKeys = accessKeysFromSeed(o["accessKeys"], `${where}.accessKeys`);
    for (const k of accessKeys) {
      if (keys.has(k.accessKeyId))
        throw new SeedError(`seed: ${where}.accessKeys: access key ${k.accessKeyId} is given twice`);
      keys.add(k.accessKeyId);
    }
    const roles = rolesFromSeed(o["roles"], `${where}.roles`, state.accountId);
    accounts[state.accountId] = { ...state, accessKeys, roles };
  });
  const doc: AccountsState = { accounts, sessions: [] };
  return doc;
}

/** One account's state from its seed fields; `prefix` is the account's path in the document. */
function accountFromSeed(o: Obj, prefix: string, defaultRegion: string, now: number): EmulatorState {
  const accountId = optText(o["accountId"], `${prefix}accountId`) ?? "123456789012";
  if (!/^\d{12}$/.test(accountId)) throw new SeedError(`seed: ${prefix}accountId must be 12 digits`);
  const region = optText(o["region"], `${prefix}region`) ?? defaultRegion;
  return {
    accountId,
    region,
    connect: within(prefix, () => connectFromSeed(o["connect"], accountId, region, now)),
    customerProfiles: within(prefix, () => customerProfilesFromSeed(o["customerProfiles"], region, now)),
    clientTokens: {},
  };
}

/** Runs a service's seed reader, whose messages name fields from the account's root, under `prefix`. */
function within<T>(prefix: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (!prefix || !(e instanceof SeedError)) throw e;
    throw new SeedError(e.message.replace(/^seed: /, `seed: ${prefix}`));
  }
}
