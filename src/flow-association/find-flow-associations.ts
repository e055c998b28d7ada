import type { ProviderSettings } from "../aws/settings";
import { requireRegion } from "../aws/region";
import { Checker } from "../validation/checker";
import type { GetFlowAssociationsArgs, GetFlowAssociationsResult } from "./get-flow-associations";
import { LISTABLE_FLOW_RESOURCE_TYPES } from "./resource-types";

function checked(args: GetFlowAssociationsArgs): void {
  const c = new Checker();
  c.string("instanceId", args.instanceId, { required: true, min: 1, max: 100 });
  c.string("resourceType", args.resourceType, { enum: LISTABLE_FLOW_RESOURCE_TYPES });
  c.string("region", args.region, {});
  if (!Array.isArray(args.resourceIds)) c.fail("resourceIds", "resourceIds must be a list of resource ids");
  else args.resourceIds.forEach((id, i) => c.string(`resourceIds[${i}]`, id, { required: true, min: 1 }));
  if (c.failures.length > 0) {
    throw new Error(`getFlowAssociations: ${c.failures.map((f) => f.reason).join("; ")}`);
  }
}

/**
 * getFlowAssociations with the given settings, wherever they come from (the program's stack config,
 * or the provider plugin's configuration): arguments checked before any call, the Region resolved,
 * then BatchGetFlowAssociation (./aws.ts lookUpFlowAssociations). No ids is no call. The AWS SDK is
 * loaded only when called.
 */
export async function findFlowAssociations(
  settings: ProviderSettings,
  args: GetFlowAssociationsArgs,
): Promise<GetFlowAssociationsResult> {
  checked(args);
  const region = requireRegion(args.region, settings, "getFlowAssociations");
  if (args.resourceIds.length === 0) return { associations: [] };
  const { lookUpFlowAssociations } = await import("./aws.js");
  return {
    associations: await lookUpFlowAssociations(
      settings,
      region,
      args.instanceId,
      args.resourceIds,
      args.resourceType,
    ),
  };
}
