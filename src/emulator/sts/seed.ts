import { arr, obj, optText, SeedError, text } from "../core/seed-fields";
import type { AccessKeyState, RoleState } from "../state";

/** An IAM role ARN: partition, account, optional path, name (IAM's role name characters, 1-64). */
export const ROLE_ARN = /^arn:(aws[\w-]*):iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;

/** IAM's bounds of a role's MaxSessionDuration, and its default. */
const MAX_SESSION = { min: 3600, max: 43200, default: 3600 } as const;

/**
 * An account's `accessKeys`: `{ accessKeyId, secretAccessKey, userName? }` each, the access key of
 * an IAM user (`emulator` unless `userName` says otherwise). The id is what a request's SigV4
 * credential scope names; the secret is kept, never read.
 */
export function accessKeysFromSeed(raw: unknown, where: string): AccessKeyState[] {
  return arr(raw, where).map((e, i) => {
    const w = `${where}[${i}]`;
    const o = obj(e, w);
    const accessKeyId = text(o["accessKeyId"], `${w}.accessKeyId`);
    if (!/^\w{1,128}$/.test(accessKeyId))
      throw new SeedError(`seed: ${w}.accessKeyId must be 1-128 letters, digits or _`);
    const secretAccessKey = text(o["secretAccessKey"], `${w}.secretAccessKey`);
    const userName = optText(o["userName"], `${w}.userName`);
    if (userName !== undefined && !/^[\w+=,.@-]{1,64}$/.test(userName))
      throw new SeedError(
        `seed: ${w}.userName must be 1-64 of IAM's user name characters (letters, digits, _+=,.@-)`,
      );
    return { accessKeyId, secretAccessKey, ...(userName === undefined ? {} : { userName }) };
  });
}

/**
 * An account's `roles`: `{ arn, trustedAccountIds?, externalId?, maxSessionDuration? }` each, the
 * role an ARN of this account. Without `trustedAccountIds` the role trusts its own account only.
 */
export function rolesFromSeed(raw: unknown, where: string, accountId: string): RoleState[] {
  const seen = new Set<string>();
  return arr(raw, where).map((e, i) => {
    const w = `${where}[${i}]`;
    const o = obj(e, w);
    const arn = text(o["arn"], `${w}.arn`);
    const m = ROLE_ARN.exec(arn);
    if (!m)
      throw new SeedError(`seed: ${w}.arn must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)`);
    if (m[2] !== accountId)
      throw new SeedError(`seed: ${w}.arn names account ${m[2]}, not its own account ${accountId}`);
    if (seen.has(arn)) throw new SeedError(`seed: ${where}: duplicate role '${arn}'`);
    seen.add(arn);
    const trusted =
      o["trustedAccountIds"] === undefined
        ? [accountId]
        : arr(o["trustedAccountIds"], `${w}.trustedAccountIds`).map((t, j) => {
            const id = text(t, `${w}.trustedAccountIds[${j}]`);
            if (!/^\d{12}$/.test(id))
              throw new SeedError(`seed: ${w}.trustedAccountIds[${j}] must be 12 digits`);
            return id;
          });
    const externalId = optText(o["externalId"], `${w}.externalId`);
    if (externalId !== undefined && !/^[\w+=,.@:/-]{2,1224}$/.test(externalId))
      throw new SeedError(
        `seed: ${w}.externalId must be 2-1224 of the characters letters, digits, _+=,.@:/-`,
      );
    const max = o["maxSessionDuration"] ?? MAX_SESSION.default;
    if (typeof max !== "number" || !Number.isInteger(max) || max < MAX_SESSION.min || max > MAX_SESSION.max)
      throw new SeedError(
        `seed: ${w}.maxSessionDuration must be a whole number of seconds, ${MAX_SESSION.min}-${MAX_SESSION.max}`,
      );
    return {
      arn,
      trustedAccountIds: trusted,
      ...(externalId === undefined ? {} : { externalId }),
      maxSessionDuration: max,
    };
  });
}
