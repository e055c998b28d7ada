import { botAssociation } from "../bot-association/provider";
import { flowAssociation } from "../flow-association/provider";
import { profileObjectDeletion } from "../profile-object-deletion/provider";
import { securityProfileAssociation } from "../security-profile-association/provider";
import { workspaceAssociation } from "../workspace-association/provider";

/**
 * Every resource type of this package, once. A new resource is one folder under src/ whose
 * provider.ts exports its definition, one line here, and one export in src/index.ts.
 */
export const RESOURCES = [
  botAssociation,
  securityProfileAssociation,
  workspaceAssociation,
  flowAssociation,
  profileObjectDeletion,
] as const;

/** The class names of the resources: `BotAssociation`, … */
export type ResourceTypeName = (typeof RESOURCES)[number]["type"];

/** The definition of a class name, or undefined when it is not one of ours. */
export function definitionOf(type: string): (typeof RESOURCES)[number] | undefined {
  return RESOURCES.find((d) => d.type === type);
}
