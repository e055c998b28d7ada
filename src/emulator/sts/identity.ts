import { createHash } from "node:crypto";
import { isAccountsState, type EmulatorDocument, type SessionState } from "../state";
import { ROLE_ARN } from "./seed";

/** Who signed a request: the account it acts in, and the identity GetCallerIdentity answers. */
export interface Caller {
  accountId: string;
  arn: string;
  userId: string;
  /** The AssumeRole session of temporary credentials; absent for an account's access key. */
  session?: SessionState;
}

/**
 * Credentials AWS does not accept: unknown (or a session token that is not the one issued with the
 * key), or expired temporary credentials. Each service words it in its own protocol.
 */
export class CredentialError extends Error {
  constructor(readonly expired: boolean) {
    super(
      expired
        ? "The security token included in the request is expired"
        : "The security token included in the request is invalid.",
    );
  }
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/**
 * An IAM unique id (`AIDA…` for a user, `AROA…` for a role): the prefix and 17 characters of IAM's
 * alphabet, derived from `of` so that the same user or role always has the same id.
 */
export function uniqueId(prefix: string, of: string): string {
  const digest = createHash("sha256").update(of).digest();
  let out = prefix;
  for (let i = 0; i < 17; i++) out += BASE32[(digest[i] ?? 0) % 32];
  return out;
}

/** The ARN of an AssumeRole session: `arn:aws:sts::<account>:assumed-role/<role name>/<session>`. */
export function assumedRoleArn(roleArn: string, sessionName: string): string {
  const m = ROLE_ARN.exec(roleArn);
  if (!m) throw new Error(`emulator: ${roleArn} is not a role ARN`);
  return `arn:${m[1]}:sts::${m[2]}:assumed-role/${m[4]}/${sessionName}`;
}

/** The AssumedRoleId of a session (GetCallerIdentity's UserId): `<role id>:<session name>`. */
export function assumedRoleId(roleArn: string, sessionName: string): string {
  return `${uniqueId("AROA", roleArn)}:${sessionName}`;
}

/**
 * An access key's user when the seed names none. AWS refuses AssumeRole to an account's root user, so
 * keys are an IAM user's, as AWS recommends.
 */
export const DEFAULT_USER_NAME = "emulator";

/**
 * The caller of a request signed with `accessKeyId` (and `securityToken`, its X-Amz-Security-Token
 * header). The single-account form answers any key as its account's user `emulator`. The accounts form
 * knows each account's access keys and the temporary credentials AssumeRole issued: those act in the
 * role's account, with the token issued with them, until they expire.
 */
export function callerOf(
  doc: EmulatorDocument,
  accessKeyId: string,
  securityToken: string | undefined,
  now: number,
): Caller {
  if (!isAccountsState(doc)) return userOf(doc.accountId, DEFAULT_USER_NAME);
  const session = doc.sessions.find((s) => s.accessKeyId === accessKeyId);
  if (session) {
    if (securityToken !== session.sessionToken) throw new CredentialError(false);
    if (now >= session.expiration) throw new CredentialError(true);
    return {
      accountId: session.accountId,
      arn: assumedRoleArn(session.roleArn, session.sessionName),
      userId: assumedRoleId(session.roleArn, session.sessionName),
      session,
    };
  }
  for (const account of Object.values(doc.accounts)) {
    const key = account.accessKeys.find((k) => k.accessKeyId === accessKeyId);
    if (!key) continue;
    // A session token sent with a long-term key is not one AWS issued for it.
    if (securityToken !== undefined) throw new CredentialError(false);
    return userOf(account.accountId, key.userName ?? DEFAULT_USER_NAME);
  }
  throw new CredentialError(false);
}

/** An IAM user, as GetCallerIdentity answers it. */
function userOf(accountId: string, userName: string): Caller {
  return {
    accountId,
    arn: `arn:aws:iam::${accountId}:user/${userName}`,
    userId: uniqueId("AIDA", `${accountId}:${userName}`),
  };
}
