import { DeleteProfileObjectCommand, ListProfileObjectsCommand } from "@aws-sdk/client-customer-profiles";
import { logAttempts } from "../aws/attempts";
import { isAwsError, wrapAwsError } from "../aws/errors";
import { forEachPage } from "../aws/pages";
import type { ProviderContext } from "../runtime/context";
import type { ProfileObjectTarget } from "./id";

/** ListProfileObjects' largest page. */
const LIST_PROFILE_OBJECTS_PAGE = 100;

export function describe(t: ProfileObjectTarget): string {
  return `profile object ${t.profileObjectUniqueKey} (type ${t.objectTypeName}) of profile ${t.profileId} in domain ${t.domainName}`;
}

export function snapshotKey(region: string, t: ProfileObjectTarget): string {
  return `ListProfileObjects|${region}|${t.domainName}|${t.profileId}|${t.objectTypeName}`;
}

/** What DeleteProfileObject answered: a deletion, or not-found and whether an earlier attempt's outcome is unknown. */
export type DeleteAnswer =
  { deleted: true; message: string } | { deleted: false; message: string; outcomeUnknown: boolean };

/**
 * DeleteProfileObject (no ClientToken in the API). ResourceNotFoundException is answered, not
 * thrown, with whether an earlier attempt of this call ended without a definite answer (then the
 * not-found may be this call's own deletion); any other error is thrown, wrapped.
 */
export async function deleteProfileObject(
  ctx: ProviderContext,
  p: ProfileObjectTarget & { region: string },
): Promise<DeleteAnswer> {
  const command = new DeleteProfileObjectCommand({
    DomainName: p.domainName,
    ProfileId: p.profileId,
    ObjectTypeName: p.objectTypeName,
    ProfileObjectUniqueKey: p.profileObjectUniqueKey,
  });
  const attempts = logAttempts(command);
  try {
    const r = await ctx.clients.profilesClient(p.region).send(command);
    return { deleted: true, message: r.Message ?? "" };
  } catch (e) {
    if (!isAwsError(e, "ResourceNotFoundException"))
      throw wrapAwsError("DeleteProfileObject", describe(p), e);
    return {
      deleted: false,
      message: e instanceof Error ? e.message : String(e),
      outcomeUnknown: attempts.outcomeUnknown,
    };
  }
}

/**
 * The unique keys of the profile's objects of one type: ListProfileObjects, every page, once per
 * engine operation and shared by every read of that (profile, type). A domain, type or profile
 * that is gone holds no object.
 */
export function objectKeys(
  ctx: ProviderContext,
  region: string,
  t: ProfileObjectTarget,
): Promise<Set<string>> {
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
