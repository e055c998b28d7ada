import type * as dynamic from "@pulumi/pulumi/dynamic";
import { requireRegion } from "../aws/region";
import { backoff } from "../aws/consistency";
import type { Lifecycle, ProviderContext } from "../runtime/context";
import { defineResource, type RecordedState } from "../runtime/definition";
import { checkAndDiff, inputsOf, withoutProvider } from "../runtime/diff";
import { importedInputs } from "../runtime/import";
import { PartialFailure } from "../runtime/partial";
import {
  attachedProfiles,
  ChunkFailure,
  changeAgentProfiles,
  forget,
  describeEntity,
  setUserProfiles,
  withEntityLock,
  type EntityTarget,
} from "./aws";
import { checkSecurityProfileAssociation, type SecurityProfileAssociationInputs } from "./check";
import { formatSecurityProfileAssociationId, parseSecurityProfileAssociationId } from "./id";
import { observedProfiles, planProfiles, userProfileList } from "./plan";

/** Outputs: the checked inputs, with `securityProfileIds` saying what is really attached. */
export type SecurityProfileAssociationOutputs = SecurityProfileAssociationInputs;

function idOf(p: EntityTarget): string {
  return formatSecurityProfileAssociationId(p.instanceId, p.entityType, p.entityArn);
}

/** The AWS identity: the same identity means the same entity in AWS. */
function identity(props: Record<string, unknown>): string {
  const p = props as unknown as SecurityProfileAssociationInputs;
  return `${p.region}|${idOf(p)}`;
}

function outputs(
  p: SecurityProfileAssociationInputs,
  securityProfileIds: string[],
): SecurityProfileAssociationOutputs {
  return {
    instanceId: p.instanceId,
    region: p.region,
    entityType: p.entityType,
    entityArn: p.entityArn,
    securityProfileIds,
    exclusive: p.exclusive,
  };
}

/** What a create of these checked inputs records (no AWS call): its id and outputs. */
function recorded(inputs: Record<string, unknown>): RecordedState {
  const p = inputs as unknown as SecurityProfileAssociationInputs;
  return { id: idOf(p), outputs: { ...inputs, ...outputs(p, p.securityProfileIds) } };
}

/**
 * The state of an entity's profiles that `pulumi import` (or `SecurityProfileAssociation.get`)
 * names by its id alone: the entity the id names, in the provider's Region, holding every profile
 * it has now (`DescribeUser` for a user, `ListEntitySecurityProfiles`, every page, for an AI agent:
 * the reads refresh shares), with `exclusive: true`. An import takes over the entity's profiles as
 * AWS holds them, the whole set, so it is recorded as the whole set: a profile added later out of
 * band then shows on refresh as drift, which `up` removes, instead of going unseen. The id's parts
 * are checked as a program's inputs are before the call; an entity not found (or its instance gone)
 * or holding no profile is answered gone (the import then fails: "does not exist"). The outputs are
 * what a create of those inputs records.
 */
async function imported(ctx: ProviderContext, id: string): Promise<dynamic.ReadResult> {
  const target = {
    ...parseSecurityProfileAssociationId(id),
    region: requireRegion(undefined, ctx.settings, `SecurityProfileAssociation ${id}`),
  };
  const declared = (securityProfileIds?: string[]) =>
    importedInputs(
      "SecurityProfileAssociation",
      id,
      checkSecurityProfileAssociation({ ...target, exclusive: true, securityProfileIds }, ctx.settings),
      { property: "securityProfileIds", value: securityProfileIds },
    );
  declared();
  const attached = await attachedProfiles(ctx, target);
  if (attached === undefined || attached.length === 0) return { id: "", props: {} };
  const inputs = declared(attached);
  return { id, props: recorded(inputs).outputs, inputs };
}

/**
 * The entity's profiles, for a create or update: an entity not found (a user or AI agent just
 * created may not be visible yet) is looked up again with backoff until
 * `connect:consistencyTimeoutSeconds`, then fails saying it may not exist or may still be propagating.
 */
async function requireAttached(ctx: ProviderContext, t: EntityTarget): Promise<string[]> {
  const deadline = Date.now() + ctx.settings.consistencyTimeoutSeconds * 1000;
  for (let n = 0; ; n++) {
    const current = await attachedProfiles(ctx, t);
    if (current !== undefined) return current;
    forget(ctx, t);
    const delay = backoff(n);
    if (Date.now() + delay > deadline) {
      throw new Error(
        `${describeEntity(t)} was not found (or the instance does not exist in ${t.region}): it may not exist ` +
          `(check the ARN, Region and account), or may still be propagating: looked for it for ` +
          `${ctx.settings.consistencyTimeoutSeconds}s (stack config connect:consistencyTimeoutSeconds)`,
      );
    }
    await new Promise((r) => setTimeout(r, delay));
  }
}

/**
 * Brings the entity to `p` from what it has now: the set difference only, additions before removals
 * so that the entity never goes without a profile in between. Returns the outputs; a failure
 * part-way throws a PartialFailure recording exactly what is attached, so that the next `pulumi up`
 * does only what is left.
 */
async function converge(
  ctx: ProviderContext,
  p: SecurityProfileAssociationInputs,
  managedBefore: string[],
  inputs: Record<string, unknown>,
  creating: boolean,
): Promise<SecurityProfileAssociationOutputs> {
  const managed = [...new Set([...p.securityProfileIds, ...managedBefore])];
  return withEntityLock(p, async () => {
    const current = await requireAttached(ctx, p);
    const plan = planProfiles(current, p.securityProfileIds, managedBefore, p.exclusive);
    if (p.entityType === "USER") {
      const list = userProfileList(current, plan, describeEntity(p));
      if (list) await setUserProfiles(ctx, p, list, ctx.settings.consistencyTimeoutSeconds);
      return outputs(p, observedProfiles(list ?? current, p.securityProfileIds, p.exclusive));
    }
    try {
      if (plan.add.length > 0)
        await changeAgentProfiles(
          ctx,
          p,
          "AssociateSecurityProfiles",
          plan.add,
          ctx.settings.consistencyTimeoutSeconds,
        );
      if (plan.remove.length > 0)
        await changeAgentProfiles(ctx, p, "DisassociateSecurityProfiles", plan.remove);
    } catch (e) {
      if (!(e instanceof ChunkFailure)) throw e;
      const now = (await attachedProfiles(ctx, p).catch(() => undefined)) ?? current;
      const recorded = observedProfiles(now, managed, p.exclusive);
      const have = recorded.filter((id) => p.securityProfileIds.includes(id)).length;
      const message =
        `${e.message}. ${have} of the ${p.securityProfileIds.length} security profiles are attached` +
        ` (${recorded.join(", ") || "none"}); the next pulumi up does only what is left.`;
      if (creating && recorded.length === 0) throw new Error(message, { cause: e });
      throw new PartialFailure(message, idOf(p), { ...outputs(p, recorded) }, inputs);
    }
    return outputs(p, [...p.securityProfileIds]);
  });
}

/**
 * The SecurityProfileAssociation lifecycle, with AWS clients from `ctx`. What each step calls and tolerates is
 * documented once, on the SecurityProfileAssociation class (./resource.ts), and in the API reference.
 */
export function securityProfileAssociationProvider(ctx: ProviderContext): Lifecycle {
  return {
    ...checkAndDiff({
      check: (news) => checkSecurityProfileAssociation(news, ctx.settings),
      replaceKeys: ["instanceId", "region", "entityType", "entityArn"],
      updateKeys: ["securityProfileIds", "exclusive"],
      identity,
    }),

    async create(inputs: Record<string, unknown>): Promise<dynamic.CreateResult> {
      const p = inputs as unknown as SecurityProfileAssociationInputs;
      const outs = await converge(ctx, p, [], inputs, true);
      return { id: idOf(p), outs };
    },

    async read(id: string, props: Record<string, unknown>): Promise<dynamic.ReadResult> {
      const known = (props ?? {}) as Partial<SecurityProfileAssociationOutputs>;
      // No recorded inputs: `pulumi import` or `SecurityProfileAssociation.get`, which name only the id.
      if (known.entityArn === undefined) return imported(ctx, id);
      const parsed = parseSecurityProfileAssociationId(id);
      const target = {
        ...parsed,
        region: requireRegion(known.region, ctx.settings, `SecurityProfileAssociation ${id}`),
      };
      const attached = await attachedProfiles(ctx, target);
      const managed = known.securityProfileIds ?? [];
      if (attached === undefined || !attached.some((a) => managed.includes(a))) return { id: "", props: {} };
      const out = {
        ...withoutProvider(props),
        securityProfileIds: observedProfiles(attached, managed, known.exclusive ?? false),
      };
      return { id, props: out, inputs: inputsOf(out) };
    },

    async update(
      _id: string,
      olds: Record<string, unknown>,
      news: Record<string, unknown>,
    ): Promise<dynamic.UpdateResult> {
      const p = news as unknown as SecurityProfileAssociationInputs;
      const before = (olds as Partial<SecurityProfileAssociationOutputs>).securityProfileIds ?? [];
      return { outs: await converge(ctx, p, before, news, false) };
    },

    async delete(_id: string, props: Record<string, unknown>): Promise<void> {
      const p = props as unknown as SecurityProfileAssociationOutputs;
      await withEntityLock(p, async () => {
        const current = await attachedProfiles(ctx, p);
        if (current === undefined) return;
        const plan = { add: [], remove: current.filter((id) => p.securityProfileIds.includes(id)) };
        if (p.entityType === "USER") {
          const list = userProfileList(current, plan, describeEntity(p));
          if (list) await setUserProfiles(ctx, p, list);
        } else if (plan.remove.length > 0) {
          await changeAgentProfiles(ctx, p, "DisassociateSecurityProfiles", plan.remove);
        }
      });
    },
  };
}

/** SecurityProfileAssociation in the registry. */
export const securityProfileAssociation = defineResource({
  type: "SecurityProfileAssociation",
  lifecycle: securityProfileAssociationProvider,
  recorded,
});
