import type { FlowAssociationResourceType } from "../../flow-association/resource-types";

/**
 * One association of the instance, as AWS's listings name it: the unit of the JSON inventory
 * (`export --format json`), so that two inventories diff association by association.
 */
export type Association =
  | { type: "BotAssociation"; lexBot: { name: string; lexRegion: string } }
  | { type: "BotAssociation"; lexV2Bot: { aliasArn: string } }
  | { type: "WorkspaceAssociation"; workspaceId: string; resourceArn: string }
  | { type: "FlowAssociation"; resourceType: FlowAssociationResourceType; resourceId: string; flowId: string }
  | {
      type: "SecurityProfileAssociation";
      entityType: "USER" | "AI_AGENT";
      entityArn: string;
      securityProfileId: string;
    };

/** What one export read: the associations, and the readable names the listings gave for ARNs and ids. */
export interface Inventory {
  instanceId: string;
  region: string;
  associations: Association[];
  /** ARN or id → a name a person knows it by (a phone number in E.164, a user name); naming only. */
  labels: Map<string, string>;
}

/** The key that orders the inventory and says which association is which. */
export function associationKey(a: Association): string {
  switch (a.type) {
    case "BotAssociation":
      return "lexBot" in a
        ? `BotAssociation|V1|${a.lexBot.lexRegion}|${a.lexBot.name}`
        : `BotAssociation|V2|${a.lexV2Bot.aliasArn}`;
    case "WorkspaceAssociation":
      return `WorkspaceAssociation|${a.workspaceId}|${a.resourceArn}`;
    case "FlowAssociation":
      return `FlowAssociation|${a.resourceType}|${a.resourceId}`;
    case "SecurityProfileAssociation":
      return `SecurityProfileAssociation|${a.entityType}|${a.entityArn}|${a.securityProfileId}`;
  }
}

/** The associations in a stable order, each once. */
export function sortedAssociations(list: readonly Association[]): Association[] {
  const byKey = new Map<string, Association>();
  for (const a of list) byKey.set(associationKey(a), a);
  return [...byKey.keys()].sort().map((k) => byKey.get(k) as Association);
}

/**
 * The JSON inventory: the instance, the Region and one object per association in key order, so
 * that `diff` of two exports shows exactly the associations that changed.
 */
export function inventoryJson(inv: Inventory): string {
  const body = {
    instanceId: inv.instanceId,
    region: inv.region,
    associations: sortedAssociations(inv.associations),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
