import {
  AssociateWorkspaceCommand,
  DisassociateWorkspaceCommand,
  paginateSearchWorkspaceAssociations,
  type ConnectClient,
} from "@aws-sdk/client-connect";
import { backoff, ridePropagation } from "../aws/consistency";
import { isAwsError, wrapAwsError } from "../aws/errors";
import type { ProviderContext } from "../runtime/context";
import { chunks } from "../runtime/sets";
import {
  describeTarget,
  type BatchOutcome,
  type ItemFailure,
  type WorkspaceOperation,
  type WorkspaceTarget,
} from "./batch";

/** SearchWorkspaceAssociations' largest page (API reference: MaxResults 1-500). */
const SEARCH_PAGE = 500;

export function listingKey(region: string, instanceId: string): string {
  return `SearchWorkspaceAssociations|${region}|${instanceId}`;
}

/** The ARNs associated with one workspace, by workspace id and by workspace ARN. */
export type WorkspaceListing = Map<string, Set<string>>;

/**
 * Every workspace association of the instance: SearchWorkspaceAssociations, every page, with no
 * SearchCriteria, filtered by workspace on our side. The reference documents no FieldName for its
 * StringCondition, so a workspace criterion could be refused by AWS; the one listing per instance
 * is taken once per engine operation and shared by every read and create of every workspace on it
 * ({@link runBatches} keeps it in step with this provider's own writes). An instance that no longer
 * exists holds no association.
 */
export function instanceListing(
  ctx: ProviderContext,
  region: string,
  instanceId: string,
): Promise<WorkspaceListing> {
  return ctx.snapshots.get(listingKey(region, instanceId), () => listInstance(ctx, region, instanceId));
}

/** The listing of {@link instanceListing}, taken now and shared with nobody. */
async function listInstance(
  ctx: ProviderContext,
  region: string,
  instanceId: string,
): Promise<WorkspaceListing> {
  const client = ctx.clients.connectClient(region);
  const found: WorkspaceListing = new Map();
  try {
    const pages = paginateSearchWorkspaceAssociations(
      { client, pageSize: SEARCH_PAGE },
      { InstanceId: instanceId },
    );
    for await (const page of pages) {
      for (const a of page.WorkspaceAssociations ?? []) {
        if (a.ResourceArn === undefined) continue;
        // One set under both names of the workspace, so that a change through either is seen
        // through the other.
        const keys = [a.WorkspaceId, a.WorkspaceArn].filter((k): k is string => k !== undefined);
        const set = keys.map((k) => found.get(k)).find((s) => s !== undefined) ?? new Set<string>();
        for (const k of keys) found.set(k, set);
        set.add(a.ResourceArn);
      }
    }
  } catch (e) {
    if (isAwsError(e, "ResourceNotFoundException")) return new Map();
    throw wrapAwsError("SearchWorkspaceAssociations", `workspace associations on instance ${instanceId}`, e);
  }
  return found;
}

/** ResourceArns per AssociateWorkspace / DisassociateWorkspace call: the API reference's maximum. */
export const WORKSPACE_BATCH_SIZE = 25;

/**
 * Which of `arns` a fresh SearchWorkspaceAssociations listing shows as associated with the
 * workspace. The listing, not AWS's per-item ErrorCode, says whether an item is "already
 * associated" or "not associated": the model gives those codes only as three-digit strings
 * (`WorkspaceErrorCode`) and the reference does not say which case gets which. The listing answers
 * this question only and does not replace the operation's shared one: taken in the middle of other
 * resources' writes, it may lag behind them, while the shared one holds each of them.
 */
async function associatedNow(
  ctx: ProviderContext,
  region: string,
  target: WorkspaceTarget,
  arns: readonly string[],
): Promise<Set<string>> {
  const listing = await listInstance(ctx, region, target.instanceId);
  const present = listing.get(target.workspaceId) ?? new Set<string>();
  return new Set(arns.filter((arn) => present.has(arn)));
}

/** One AssociateWorkspace / DisassociateWorkspace call, its whole-call failure wrapped. */
function send(client: ConnectClient, operation: WorkspaceOperation, target: WorkspaceTarget, arns: string[]) {
  const input = { InstanceId: target.instanceId, WorkspaceId: target.workspaceId, ResourceArns: arns };
  const call =
    operation === "AssociateWorkspace"
      ? client.send(new AssociateWorkspaceCommand(input))
      : client.send(new DisassociateWorkspaceCommand(input));
  return call.catch((e: unknown) => Promise.reject(wrapAwsError(operation, describeTarget(target), e)));
}

/**
 * One batch: the call, then each item's outcome. An item in SuccessfulList is done. Items in
 * FailedList (or answered in neither list, or the whole call answered DuplicateResourceException,
 * which AssociateWorkspace models) are checked against a fresh listing: an item already where it
 * should be (associated when adding, absent when removing: what a retry after a dropped connection
 * sees) is done, whatever code AWS gave; the rest fail with their ErrorCode and ErrorMessage.
 */
async function runBatch(
  ctx: ProviderContext,
  region: string,
  operation: WorkspaceOperation,
  target: WorkspaceTarget,
  batch: string[],
  waitSeconds: number,
): Promise<BatchOutcome> {
  const client = ctx.clients.connectClient(region);
  const outcome: BatchOutcome = { done: [], failed: [] };
  let answer;
  try {
    answer =
      waitSeconds > 0
        ? await ridePropagation(() => send(client, operation, target, batch), {
            timeoutSeconds: waitSeconds,
            entity: describeTarget(target),
          })
        : await send(client, operation, target, batch);
  } catch (e) {
    if (!(operation === "AssociateWorkspace" && isAwsError(e, "DuplicateResourceException"))) {
      outcome.error = e as Error;
      return outcome;
    }
    answer = { SuccessfulList: [], FailedList: [] };
  }
  const answered = new Map<string, ItemFailure | undefined>();
  for (const s of answer.SuccessfulList ?? [])
    if (s.ResourceArn !== undefined) answered.set(s.ResourceArn, undefined);
  for (const f of answer.FailedList ?? []) {
    if (f.ResourceArn === undefined || answered.has(f.ResourceArn)) continue;
    answered.set(f.ResourceArn, {
      arn: f.ResourceArn,
      code: f.ErrorCode ?? "UnknownError",
      message: f.ErrorMessage ?? "",
    });
  }
  const unsure = batch.filter((arn) => !answered.has(arn) || answered.get(arn) !== undefined);
  const present = unsure.length > 0 ? await associatedNow(ctx, region, target, unsure) : new Set<string>();
  for (const arn of batch) {
    const failure = answered.has(arn)
      ? answered.get(arn)
      : { arn, code: "NoResult", message: `${operation} answered nothing for it` };
    const inPlace = operation === "AssociateWorkspace" ? present.has(arn) : !present.has(arn);
    if (failure === undefined || inPlace) outcome.done.push(arn);
    else outcome.failed.push(failure);
  }
  return outcome;
}

/**
 * Sends `arns` to one operation in batches of the API's maximum, one after another (see
 * {@link runBatch} for each item's outcome). With `waitSeconds` (creates and updates, never
 * deletes), a whole call answered not-found or invalid-request is retried while the workspace or
 * instance may still be propagating, and items that failed are sent again until they succeed or the
 * time is up (a user or routing profile just created may not be visible yet). The SDK retries
 * throttling and transient errors of a whole call.
 */
export async function runBatches(
  ctx: ProviderContext,
  region: string,
  operation: WorkspaceOperation,
  target: WorkspaceTarget,
  arns: readonly string[],
  waitSeconds = 0,
  itemRetrySeconds = waitSeconds,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { done: [], failed: [] };
  const deadline = Date.now() + waitSeconds * 1000;
  // Items are retried for their own window: a removal that a just-taken (eventually consistent)
  // listing still shows is sent again, while a whole call of a delete never waits.
  const itemDeadline = Date.now() + itemRetrySeconds * 1000;
  for (const batch of chunks(arns, WORKSPACE_BATCH_SIZE)) {
    let result = await runBatch(
      ctx,
      region,
      operation,
      target,
      batch,
      Math.max(0, (deadline - Date.now()) / 1000),
    );
    for (let n = 0; result.failed.length > 0 && !result.error && itemRetrySeconds > 0; n++) {
      const delay = backoff(n);
      if (Date.now() + delay > itemDeadline) {
        outcome.hint =
          `Each of them may not exist (check the ARN, Region and account), or may still be propagating: ` +
          `retried for ${itemRetrySeconds}s (stack config connect:consistencyTimeoutSeconds)`;
        break;
      }
      await new Promise((r) => setTimeout(r, delay));
      const again = await runBatch(
        ctx,
        region,
        operation,
        target,
        result.failed.map((f) => f.arn),
        0,
      );
      result = {
        done: [...result.done, ...again.done],
        failed: again.failed,
        ...(again.error ? { error: again.error } : {}),
      };
    }
    outcome.done.push(...result.done);
    outcome.failed.push(...result.failed);
    if (result.error) {
      outcome.error = result.error;
      break;
    }
  }
  const key = listingKey(region, target.instanceId);
  // A whole call that failed may have been applied (a connection dropped after AWS acted): the
  // listing is dropped rather than trusted. Otherwise each item's state is known, and only this
  // workspace's items are changed in it, in place: the done ones as the operation made them, the
  // failed ones as the fresh listing that checked them showed them (not where they should be).
  if (outcome.error) ctx.snapshots.drop(key);
  else
    ctx.snapshots.change(key, (listing: WorkspaceListing) => {
      let set = listing.get(target.workspaceId);
      if (!set) listing.set(target.workspaceId, (set = new Set()));
      const failed = outcome.failed.map((f) => f.arn);
      const [associated, absent] =
        operation === "AssociateWorkspace" ? [outcome.done, failed] : [failed, outcome.done];
      for (const arn of associated) set.add(arn);
      for (const arn of absent) set.delete(arn);
    });
  return outcome;
}
