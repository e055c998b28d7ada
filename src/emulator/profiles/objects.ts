import { int, list, str, struct } from "../core/constraints";
import { awsError } from "../core/errors";
import { page } from "../core/pagination";
import type { HandlerContext, Route } from "../core/router";
import type { DomainState } from "../state";
import type { ProfilesErrorCode } from "./errors";
import { FilingError, fileProfileObject, findObjectType, findProfile } from "./store";

/**
 * PutProfileObject / ListProfileObjects / DeleteProfileObject. From the API reference:
 * DomainName 1-64 `^[a-zA-Z0-9_-]+$`; ObjectTypeName 1-255 `^[a-zA-Z_][a-zA-Z_0-9-]*$`; ProfileId
 * `[a-f0-9]{32}`; ProfileObjectUniqueKey 1-255; Object (a JSON object serialized to a string)
 * 1-256000; ListProfileObjects MaxResults 1-100 (query `max-results`), NextToken 1-1024 (query
 * `next-token`), ObjectFilter { KeyName 1-64 `^[a-zA-Z0-9_-]+$`, Values: strings 1-255 }, both
 * required; bad input answers 400 BadRequestException; DeleteProfileObject answers { "Message" }
 * ("OK" in the reference's example).
 *
 * Where the reference is silent, the emulator's choices: a page holds 20 objects when MaxResults
 * is absent; an unknown domain, profile, object type or object is 404 ResourceNotFoundException;
 * ObjectFilter (documented for the standard _asset, _case and _order types) keeps, for any type,
 * the objects whose top-level field KeyName holds one of Values.
 */

/** Page size of ListProfileObjects when MaxResults is absent (the reference gives none). */
export const LIST_PROFILE_OBJECTS_DEFAULT_PAGE = 20;

const DOMAIN_NAME = str({ required: true, min: 1, max: 64, pattern: /^[a-zA-Z0-9_-]+$/ });
const OBJECT_TYPE_NAME = str({ required: true, min: 1, max: 255, pattern: /^[a-zA-Z_][a-zA-Z_0-9-]*$/ });
// The reference writes the pattern unanchored; AWS applies such patterns to the whole value.
const PROFILE_ID = str({ required: true, pattern: /^[a-f0-9]{32}$/ });

/** The domain a `DomainName` names in the request's Region. */
function findDomain(ctx: HandlerContext, name: string): DomainState {
  const d = ctx.state.customerProfiles.domains.find((x) => x.name === name && x.region === ctx.region);
  if (!d) throw awsError("ResourceNotFoundException", `Domain ${name} not found`);
  return d;
}

/** The profile's objects of one type, after checking that domain, type and profile exist. */
function objectsOf(ctx: HandlerContext, domainName: string, objectTypeName: string, profileId: string) {
  const domain = findDomain(ctx, domainName);
  if (!findObjectType(domain, objectTypeName))
    throw awsError(
      "ResourceNotFoundException",
      `Object type ${objectTypeName} not found in domain ${domainName}`,
    );
  const profile = findProfile(domain, profileId);
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
    const { uniqueKey } = fileProfileObject(domain, input.ObjectTypeName, parsed as Record<string, unknown>);
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
    method: "PUT",
    path: "/domains/{DomainName}/profiles/objects",
    input: struct({
      DomainName: DOMAIN_NAME,
      ObjectTypeName: OBJECT_TYPE_NAME,
      Object: str({ required: true, min: 1, max: 256000 }),
    }),
    validationError: "BadRequestException",
    mutates: true,
    handler: putProfileObject,
  },
  {
    operation: "ListProfileObjects",
    method: "POST",
    path: "/domains/{DomainName}/profiles/objects",
    query: {
      "max-results": { member: "MaxResults", type: "integer" },
      "next-token": { member: "NextToken", type: "string" },
    },
    input: struct({
      DomainName: DOMAIN_NAME,
      ObjectTypeName: OBJECT_TYPE_NAME,
      ProfileId: PROFILE_ID,
      MaxResults: int({ min: 1, max: 100 }),
      NextToken: str({ min: 1, max: 1024 }),
      ObjectFilter: struct({
        KeyName: str({ required: true, min: 1, max: 64, pattern: /^[a-zA-Z0-9_-]+$/ }),
        Values: list(str({ min: 1, max: 255 }), { required: true }),
      }),
    }),
    validationError: "BadRequestException",
    mutates: false,
    handler: listProfileObjects,
  },
  {
    operation: "DeleteProfileObject",
    method: "POST",
    path: "/domains/{DomainName}/profiles/objects/delete",
    input: struct({
      DomainName: DOMAIN_NAME,
      ObjectTypeName: OBJECT_TYPE_NAME,
      ProfileId: PROFILE_ID,
      ProfileObjectUniqueKey: str({ required: true, min: 1, max: 255 }),
    }),
    validationError: "BadRequestException",
    mutates: true,
    handler: deleteProfileObject,
  },
];
