import { awsError } from "../core/errors";
import { page } from "../core/pagination";
import type { HandlerContext, Route } from "../core/router";
import type { ProfilesErrorCode } from "./errors";
import { FilingError, fileProfileObject, findDomain, findObjectType, findProfile } from "./store";

/**
 * PutProfileObject / ListProfileObjects / DeleteProfileObject. The bindings, constraints, errors and
 * output shapes are the model's (src/emulator/models/customer-profiles.json). From the API
 * reference: Object is a JSON object serialized to a string; bad input answers 400
 * BadRequestException; DeleteProfileObject answers { "Message" } ("OK" in the reference's example).
 *
 * Where the reference is silent, the emulator's choices: a page holds 20 objects when MaxResults
 * is absent; an unknown domain, profile, object type or object is 404 ResourceNotFoundException;
 * ObjectFilter (documented for the standard _asset, _case and _order types) keeps, for any type,
 * the objects whose top-level field KeyName holds one of Values.
 */

/** Page size of ListProfileObjects when MaxResults is absent (the reference gives none). */
export const LIST_PROFILE_OBJECTS_DEFAULT_PAGE = 20;

/** The profile's objects of one type, after checking that domain, type and profile exist. */
function objectsOf(ctx: HandlerContext, domainName: string, objectTypeName: string, profileId: string) {
  const domain = findDomain(ctx, domainName);
  if (!findObjectType(domain, objectTypeName, ctx.now))
    throw awsError(
      "ResourceNotFoundException",
      `Object type ${objectTypeName} not found in domain ${domainName}`,
    );
  const profile = findProfile(domain, profileId, ctx.now);
  if (!profile)
    throw awsError("ResourceNotFoundException", `Profile ${profileId} not found in domain ${domainName}`);
  return { profile, objects: profile.objects.filter((o) => o.objectTypeName === objectTypeName) };
}

function putProfileObject(ctx: HandlerContext, raw: Record<string, unknown>): object {
  const input = raw as { DomainName: string; ObjectTypeName: string; Object: string };
  const domain = findDomain(ctx, input.DomainName);
  let parsed: unknown;
  try {
    parsed = JSON.parse(input.Object);
  } catch {
    throw awsError("BadRequestException", "Object must be a JSON object serialized to a string");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw awsError("BadRequestException", "Object must be a JSON object serialized to a string");
  try {
    const object = parsed as Record<string, unknown>;
    const { uniqueKey } = fileProfileObject(domain, input.ObjectTypeName, object, ctx.now);
    return { ProfileObjectUniqueKey: uniqueKey };
  } catch (e) {
    if (e instanceof FilingError) throw awsError(e.code, e.message);
    throw e;
  }
}

function listProfileObjects(ctx: HandlerContext, raw: Record<string, unknown>): object {
  const input = raw as {
    DomainName: string;
    ObjectTypeName: string;
    ProfileId: string;
    MaxResults?: number;
    NextToken?: string;
    ObjectFilter?: { KeyName: string; Values: string[] };
  };
  let { objects } = objectsOf(ctx, input.DomainName, input.ObjectTypeName, input.ProfileId);
  const filter = input.ObjectFilter;
  if (filter) {
    objects = objects.filter((o) => {
      const v = o.object[filter.KeyName];
      return (typeof v === "string" || typeof v === "number") && filter.Values.includes(String(v));
    });
  }
  const p = page(objects, {
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    defaultMax: LIST_PROFILE_OBJECTS_DEFAULT_PAGE,
    query: `ListProfileObjects:${input.DomainName}:${input.ProfileId}:${input.ObjectTypeName}:${JSON.stringify(filter ?? null)}`,
    errorCode: "BadRequestException",
  });
  return {
    Items: p.items.map((o) => ({
      ObjectTypeName: o.objectTypeName,
      ProfileObjectUniqueKey: o.uniqueKey,
      Object: JSON.stringify(o.object),
    })),
    ...(p.nextToken ? { NextToken: p.nextToken } : {}),
  };
}

function deleteProfileObject(ctx: HandlerContext, raw: Record<string, unknown>): object {
  const input = raw as {
    DomainName: string;
    ObjectTypeName: string;
    ProfileId: string;
    ProfileObjectUniqueKey: string;
  };
  const { profile } = objectsOf(ctx, input.DomainName, input.ObjectTypeName, input.ProfileId);
  const at = profile.objects.findIndex(
    (o) => o.objectTypeName === input.ObjectTypeName && o.uniqueKey === input.ProfileObjectUniqueKey,
  );
  if (at < 0)
    throw awsError(
      "ResourceNotFoundException",
      `Profile object ${input.ProfileObjectUniqueKey} of type ${input.ObjectTypeName} not found on profile ${input.ProfileId}`,
    );
  profile.objects.splice(at, 1);
  return { Message: "OK" };
}

export const objectRoutes: Route<ProfilesErrorCode>[] = [
  {
    operation: "PutProfileObject",
    validationError: "BadRequestException",
    mutates: true,
    handler: putProfileObject,
  },
  {
    operation: "ListProfileObjects",
    validationError: "BadRequestException",
    mutates: false,
    handler: listProfileObjects,
  },
  {
    operation: "DeleteProfileObject",
    validationError: "BadRequestException",
    mutates: true,
    handler: deleteProfileObject,
  },
];
