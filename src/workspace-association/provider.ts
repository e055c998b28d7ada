import type * as dynamic from "@pulumi/pulumi/dynamic";
import { requireRegion } from "../aws/region";
import { AwsCallError } from "../aws/errors";
import type { Lifecycle, ProviderContext } from "../runtime/context";
import { defineResource, type RecordedState } from "../runtime/definition";
import { checkAndDiff, inputsOf, withoutProvider } from "../runtime/diff";
import { importedInputs } from "../runtime/import";
import { PartialFailure } from "../runtime/partial";
import { setDifference } from "../runtime/sets";
import { describeTarget, failureMessage, type BatchOutcome } from "./batch";
import { checkWorkspaceAssociation, type WorkspaceAssociationInputs } from "./check";
import { formatWorkspaceAssociationId, parseWorkspaceAssociationId } from "./id";
import { instanceListing, runBatches } from "./aws";

/** Outputs: the checked inputs, with resourceArns the managed ARNs really associated. */
export type WorkspaceAssociationOutputs = WorkspaceAssociationInputs;

function outputs(p: WorkspaceAssociationInputs, associated: Iterable<string>): WorkspaceAssociationOutputs {
  return {
    instanceId: p.instanceId,
    workspaceId: p.workspaceId,
    region: p.region,
    resourceArns: [...new Set(associated)].sort(),
  };
}

function identity(props: Record<string, unknown>): string {
  const p = props as unknown as WorkspaceAssociationInputs;
  return `${p.region}|${formatWorkspaceAssociationId(p.instanceId, p.workspaceId)}`;
}

/** What a create of these checked inputs records (no AWS call): its id and outputs. */
function recorded(inputs: Record<string, unknown>): RecordedState {
  const p = inputs as unknown as WorkspaceAssociationInputs;
  return {
    id: formatWorkspaceAssociationId(p.instanceId, p.workspaceId),
    outputs: { ...inputs, ...outputs(p, p.resourceArns) },
  };
}

/**
 * The state of a workspace's members that `pulumi import` (or `WorkspaceAssociation.get`) names by
 * its id alone: the workspace the id names, in the provider's Region, with every user and routing
 * profile associated with it now as `resourceArns`, from `SearchWorkspaceAssociations` (every page:
 * the instance's listing refresh shares, filtered by workspace here). The id's parts are checked as
 * a program's inputs are before the call; a workspace with no member (or not found, or its instance
 * gone) is answered gone (the import then fails: "does not exist"). The outputs are what a create of
 * those inputs records.
 */
async function imported(ctx: ProviderContext, id: string): Promise<dynamic.ReadResult> {
  const { instanceId, workspaceId } = parseWorkspaceAssociationId(id);
  const region = requireRegion(undefined, ctx.settings, `WorkspaceAssociation ${id}`);
  const declared = (resourceArns?: string[]) =>
    importedInputs(
      "WorkspaceAssociation",
      id,
      checkWorkspaceAssociation({ instanceId, workspaceId, region, resourceArns }, ctx.settings),
      { property: "resourceArns", value: resourceArns },
    );
  declared();
  const members = (await instanceListing(ctx, region, instanceId)).get(workspaceId);
  if (members === undefined || members.size === 0) return { id: "", props: {} };
  const inputs = declared([...members]);
  return { id, props: recorded(inputs).outputs, inputs };
}

function joinMessages(...messages: (string | undefined)[]): string | undefined {
  const present = messages.filter((m): m is string => m !== undefined);
  return present.length > 0 ? present.join(". ") : undefined;
}

const RETRY_HINT = "The ARNs that succeeded are recorded; the next pulumi up retries only the others.";

/**
 * The WorkspaceAssociation lifecycle, with AWS clients from `ctx`. What each step calls and tolerates is
 * documented once, on the WorkspaceAssociation class (./resource.ts), and in the API reference.
 */
export function workspaceAssociationProvider(ctx: ProviderContext): Lifecycle {
  return {
    ...checkAndDiff({
      check: (news) => checkWorkspaceAssociation(news, ctx.settings),
      replaceKeys: ["instanceId", "workspaceId", "region"],
      updateKeys: ["resourceArns"],
      identity,
    }),

    async create(inputs: Record<string, unknown>): Promise<dynamic.CreateResult> {
      const p = inputs as unknown as WorkspaceAssociationInputs;
      const wait = ctx.settings.consistencyTimeoutSeconds;
      // Read first, from the instance's listing reads share: only the ARNs the workspace does not
      // already have are sent, so taking over a workspace's members as they are makes no call.
      const listing = await instanceListing(ctx, p.region, p.instanceId);
      const present = listing.get(p.workspaceId) ?? new Set<string>();
      const already = p.resourceArns.filter((arn) => present.has(arn));
      const missing = p.resourceArns.filter((arn) => !present.has(arn));
      const added: BatchOutcome =
        missing.length > 0
          ? await runBatches(ctx, p.region, "AssociateWorkspace", p, missing, wait)
          : { done: [], failed: [] };
      const done = [...already, ...added.done];
      const id = formatWorkspaceAssociationId(p.instanceId, p.workspaceId);
      const out = outputs(p, done);
      const problem = failureMessage("AssociateWorkspace", p, added, missing.length);
      if (problem === undefined) return { id, outs: out };
      if (done.length === 0)
        throw added.error && added.failed.length === 0 ? added.error : new Error(problem);
      throw new PartialFailure(`${problem}. ${RETRY_HINT}`, id, { ...out }, inputs);
    },

    async read(id: string, props: Record<string, unknown>): Promise<dynamic.ReadResult> {
      const known = (props ?? {}) as Partial<WorkspaceAssociationOutputs>;
      // No recorded inputs: `pulumi import` or `WorkspaceAssociation.get`, which name only the id.
      if (known.workspaceId === undefined) return imported(ctx, id);
      const parsed = parseWorkspaceAssociationId(id);
      const region = requireRegion(known.region, ctx.settings, `WorkspaceAssociation ${id}`);
      const listing = await instanceListing(ctx, region, parsed.instanceId);
      const present = listing.get(parsed.workspaceId) ?? new Set<string>();
      const managed = (known.resourceArns ?? []).filter((arn) => present.has(arn));
      if (managed.length === 0) return { id: "", props: {} };
      const out = { ...withoutProvider(props), resourceArns: managed };
      return { id, props: out, inputs: inputsOf(out) };
    },

    async update(
      id: string,
      olds: Record<string, unknown>,
      news: Record<string, unknown>,
    ): Promise<dynamic.UpdateResult> {
      const before = olds as unknown as WorkspaceAssociationOutputs;
      const p = news as unknown as WorkspaceAssociationInputs;
      const { add, remove } = setDifference(before.resourceArns, p.resourceArns);
      const wait = ctx.settings.consistencyTimeoutSeconds;
      // Add first: a user moved between two ARNs lists of the program never loses access midway.
      const added: BatchOutcome =
        add.length > 0
          ? await runBatches(ctx, p.region, "AssociateWorkspace", p, add, wait)
          : { done: [], failed: [] };
      const removed: BatchOutcome =
        remove.length > 0
          ? await runBatches(ctx, p.region, "DisassociateWorkspace", p, remove, 0, wait)
          : { done: [], failed: [] };
      const gone = new Set(removed.done);
      const out = outputs(p, [...before.resourceArns.filter((arn) => !gone.has(arn)), ...added.done]);
      const problem = joinMessages(
        failureMessage("AssociateWorkspace", p, added, add.length),
        failureMessage("DisassociateWorkspace", p, removed, remove.length),
      );
      if (problem === undefined) return { outs: out };
      throw new PartialFailure(`${problem}. ${RETRY_HINT}`, id, { ...out }, news);
    },

    async delete(_id: string, props: Record<string, unknown>): Promise<void> {
      const p = props as unknown as WorkspaceAssociationOutputs;
      const removed = await runBatches(
        ctx,
        p.region,
        "DisassociateWorkspace",
        p,
        p.resourceArns,
        0,
        ctx.settings.consistencyTimeoutSeconds,
      );
      // A workspace or instance that no longer exists holds nothing: already gone.
      if (removed.error instanceof AwsCallError && removed.error.code === "ResourceNotFoundException")
        delete removed.error;
      const problem = failureMessage("DisassociateWorkspace", p, removed, p.resourceArns.length);
      if (problem !== undefined)
        throw new Error(`Could not remove every association of ${describeTarget(p)}: ${problem}`);
    },
  };
}

/** WorkspaceAssociation in the registry. */
export const workspaceAssociation = defineResource({
  type: "WorkspaceAssociation",
  lifecycle: workspaceAssociationProvider,
  recorded,
});
