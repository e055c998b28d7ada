import { awsError } from "../core/errors";
import type { HandlerContext, Route } from "../core/router";
import { visibleAt, type UserState } from "../state";
import type { ConnectErrorCode } from "./errors";
import { findInstance } from "./lookup";
import { checkProfileIds } from "./security-profiles";

/**
 * DescribeUser and UpdateUserSecurityProfiles: a user's security profiles, always set as a whole.
 *
 * The bindings, constraints, errors and output shapes are the model's
 * (src/emulator/models/connect.json): SecurityProfileIds 1-10 items, which is also how a user always
 * holds between 1 and 10 profiles.
 *
 * Decided here where the reference is silent: constraint violations answer 400
 * InvalidRequestException (as every Connect operation of this emulator); a list naming one profile
 * twice answers 400 InvalidParameterException; unknown instance, user or profile answer 404
 * ResourceNotFoundException. DescribeUser answers the fields the emulator knows: Id, Arn,
 * SecurityProfileIds (in the order they were set) and, for a user seeded with `tags`, Tags (User.Tags
 * in the model).
 */

function findUser(ctx: HandlerContext, instanceId: string, userId: string): UserState {
  const inst = findInstance(ctx, instanceId);
  const user = inst.users.find((u) => u.id === userId && visibleAt(u, ctx.now));
  if (!user) throw awsError("ResourceNotFoundException", `User not found: ${userId}`);
  return user;
}

function describeUser(ctx: HandlerContext, raw: Record<string, unknown>): object {
  const input = raw as { InstanceId: string; UserId: string };
  const user = findUser(ctx, input.InstanceId, input.UserId);
  return {
    User: {
      Id: user.id,
      Arn: user.arn,
      SecurityProfileIds: [...user.securityProfileIds],
      ...(user.tags === undefined ? {} : { Tags: { ...user.tags } }),
    },
  };
}

function updateUserSecurityProfiles(ctx: HandlerContext, raw: Record<string, unknown>): undefined {
  const input = raw as { InstanceId: string; UserId: string; SecurityProfileIds: string[] };
  const inst = findInstance(ctx, input.InstanceId);
  const user = findUser(ctx, input.InstanceId, input.UserId);
  const ids = input.SecurityProfileIds;
  checkProfileIds(inst, ids, ctx.now);
  user.securityProfileIds = [...ids];
  return undefined;
}

export const userSecurityProfileRoutes: Route<ConnectErrorCode>[] = [
  {
    operation: "DescribeUser",
    validationError: "InvalidRequestException",
    mutates: false,
    handler: describeUser,
  },
  {
    operation: "UpdateUserSecurityProfiles",
    validationError: "InvalidRequestException",
    mutates: true,
    handler: updateUserSecurityProfiles,
  },
];
