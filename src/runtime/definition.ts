import type { Lifecycle, ProviderContext } from "./context";

/** The id a create would have returned, and the outputs it would have recorded. */
export interface RecordedState {
  id: string;
  outputs: Record<string, unknown>;
}

/**
 * Everything the runtime needs to know of one resource type, exported by its folder's provider.ts
 * and listed once in ./registry.ts: the `__provider` entries, the type tokens and the recovery
 * command all derive from that list.
 */
export interface ResourceDefinition<T extends string = string> {
  /** The class name; the type token is `pulumi-nodejs:dynamic/connect:<type>`. */
  readonly type: T;
  /** The lifecycle, with the provider process's clients and settings. */
  readonly lifecycle: (ctx: ProviderContext) => Lifecycle;
  /**
   * What a create of these checked inputs records, computed without AWS (every id is a function
   * of the inputs). Recovery records it for a create that an interrupted `pulumi up` left unknown,
   * and the `pulumi refresh` that follows keeps only what AWS really holds.
   */
  readonly recorded: (inputs: Record<string, unknown>) => RecordedState;
}

/** A definition, with its type name kept as a literal (so the registry knows every name). */
export function defineResource<const T extends string>(
  definition: ResourceDefinition<T>,
): ResourceDefinition<T> {
  return definition;
}
