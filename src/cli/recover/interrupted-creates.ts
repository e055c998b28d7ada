import { containsUnknown } from "../../validation/unknown";
import { recordedState } from "./recorded-state";

/** A resource as `pulumi stack export` writes it (only the fields this module reads are named). */
export interface CheckpointResource {
  urn: string;
  type: string;
  custom?: boolean;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  provider?: string;
  [field: string]: unknown;
}

export interface StackExport {
  version?: number;
  deployment: {
    resources?: CheckpointResource[];
    pending_operations?: { type: string; resource: CheckpointResource }[];
    [field: string]: unknown;
  };
}

/** `pulumi preview --json`: its steps, of which the creates are read. */
export interface PreviewJson {
  steps?: { op: string; urn: string; newState?: CheckpointResource }[];
}

export interface Recovery {
  /** The checkpoint to `pulumi stack import`. */
  stack: StackExport;
  /** What was recorded, and from where: a pending create of the checkpoint, or a create the preview plans. */
  recorded: { urn: string; id: string; from: "pending" | "preview" }[];
  /** Creates that could not be recorded (their inputs, or provider, are not known yet), with why. */
  skipped: { urn: string; reason: string }[];
}

/**
 * Records, in a stack checkpoint, the creates an interrupted `pulumi up` may have applied in AWS
 * without recording them: the pending creates a killed CLI leaves behind and, given the preview of
 * the next run, every create it plans (a killed provider leaves no pending create: the engine
 * records its in-flight creates as failed). Each becomes a resource with the id and outputs a
 * create would have recorded; `pulumi refresh` then keeps those AWS really holds and drops the
 * rest, and the next `pulumi up` creates what is missing. Pending creates of other providers are
 * left alone.
 */
export function recoverInterruptedCreates(stack: StackExport, preview?: PreviewJson): Recovery {
  const resources = [...(stack.deployment.resources ?? [])];
  const known = new Set(resources.map((r) => r.urn));
  const recorded: Recovery["recorded"] = [];
  const skipped: Recovery["skipped"] = [];

  const record = (candidate: CheckpointResource, from: "pending" | "preview"): boolean => {
    const inputs = candidate.inputs ?? {};
    if (known.has(candidate.urn)) return true;
    if (containsUnknown(inputs) || containsUnknown(candidate.provider)) {
      skipped.push({
        urn: candidate.urn,
        reason: "its inputs or provider are not known until other resources exist",
      });
      return false;
    }
    const state = recordedState(candidate.type, inputs);
    if (!state) return false;
    const { created: _c, modified: _m, ...rest } = candidate;
    resources.push({ ...rest, custom: true, id: state.id, inputs, outputs: state.outputs });
    known.add(candidate.urn);
    recorded.push({ urn: candidate.urn, id: state.id, from });
    return true;
  };

  const pending = (stack.deployment.pending_operations ?? []).filter(
    (op) => !(op.type === "creating" && record(op.resource, "pending")),
  );
  for (const step of preview?.steps ?? []) {
    if (step.op === "create" && step.newState) record(step.newState, "preview");
  }
  return {
    stack: { ...stack, deployment: { ...stack.deployment, resources, pending_operations: pending } },
    recorded,
    skipped,
  };
}
