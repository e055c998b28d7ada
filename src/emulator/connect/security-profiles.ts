import { awsError } from "../core/errors";
import { page } from "../core/pagination";
import type { HandlerContext, Route } from "../core/router";
import { visibleAt, type AiAgentState, type InstanceState } from "../state";
import type { ConnectErrorCode } from "./errors";
import { findInstance } from "./lookup";

/**
 * AssociateSecurityProfiles / DisassociateSecurityProfiles / ListEntitySecurityProfiles: security
 * profiles on an entity (EntityType USER | AI_AGENT).
 *
 * The bindings, constraints, errors and output shapes are the model's
 * (src/emulator/models/connect.json). From the API reference: ListEntitySecurityProfiles pages 100
 * by default; "Only supported type is AI_AGENT".
 *
 * Where the reference is silent, this emulator decides (and the README says so):
 * - EntityType USER, a valid enum value the reference calls unsupported: 400 InvalidParameterException.
 * - Constraint violations and a bad NextToken: 400 InvalidRequestException, as for every Connect
 *   operation here.
 * - An EntityArn that is not an ARN, or a SecurityProfiles list naming one id twice: 400
 *   InvalidParameterException.
 * - An entity ARN in another account: 403 AccessDeniedException (Associate / Disassociate).
 * - An AI agent whose ARN is in another Region than the instance (its Q in Connect assistant cannot be
 *   integrated with the instance): 409 ConditionalOperationFailedException (Associate / Disassociate).
 * - Associating a profile the entity already has: 409 ResourceConflictException, and nothing of the
 *   request is applied. Disassociating one it does not have: 404 ResourceNotFoundException, likewise.
 * - Unknown instance, AI agent or security profile: 404 ResourceNotFoundException.
 */

/** Page size of ListEntitySecurityProfiles when MaxResults is absent ("The default MaxResult size is 100"). */
export const LIST_ENTITY_SECURITY_PROFILES_DEFAULT_PAGE = 100;

const ARN = /^arn:aws[a-z-]*:([a-z0-9-]+):([a-z0-9-]*):(\d{12}):(.+)$/;

interface EntityInput {
  InstanceId: string;
  EntityArn: string;
  /** The model's EntityType. */
  EntityType: "USER" | "AI_AGENT";
}
interface ChangeInput extends EntityInput {
  SecurityProfiles: { Id?: string }[];
}

/** The AI agent an entity request names, after the checks every operation shares. */
function findAgent(ctx: HandlerContext, input: EntityInput, changing: boolean): AiAgentState {
  const inst = findInstance(ctx, input.InstanceId);
  if (input.EntityType !== "AI_AGENT") {
    throw awsError(
      "InvalidParameterException",
      `EntityType ${input.EntityType} is not supported: the only supported type is AI_AGENT`,
    );
  }
  const arn = ARN.exec(input.EntityArn);
  if (!arn) throw awsError("InvalidParameterException", `EntityArn is not a valid ARN: ${input.EntityArn}`);
  if (changing && arn[3] !== ctx.state.accountId) {
    throw awsError(
      "AccessDeniedException",
      `You do not have access to ${input.EntityArn}: it belongs to another account`,
    );
  }
  const agent = inst.aiAgents.find((a) => a.arn === input.EntityArn && visibleAt(a, ctx.now));
  if (!agent) throw awsError("ResourceNotFoundException", `AI agent not found: ${input.EntityArn}`);
  if (changing && arn[2] !== inst.region) {
    throw awsError(
      "ConditionalOperationFailedException",
      `The AI agent ${input.EntityArn} is in ${arn[2]}, not in the instance's Region ${inst.region}`,
    );
  }
  return agent;
}

/** Checks that a request names each profile once and only profiles the instance has. */
export function checkProfileIds(inst: InstanceState, ids: readonly string[], now: number): void {
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup !== undefined)
    throw awsError("InvalidParameterException", `Security profile ${dup} is listed more than once`);
  for (const id of ids) {
    if (!inst.securityProfiles.some((p) => p.id === id && visibleAt(p, now)))
      throw awsError("ResourceNotFoundException", `Security profile not found: ${id}`);
  }
}

function requestedProfiles(inst: InstanceState, items: { Id?: string }[], now: number): string[] {
  const ids = items.map((i) => i.Id ?? "");
  checkProfileIds(inst, ids, now);
  return ids;
}

function associate(ctx: HandlerContext, raw: Record<string, unknown>): undefined {
  const input = raw as unknown as ChangeInput;
  const agent = findAgent(ctx, input, true);
  const ids = requestedProfiles(findInstance(ctx, input.InstanceId), input.SecurityProfiles, ctx.now);
  const already = ids.filter((id) => agent.securityProfileIds.includes(id));
  if (already.length > 0) {
    throw awsError(
      "ResourceConflictException",
      `Security profiles already associated with ${input.EntityArn}: ${already.join(", ")}`,
    );
  }
  agent.securityProfileIds.push(...ids);
  return undefined;
}

function disassociate(ctx: HandlerContext, raw: Record<string, unknown>): undefined {
  const input = raw as unknown as ChangeInput;
  const agent = findAgent(ctx, input, true);
  const ids = requestedProfiles(findInstance(ctx, input.InstanceId), input.SecurityProfiles, ctx.now);
  const absent = ids.filter((id) => !agent.securityProfileIds.includes(id));
  if (absent.length > 0) {
    throw awsError(
      "ResourceNotFoundException",
      `Security profiles not associated with ${input.EntityArn}: ${absent.join(", ")}`,
    );
  }
  agent.securityProfileIds = agent.securityProfileIds.filter((id) => !ids.includes(id));
  return undefined;
}

function listEntity(ctx: HandlerContext, raw: Record<string, unknown>): object {
  const input = raw as unknown as EntityInput & { MaxResults?: number; NextToken?: string };
  const agent = findAgent(ctx, input, false);
  const p = page(
    agent.securityProfileIds.map((Id) => ({ Id })),
    {
      maxResults: input.MaxResults,
      nextToken: input.NextToken,
      defaultMax: LIST_ENTITY_SECURITY_PROFILES_DEFAULT_PAGE,
      query: `ListEntitySecurityProfiles:${input.InstanceId}:${input.EntityArn}`,
      errorCode: "InvalidRequestException",
    },
  );
  return { SecurityProfiles: p.items, ...(p.nextToken ? { NextToken: p.nextToken } : {}) };
}

export const securityProfileRoutes: Route<ConnectErrorCode>[] = [
  {
    operation: "AssociateSecurityProfiles",
    validationError: "InvalidRequestException",
    mutates: true,
    handler: associate,
  },
  {
    operation: "DisassociateSecurityProfiles",
    validationError: "InvalidRequestException",
    mutates: true,
    handler: disassociate,
  },
  {
    operation: "ListEntitySecurityProfiles",
    validationError: "InvalidRequestException",
    mutates: false,
    handler: listEntity,
  },
];
