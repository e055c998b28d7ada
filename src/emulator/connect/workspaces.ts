import { awsError } from "../core/errors";
import { boundOf } from "../core/model";
import { page } from "../core/pagination";
import type { HandlerContext, Route } from "../core/router";
import { visibleAt, type InstanceState, type NamedEntity, type WorkspaceAssociationState } from "../state";
import type { ConnectErrorCode } from "./errors";
import { CONNECT_MODEL } from "../models";
import { findInstance } from "./lookup";
import { criteriaPredicate, tagFilterPredicate } from "./workspace-search";

/**
 * AssociateWorkspace / DisassociateWorkspace / SearchWorkspaceAssociations.
 *
 * The bindings, constraints (ResourceArns 1-25 items), errors and output shapes (SuccessfulList /
 * FailedList with ResourceArn, ErrorCode, ErrorMessage) are the model's
 * (src/emulator/models/connect.json). From the API reference: ResourceArns are users and routing
 * profiles.
 *
 * Where the reference is silent, this emulator's decisions (also in docs/emulator.md):
 * - per-item ErrorCodes in the model's format: FailedBatchAssociationSummary.ErrorCode is a
 *   WorkspaceErrorCode, pattern `^[1-5][0-9]{2}$` (botocore connect service-2.json), an HTTP-status-like
 *   three-digit string. The reference names no code, so the mapping is the emulator's, after the status
 *   of the whole-request error each case would be: "409" already associated with this workspace (also
 *   the second copy of an ARN in one request; DuplicateResourceException is 409), "404" no such user /
 *   routing profile in the instance, or, when disassociating, not associated (ResourceNotFoundException
 *   is 404), "400" an ARN that is neither a user nor a routing profile of the instance
 *   (InvalidParameterException is 400); every other item in the request still succeeds. ErrorMessage
 *   is cut to the model's 256 characters (WorkspaceBatchErrorMessage);
 * - AssociateWorkspace's whole-request DuplicateResourceException (409, "A resource with the specified
 *   name already exists." in the model) is answered when every ARN of the request is already
 *   associated with the workspace, so that nothing at all would change; the reference does not say
 *   when it is answered;
 * - a bad request shape answers InvalidRequestException, as AssociateBot does here;
 * - SearchWorkspaceAssociations pages 100 items when MaxResults is absent, lists associations in the
 *   order they were made, and serves SearchFilter on the tags of the associated user or routing
 *   profile (see workspace-search.ts).
 */

export const SEARCH_DEFAULT_PAGE = 100;

/** A WorkspaceErrorCode: three digits, `^[1-5][0-9]{2}$` in the model. */
type WorkspaceErrorCode = `${1 | 2 | 3 | 4 | 5}${number}`;
export const ALREADY_ASSOCIATED = "409" satisfies WorkspaceErrorCode;
export const NOT_FOUND = "404" satisfies WorkspaceErrorCode;
export const WRONG_TYPE = "400" satisfies WorkspaceErrorCode;
/** WorkspaceBatchErrorMessage's bound in the model. */
const ERROR_MESSAGE_MAX = boundOf(CONNECT_MODEL, "WorkspaceBatchErrorMessage", "max");

interface BatchInput {
  InstanceId: string;
  WorkspaceId: string;
  ResourceArns: string[];
}

interface Failed {
  ResourceArn: string;
  ErrorCode: WorkspaceErrorCode;
  ErrorMessage: string;
}

/** An item's failure, its message within the model's bound. */
function failed(ResourceArn: string, ErrorCode: WorkspaceErrorCode, message: string): Failed {
  const ErrorMessage =
    message.length <= ERROR_MESSAGE_MAX ? message : `${message.slice(0, ERROR_MESSAGE_MAX - 1)}…`;
  return { ResourceArn, ErrorCode, ErrorMessage };
}

/** The user / routing-profile ARN shape of Connect, whatever the entity. */
const ENTITY_ARN = /^arn:[^:]+:connect:[^:]*:\d{12}:instance\/[^/]+\/(agent|routing-profile)\/[^/]+$/;

/** Associations made before this field existed (an older --data-dir) start empty. */
function associationsOf(inst: InstanceState): WorkspaceAssociationState[] {
  return (inst.workspaceAssociations ??= []);
}

function findWorkspace(inst: InstanceState, workspaceId: string, now: number): NamedEntity {
  const ws = inst.workspaces.find(
    (w) => (w.id === workspaceId || w.arn === workspaceId) && visibleAt(w, now),
  );
  if (!ws) throw awsError("ResourceNotFoundException", `Workspace not found: ${workspaceId}`);
  return ws;
}

/** The user or routing profile an ARN names in the instance, or why it names none. */
function resolve(
  inst: InstanceState,
  arn: string,
  now: number,
): { type: WorkspaceAssociationState["resourceType"] } | Failed {
  if (inst.users.some((u) => u.arn === arn && visibleAt(u, now))) return { type: "USER" };
  if (inst.routingProfiles.some((r) => r.arn === arn && visibleAt(r, now)))
    return { type: "ROUTING_PROFILE" };
  const kind = ENTITY_ARN.exec(arn)?.[1];
  if (kind === undefined)
    return failed(arn, WRONG_TYPE, `${arn} is not the ARN of a user or a routing profile`);
  const what = kind === "agent" ? "User" : "Routing profile";
  return failed(arn, NOT_FOUND, `${what} not found in instance ${inst.id}: ${arn}`);
}

type Apply = (
  inst: InstanceState,
  ws: NamedEntity,
  all: WorkspaceAssociationState[],
  arn: string,
  now: number,
) => Failed | undefined;

/**
 * A batch operation: the instance and workspace must exist (else the whole request fails), then
 * `refuse` may refuse the whole request, then each ARN is applied on its own by `apply`, which
 * answers its failure or undefined for success.
 */
function batchHandler(
  apply: Apply,
  refuse?: (ws: NamedEntity, all: WorkspaceAssociationState[], arns: string[]) => void,
): Route["handler"] {
  return (ctx, raw) => {
    const input = raw as unknown as BatchInput;
    const inst = findInstance(ctx, input.InstanceId);
    const ws = findWorkspace(inst, input.WorkspaceId, ctx.now);
    const all = associationsOf(inst);
    refuse?.(ws, all, input.ResourceArns);
    const ok: string[] = [];
    const failures: Failed[] = [];
    for (const arn of input.ResourceArns) {
      const failure = apply(inst, ws, all, arn, ctx.now);
      if (failure) failures.push(failure);
      else ok.push(arn);
    }
    return { SuccessfulList: ok.map((ResourceArn) => ({ ResourceArn })), FailedList: failures };
  };
}

const isAssociated = (all: WorkspaceAssociationState[], ws: NamedEntity, arn: string): boolean =>
  all.some((a) => a.workspaceId === ws.id && a.resourceArn === arn);

const associateWorkspace = batchHandler(
  (inst, ws, all, arn, now) => {
    const r = resolve(inst, arn, now);
    if ("ErrorCode" in r) return r;
    if (isAssociated(all, ws, arn))
      return failed(arn, ALREADY_ASSOCIATED, `${arn} is already associated with workspace ${ws.id}`);
    all.push({ workspaceId: ws.id, resourceArn: arn, resourceType: r.type });
    return undefined;
  },
  // The emulator's choice of when the modelled whole-request DuplicateResourceException applies.
  (ws, all, arns) => {
    if (arns.every((arn) => isAssociated(all, ws, arn)))
      throw awsError(
        "DuplicateResourceException",
        `Every resource of the request is already associated with workspace ${ws.id}`,
      );
  },
);

const disassociateWorkspace = batchHandler((inst, ws, all, arn, now) => {
  const at = all.findIndex((a) => a.workspaceId === ws.id && a.resourceArn === arn);
  if (at >= 0) {
    all.splice(at, 1);
    return undefined;
  }
  const r = resolve(inst, arn, now);
  if ("ErrorCode" in r && r.ErrorCode === WRONG_TYPE) return r;
  return failed(arn, NOT_FOUND, `${arn} is not associated with workspace ${ws.id}`);
});

function idFromArn(arn: string): string {
  return arn.slice(arn.lastIndexOf("/") + 1);
}

function searchWorkspaceAssociations(ctx: HandlerContext, raw: Record<string, unknown>): object {
  const input = raw as {
    InstanceId: string;
    MaxResults?: number;
    NextToken?: string;
    SearchCriteria?: unknown;
    SearchFilter?: unknown;
  };
  const inst = findInstance(ctx, input.InstanceId);
  const matches = criteriaPredicate(input.SearchCriteria);
  const tagged = tagFilterPredicate(input.SearchFilter);
  const resources = new Map<string, NamedEntity>(
    [...inst.users, ...inst.routingProfiles].map((e) => [e.arn, e]),
  );
  const found = associationsOf(inst)
    .map((a) => ({ a, resourceId: idFromArn(a.resourceArn) }))
    .filter(
      ({ a, resourceId }) =>
        matches({ workspaceId: a.workspaceId, resourceId, resourceType: a.resourceType }) &&
        tagged(resources.get(a.resourceArn)?.tags ?? {}),
    )
    .map(({ a, resourceId }) => {
      const name = resources.get(a.resourceArn)?.name;
      return {
        WorkspaceId: a.workspaceId,
        WorkspaceArn: inst.workspaces.find((w) => w.id === a.workspaceId)?.arn,
        ResourceId: resourceId,
        ResourceArn: a.resourceArn,
        ResourceType: a.resourceType,
        ...(name === undefined ? {} : { ResourceName: name }),
      };
    });
  const p = page(found, {
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    defaultMax: SEARCH_DEFAULT_PAGE,
    query: `SearchWorkspaceAssociations:${inst.id}:${JSON.stringify([input.SearchCriteria ?? null, input.SearchFilter ?? null])}`,
    errorCode: "InvalidRequestException",
  });
  return {
    WorkspaceAssociations: p.items,
    ApproximateTotalCount: found.length,
    ...(p.nextToken ? { NextToken: p.nextToken } : {}),
  };
}

export const workspaceRoutes: Route<ConnectErrorCode>[] = [
  {
    operation: "AssociateWorkspace",
    validationError: "InvalidRequestException",
    mutates: true,
    handler: associateWorkspace,
  },
  {
    operation: "DisassociateWorkspace",
    validationError: "InvalidRequestException",
    mutates: true,
    handler: disassociateWorkspace,
  },
  {
    operation: "SearchWorkspaceAssociations",
    validationError: "InvalidRequestException",
    mutates: false,
    handler: searchWorkspaceAssociations,
  },
];
