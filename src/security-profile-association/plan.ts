import { USER_MAX_SECURITY_PROFILES } from "./check";

/** What one write does to an entity's security profiles. */
export interface ProfilePlan {
  add: string[];
  remove: string[];
}

/**
 * From what the entity has now to what the resource wants: add what is missing; remove what the
 * resource managed before and no longer lists, or, when exclusive, everything not listed. Only the
 * difference: a profile already in place costs no call.
 */
export function planProfiles(
  current: readonly string[],
  wanted: readonly string[],
  managedBefore: readonly string[],
  exclusive: boolean,
): ProfilePlan {
  const want = new Set(wanted);
  const have = new Set(current);
  const before = new Set(managedBefore);
  return {
    add: wanted.filter((id) => !have.has(id)),
    remove: current.filter((id) => !want.has(id) && (exclusive || before.has(id))),
  };
}

/**
 * The `securityProfileIds` output: of the managed ids, those really attached, sorted; when
 * exclusive, everything attached, so that a stray profile shows as drift and the next update
 * removes it.
 */
export function observedProfiles(
  attached: Iterable<string>,
  managed: readonly string[],
  exclusive: boolean,
): string[] {
  const ours = new Set(managed);
  return [...new Set(attached)].filter((id) => exclusive || ours.has(id)).sort();
}

/**
 * The whole list UpdateUserSecurityProfiles must send for `plan`, keeping every profile the
 * resource does not manage; undefined when the user already has it (no call). Fails, saying why,
 * when the user would hold more than 10 profiles or none (Connect requires 1-10).
 */
export function userProfileList(
  current: readonly string[],
  plan: ProfilePlan,
  user: string,
): string[] | undefined {
  if (plan.add.length === 0 && plan.remove.length === 0) return undefined;
  const removed = new Set(plan.remove);
  const next = [...current.filter((id) => !removed.has(id)), ...plan.add];
  if (next.length > USER_MAX_SECURITY_PROFILES) {
    throw new Error(
      `${user} would hold ${next.length} security profiles (${next.join(", ")}), but Amazon Connect allows a user at most ${USER_MAX_SECURITY_PROFILES}: ` +
        `list fewer in securityProfileIds, set exclusive: true to replace the profiles this resource does not manage, or remove some from the user first`,
    );
  }
  if (next.length === 0) {
    throw new Error(
      `Cannot remove security profiles ${plan.remove.join(", ")} from ${user}: they are all it has, and Amazon Connect requires a user to keep at least one security profile. ` +
        `Give the user another security profile first (in the console, or by listing it in this resource), or delete the user instead`,
    );
  }
  return next;
}
