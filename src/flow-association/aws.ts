import {
  AssociateFlowCommand,
  AssociatePhoneNumberContactFlowCommand,
  BatchGetFlowAssociationCommand,
  DisassociateFlowCommand,
  DescribePhoneNumberCommand,
  DisassociatePhoneNumberContactFlowCommand,
  GetFlowAssociationCommand,
  paginateListFlowAssociations,
  type ConnectClient,
  type FlowAssociationResourceType,
  type FlowAssociationSummary,
  type ListFlowAssociationResourceType,
} from "@aws-sdk/client-connect";
import { Clients } from "../aws/clients";
import { ridePropagation } from "../aws/consistency";
import { AwsCallError, isAwsError, wrapAwsError } from "../aws/errors";
import type { ProviderSettings } from "../aws/settings";
import type { FlowResourceType } from "./check";
import { normalisedId } from "./id";
import type { FlowAssociationSummary as FoundAssociation } from "./get-flow-associations";
import { chunks } from "../runtime/sets";

/** ListFlowAssociations' largest page (MaxResults 1-1000 in the API reference). */
export const LIST_FLOW_ASSOCIATIONS_PAGE = 1000;
/** BatchGetFlowAssociation's largest request (ResourceIds 1-100 items in the API reference). */
export const BATCH_GET_FLOW_ASSOCIATION_IDS = 100;

export interface FlowTarget {
  instanceId: string;
  resourceId: string;
  resourceType: FlowResourceType;
}

export function describeTarget(t: FlowTarget): string {
  return `${t.resourceType} ${t.resourceId} on instance ${t.instanceId}`;
}

/**
 * Points the resource at `flowId`, replacing any flow it had, in one call: voice numbers through
 * AssociatePhoneNumberContactFlow (AssociateFlow's enum has no voice type), the rest through
 * AssociateFlow. Neither API has a ClientToken; both set the same state when repeated, so retries
 * are safe. A resource, flow or instance not found (or an invalid request) is retried while it may
 * still be propagating.
 */
export async function associate(
  client: ConnectClient,
  t: FlowTarget,
  flowId: string,
  timeoutSeconds: number,
): Promise<void> {
  const voice = t.resourceType === "VOICE_PHONE_NUMBER";
  const send = () =>
    voice
      ? client.send(
          new AssociatePhoneNumberContactFlowCommand({
            InstanceId: t.instanceId,
            PhoneNumberId: t.resourceId,
            ContactFlowId: flowId,
          }),
        )
      : client.send(
          new AssociateFlowCommand({
            InstanceId: t.instanceId,
            ResourceId: t.resourceId,
            FlowId: flowId,
            ResourceType: t.resourceType as FlowAssociationResourceType,
          }),
        );
  const operation = voice ? "AssociatePhoneNumberContactFlow" : "AssociateFlow";
  await ridePropagation(
    () => send().catch((e: unknown) => Promise.reject(wrapAwsError(operation, describeTarget(t), e))),
    { timeoutSeconds, entity: `${describeTarget(t)}, flow ${flowId} or instance ${t.instanceId}` },
  );
}

/** Removes the resource's flow; ResourceNotFoundException (nothing to remove) is success. */
export async function disassociate(client: ConnectClient, t: FlowTarget): Promise<void> {
  const voice = t.resourceType === "VOICE_PHONE_NUMBER";
  try {
    await (voice
      ? client.send(
          new DisassociatePhoneNumberContactFlowCommand({
            InstanceId: t.instanceId,
            PhoneNumberId: t.resourceId,
          }),
        )
      : client.send(
          new DisassociateFlowCommand({
            InstanceId: t.instanceId,
            ResourceId: t.resourceId,
            ResourceType: t.resourceType as FlowAssociationResourceType,
          }),
        ));
  } catch (e) {
    if (!isAwsError(e, "ResourceNotFoundException"))
      throw wrapAwsError(
        voice ? "DisassociatePhoneNumberContactFlow" : "DisassociateFlow",
        describeTarget(t),
        e,
      );
  }
}

/**
 * Every association of one type on the instance: ListFlowAssociations, pages of 1000. An instance
 * that no longer exists has none.
 */
export async function listAll(
  client: ConnectClient,
  instanceId: string,
  resourceType: string,
): Promise<FlowAssociationSummary[]> {
  const found: FlowAssociationSummary[] = [];
  try {
    const pages = paginateListFlowAssociations(
      { client, pageSize: LIST_FLOW_ASSOCIATIONS_PAGE },
      { InstanceId: instanceId, ResourceType: resourceType as ListFlowAssociationResourceType },
    );
    for await (const page of pages) found.push(...(page.FlowAssociationSummaryList ?? []));
  } catch (e) {
    if (isAwsError(e, "ResourceNotFoundException")) return [];
    throw wrapAwsError("ListFlowAssociations", `${resourceType} associations on instance ${instanceId}`, e);
  }
  return found;
}

/** The associations of `resourceIds` (any number): BatchGetFlowAssociation, 100 ids per call, in turn. */
export async function batchGet(
  client: ConnectClient,
  instanceId: string,
  resourceIds: readonly string[],
  resourceType: string | undefined,
): Promise<FlowAssociationSummary[]> {
  const found: FlowAssociationSummary[] = [];
  // One chunk after another: Connect's default quota is 2 requests/s per API, and the answers are
  // needed together anyway.
  for (const ids of chunks(resourceIds, BATCH_GET_FLOW_ASSOCIATION_IDS)) {
    try {
      const r = await client.send(
        new BatchGetFlowAssociationCommand({
          InstanceId: instanceId,
          ResourceIds: ids,
          ...(resourceType ? { ResourceType: resourceType as ListFlowAssociationResourceType } : {}),
        }),
      );
      found.push(...(r.FlowAssociationSummaryList ?? []));
    } catch (e) {
      throw wrapAwsError("BatchGetFlowAssociation", `${ids.length} resources on instance ${instanceId}`, e);
    }
  }
  return found;
}

/**
 * The ARN of a Connect phone number given by id or ARN. BatchGetFlowAssociation's `ResourceIds` is
 * a list of ARNs in the model (`resourceArnListMaxLimit100`), so an id is resolved first with
 * DescribePhoneNumber (`ClaimedPhoneNumberSummary.PhoneNumberArn`). An ARN is sent as given. A
 * number that DescribePhoneNumber does not know is sent as given (AWS then finds no association).
 */
export async function phoneNumberArn(client: ConnectClient, idOrArn: string): Promise<string> {
  if (idOrArn.startsWith("arn:")) return idOrArn;
  try {
    const r = await client.send(new DescribePhoneNumberCommand({ PhoneNumberId: idOrArn }));
    return r.ClaimedPhoneNumberSummary?.PhoneNumberArn ?? idOrArn;
  } catch (e) {
    if (isAwsError(e, "ResourceNotFoundException")) return idOrArn;
    throw wrapAwsError("DescribePhoneNumber", `phone number ${idOrArn}`, e);
  }
}

/**
 * The flow one resource points at now, or undefined when it has none (or the instance is gone):
 * GetFlowAssociation, except for voice numbers, which its enum lacks: BatchGetFlowAssociation with
 * that one number's ARN (see {@link phoneNumberArn}).
 */
export async function currentFlow(client: ConnectClient, t: FlowTarget): Promise<string | undefined> {
  if (t.resourceType === "VOICE_PHONE_NUMBER") {
    try {
      const arn = await phoneNumberArn(client, t.resourceId);
      const found = await batchGet(client, t.instanceId, [arn], t.resourceType);
      // AWS may name the number in another form than the one sent: compare ids.
      return found.find((a) => a.ResourceId !== undefined && normalisedId(a.ResourceId) === normalisedId(arn))
        ?.FlowId;
    } catch (e) {
      if (e instanceof AwsCallError && e.code === "ResourceNotFoundException") return undefined;
      throw e;
    }
  }
  try {
    const r = await client.send(
      new GetFlowAssociationCommand({
        InstanceId: t.instanceId,
        ResourceId: t.resourceId,
        ResourceType: t.resourceType as FlowAssociationResourceType,
      }),
    );
    return r.FlowId;
  } catch (e) {
    if (isAwsError(e, "ResourceNotFoundException")) return undefined;
    throw wrapAwsError("GetFlowAssociation", describeTarget(t), e);
  }
}

/** The AWS side of getFlowAssociations, loaded on its first call (it brings in the SDK). */
export async function lookUpFlowAssociations(
  settings: ProviderSettings,
  region: string,
  instanceId: string,
  resourceIds: readonly string[],
  resourceType: string | undefined,
): Promise<FoundAssociation[]> {
  const client = new Clients(settings).connectClient(region);
  try {
    // BatchGetFlowAssociation takes ARNs. Bare ids of voice numbers are named by ARN from one
    // ListFlowAssociations listing of voice numbers (a number it does not list has no flow, so it
    // is not asked for); ids of other types have no such lookup and are sent as given.
    const voice = resourceType === undefined || resourceType === "VOICE_PHONE_NUMBER";
    const bare = voice ? resourceIds.filter((id) => !id.startsWith("arn:")) : [];
    const listed = new Map<string, string>();
    if (bare.length > 0) {
      for (const a of await listAll(client, instanceId, "VOICE_PHONE_NUMBER"))
        if (a.ResourceId) listed.set(normalisedId(a.ResourceId), a.ResourceId);
    }
    const ids: string[] = [];
    for (const id of resourceIds) {
      if (!bare.includes(id)) ids.push(id);
      else {
        const form = listed.get(id);
        if (form === undefined) {
          if (resourceType !== "VOICE_PHONE_NUMBER") ids.push(id);
        } else {
          // The model does not say in which form the listing names a number: an id is resolved.
          ids.push(form.startsWith("arn:") ? form : await phoneNumberArn(client, id));
        }
      }
    }
    if (ids.length === 0) return [];
    const found = await batchGet(client, instanceId, ids, resourceType);
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
