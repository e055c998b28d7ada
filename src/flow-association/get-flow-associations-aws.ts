import { Clients } from "../aws/clients";
import type { ProviderSettings } from "../aws/settings";
import { batchGet } from "./aws";
import type { FlowAssociationSummary } from "./get-flow-associations";

/** The AWS side of getFlowAssociations, loaded on its first call (it brings in the SDK). */
export async function lookUpFlowAssociations(
  settings: ProviderSettings,
  region: string,
  instanceId: string,
  resourceIds: readonly string[],
  resourceType: string | undefined,
): Promise<FlowAssociationSummary[]> {
  const client = new Clients(settings).connectClient(region);
  try {
    const found = await batchGet(client, instanceId, resourceIds, resourceType);
    return found.map((a) => ({
      resourceId: a.ResourceId ?? "",
      flowId: a.FlowId ?? "",
      resourceType: a.ResourceType ?? "",
    }));
  } finally {
    // A program's client: close its sockets so the program can exit.
    client.destroy();
  }
}
