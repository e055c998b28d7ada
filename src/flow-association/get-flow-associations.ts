import * as pulumi from "@pulumi/pulumi";
import { settingsFromConfig, type ConfigSource } from "../aws/settings";
import { findFlowAssociations } from "./find-flow-associations";
import type { ListFlowAssociationResourceType } from "./resource-types";

/** The arguments of {@link getFlowAssociations}: an instance and the resources to look up. */
export interface GetFlowAssociationsArgs {
  /** The Amazon Connect instance: its id or ARN. */
  instanceId: string;
  /** The resources to look up, any number (ids or ARNs, as BatchGetFlowAssociation takes them). */
  resourceIds: readonly string[];
  /** Only associations of this type; all types when absent. */
  resourceType?: ListFlowAssociationResourceType;
  /** The instance's Region; defaults to the provider's Region (stack config `aws:region`; `connect-associations:region` for the provider plugin), then `AWS_REGION`. */
  region?: string;
}

/** One association found, as AWS reports it (the emulator names resources and flows by ARN). */
export interface FlowAssociationSummary {
  /** The resource (id or ARN, as AWS answers). */
  resourceId: string;
  /** The flow it starts (id or ARN, as AWS answers). */
  flowId: string;
  /** What the resource is, e.g. `VOICE_PHONE_NUMBER`. */
  resourceType: string;
}

/** What {@link getFlowAssociations} resolves to. */
export interface GetFlowAssociationsResult {
  /** Every association found; resources with no flow are left out. */
  associations: FlowAssociationSummary[];
}

/** The program's stack config, read with full keys (`aws:region`, `connect:endpoint`). */
const stackConfig: ConfigSource = {
  get(key: string): string | undefined {
    const at = key.indexOf(":");
    return new pulumi.Config(key.slice(0, at)).get(key.slice(at + 1));
  },
};

/**
 * The flow associations of any number of resources, in the program: BatchGetFlowAssociation with
 * 100 ids per call (its documented maximum), one call after another, so 250 ids are 3 calls.
 * Bad arguments are rejected, naming the argument, before any call; no ids is no call.
 *
 * Runs in the program process with the standard AWS credential chain, the Region from `region`,
 * stack config `aws:region` or `AWS_REGION`, and the endpoint from stack config `connect:endpoint`
 * or `AWS_ENDPOINT_URL_CONNECT`. Returns a Promise (wrap it in `pulumi.output()` to use it as an
 * Output). The AWS SDK is loaded only when the function is called, so programs that never call it
 * do not load it.
 *
 * @example
 * ```ts
 * const found = await connect.getFlowAssociations({
 *   instanceId: "11111111-2222-3333-4444-555555555555",
 *   resourceIds: numberIds,
 *   resourceType: "VOICE_PHONE_NUMBER",
 * });
 * const unrouted = numberIds.length - found.associations.length;
 * ```
 */
export async function getFlowAssociations(args: GetFlowAssociationsArgs): Promise<GetFlowAssociationsResult> {
  return findFlowAssociations(settingsFromConfig(stackConfig), args);
}
