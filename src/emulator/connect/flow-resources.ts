import { enumOf } from "../core/model";
import { CONNECT_MODEL } from "../models";
import { visibleAt, type FlowAssociationState, type InstanceState, type NamedEntity } from "../state";

/**
 * ListFlowAssociations / BatchGetFlowAssociation `ResourceType`, the model's
 * ListFlowAssociationResourceType: voice numbers are here, SMS numbers are not.
 */
export const LIST_FLOW_ASSOCIATION_RESOURCE_TYPES = enumOf(CONNECT_MODEL, "ListFlowAssociationResourceType");

/** Types whose ResourceId the reference names as an End User Messaging ARN, never a bare id. */
export const ARN_ONLY_RESOURCE_TYPES: readonly string[] = [
  "SMS_PHONE_NUMBER",
  "WHATSAPP_MESSAGING_PHONE_NUMBER",
];

/**
 * The instance's resources that a flow association of `resourceType` can point from, among those
 * that exist at `now` (see `visibleAt`).
 */
export function resourcesOfType(inst: InstanceState, resourceType: string, now: number): NamedEntity[] {
  return allOfType(inst, resourceType).filter((r) => visibleAt(r, now));
}

function allOfType(inst: InstanceState, resourceType: string): NamedEntity[] {
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

/**
 * Whether `arn` names the resource: its own ARN, or for a voice number also the instance-scoped form
 * `arn:aws:connect:<region>:<account>:instance/<instanceId>/phone-number/<id>`, which Connect's phone
 * number APIs also take for a number claimed to the instance (the emulator's reading: the same number).
 */
function isArnOf(inst: InstanceState, resourceType: string, r: NamedEntity, arn: string): boolean {
  return (
    r.arn === arn || (resourceType === "VOICE_PHONE_NUMBER" && arn === `${inst.arn}/phone-number/${r.id}`)
  );
}

/** The resource an ARN names, among those of `resourceType` that exist at `now`. */
export function findResourceByArn(
  inst: InstanceState,
  resourceType: string,
  arn: string,
  now: number,
): NamedEntity | undefined {
  return resourcesOfType(inst, resourceType, now).find((r) => isArnOf(inst, resourceType, r, arn));
}

/** The resource `idOrArn` names: by ARN, or by id where the type allows one (existing at `now`). */
export function findResource(
  inst: InstanceState,
  resourceType: string,
  idOrArn: string,
  now: number,
): NamedEntity | undefined {
  const byId = !ARN_ONLY_RESOURCE_TYPES.includes(resourceType);
  return resourcesOfType(inst, resourceType, now).find(
    (r) => isArnOf(inst, resourceType, r, idOrArn) || (byId && r.id === idOrArn),
  );
}

/** A contact flow by id or ARN, existing at `now`. */
export function findFlow(inst: InstanceState, idOrArn: string, now: number): NamedEntity | undefined {
  return inst.contactFlows.find((f) => (f.id === idOrArn || f.arn === idOrArn) && visibleAt(f, now));
}

/**
 * Whether an association is there for the reads at `now`: its resource and its flow both exist (a
 * seeded association of a resource or flow still propagating is not seen until both are). Built once
 * per request, as a listing checks every row.
 */
export function seenAt(inst: InstanceState, now: number): (a: FlowAssociationState) => boolean {
  const resources = new Set(
    [...inst.phoneNumbers, ...inst.emailAddresses, ...inst.analyticsConnectors]
      .filter((r) => visibleAt(r, now))
      .map((r) => r.arn),
  );
  const flows = new Set(inst.contactFlows.filter((f) => visibleAt(f, now)).map((f) => f.arn));
  return (a) => resources.has(a.resourceArn) && flows.has(a.flowArn);
}

/**
 * The ARN the emulator keeps for the resource `arn` names: a voice number's instance-scoped ARN
 * becomes the number's own; any other ARN is kept as it is.
 */
export function keptArn(inst: InstanceState, arn: string, now: number): string {
  const prefix = `${inst.arn}/phone-number/`;
  if (!arn.startsWith(prefix)) return arn;
  return findResourceByArn(inst, "VOICE_PHONE_NUMBER", arn, now)?.arn ?? arn;
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
