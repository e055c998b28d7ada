/**
 * The id of a FlowAssociation, also its `associationId` output: `<instanceId>|<resourceType>|<resourceId>`,
 * each part as given at create (`|` appears in no Connect id, ARN or resource type). The id keeps the
 * given form, ID or ARN, so every later call can name the resource exactly as it was created.
 */
export interface FlowAssociationKey {
  instanceId: string;
  resourceType: string;
  resourceId: string;
}

export function formatFlowAssociationId(k: FlowAssociationKey): string {
  return `${k.instanceId}|${k.resourceType}|${k.resourceId}`;
}

export function parseFlowAssociationId(id: string): FlowAssociationKey {
  const parts = id.split("|");
  const [instanceId, resourceType, resourceId] = parts;
  if (parts.length !== 3 || !instanceId || !resourceType || !resourceId) {
    throw new Error(`'${id}' is not a FlowAssociation id: expected <instanceId>|<resourceType>|<resourceId>`);
  }
  return { instanceId, resourceType, resourceId };
}

/**
 * The normalised form of something AWS lets you name by ID or by ARN: the ARN's last path segment
 * (an instance, phone number, email address or flow ARN ends with the resource's id), the value
 * itself otherwise. Diff, read and drift compare this form, so ID versus ARN is never a change.
 */
export function normalisedId(idOrArn: string): string {
  return idOrArn.startsWith("arn:") ? idOrArn.slice(idOrArn.lastIndexOf("/") + 1) : idOrArn;
}
