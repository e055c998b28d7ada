import type { ProviderSettings } from "../aws/settings";
import { Checker, type CheckFailure } from "../validation/checker";
import { containsUnknown, isUnknown } from "../validation/unknown";
import { checkArnScope } from "../validation/arn-scope";
import { checkedRegion } from "../validation/region";

/**
 * A user or routing-profile ARN. The API reference says only that the valid resource types are users
 * and routing profiles; the shape (Connect's `instance/<id>/agent/<id>` and
 * `instance/<id>/routing-profile/<id>`) is this project's rule, so a wrong type fails at preview.
 */
export const WORKSPACE_RESOURCE_ARN =
  /^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance\/[^/\s|]+\/(agent|routing-profile)\/[^/\s]+$/;
export const WORKSPACE_RESOURCE_ARN_HINT =
  "a user ARN (arn:<partition>:connect:<region>:<account>:instance/<instanceId>/agent/<userId>) or a routing-profile ARN (…/instance/<instanceId>/routing-profile/<routingProfileId>)";

/** Checked inputs: what create, diff and update receive (region filled in, resourceArns sorted). */
export interface WorkspaceAssociationInputs {
  instanceId: string;
  workspaceId: string;
  region: string;
  resourceArns: string[];
}

function checkResourceArns(c: Checker, value: unknown): string[] | undefined {
  if (isUnknown(value)) return undefined;
  if (value === undefined || value === null) {
    c.fail("resourceArns", "resourceArns is required");
    return undefined;
  }
  if (!Array.isArray(value)) {
    c.fail("resourceArns", "resourceArns must be a list of ARNs");
    return undefined;
  }
  if (value.length === 0) c.fail("resourceArns", "resourceArns must hold at least 1 ARN, got none");
  value.forEach((arn, i) => {
    const property = `resourceArns[${i}]`;
    // Shown whole, unlike Checker's shortened values: the end of an ARN is what tells its type.
    if (c.string(property, arn, { required: true }) !== undefined && !WORKSPACE_RESOURCE_ARN.test(arn))
      c.fail(property, `${property} must be ${WORKSPACE_RESOURCE_ARN_HINT}, got '${arn}'`);
  });
  const seen = new Set<unknown>();
  const repeated = new Set<string>();
  for (const arn of value) {
    if (typeof arn !== "string" || isUnknown(arn)) continue;
    if (seen.has(arn)) repeated.add(arn);
    seen.add(arn);
  }
  if (repeated.size > 0)
    c.fail(
      "resourceArns",
      `resourceArns must not repeat an ARN: ${[...repeated].map((a) => `'${a}'`).join(", ")} ${repeated.size === 1 ? "appears" : "appear"} more than once`,
    );
  return value as string[];
}

/**
 * Validates and normalises WorkspaceAssociation inputs: InstanceId 1-100 and WorkspaceId 1-256 (from
 * the API reference), at least one resource ARN, each a user or routing-profile ARN, no ARN twice
 * (any count: the provider batches). resourceArns is sorted, so a reorder is no change. Unknown
 * preview values pass.
 */
export function checkWorkspaceAssociation(
  news: Record<string, unknown>,
  settings: ProviderSettings,
): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const c = new Checker();
  const instanceId = c.string("instanceId", news["instanceId"], { required: true, min: 1, max: 100 });
  c.string("workspaceId", news["workspaceId"], { required: true, min: 1, max: 256 });
  const region = checkedRegion(c, news["region"], settings);
  const arns = checkResourceArns(c, news["resourceArns"]);
  if (arns)
    checkArnScope(
      c,
      { instanceId, region },
      arns.map((value, i) => ({ property: `resourceArns[${i}]`, value })),
    );
  const out: Record<string, unknown> = { ...news, region };
  if (arns && !containsUnknown(arns)) out["resourceArns"] = [...arns].sort();
  return { inputs: c.failures.length === 0 ? out : news, failures: c.failures };
}
