import { randomBytes } from "node:crypto";
import { isAccountsState, type EmulatorDocument, type RoleState, type SessionState } from "../state";
import { StsError } from "./errors";
import { assumedRoleArn, assumedRoleId, type Caller } from "./identity";

/** What an STS operation sees besides its input. */
export interface StsContext {
  doc: EmulatorDocument;
  caller: Caller;
  now: number;
}

/** The semantics of one STS operation; its wire contract is the model's (src/emulator/models/sts.json). */
export interface StsOperation {
  operation: string;
  /** Whether a success changes state (persisted with --data-dir). */
  mutates: boolean;
  handler: (ctx: StsContext, input: Record<string, unknown>) => unknown;
}

/** AssumeRole's default DurationSeconds, and the limit of a session assumed by role chaining. */
const ONE_HOUR = 3600;

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function randomKeyId(): string {
  return `ASIA${[...randomBytes(16)].map((b) => BASE32[b % 32]).join("")}`;
}

/** Who the credentials of the request are: GetCallerIdentity needs no permission, as in AWS. */
function getCallerIdentity(ctx: StsContext): unknown {
  return { UserId: ctx.caller.userId, Account: ctx.caller.accountId, Arn: ctx.caller.arn };
}

/**
 * Temporary credentials of a role whose trust admits the caller's account (and whose ExternalId
 * condition, if any, the request meets); they act in the role's account. An unknown role is
 * refused as an untrusted one is, with AccessDenied, as AWS does.
 */
function assumeRole(ctx: StsContext, input: Record<string, unknown>): unknown {
  const { caller, doc, now } = ctx;
  const roleArn = input["RoleArn"] as string;
  const sessionName = input["RoleSessionName"] as string;
  const role = findRole(doc, roleArn);
  const trusted =
    role !== undefined &&
    role.trustedAccountIds.includes(caller.accountId) &&
    (role.externalId === undefined || input["ExternalId"] === role.externalId);
  if (!role || !trusted || !isAccountsState(doc)) {
    throw new StsError(
      "AccessDenied",
      `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    );
  }
  const duration = (input["DurationSeconds"] as number | undefined) ?? ONE_HOUR;
  if (caller.session && duration > ONE_HOUR)
    throw new StsError(
      "ValidationError",
      "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
    );
  if (duration > role.maxSessionDuration)
    throw new StsError(
      "ValidationError",
      "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
    );
  const accountId = roleArn.split(":")[4] ?? "";
  const session: SessionState = {
    accessKeyId: randomKeyId(),
    secretAccessKey: randomBytes(30).toString("base64"),
    sessionToken: randomBytes(120).toString("base64"),
    expiration: now + duration * 1000,
    accountId,
    roleArn,
    sessionName,
  };
  // Expired sessions are dropped here, so the list stays bounded by the sessions still valid.
  doc.sessions = [...doc.sessions.filter((s) => s.expiration > now), session];
  const sourceIdentity = input["SourceIdentity"];
  return {
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: new Date(session.expiration),
    },
    AssumedRoleUser: {
      AssumedRoleId: assumedRoleId(roleArn, sessionName),
      Arn: assumedRoleArn(roleArn, sessionName),
    },
    ...(sourceIdentity === undefined ? {} : { SourceIdentity: sourceIdentity }),
  };
}

function findRole(doc: EmulatorDocument, arn: string): RoleState | undefined {
  if (!isAccountsState(doc)) return undefined;
  for (const account of Object.values(doc.accounts)) {
    const role = account.roles.find((r) => r.arn === arn);
    if (role) return role;
  }
  return undefined;
}

export const stsOperations: readonly StsOperation[] = [
  { operation: "GetCallerIdentity", mutates: false, handler: getCallerIdentity },
  { operation: "AssumeRole", mutates: true, handler: assumeRole },
];
