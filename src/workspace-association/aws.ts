import {
  AssociateWorkspaceCommand,
  DisassociateWorkspaceCommand,
  paginateSearchWorkspaceAssociations,
  type ConnectClient,
} from "@aws-sdk/client-connect";
import { isAwsError, wrapAwsError } from "../aws/errors";
import type { ProviderContext } from "../runtime/context";
import { chunks } from "../runtime/sets";
import { describeTarget, type BatchOutcome, type WorkspaceOperation, type WorkspaceTarget } from "./batch";

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
 * is taken once per engine operation and shared by every read of every workspace on it. An
 * instance that no longer exists holds no association.
 */
export function instanceListing(
  ctx: ProviderContext,
  region: string,
  instanceId: string,
): Promise<WorkspaceListing> {
  return ctx.snapshots.get(listingKey(region, instanceId), async () => {
    const client = ctx.clients.connectClient(region);
    const found: WorkspaceListing = new Map();
    const add = (key: string | undefined, arn: string) => {
      if (key === undefined) return;
      let set = found.get(key);
      if (!set) found.set(key, (set = new Set()));
      set.add(arn);
    };
    try {
      const pages = paginateSearchWorkspaceAssociations(
        { client, pageSize: SEARCH_PAGE },
        { InstanceId: instanceId },
      );
      for await (const page of pages) {
        for (const a of page.WorkspaceAssociations ?? []) {
          if (a.ResourceArn === undefined) continue;
          add(a.WorkspaceId, a.ResourceArn);
          add(a.WorkspaceArn, a.ResourceArn);
        }
      }
    } catch (e) {
      if (isAwsError(e, "ResourceNotFoundException")) return new Map();
      throw wrapAwsError(
        "SearchWorkspaceAssociations",
        `workspace associations on instance ${instanceId}`,
        e,
      );
    }
    return found;
  });
}

/** ResourceArns per AssociateWorkspace / DisassociateWorkspace call: the API reference's maximum. */
export const WORKSPACE_BATCH_SIZE = 25;

/**
 * Sends `arns` to one operation in batches of the API's maximum. An item in SuccessfulList, or in
 * FailedList with `tolerated` (already associated when adding, not associated when removing: what a
 * retry after a dropped connection sees), is done; every other FailedList item is a failure with its
 * AWS ErrorCode and ErrorMessage. The SDK retries throttling and transient errors of a whole call.
 */
export async function runBatches(
  client: ConnectClient,
  operation: WorkspaceOperation,
  target: WorkspaceTarget,
  arns: readonly string[],
  tolerated: string,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { done: [], failed: [] };
  for (const batch of chunks(arns, WORKSPACE_BATCH_SIZE)) {
    const input = { InstanceId: target.instanceId, WorkspaceId: target.workspaceId, ResourceArns: batch };
    let answer;
    try {
      answer = await client.send(
        operation === "AssociateWorkspace"
          ? new AssociateWorkspaceCommand(input)
          : new DisassociateWorkspaceCommand(input),
      );
    } catch (e) {
      outcome.error = wrapAwsError(operation, describeTarget(target), e);
      return outcome;
    }
    const answered = new Set<string>();
    for (const s of answer.SuccessfulList ?? []) {
      if (s.ResourceArn === undefined) continue;
      answered.add(s.ResourceArn);
      outcome.done.push(s.ResourceArn);
    }
    for (const f of answer.FailedList ?? []) {
      if (f.ResourceArn === undefined || answered.has(f.ResourceArn)) continue;
      answered.add(f.ResourceArn);
      if (f.ErrorCode === tolerated) outcome.done.push(f.ResourceArn);
      else
        outcome.failed.push({
          arn: f.ResourceArn,
          code: f.ErrorCode ?? "UnknownError",
          message: f.ErrorMessage ?? "",
        });
    }
    // An item AWS answered in neither list did not happen as far as we can tell.
    for (const arn of batch)
      if (!answered.has(arn))
        outcome.failed.push({ arn, code: "NoResult", message: `${operation} answered nothing for it` });
  }
  return outcome;
}
