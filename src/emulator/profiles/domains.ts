import { page } from "../core/pagination";
import type { HandlerContext, Route } from "../core/router";
import { visibleAt } from "../state";
import type { ProfilesErrorCode } from "./errors";
import { findDomain } from "./store";

/**
 * GetDomain and SearchProfiles. From the model: GET /domains/{DomainName} answering DomainName,
 * CreatedAt and LastUpdatedAt (required) and the optional Stats { ProfileCount, ObjectCount, … };
 * POST /domains/{DomainName}/profiles/search with KeyName and Values (required), AdditionalSearchKeys
 * (1-4 `{ KeyName, Values }`), LogicalOperator AND | OR ("The OR relationship is the default"),
 * MaxResults 1-100 ("The default is 20") and NextToken in the query, answering Items of Profile
 * with FoundByItems; both document BadRequest (400) and ResourceNotFound (404). The search keys the
 * documentation lists include `_profileId`.
 *
 * The emulator's choices where the reference is silent or the seed knows nothing: the domain came to
 * exist when its seed was loaded (or, with `visibleAfterMs`, became visible), which is both its
 * CreatedAt and LastUpdatedAt; Stats counts the profiles that exist and their objects; the only
 * search key the emulator's profiles have is `_profileId` (a profile matches when its id is one of
 * the key's Values), so any other key matches no profile; profiles are listed in the seed's order, each
 * as `{ ProfileId, FoundByItems }`, FoundByItems being the request's key-value pairs the profile
 * matched (with AND, all of them, as the reference says).
 */

/** Page size of SearchProfiles when MaxResults is absent ("The default is 20"). */
export const SEARCH_PROFILES_DEFAULT_PAGE = 20;

function getDomain(ctx: HandlerContext, raw: Record<string, unknown>): object {
  const domain = findDomain(ctx, (raw as { DomainName: string }).DomainName);
  const profiles = domain.profiles.filter((p) => visibleAt(p, ctx.now));
  // A domain of a state persisted before createdAt was kept answers the epoch.
  const created = (domain.createdAt ?? 0) / 1000;
  return {
    DomainName: domain.name,
    CreatedAt: created,
    LastUpdatedAt: created,
    Stats: {
      ProfileCount: profiles.length,
      ObjectCount: profiles.reduce((n, p) => n + p.objects.length, 0),
    },
  };
}

interface SearchKey {
  KeyName: string;
  Values: string[];
}

function searchProfiles(ctx: HandlerContext, raw: Record<string, unknown>): object {
  const input = raw as {
    DomainName: string;
    KeyName: string;
    Values: string[];
    AdditionalSearchKeys?: SearchKey[];
    LogicalOperator?: "AND" | "OR";
    MaxResults?: number;
    NextToken?: string;
  };
  const domain = findDomain(ctx, input.DomainName);
  const keys: SearchKey[] = [
    { KeyName: input.KeyName, Values: input.Values },
    ...(input.AdditionalSearchKeys ?? []),
  ];
  const all = input.LogicalOperator === "AND";
  const found = domain.profiles
    .filter((p) => visibleAt(p, ctx.now))
    .map((p) => ({ p, by: keys.filter((k) => k.KeyName === "_profileId" && k.Values.includes(p.id)) }))
    .filter(({ by }) => (all ? by.length === keys.length : by.length > 0))
    .map(({ p, by }) => ({
      ProfileId: p.id,
      FoundByItems: by.map((k) => ({ KeyName: k.KeyName, Values: [...k.Values] })),
    }));
  const p = page(found, {
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    defaultMax: SEARCH_PROFILES_DEFAULT_PAGE,
    query: `SearchProfiles:${domain.name}:${JSON.stringify([keys, all])}`,
    errorCode: "BadRequestException",
  });
  return { Items: p.items, ...(p.nextToken ? { NextToken: p.nextToken } : {}) };
}

export const domainRoutes: Route<ProfilesErrorCode>[] = [
  { operation: "GetDomain", validationError: "BadRequestException", mutates: false, handler: getDomain },
  {
    operation: "SearchProfiles",
    validationError: "BadRequestException",
    mutates: false,
    handler: searchProfiles,
  },
];
