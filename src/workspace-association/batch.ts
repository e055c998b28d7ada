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
  /** Set when failed items were retried for the consistency timeout: why they may have failed. */
  hint?: string;
}

export interface WorkspaceTarget {
  instanceId: string;
  workspaceId: string;
}

export function describeTarget(t: WorkspaceTarget): string {
  return `workspace ${t.workspaceId} on instance ${t.instanceId}`;
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
  if (outcome.hint !== undefined && outcome.failed.length > 0) parts.push(outcome.hint);
  if (outcome.error) parts.push(outcome.error.message);
  return parts.length > 0 ? parts.join(". ") : undefined;
}
