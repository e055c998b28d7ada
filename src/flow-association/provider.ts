import type * as dynamic from "@pulumi/pulumi/dynamic";
import { requireRegion } from "../aws/region";
import type { ConnectClient } from "@aws-sdk/client-connect";
import { associate, currentFlow, describeTarget, disassociate, listAll, type FlowTarget } from "./aws";
import { checkFlowAssociation, type FlowAssociationInputs, type FlowResourceType } from "./check";
import { formatFlowAssociationId, normalisedId, parseFlowAssociationId } from "./id";
import type { Lifecycle, ProviderContext } from "../runtime/context";
import { defineResource, type RecordedState } from "../runtime/definition";
import { LISTABLE_FLOW_RESOURCE_TYPES } from "./resource-types";
import { checkAndDiff, inputsOf } from "../runtime/diff";
import { importedInputs } from "../runtime/import";

/** Outputs of a FlowAssociation: its checked inputs and its id. */
export interface FlowAssociationOutputs extends FlowAssociationInputs {
  associationId: string;
}

function outputs(p: FlowAssociationInputs): FlowAssociationOutputs {
  return {
    instanceId: p.instanceId,
    resourceId: p.resourceId,
    flowId: p.flowId,
    resourceType: p.resourceType,
    region: p.region,
    associationId: formatFlowAssociationId(p),
  };
}

/** The properties in the form diff compares: ID or ARN of the same thing is the same value. */
function normalised(props: Record<string, unknown>): Record<string, unknown> {
  const out = { ...props };
  for (const k of ["instanceId", "resourceId", "flowId"]) {
    const v = props[k];
    if (typeof v === "string") out[k] = normalisedId(v);
  }
  return out;
}

/** The AWS identity (of normalised properties): one association slot per resource and type. */
function identity(props: Record<string, unknown>): string {
  return ["region", "instanceId", "resourceType", "resourceId"].map((k) => String(props[k])).join("|");
}

function snapshotKey(region: string, instanceId: string, resourceType: string): string {
  return `ListFlowAssociations|${region}|${normalisedId(instanceId)}|${resourceType}`;
}

/**
 * Normalised resource id → the flow it points at, for one (Region, instance, type): one
 * ListFlowAssociations listing per engine operation, shared by every read.
 */
function listedFlows(
  ctx: ProviderContext,
  client: ConnectClient,
  region: string,
  t: FlowTarget,
): Promise<Map<string, string>> {
  return ctx.snapshots.get(snapshotKey(region, t.instanceId, t.resourceType), async () => {
    const flows = new Map<string, string>();
    for (const a of await listAll(client, t.instanceId, t.resourceType)) {
      if (a.ResourceId && a.FlowId) flows.set(normalisedId(a.ResourceId), a.FlowId);
    }
    return flows;
  });
}

/**
 * The flow the resource points at now, for refresh and for the read every create starts with: from
 * the operation's listing for every type ListFlowAssociations takes; SMS numbers, which its enum
 * lacks, with GetFlowAssociation (one call per read, the fewest the APIs allow for them).
 */
async function flowNow(ctx: ProviderContext, region: string, t: FlowTarget): Promise<string | undefined> {
  const client = ctx.clients.connectClient(region);
  if (!listable(t)) return currentFlow(client, t);
  return (await listedFlows(ctx, client, region, t)).get(normalisedId(t.resourceId));
}

function listable(t: FlowTarget): boolean {
  return t.resourceType !== "SMS_PHONE_NUMBER" && LISTABLE_FLOW_RESOURCE_TYPES.includes(t.resourceType);
}

/** What a create of these checked inputs records (no AWS call): its id and outputs. */
function recorded(inputs: Record<string, unknown>): RecordedState {
  const out = outputs(inputs as unknown as FlowAssociationInputs);
  return { id: out.associationId, outputs: { ...inputs, ...out } };
}

/**
 * The state of an association that `pulumi import` (or `FlowAssociation.get`) names by its id alone:
 * `instanceId`, `resourceType` and `resourceId` as the id gives them (ID or ARN), in the provider's
 * Region, and `flowId` the flow the resource points at now, as AWS names it (ListFlowAssociations'
 * `FlowId`, an ARN in its model; GetFlowAssociation for SMS numbers: {@link flowNow}, the reads
 * refresh shares). The id's parts are checked as a program's inputs are before the call; a resource
 * with no flow (or its instance gone) is answered gone (the import then fails: "does not exist").
 * The outputs are what a create of those inputs records; a program naming the flow by id previews
 * no change, as diff compares the ID form.
 */
async function imported(ctx: ProviderContext, id: string): Promise<dynamic.ReadResult> {
  const key = parseFlowAssociationId(id);
  const region = requireRegion(undefined, ctx.settings, `FlowAssociation ${id}`);
  const declared = (flowId?: string) =>
    importedInputs("FlowAssociation", id, checkFlowAssociation({ ...key, region, flowId }, ctx.settings), {
      property: "flowId",
      value: flowId,
    });
  const target = declared() as unknown as FlowTarget;
  const flow = await flowNow(ctx, region, target);
  if (flow === undefined) return { id: "", props: {} };
  const inputs = declared(flow);
  return { id, props: recorded(inputs).outputs, inputs };
}

/**
 * `write` (an associate or a disassociate of `t`), then the operation's listing of its instance and
 * type holds `flowId` (or nothing) for `t`, in place (Snapshots.write): the next create of the same
 * operation is served by the same listing. SMS numbers have no listing.
 */
async function writeFlow(
  ctx: ProviderContext,
  region: string,
  t: FlowTarget,
  flowId: string | undefined,
  write: () => Promise<void>,
): Promise<void> {
  if (!listable(t)) return write();
  await ctx.snapshots.write(
    snapshotKey(region, t.instanceId, t.resourceType),
    write,
    (flows: Map<string, string>) => {
      if (flowId === undefined) flows.delete(normalisedId(t.resourceId));
      else flows.set(normalisedId(t.resourceId), flowId);
    },
  );
}

/** Points `p`'s resource at `p.flowId` (see {@link associate}), keeping the listing in step. */
function point(ctx: ProviderContext, p: FlowAssociationInputs): Promise<void> {
  const client = ctx.clients.connectClient(p.region);
  return writeFlow(ctx, p.region, p, p.flowId, () =>
    associate(client, p, p.flowId, ctx.settings.consistencyTimeoutSeconds),
  );
}

/**
 * The FlowAssociation lifecycle, with AWS clients from `ctx`. What each step calls and tolerates is
 * documented once, on the FlowAssociation class (./resource.ts), and in the API reference.
 */
export function flowAssociationProvider(ctx: ProviderContext): Lifecycle {
  return {
    ...checkAndDiff({
      check: (news) => checkFlowAssociation(news, ctx.settings),
      replaceKeys: ["region", "instanceId", "resourceType", "resourceId"],
      updateKeys: ["flowId"],
      identity,
      normalise: normalised,
    }),

    async create(inputs: Record<string, unknown>): Promise<dynamic.CreateResult> {
      const p = inputs as unknown as FlowAssociationInputs;
      // Read first: a resource already pointing at this flow (taken over, or associated outside the
      // stack) costs no call.
      const flow = await flowNow(ctx, p.region, p);
      if (flow === undefined || normalisedId(flow) !== normalisedId(p.flowId)) await point(ctx, p);
      const out = outputs(p);
      return { id: out.associationId, outs: out };
    },

    async read(id: string, props: Record<string, unknown>): Promise<dynamic.ReadResult> {
      const known = (props ?? {}) as Partial<FlowAssociationOutputs>;
      // No recorded inputs: `pulumi import` or `FlowAssociation.get`, which name only the id.
      if (known.instanceId === undefined) return imported(ctx, id);
      const parsed = parseFlowAssociationId(id);
      const target: FlowTarget = {
        instanceId: known.instanceId ?? parsed.instanceId,
        resourceId: known.resourceId ?? parsed.resourceId,
        resourceType: (known.resourceType ?? parsed.resourceType) as FlowResourceType,
      };
      const region = requireRegion(known.region, ctx.settings, `FlowAssociation ${id}`);
      const flow = await flowNow(ctx, region, target);
      if (flow === undefined) return { id: "", props: {} };
      // The same flow named the other way (ID / ARN) keeps the recorded form: no spurious change.
      const same = known.flowId !== undefined && normalisedId(known.flowId) === normalisedId(flow);
      const out = outputs({ ...target, region, flowId: same && known.flowId ? known.flowId : flow });
      // Inputs name the drifted flow the way the program named ours: an id stays an id.
      const asNamed = known.flowId?.startsWith("arn:") ? out.flowId : normalisedId(out.flowId);
      return {
        id,
        props: { ...out, associationId: id },
        inputs: { ...inputsOf(out, ["associationId"]), flowId: asNamed },
      };
    },

    async update(
      _id: string,
      olds: Record<string, unknown>,
      news: Record<string, unknown>,
    ): Promise<dynamic.UpdateResult> {
      const p = news as unknown as FlowAssociationInputs;
      if (normalisedId(String(olds["flowId"])) !== normalisedId(p.flowId)) await point(ctx, p);
      return { outs: outputs(p) };
    },

    async delete(id: string, props: Record<string, unknown>): Promise<void> {
      const p = props as unknown as FlowAssociationOutputs;
      const client = ctx.clients.connectClient(p.region);
      const flow = await currentFlow(client, p);
      if (flow === undefined) return;
      if (normalisedId(flow) !== normalisedId(p.flowId)) {
        // The engine shows a dynamic provider's stderr under the operation: say why nothing changed.
        console.warn(
          `FlowAssociation ${id}: ${describeTarget(p)} now points at flow ${flow}, not ${p.flowId}: ` +
            `someone re-pointed it, so it is left in place and only removed from the stack.`,
        );
        return;
      }
      await writeFlow(ctx, p.region, p, undefined, () => disassociate(client, p));
    },
  };
}

/** FlowAssociation in the registry. */
export const flowAssociation = defineResource({
  type: "FlowAssociation",
  lifecycle: flowAssociationProvider,
  recorded,
});
