import { boundOf } from "../core/model";
import { page } from "../core/pagination";
import type { HandlerContext, Route } from "../core/router";
import { CONNECT_MODEL } from "../models";
import { visibleAt, type UserState } from "../state";
import type { ConnectErrorCode } from "./errors";
import { findInstance } from "./lookup";

/**
 * ListUsers: the users of an instance.
 *
 * From the model: GET /users-summary/{InstanceId}?maxResults&nextToken, MaxResults 1-1000, answering
 * UserSummaryList of UserSummary { Id, Arn, Username (AgentUsername, 1-100 characters),
 * LastModifiedTime, LastModifiedRegion } and NextToken; errors InvalidRequest and InvalidParameter
 * (400), ResourceNotFound (404), Throttling, InternalService. From the API reference: "The default
 * MaxResult size is 100".
 *
 * The emulator's choices where the reference is silent (also in docs/emulator.md):
 * - a user's Username is the seed's `username`, by default its id (the seed refuses two users of an
 *   instance with the same one, as Connect's usernames are unique in an instance);
 * - the emulator keeps no time a user was changed: LastModifiedTime is when a user seeded with
 *   `visibleAfterMs` became visible, and the epoch for one that exists from the start (as GetDomain
 *   answers for a domain whose creation time is unknown); LastModifiedRegion is the instance's Region;
 * - users are listed in the seed's order; a user not yet visible is not listed;
 * - bad input answers InvalidRequestException, as DescribeUser does here.
 */

/** What the seed may say of a user beyond what DescribeUser answers, kept only when it gives it. */
export interface UserDetails {
  /** Default: the user's id. */
  username?: string;
}
export type SeededUser = UserState & UserDetails;

/** AgentUsername's bounds in the model. */
export const USERNAME_MIN = boundOf(CONNECT_MODEL, "AgentUsername", "min");
export const USERNAME_MAX = boundOf(CONNECT_MODEL, "AgentUsername", "max");
/** Page size of ListUsers when MaxResults is absent ("The default MaxResult size is 100"). */
export const LIST_USERS_DEFAULT_PAGE = 100;

/** A user's Username: the seed's, else its id. */
export function usernameOf(user: SeededUser): string {
  return user.username ?? user.id;
}

function listUsers(ctx: HandlerContext, raw: Record<string, unknown>): object {
  const input = raw as { InstanceId: string; MaxResults?: number; NextToken?: string };
  const inst = findInstance(ctx, input.InstanceId);
  const users = inst.users
    .filter((u) => visibleAt(u, ctx.now))
    .map((u) => ({
      Id: u.id,
      Arn: u.arn,
      Username: usernameOf(u),
      LastModifiedTime: (u.visibleFrom ?? 0) / 1000,
      LastModifiedRegion: inst.region,
    }));
  const p = page(users, {
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    defaultMax: LIST_USERS_DEFAULT_PAGE,
    query: `ListUsers:${inst.id}`,
    errorCode: "InvalidRequestException",
  });
  return { UserSummaryList: p.items, ...(p.nextToken ? { NextToken: p.nextToken } : {}) };
}

export const userRoutes: Route<ConnectErrorCode>[] = [
  {
    operation: "ListUsers",
    validationError: "InvalidRequestException",
    mutates: false,
    handler: listUsers,
  },
];
