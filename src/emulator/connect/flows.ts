import { awsError } from "../core/errors";
import { page } from "../core/pagination";
import type { HandlerContext, Route } from "../core/router";
import type { FlowAssociationState, InstanceState, NamedEntity } from "../state";
import type { ConnectErrorCode } from "./errors";
import {
  ARN_ONLY_RESOURCE_TYPES,
  LIST_FLOW_ASSOCIATION_RESOURCE_TYPES as LIST_TYPES,
  associationOf,
  clearFlow,
  findFlow,
  findResource,
  keptArn,
  seenAt,
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
 * The bindings, constraints (ResourceType is FlowAssociationResourceType, without the voice type,
 * for AssociateFlow, DisassociateFlow and GetFlowAssociation; ListFlowAssociationResourceType, without
 * the SMS type, for the two reads), errors and output shapes are the model's
 * (src/emulator/models/connect.json). From the API reference: InstanceId is an id or an ARN;
 * PhoneNumberId takes the number's id or its ARN; the SMS and WhatsApp ResourceId is the End User
 * Messaging ARN.
 *
 * Where the reference is silent, this emulator's choices: flows are named by id or ARN; email
 * addresses and analytics connectors by id or ARN; associating a resource that already has a flow
 * re-points it (there is no conflict error); reads report the resource and the flow by ARN;
 * DisassociateFlow and GetFlowAssociation of a resource with no flow answer
 * ResourceNotFoundException, DisassociatePhoneNumberContactFlow of a number with no flow succeeds
 * (the older API removes the association "if one exists"); BatchGetFlowAssociation matches its
 * ResourceIds by ARN only (the model types them ARN) and leaves out those with no association, a bare
 * id included; a voice number's instance-scoped ARN (`…:instance/<id>/phone-number/<id>`) names the
 * same number as its own ARN; ListFlowAssociations without ResourceType lists every type its output
 * enum (ListFlowAssociationResourceType) has, so never an SMS association, 100 per page by default.
 * Bad input answers InvalidParameterException, which all seven operations document.
 */

/** Page size of ListFlowAssociations when MaxResults is absent (the reference gives none). */
export const LIST_FLOW_ASSOCIATIONS_DEFAULT_PAGE = 100;
const BAD_INPUT = "InvalidParameterException" satisfies ConnectErrorCode;

function resourceOf(inst: InstanceState, resourceType: string, resourceId: string, now: number): NamedEntity {
  if (ARN_ONLY_RESOURCE_TYPES.includes(resourceType) && !resourceId.startsWith("arn:")) {
    throw awsError(
      BAD_INPUT,
      `ResourceId must be the End User Messaging phone number ARN for ${resourceType}`,
    );
  }
  const found = findResource(inst, resourceType, resourceId, now);
  if (!found)
    throw awsError("ResourceNotFoundException", `${resourceType} resource not found: ${resourceId}`);
  return found;
}

function flowOf(inst: InstanceState, flowId: string, now: number): NamedEntity {
  const flow = findFlow(inst, flowId, now);
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
  const resource = resourceOf(inst, input.ResourceType, input.ResourceId, ctx.now);
  setFlow(inst, input.ResourceType, resource, flowOf(inst, input.FlowId, ctx.now));
  return undefined;
}

function disassociateFlow(ctx: HandlerContext, raw: Record<string, unknown>): undefined {
  const input = raw as unknown as FlowTarget;
  const inst = findInstance(ctx, input.InstanceId);
  const resource = resourceOf(inst, input.ResourceType, input.ResourceId, ctx.now);
  const found = associationOf(inst, input.ResourceType, resource);
  if (!found || !seenAt(inst, ctx.now)(found) || !clearFlow(inst, input.ResourceType, resource)) {
    throw awsError("ResourceNotFoundException", `${input.ResourceId} has no flow association`);
  }
  return undefined;
}

function getFlowAssociation(ctx: HandlerContext, raw: Record<string, unknown>): object {
  const input = raw as unknown as FlowTarget;
  const inst = findInstance(ctx, input.InstanceId);
  const resource = resourceOf(inst, input.ResourceType, input.ResourceId, ctx.now);
  const found = associationOf(inst, input.ResourceType, resource);
  if (!found || !seenAt(inst, ctx.now)(found))
    throw awsError("ResourceNotFoundException", `${input.ResourceId} has no flow association`);
  return summary(found);
}

function listFlowAssociations(ctx: HandlerContext, raw: Record<string, unknown>): object {
  const input = raw as { InstanceId: string; ResourceType?: string; MaxResults?: number; NextToken?: string };
  const inst = findInstance(ctx, input.InstanceId);
  const rows = listable(inst, ctx.now).filter(
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

/**
 * The rows the two reads can answer at `now`: only the types of ListFlowAssociationResourceType, the
 * enum of FlowAssociationSummary.ResourceType in the model (so never SMS_PHONE_NUMBER), and only rows
 * whose resource and flow exist.
 */
function listable(inst: InstanceState, now: number): FlowAssociationState[] {
  const seen = seenAt(inst, now);
  return inst.flowAssociations.filter(
    (a) => (LIST_TYPES as readonly string[]).includes(a.resourceType) && seen(a),
  );
}

function batchGetFlowAssociation(ctx: HandlerContext, raw: Record<string, unknown>): object {
  const input = raw as { InstanceId: string; ResourceIds: string[]; ResourceType?: string };
  const inst = findInstance(ctx, input.InstanceId);
  const rows = listable(inst, ctx.now).filter(
    (a) => input.ResourceType === undefined || a.resourceType === input.ResourceType,
  );
  // By ARN only (ResourceIds is a list of ARN in the model); a bare id finds nothing.
  const byArn = new Map<string, FlowAssociationState>();
  for (const a of rows) if (!byArn.has(a.resourceArn)) byArn.set(a.resourceArn, a);
  const found = input.ResourceIds.flatMap((arn) => {
    const row = byArn.get(keptArn(inst, arn, ctx.now));
    return row ? [row] : [];
  });
  return { FlowAssociationSummaryList: found.map(summary) };
}

function voiceNumber(inst: InstanceState, phoneNumberId: string, now: number): NamedEntity {
  const found = findResource(inst, "VOICE_PHONE_NUMBER", phoneNumberId, now);
  if (!found) {
    throw awsError("ResourceNotFoundException", `Phone number not found on the instance: ${phoneNumberId}`);
  }
  return found;
}

function associatePhoneNumberContactFlow(ctx: HandlerContext, raw: Record<string, unknown>): undefined {
  const input = raw as { PhoneNumberId: string; InstanceId: string; ContactFlowId: string };
  const inst = findInstance(ctx, input.InstanceId);
  const number = voiceNumber(inst, input.PhoneNumberId, ctx.now);
  setFlow(inst, "VOICE_PHONE_NUMBER", number, flowOf(inst, input.ContactFlowId, ctx.now));
  return undefined;
}

function disassociatePhoneNumberContactFlow(ctx: HandlerContext, raw: Record<string, unknown>): undefined {
  const input = raw as { PhoneNumberId: string; InstanceId: string };
  const inst = findInstance(ctx, input.InstanceId);
  clearFlow(inst, "VOICE_PHONE_NUMBER", voiceNumber(inst, input.PhoneNumberId, ctx.now));
  return undefined;
}

export const flowRoutes: Route<ConnectErrorCode>[] = [
  {
    operation: "AssociateFlow",
    validationError: BAD_INPUT,
    mutates: true,
    handler: associateFlow,
  },
  {
    operation: "DisassociateFlow",
    validationError: BAD_INPUT,
    mutates: true,
    handler: disassociateFlow,
  },
  {
    operation: "GetFlowAssociation",
    validationError: BAD_INPUT,
    mutates: false,
    handler: getFlowAssociation,
  },
  {
    operation: "ListFlowAssociations",
    validationError: BAD_INPUT,
    mutates: false,
    handler: listFlowAssociations,
  },
  {
    operation: "BatchGetFlowAssociation",
    validationError: BAD_INPUT,
    mutates: false,
    handler: batchGetFlowAssociation,
  },
  {
    operation: "AssociatePhoneNumberContactFlow",
    validationError: BAD_INPUT,
    mutates: true,
    handler: associatePhoneNumberContactFlow,
  },
  {
    operation: "DisassociatePhoneNumberContactFlow",
    validationError: BAD_INPUT,
    mutates: true,
    handler: disassociatePhoneNumberContactFlow,
  },
];
