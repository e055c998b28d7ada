import type * as dynamic from "@pulumi/pulumi/dynamic";
import { requireRegion } from "../aws/region";
import type { Lifecycle, ProviderContext } from "../runtime/context";
import { defineResource } from "../runtime/definition";
import { checkAndDiff, withoutProvider } from "../runtime/diff";
import { importedInputs } from "../runtime/import";
import { deleteProfileObject, describe, objectKeys, snapshotKey, unverifiedAbsence } from "./aws";
import { checkProfileObjectDeletion, type ProfileObjectDeletionInputs } from "./check";
import { formatProfileObjectDeletionId, parseProfileObjectDeletionId } from "./id";
import { canonicalJson } from "./triggers";

/** What one run of the deletion found. */
export type DeletionOutcome = "deleted" | "alreadyAbsent";

/** Outputs: the checked inputs plus the recorded result of the last run. */
export interface ProfileObjectDeletionOutputs extends ProfileObjectDeletionInputs {
  outcome: DeletionOutcome;
  /** DeleteProfileObject's `Message`, or the not-found message when the object was already absent. */
  message: string;
  /** ISO 8601 time at which the deletion ran. */
  executedAt: string;
}

const TARGET_KEYS = [
  "domainName",
  "profileId",
  "objectTypeName",
  "profileObjectUniqueKey",
  "region",
] as const;

/** The AWS identity: the same identity names the same object. */
function identity(props: Record<string, unknown>): string {
  const p = props as unknown as ProfileObjectDeletionInputs;
  return `${p.region}|${formatProfileObjectDeletionId(p)}`;
}

/** `triggers` compared by value: key order (which the engine does not keep) never forces a re-run. */
function withCanonicalTriggers(props: Record<string, unknown>): Record<string, unknown> {
  return { ...props, triggers: canonicalJson(props["triggers"]) };
}

function outputs(
  p: ProfileObjectDeletionInputs,
  result: Pick<ProfileObjectDeletionOutputs, "outcome" | "message" | "executedAt">,
): ProfileObjectDeletionOutputs {
  const out: ProfileObjectDeletionOutputs = {
    domainName: p.domainName,
    profileId: p.profileId,
    objectTypeName: p.objectTypeName,
    profileObjectUniqueKey: p.profileObjectUniqueKey,
    region: p.region,
    ignoreMissing: p.ignoreMissing,
    verifyOnRefresh: p.verifyOnRefresh,
    ...result,
  };
  if (p.triggers !== undefined) out.triggers = p.triggers;
  return out;
}

/**
 * The state of a deletion that `pulumi import` (or `ProfileObjectDeletion.get`) names by its id
 * alone. The resource records a deletion, so what can be imported is a deletion that is in effect:
 * an object that is absent. The inputs are the object the id names, in the provider's Region, with
 * the defaults (`ignoreMissing: true`, `verifyOnRefresh: false`, no `triggers`), checked as a
 * program's inputs are before any call; the outputs are `outcome: "alreadyAbsent"`, what a create of
 * those inputs records for an absent object, and `executedAt` the time of the import. Absence counts
 * only as a create's does ({@link unverifiedAbsence}: `GetDomain`, `SearchProfiles`,
 * `ListProfileObjects`, every page): an object `ListProfileObjects` still lists fails the import
 * saying that it exists and how to delete it; a domain or profile not found, or access denied, fails
 * it naming what could not be shown. Nothing is ever deleted here.
 */
async function imported(ctx: ProviderContext, id: string): Promise<dynamic.ReadResult> {
  const target = parseProfileObjectDeletionId(id);
  const region = requireRegion(undefined, ctx.settings, `ProfileObjectDeletion ${id}`);
  const inputs = importedInputs(
    "ProfileObjectDeletion",
    id,
    checkProfileObjectDeletion({ ...target, region }, ctx.settings),
  );
  const unverified = await unverifiedAbsence(ctx, region, target);
  if (unverified !== undefined) {
    // Only a failure costs this second listing: it tells an object that exists from a domain or
    // profile that could not be read.
    if ((await objectKeys(ctx, region, target)).has(target.profileObjectUniqueKey))
      throw new Error(
        `ProfileObjectDeletion ${id} cannot be imported: ${describe(target)} exists in ${region} (ListProfileObjects ` +
          `lists it), so there is no deletion to import. Declare the ProfileObjectDeletion in the program and run ` +
          `pulumi up to delete it.`,
      );
    throw new Error(
      `ProfileObjectDeletion ${id} cannot be imported: the absence of ${describe(target)} could not be confirmed ` +
        `(${unverified}). Check the id, the Region and the credentials' permissions (profile:GetDomain, ` +
        `profile:SearchProfiles, profile:ListProfileObjects).`,
    );
  }
  const out = outputs(inputs as unknown as ProfileObjectDeletionInputs, {
    outcome: "alreadyAbsent",
    message:
      "recorded by an import: GetDomain and SearchProfiles found the domain and the profile, and ListProfileObjects does not list the object",
    executedAt: new Date().toISOString(),
  });
  return { id, props: { ...out }, inputs };
}

/**
 * The ProfileObjectDeletion lifecycle, with AWS clients from `ctx`. What each step calls and tolerates is
 * documented once, on the ProfileObjectDeletion class (./resource.ts), and in the API reference.
 */
export function profileObjectDeletionProvider(ctx: ProviderContext): Lifecycle {
  return {
    ...checkAndDiff({
      check: (news) => checkProfileObjectDeletion(news, ctx.settings),
      replaceKeys: [...TARGET_KEYS, "triggers"],
      updateKeys: ["ignoreMissing", "verifyOnRefresh"],
      identity,
      normalise: withCanonicalTriggers,
    }),

    async create(inputs: Record<string, unknown>): Promise<dynamic.CreateResult> {
      const p = inputs as unknown as ProfileObjectDeletionInputs;
      const answer = await deleteProfileObject(ctx, p);
      let result: { outcome: DeletionOutcome; message: string };
      if (answer.deleted) {
        result = { outcome: "deleted", message: answer.message };
      } else if (answer.outcomeUnknown) {
        result = {
          outcome: "deleted",
          message: `deleted by an attempt whose answer was lost; its retry found the object gone (${answer.message})`,
        };
      } else {
        const unverified = await unverifiedAbsence(ctx, p.region, p);
        if (unverified !== undefined) {
          throw new Error(
            `${describe(p)} was not found, or access was denied: DeleteProfileObject answered ResourceNotFoundException ` +
              `(${answer.message}), and its absence could not be confirmed (${unverified}). Check domainName, profileId, ` +
              `objectTypeName, the Region and the credentials' permissions (profile:GetDomain, profile:SearchProfiles, ` +
              `profile:ListProfileObjects, profile:DeleteProfileObject). Nothing was recorded as deleted.`,
          );
        }
        if (!p.ignoreMissing) {
          throw new Error(
            `${describe(p)} does not exist: DeleteProfileObject answered ResourceNotFoundException (${answer.message}). ` +
              `Set ignoreMissing: true to record it as alreadyAbsent instead.`,
          );
        }
        result = { outcome: "alreadyAbsent", message: answer.message };
      }
      ctx.snapshots.drop(snapshotKey(p.region, p));
      const out = outputs(p, { ...result, executedAt: new Date().toISOString() });
      return { id: formatProfileObjectDeletionId(p), outs: out };
    },

    async read(id: string, props: Record<string, unknown>): Promise<dynamic.ReadResult> {
      const known = (props ?? {}) as Partial<ProfileObjectDeletionOutputs>;
      // No recorded inputs: `pulumi import` or `ProfileObjectDeletion.get`, which name only the id.
      if (known.domainName === undefined) return imported(ctx, id);
      if (known.verifyOnRefresh === true) {
        const target = parseProfileObjectDeletionId(id);
        const region = requireRegion(known.region, ctx.settings, `ProfileObjectDeletion ${id}`);
        const keys = await objectKeys(ctx, region, target);
        if (keys.has(target.profileObjectUniqueKey)) return { id: "", props: {} };
      }
      return { id, props: withoutProvider(props) };
    },

    async update(
      _id: string,
      olds: Record<string, unknown>,
      news: Record<string, unknown>,
    ): Promise<dynamic.UpdateResult> {
      const recorded = olds as unknown as ProfileObjectDeletionOutputs;
      return {
        outs: outputs(news as unknown as ProfileObjectDeletionInputs, {
          outcome: recorded.outcome,
          message: recorded.message,
          executedAt: recorded.executedAt,
        }),
      };
    },

    async delete(): Promise<void> {
      // Removing the resource cannot bring the object back, and must not delete it again.
    },
  };
}

/** ProfileObjectDeletion in the registry. */
export const profileObjectDeletion = defineResource({
  type: "ProfileObjectDeletion",
  lifecycle: profileObjectDeletionProvider,
  // Whether the interrupted deletion ran is unknown: verifyOnRefresh makes the refresh look, and
  // drop the resource (so that the next up deletes) if the object is still there. The next up sets
  // verifyOnRefresh back to the program's value, in place.
  recorded: (inputs) => ({
    id: formatProfileObjectDeletionId(inputs as unknown as ProfileObjectDeletionInputs),
    outputs: {
      ...inputs,
      verifyOnRefresh: true,
      outcome: "deleted",
      message: "recorded after an interrupted pulumi up; verified by the refresh that followed",
      executedAt: new Date().toISOString(),
    },
  }),
});
