import { int, list, str, struct } from "../core/constraints";
import { awsError } from "../core/errors";
import { page } from "../core/pagination";
import type { HandlerContext, Route } from "../core/router";
import type { InstanceState, NamedEntity } from "../state";
import type { ConnectErrorCode } from "./errors";
import {
  ARN_ONLY_RESOURCE_TYPES,
  FLOW_ASSOCIATION_RESOURCE_TYPES,
  LIST_FLOW_ASSOCIATION_RESOURCE_TYPES,
  associationOf,
  clearFlow,
  findFlow,
  findResource,
  setFlow,
  summary,
} from "./flow-resources";
import { findInstance } from "./lookup";

/**
 * The flow-association operations of both API families over one association table per instance:
 * AssociateFlow / DisassociateFlow / GetFlowAssociation / ListFlowAssociations /
 * BatchGetFlowAssociation, and AssociatePhoneNumberContactFlow / DisassociatePhoneNumberContactFlow
 * for voice numbers.
 *
 * From the API reference: the HTTP bindings below; InstanceId 1-100 (id or ARN); ResourceType enums
 * (FlowAssociationResourceType for AssociateFlow, DisassociateFlow and GetFlowAssociation, which has
 * no voice type; ListFlowAssociationResourceType for the two reads, which has no SMS type);
 * ContactFlowId <= 500; BatchGetFlowAssociation ResourceIds 1-100 items; ListFlowAssociations
 * MaxResults 1-1000; PhoneNumberId takes the number's id or its ARN; the SMS and WhatsApp ResourceId
 * is the End User Messaging ARN.
 *
 * Where the reference is silent, this emulator's choices: flows are named by id or ARN; email
 * addresses and analytics connectors by id or ARN; associating a resource that already has a flow
 * re-points it (there is no conflict error); reads report the resource and the flow by ARN;
 * DisassociateFlow and GetFlowAssociation of a resource with no flow answer
 * ResourceNotFoundException, DisassociatePhoneNumberContactFlow of a number with no flow succeeds
 * (the older API removes the association "if one exists"); BatchGetFlowAssociation leaves out ids
 * with no association; ListFlowAssociations without ResourceType lists every type, 100 per page by
 * default; the writes answer 200 with an empty body. Bad input answers InvalidParameterException,
 * which all seven operations document.
 */

/** Page size of ListFlowAssociations when MaxResults is absent (the reference gives none). */
export const LIST_FLOW_ASSOCIATIONS_DEFAULT_PAGE = 100;
const BAD_INPUT = "InvalidParameterException" satisfies ConnectErrorCode;

const instanceId = str({ required: true, min: 1, max: 100 });

function resourceOf(inst: InstanceState, resourceType: string, resourceId: string): NamedEntity {
  if (ARN_ONLY_RESOURCE_TYPES.includes(resourceType) && !resourceId.startsWith("arn:")) {
    throw awsError(
      BAD_INPUT,
      `ResourceId must be the End User Messaging phone number ARN for ${resourceType}`,
    );
  }
  const found = findResource(inst, resourceType, resourceId);
  if (!found)
    throw awsError("ResourceNotFoundException", `${resourceType} resource not found: ${resourceId}`);
  return found;
}

function flowOf(inst: InstanceState, flowId: string): NamedEntity {
  const flow = findFlow(inst, flowId);
  if (!flow) throw awsError("ResourceNotFoundException", `Flow not found: ${flowId}`);
  return flow;
}

interface FlowTarget {
  InstanceId: string;
  ResourceId: string;
  ResourceType: string;
}

function associateFlow(ctx: HandlerContext, raw: Record<string, unknown>): undefined {
  const input = raw as unknown as FlowTarget & { FlowId: string };
  const inst = findInstance(ctx, input.InstanceId);
  const resource = resourceOf(inst, input.ResourceType, input.ResourceId);
  setFlow(inst, input.ResourceType, resource, flowOf(inst, input.FlowId));
  return undefined;
}

function disassociateFlow(ctx: HandlerContext, raw: Record<string, unknown>): undefined {
  const input = raw as unknown as FlowTarget;
  const inst = findInstance(ctx, input.InstanceId);
  const resource = resourceOf(inst, input.ResourceType, input.ResourceId);
  if (!clearFlow(inst, input.ResourceType, resource)) {
    throw awsError("ResourceNotFoundException", `${input.ResourceId} has no flow association`);
  }
  return undefined;
}

function getFlowAssociation(ctx: HandlerContext, raw: Record<string, unknown>): object {
  const input = raw as unknown as FlowTarget;
  const inst = findInstance(ctx, input.InstanceId);
  const resource = resourceOf(inst, input.ResourceType, input.ResourceId);
  const found = associationOf(inst, input.ResourceType, resource);
  if (!found) throw awsError("ResourceNotFoundException", `${input.ResourceId} has no flow association`);
  return summary(found);
}

function listFlowAssociations(ctx: HandlerContext, raw: Record<string, unknown>): object {
  const input = raw as { InstanceId: string; ResourceType?: string; MaxResults?: number; NextToken?: string };
  const inst = findInstance(ctx, input.InstanceId);
  const rows = inst.flowAssociations.filter(
    (a) => input.ResourceType === undefined || a.resourceType === input.ResourceType,
  );
  const p = page(rows.map(summary), {
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    defaultMax: LIST_FLOW_ASSOCIATIONS_DEFAULT_PAGE,
    query: `ListFlowAssociations:${inst.id}:${input.ResourceType ?? "*"}`,
    errorCode: BAD_INPUT,
  });
  return { FlowAssociationSummaryList: p.items, ...(p.nextToken ? { NextToken: p.nextToken } : {}) };
}

function batchGetFlowAssociation(ctx: HandlerContext, raw: Record<string, unknown>): object {
  const input = raw as { InstanceId: string; ResourceIds: string[]; ResourceType?: string };
  const inst = findInstance(ctx, input.InstanceId);
  const found = input.ResourceIds.flatMap((id) =>
    inst.flowAssociations
      .filter((a) => input.ResourceType === undefined || a.resourceType === input.ResourceType)
      .filter((a) => a.resourceArn === id || findResource(inst, a.resourceType, id)?.arn === a.resourceArn)
      .slice(0, 1),
  );
  return { FlowAssociationSummaryList: found.map(summary) };
}

function voiceNumber(inst: InstanceState, phoneNumberId: string): NamedEntity {
  const found = findResource(inst, "VOICE_PHONE_NUMBER", phoneNumberId);
  if (!found) {
    throw awsError("ResourceNotFoundException", `Phone number not found on the instance: ${phoneNumberId}`);
  }
  return found;
}

function associatePhoneNumberContactFlow(ctx: HandlerContext, raw: Record<string, unknown>): undefined {
  const input = raw as { PhoneNumberId: string; InstanceId: string; ContactFlowId: string };
  const inst = findInstance(ctx, input.InstanceId);
  const number = voiceNumber(inst, input.PhoneNumberId);
  setFlow(inst, "VOICE_PHONE_NUMBER", number, flowOf(inst, input.ContactFlowId));
  return undefined;
}

function disassociatePhoneNumberContactFlow(ctx: HandlerContext, raw: Record<string, unknown>): undefined {
  const input = raw as { PhoneNumberId: string; InstanceId: string };
  const inst = findInstance(ctx, input.InstanceId);
  clearFlow(inst, "VOICE_PHONE_NUMBER", voiceNumber(inst, input.PhoneNumberId));
  return undefined;
}

const targetInPath = struct({
  InstanceId: instanceId,
  ResourceId: str({ required: true, min: 1 }),
  ResourceType: str({ required: true, enum: FLOW_ASSOCIATION_RESOURCE_TYPES }),
});

export const flowRoutes: Route<ConnectErrorCode>[] = [
  {
    operation: "AssociateFlow",
    method: "PUT",
    path: "/flow-associations/{InstanceId}",
    input: struct({
      InstanceId: instanceId,
      ResourceId: str({ required: true, min: 1 }),
      FlowId: str({ required: true, min: 1 }),
      ResourceType: str({ required: true, enum: FLOW_ASSOCIATION_RESOURCE_TYPES }),
    }),
    validationError: BAD_INPUT,
    mutates: true,
    handler: associateFlow,
  },
  {
    operation: "DisassociateFlow",
    method: "DELETE",
    path: "/flow-associations/{InstanceId}/{ResourceId}/{ResourceType}",
    input: targetInPath,
    validationError: BAD_INPUT,
    mutates: true,
    handler: disassociateFlow,
  },
  {
    operation: "GetFlowAssociation",
    method: "GET",
    path: "/flow-associations/{InstanceId}/{ResourceId}/{ResourceType}",
    input: targetInPath,
    validationError: BAD_INPUT,
    mutates: false,
    handler: getFlowAssociation,
  },
  {
    operation: "ListFlowAssociations",
    method: "GET",
    path: "/flow-associations-summary/{InstanceId}",
    query: {
      ResourceType: { member: "ResourceType", type: "string" },
      maxResults: { member: "MaxResults", type: "integer" },
      nextToken: { member: "NextToken", type: "string" },
    },
    input: struct({
      InstanceId: instanceId,
      ResourceType: str({ enum: LIST_FLOW_ASSOCIATION_RESOURCE_TYPES }),
      MaxResults: int({ min: 1, max: 1000 }),
      NextToken: str(),
    }),
    validationError: BAD_INPUT,
    mutates: false,
    handler: listFlowAssociations,
  },
  {
    operation: "BatchGetFlowAssociation",
    method: "POST",
    path: "/flow-associations-batch/{InstanceId}",
    input: struct({
      InstanceId: instanceId,
      ResourceIds: list(str({ min: 1 }), { required: true, min: 1, max: 100 }),
      ResourceType: str({ enum: LIST_FLOW_ASSOCIATION_RESOURCE_TYPES }),
    }),
    validationError: BAD_INPUT,
    mutates: false,
    handler: batchGetFlowAssociation,
  },
  {
    operation: "AssociatePhoneNumberContactFlow",
    method: "PUT",
    path: "/phone-number/{PhoneNumberId}/contact-flow",
    input: struct({
      PhoneNumberId: str({ required: true, min: 1 }),
      InstanceId: instanceId,
      ContactFlowId: str({ required: true, max: 500 }),
    }),
    validationError: BAD_INPUT,
    mutates: true,
    handler: associatePhoneNumberContactFlow,
  },
  {
    operation: "DisassociatePhoneNumberContactFlow",
    method: "DELETE",
    path: "/phone-number/{PhoneNumberId}/contact-flow",
    query: { instanceId: { member: "InstanceId", type: "string" } },
    input: struct({ PhoneNumberId: str({ required: true, min: 1 }), InstanceId: instanceId }),
    validationError: BAD_INPUT,
    mutates: true,
    handler: disassociatePhoneNumberContactFlow,
  },
];
