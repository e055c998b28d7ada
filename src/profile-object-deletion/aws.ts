import {
  DeleteProfileObjectCommand,
  GetDomainCommand,
  ListProfileObjectsCommand,
  SearchProfilesCommand,
} from "@aws-sdk/client-customer-profiles";
import { logAttempts } from "../aws/attempts";
import { awsErrorCode, isAwsError, wrapAwsError } from "../aws/errors";
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
/** Every unique key of the profile's objects of one type: ListProfileObjects, every page. */
async function listObjectKeys(
  ctx: ProviderContext,
  region: string,
  t: ProfileObjectTarget,
): Promise<Set<string>> {
  const client = ctx.clients.profilesClient(region);
  const found = new Set<string>();
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
  return found;
}

export function objectKeys(
  ctx: ProviderContext,
  region: string,
  t: ProfileObjectTarget,
): Promise<Set<string>> {
  return ctx.snapshots.get(snapshotKey(region, t), async () => {
    try {
      return await listObjectKeys(ctx, region, t);
    } catch (e) {
      if (isAwsError(e, "ResourceNotFoundException")) return new Set<string>();
      throw wrapAwsError(
        "ListProfileObjects",
        `objects of type ${t.objectTypeName} of profile ${t.profileId}`,
        e,
      );
    }
  });
}

/**
 * Whether an object that DeleteProfileObject did not find is really absent. Customer Profiles
 * answers ResourceNotFoundException for "does not exist, or access was denied" (its model's
 * wording), so a not-found alone cannot tell a deleted object from a wrong domain, a wrong profile
 * or missing permissions. Absence counts only when GetDomain shows the domain, SearchProfiles
 * (`_profileId`) shows the profile, and ListProfileObjects of the object type answers without it.
 * Returns undefined when absence is shown, else what could not be shown (for the error message).
 */
export async function unverifiedAbsence(
  ctx: ProviderContext,
  region: string,
  t: ProfileObjectTarget,
): Promise<string | undefined> {
  const client = ctx.clients.profilesClient(region);
  const step = async <T>(operation: string, what: string, call: () => Promise<T>): Promise<T | string> => {
    try {
      return await call();
    } catch (e) {
      const code = awsErrorCode(e) ?? "an error";
      return `${operation} answered ${code} for ${what} in ${region}`;
    }
  };
  const domain = await step("GetDomain", `domain ${t.domainName}`, () =>
    client.send(new GetDomainCommand({ DomainName: t.domainName })),
  );
  if (typeof domain === "string") return domain;
  const profiles = await step("SearchProfiles", `profile ${t.profileId}`, () =>
    client.send(
      new SearchProfilesCommand({ DomainName: t.domainName, KeyName: "_profileId", Values: [t.profileId] }),
    ),
  );
  if (typeof profiles === "string") return profiles;
  if (!(profiles.Items ?? []).some((item) => item.ProfileId === t.profileId))
    return `SearchProfiles found no profile ${t.profileId} in domain ${t.domainName} in ${region}`;
  const keys = await step("ListProfileObjects", `objects of type ${t.objectTypeName}`, () =>
    listObjectKeys(ctx, region, t),
  );
  if (typeof keys === "string") return keys;
  if (keys.has(t.profileObjectUniqueKey))
    return `ListProfileObjects still shows the object in ${region}, so the deletion was refused`;
  return undefined;
}
