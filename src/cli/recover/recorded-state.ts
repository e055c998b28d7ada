import type { RecordedState } from "../../runtime/definition";
import { typeNameOf } from "../../runtime/entry";
import { definitionOf } from "../../runtime/registry";

export type { RecordedState } from "../../runtime/definition";

/**
 * The state a create of these (checked) inputs would have recorded, for a resource of `type` (a
 * type token), or undefined when it is not one of ours. Each resource's definition says what that
 * is; `pulumi refresh` then keeps exactly what AWS really holds.
 */
export function recordedState(type: string, inputs: Record<string, unknown>): RecordedState | undefined {
  const name = typeNameOf(type);
  return name === undefined ? undefined : definitionOf(name)?.recorded(inputs);
}
