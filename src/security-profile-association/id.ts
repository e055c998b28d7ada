import { ENTITY_TYPES, type EntityType } from "./check";

/**
 * The id of a SecurityProfileAssociation: `<instanceId>|<entityType>|<entityArn>`, fields joined by
 * `|`, a character no instance id, entity type or ARN contains. It names the entity, not the
 * profiles: the profiles change in place.
 */
export function formatSecurityProfileAssociationId(
  instanceId: string,
  entityType: EntityType,
  entityArn: string,
): string {
  return `${instanceId}|${entityType}|${entityArn}`;
}

export function parseSecurityProfileAssociationId(id: string): {
  instanceId: string;
  entityType: EntityType;
  entityArn: string;
} {
  const [instanceId, entityType, entityArn, ...rest] = id.split("|");
  if (
    !instanceId ||
    !entityArn ||
    rest.length > 0 ||
    !(ENTITY_TYPES as readonly string[]).includes(entityType ?? "")
  ) {
    throw new Error(
      `'${id}' is not a SecurityProfileAssociation id: expected <instanceId>|AI_AGENT|<aiAgentArn> or <instanceId>|USER|<userArn>`,
    );
  }
  return { instanceId, entityType: entityType as EntityType, entityArn };
}
