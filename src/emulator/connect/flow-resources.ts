import type { FlowAssociationState, InstanceState, NamedEntity } from "../state";

/** AssociateFlow / DisassociateFlow / GetFlowAssociation `ResourceType` (FlowAssociationResourceType). */
export const FLOW_ASSOCIATION_RESOURCE_TYPES = [
  "SMS_PHONE_NUMBER",
  "INBOUND_EMAIL",
  "OUTBOUND_EMAIL",
  "ANALYTICS_CONNECTOR",
  "WHATSAPP_MESSAGING_PHONE_NUMBER",
] as const;

/**
 * ListFlowAssociations / BatchGetFlowAssociation `ResourceType` (ListFlowAssociationResourceType):
 * voice numbers are here, SMS numbers are not.
 */
export const LIST_FLOW_ASSOCIATION_RESOURCE_TYPES = [
  "WHATSAPP_MESSAGING_PHONE_NUMBER",
  "VOICE_PHONE_NUMBER",
  "INBOUND_EMAIL",
  "OUTBOUND_EMAIL",
  "ANALYTICS_CONNECTOR",
] as const;

/** Types whose ResourceId the reference names as an End User Messaging ARN, never a bare id. */
export const ARN_ONLY_RESOURCE_TYPES: readonly string[] = [
  "SMS_PHONE_NUMBER",
  "WHATSAPP_MESSAGING_PHONE_NUMBER",
];

/** The instance's resources that a flow association of `resourceType` can point from. */
export function resourcesOfType(inst: InstanceState, resourceType: string): NamedEntity[] {
  switch (resourceType) {
    case "VOICE_PHONE_NUMBER":
      return inst.phoneNumbers.filter((p) => p.channel === "VOICE");
    case "SMS_PHONE_NUMBER":
      return inst.phoneNumbers.filter((p) => p.channel === "SMS");
    case "WHATSAPP_MESSAGING_PHONE_NUMBER":
      return inst.phoneNumbers.filter((p) => p.channel === "WHATSAPP");
    case "INBOUND_EMAIL":
    case "OUTBOUND_EMAIL":
      return inst.emailAddresses;
    case "ANALYTICS_CONNECTOR":
      return inst.analyticsConnectors;
    default:
      return [];
  }
}

/** The resource `idOrArn` names: by ARN, or by id where the type allows one. */
export function findResource(
  inst: InstanceState,
  resourceType: string,
  idOrArn: string,
): NamedEntity | undefined {
  const byId = !ARN_ONLY_RESOURCE_TYPES.includes(resourceType);
  return resourcesOfType(inst, resourceType).find((r) => r.arn === idOrArn || (byId && r.id === idOrArn));
}

/** A contact flow by id or ARN. */
export function findFlow(inst: InstanceState, idOrArn: string): NamedEntity | undefined {
  return inst.contactFlows.find((f) => f.id === idOrArn || f.arn === idOrArn);
}

/** Points `resource` at `flow`, replacing any flow it had (re-pointing leaves no moment without one). */
export function setFlow(
  inst: InstanceState,
  resourceType: string,
  resource: NamedEntity,
  flow: NamedEntity,
): void {
  const row = associationOf(inst, resourceType, resource);
  if (row) row.flowArn = flow.arn;
  else inst.flowAssociations.push({ resourceType, resourceArn: resource.arn, flowArn: flow.arn });
}

/** The association of `resource`, if it has one. */
export function associationOf(
  inst: InstanceState,
  resourceType: string,
  resource: NamedEntity,
): FlowAssociationState | undefined {
  return inst.flowAssociations.find((a) => a.resourceType === resourceType && a.resourceArn === resource.arn);
}

/** Removes the association of `resource`; false when it had none. */
export function clearFlow(inst: InstanceState, resourceType: string, resource: NamedEntity): boolean {
  const at = inst.flowAssociations.findIndex(
    (a) => a.resourceType === resourceType && a.resourceArn === resource.arn,
  );
  if (at < 0) return false;
  inst.flowAssociations.splice(at, 1);
  return true;
}

/** A row in the shape every read operation answers. */
export function summary(a: FlowAssociationState): {
  ResourceId: string;
  FlowId: string;
  ResourceType: string;
} {
  return { ResourceId: a.resourceArn, FlowId: a.flowArn, ResourceType: a.resourceType };
}
