import {
  AssociateWorkspaceCommand,
  DisassociateWorkspaceCommand,
  type ConnectClient,
} from "@aws-sdk/client-connect";
import { wrapAwsError } from "../aws/errors";
import { chunks } from "../runtime/sets";

/** ResourceArns per AssociateWorkspace / DisassociateWorkspace call: the API reference's maximum. */
export const WORKSPACE_BATCH_SIZE = 25;

/**
 * Per-item ErrorCodes that mean the item is already where we want it. The API reference names no
 * per-item codes; these are the ones connect-emulator answers (see the README), named after the
 * Connect exceptions for "already exists" and "not found".
 */
export const ALREADY_ASSOCIATED = "DuplicateResourceException";
export const NOT_ASSOCIATED = "ResourceNotFoundException";

export type WorkspaceOperation = "AssociateWorkspace" | "DisassociateWorkspace";

export interface ItemFailure {
  arn: string;
  code: string;
  message: string;
}

/** What a run of batches achieved: items now as wanted, items that failed, and a call that failed whole. */
export interface BatchOutcome {
  done: string[];
  failed: ItemFailure[];
  /** A whole call failed: later batches were not sent. */
  error?: Error;
}

export interface WorkspaceTarget {
  instanceId: string;
  workspaceId: string;
}

export function describeTarget(t: WorkspaceTarget): string {
  return `workspace ${t.workspaceId} on instance ${t.instanceId}`;
}

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

/** One line naming every failed ARN with its ErrorCode and ErrorMessage, and a whole-call error. */
export function failureMessage(
  operation: WorkspaceOperation,
  target: WorkspaceTarget,
  outcome: BatchOutcome,
  total: number,
): string | undefined {
  const parts: string[] = [];
  if (outcome.failed.length > 0) {
    const items = outcome.failed.map((f) => `${f.arn} (${f.code}: ${f.message})`).join("; ");
    parts.push(
      `${operation} failed for ${outcome.failed.length} of ${total} resources of ${describeTarget(target)}: ${items}`,
    );
  }
  if (outcome.error) parts.push(outcome.error.message);
  return parts.length > 0 ? parts.join(". ") : undefined;
}
