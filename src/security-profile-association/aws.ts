import {
  AssociateSecurityProfilesCommand,
  DescribeUserCommand,
  DisassociateSecurityProfilesCommand,
  paginateListEntitySecurityProfiles,
  UpdateUserSecurityProfilesCommand,
} from "@aws-sdk/client-connect";
import { ridePropagation } from "../aws/consistency";
import { isAwsError, wrapAwsError } from "../aws/errors";
import type { ProviderContext } from "../runtime/context";
import { userIdOf, type EntityType } from "./check";
import { chunks } from "../runtime/sets";

/** The entity whose security profiles a resource manages. */
export interface EntityTarget {
  region: string;
  instanceId: string;
  entityType: EntityType;
  entityArn: string;
}

/** AssociateSecurityProfiles / DisassociateSecurityProfiles take 1-10 profiles per call. */
export const PROFILES_PER_CALL = 10;
/** ListEntitySecurityProfiles' largest page. */
const LIST_PAGE = 100;

export function describeEntity(t: EntityTarget): string {
  return `${t.entityType === "USER" ? "user" : "AI agent"} ${t.entityArn} on instance ${t.instanceId}`;
}

function snapshotKey(t: EntityTarget): string {
  return t.entityType === "USER"
    ? `DescribeUser|${t.region}|${t.instanceId}|${userIdOf(t.entityArn)}`
    : `ListEntitySecurityProfiles|${t.region}|${t.instanceId}|${t.entityArn}`;
}

async function listAgentProfiles(ctx: ProviderContext, t: EntityTarget): Promise<string[] | undefined> {
  const client = ctx.clients.connectClient(t.region);
  const found: string[] = [];
  try {
    const pages = paginateListEntitySecurityProfiles(
      { client, pageSize: LIST_PAGE },
      { InstanceId: t.instanceId, EntityType: "AI_AGENT", EntityArn: t.entityArn },
    );
    for await (const page of pages) for (const p of page.SecurityProfiles ?? []) if (p.Id) found.push(p.Id);
  } catch (e) {
    if (isAwsError(e, "ResourceNotFoundException")) return undefined;
    throw wrapAwsError("ListEntitySecurityProfiles", describeEntity(t), e);
  }
  return found;
}

async function describeUserProfiles(ctx: ProviderContext, t: EntityTarget): Promise<string[] | undefined> {
  try {
    const r = await ctx.clients
      .connectClient(t.region)
      .send(new DescribeUserCommand({ InstanceId: t.instanceId, UserId: userIdOf(t.entityArn) }));
    return r.User?.SecurityProfileIds ?? [];
  } catch (e) {
    if (isAwsError(e, "ResourceNotFoundException")) return undefined;
    throw wrapAwsError("DescribeUser", describeEntity(t), e);
  }
}

/**
 * The profiles the entity has (ListEntitySecurityProfiles, every page, for an AI agent; DescribeUser
 * for a user), or undefined when the entity or its instance is gone. Taken once per engine operation
 * and shared by every read of the entity; `forget` drops it after a write.
 */
export function attachedProfiles(ctx: ProviderContext, t: EntityTarget): Promise<string[] | undefined> {
  return ctx.snapshots.get(snapshotKey(t), () =>
    t.entityType === "USER" ? describeUserProfiles(ctx, t) : listAgentProfiles(ctx, t),
  );
}

export function forget(ctx: ProviderContext, t: EntityTarget): void {
  ctx.snapshots.drop(snapshotKey(t));
}

/** A chunk that failed part-way through a batched change, with what the earlier chunks did. */
export class ChunkFailure extends Error {
  constructor(
    readonly done: string[],
    readonly error: Error,
  ) {
    super(error.message, { cause: error });
  }
}

type Change = "AssociateSecurityProfiles" | "DisassociateSecurityProfiles";

async function sendChange(ctx: ProviderContext, t: EntityTarget, op: Change, ids: string[]): Promise<void> {
  const input = {
    InstanceId: t.instanceId,
    EntityType: "AI_AGENT" as const,
    EntityArn: t.entityArn,
    SecurityProfiles: ids.map((Id) => ({ Id })),
  };
  const client = ctx.clients.connectClient(t.region);
  await (op === "AssociateSecurityProfiles"
    ? client.send(new AssociateSecurityProfilesCommand(input))
    : client.send(new DisassociateSecurityProfilesCommand(input)));
}

/**
 * Associates or disassociates `ids` on an AI agent, 10 per call, one call after another, and
 * returns nothing or throws a ChunkFailure naming the chunk's profiles and the AWS error. These
 * APIs have no ClientToken: a chunk answered "already associated" (ResourceConflictException) or
 * "not associated" (ResourceNotFoundException), as after a retried call that had been applied, is
 * checked against a fresh listing and only what is really left of it is sent again, once. With
 * `waitSeconds` (adding, on create and update), not-found and invalid-request answers are retried
 * while the agent or a profile may still be propagating.
 */
export async function changeAgentProfiles(
  ctx: ProviderContext,
  t: EntityTarget,
  op: Change,
  ids: string[],
  waitSeconds = 0,
): Promise<void> {
  const parts = chunks(ids, PROFILES_PER_CALL);
  const done: string[] = [];
  const tolerated =
    op === "AssociateSecurityProfiles" ? "ResourceConflictException" : "ResourceNotFoundException";
  for (const [i, part] of parts.entries()) {
    const what = `security profiles ${part.join(", ")} (call ${i + 1} of ${parts.length}) of ${describeEntity(t)}`;
    try {
      try {
        await (waitSeconds > 0
          ? ridePropagation(
              () =>
                sendChange(ctx, t, op, part).catch((e: unknown) => Promise.reject(wrapAwsError(op, what, e))),
              {
                timeoutSeconds: waitSeconds,
                entity: `${describeEntity(t)} or security profile ${part.join(", ")}`,
              },
            )
          : sendChange(ctx, t, op, part));
      } catch (e) {
        if (!isAwsError(e, tolerated)) throw e;
        forget(ctx, t);
        const now = new Set((await attachedProfiles(ctx, t)) ?? []);
        const left = part.filter((id) => (op === "AssociateSecurityProfiles" ? !now.has(id) : now.has(id)));
        if (left.length > 0) await sendChange(ctx, t, op, left);
      }
    } catch (e) {
      throw new ChunkFailure(done, wrapAwsError(op, what, e));
    } finally {
      forget(ctx, t);
    }
    done.push(...part);
  }
}

/**
 * UpdateUserSecurityProfiles with the user's whole list. With `waitSeconds` (create and update, not
 * delete), not-found and invalid-request answers are retried while a profile may still be propagating.
 */
export async function setUserProfiles(
  ctx: ProviderContext,
  t: EntityTarget,
  ids: string[],
  waitSeconds = 0,
): Promise<void> {
  const what = `${describeEntity(t)} (setting ${ids.join(", ")})`;
  const send = () =>
    ctx.clients
      .connectClient(t.region)
      .send(
        new UpdateUserSecurityProfilesCommand({
          InstanceId: t.instanceId,
          UserId: userIdOf(t.entityArn),
          SecurityProfileIds: ids,
        }),
      )
      .catch((e: unknown) => Promise.reject(wrapAwsError("UpdateUserSecurityProfiles", what, e)));
  try {
    await (waitSeconds > 0
      ? ridePropagation(send, {
          timeoutSeconds: waitSeconds,
          entity: `${describeEntity(t)} or security profile ${ids.join(", ")}`,
        })
      : send());
  } finally {
    forget(ctx, t);
  }
}

const locks = new Map<string, Promise<unknown>>();

/**
 * Runs `work` after every earlier write to the same entity in this process: several resources may
 * manage one entity, and a user's list is read and written whole, so two interleaved writes would
 * lose one of them.
 */
export function withEntityLock<T>(t: EntityTarget, work: () => Promise<T>): Promise<T> {
  const key = snapshotKey(t);
  const run = (locks.get(key) ?? Promise.resolve()).catch(() => undefined).then(work);
  locks.set(key, run);
  void run
    .finally(() => {
      if (locks.get(key) === run) locks.delete(key);
    })
    .catch(() => undefined);
  return run;
}
