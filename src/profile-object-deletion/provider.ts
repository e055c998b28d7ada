import type * as dynamic from "@pulumi/pulumi/dynamic";
import { requireRegion } from "../aws/region";
import { DeleteProfileObjectCommand, ListProfileObjectsCommand } from "@aws-sdk/client-customer-profiles";
import { isAwsError, wrapAwsError } from "../aws/errors";
import { forEachPage } from "../aws/pages";
import type { Lifecycle, ProviderContext } from "../runtime/context";
import { defineResource } from "../runtime/definition";
import { checkAndDiff, withoutProvider } from "../runtime/diff";
import { logAttempts } from "../aws/attempts";
import { checkProfileObjectDeletion, type ProfileObjectDeletionInputs } from "./check";
import { formatProfileObjectDeletionId, parseProfileObjectDeletionId, type ProfileObjectTarget } from "./id";
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

/** ListProfileObjects' largest page. */
const LIST_PROFILE_OBJECTS_PAGE = 100;

const TARGET_KEYS = [
  "domainName",
  "profileId",
  "objectTypeName",
  "profileObjectUniqueKey",
  "region",
] as const;

function describe(t: ProfileObjectTarget): string {
  return `profile object ${t.profileObjectUniqueKey} (type ${t.objectTypeName}) of profile ${t.profileId} in domain ${t.domainName}`;
}

/** The AWS identity: the same identity names the same object. */
function identity(props: Record<string, unknown>): string {
  const p = props as unknown as ProfileObjectDeletionInputs;
  return `${p.region}|${formatProfileObjectDeletionId(p)}`;
}

/** `triggers` compared by value: key order (which the engine does not keep) never forces a re-run. */
function withCanonicalTriggers(props: Record<string, unknown>): Record<string, unknown> {
  return { ...props, triggers: canonicalJson(props["triggers"]) };
}

function snapshotKey(region: string, t: ProfileObjectTarget): string {
  return `ListProfileObjects|${region}|${t.domainName}|${t.profileId}|${t.objectTypeName}`;
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
 * The unique keys of the profile's objects of one type: ListProfileObjects, every page, once per
 * engine operation and shared by every read of that (profile, type). A domain, type or profile
 * that is gone holds no object.
 */
function objectKeys(ctx: ProviderContext, region: string, t: ProfileObjectTarget): Promise<Set<string>> {
  return ctx.snapshots.get(snapshotKey(region, t), async () => {
    const client = ctx.clients.profilesClient(region);
    const found = new Set<string>();
    try {
      await forEachPage(
        (nextToken) =>
          client.send(
            new ListProfileObjectsCommand({
              DomainName: t.domainName,
              ProfileId: t.profileId,
              ObjectTypeName: t.objectTypeName,
              MaxResults: LIST_PROFILE_OBJECTS_PAGE,
              ...(nextToken ? { NextToken: nextToken } : {}),
            }),
          ),
        (page) => {
          for (const item of page.Items ?? [])
            if (item.ProfileObjectUniqueKey) found.add(item.ProfileObjectUniqueKey);
        },
      );
    } catch (e) {
      if (isAwsError(e, "ResourceNotFoundException")) return found;
      throw wrapAwsError(
        "ListProfileObjects",
        `objects of type ${t.objectTypeName} of profile ${t.profileId}`,
        e,
      );
    }
    return found;
  });
}

/**
 * The ProfileObjectDeletion lifecycle, with AWS clients from `ctx`.
 *
 * - check: validation and defaults, no AWS call.
 * - diff: a new target or new `triggers` replace (the replacement's create runs the deletion
 *   again); `ignoreMissing` / `verifyOnRefresh` alone update in place.
 * - create: DeleteProfileObject. ResourceNotFoundException is `alreadyAbsent` with `ignoreMissing`,
 *   else a failure naming the object; after an attempt whose outcome is unknown (dropped
 *   connection, 5xx) it is this call's own deletion, so `deleted`.
 * - read: the recorded result, no AWS call; with `verifyOnRefresh`, one ListProfileObjects listing
 *   per (profile, type) per engine operation, and an object that exists again → empty id, so the
 *   next `pulumi up` deletes it again.
 * - update: no AWS call.
 * - delete: no AWS call: the object stays deleted; nothing can restore it.
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
      const command = new DeleteProfileObjectCommand({
        DomainName: p.domainName,
        ProfileId: p.profileId,
        ObjectTypeName: p.objectTypeName,
        ProfileObjectUniqueKey: p.profileObjectUniqueKey,
      });
      const attempts = logAttempts(command);
      let result: { outcome: DeletionOutcome; message: string };
      try {
        const r = await ctx.clients.profilesClient(p.region).send(command);
        result = { outcome: "deleted", message: r.Message ?? "" };
      } catch (e) {
        if (!isAwsError(e, "ResourceNotFoundException"))
          throw wrapAwsError("DeleteProfileObject", describe(p), e);
        const awsMessage = e instanceof Error ? e.message : String(e);
        if (attempts.outcomeUnknown) {
          result = {
            outcome: "deleted",
            message: `deleted by an attempt whose answer was lost; its retry found the object gone (${awsMessage})`,
          };
        } else if (p.ignoreMissing) {
          result = { outcome: "alreadyAbsent", message: awsMessage };
        } else {
          throw new Error(
            `${describe(p)} does not exist: DeleteProfileObject answered ResourceNotFoundException (${awsMessage}). ` +
              `Set ignoreMissing: true to record it as alreadyAbsent instead.`,
          );
        }
      }
      ctx.snapshots.drop(snapshotKey(p.region, p));
      const out = outputs(p, { ...result, executedAt: new Date().toISOString() });
      return { id: formatProfileObjectDeletionId(p), outs: out };
    },

    async read(id: string, props: Record<string, unknown>): Promise<dynamic.ReadResult> {
      const known = props as Partial<ProfileObjectDeletionOutputs>;
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
