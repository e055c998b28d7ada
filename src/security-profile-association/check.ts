import type { ProviderSettings } from "../aws/settings";
import { Checker, type CheckFailure } from "../validation/checker";
import { containsUnknown, isUnknown } from "../validation/unknown";
import { checkArnScope } from "../validation/arn-scope";
import { checkedRegion } from "../validation/region";

export const ENTITY_TYPES = ["AI_AGENT", "USER"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * A Q in Connect AI agent ARN. The API bounds EntityArn only by length (>= 1); the shape is this
 * project's rule, so a typo fails at preview instead of as a 404.
 */
export const AI_AGENT_ARN =
  /^arn:aws[a-z-]*:wisdom:[a-z0-9-]+:\d{12}:ai-agent\/[A-Za-z0-9-]+\/[A-Za-z0-9-]+$/;
export const AI_AGENT_ARN_HINT =
  "arn:<partition>:wisdom:<region>:<account>:ai-agent/<assistantId>/<aiAgentId>";
/** A Connect user ARN; DescribeUser and UpdateUserSecurityProfiles take the user id at its end. */
export const USER_ARN =
  /^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance\/([A-Za-z0-9-]+)\/agent\/([A-Za-z0-9-]+)$/;
export const USER_ARN_HINT =
  "arn:<partition>:connect:<region>:<account>:instance/<instanceId>/agent/<userId>";

/** UpdateUserSecurityProfiles takes 1-10 ids, which is also how many a user may hold. */
export const USER_MAX_SECURITY_PROFILES = 10;

/** Checked inputs: what create, diff and update receive (ids sorted, region and exclusive filled in). */
export interface SecurityProfileAssociationInputs {
  instanceId: string;
  region: string;
  entityType: EntityType;
  entityArn: string;
  securityProfileIds: string[];
  exclusive: boolean;
}

/** The user id at the end of a user ARN. */
export function userIdOf(userArn: string): string {
  return USER_ARN.exec(userArn)?.[2] ?? "";
}

function checkIds(c: Checker, value: unknown, entityType: unknown): string[] | undefined {
  const property = "securityProfileIds";
  if (isUnknown(value)) return undefined;
  if (value === undefined || value === null) {
    c.fail(property, `${property} is required`);
    return undefined;
  }
  if (!Array.isArray(value)) {
    c.fail(property, `${property} must be a list of security profile ids`);
    return undefined;
  }
  const before = c.failures.length;
  if (value.length === 0) c.fail(property, `${property} must list at least 1 security profile id, got none`);
  if (entityType === "USER" && value.length > USER_MAX_SECURITY_PROFILES)
    c.fail(
      property,
      `${property} may list at most ${USER_MAX_SECURITY_PROFILES} ids for a USER (a user holds 1-${USER_MAX_SECURITY_PROFILES} security profiles), got ${value.length}`,
    );
  value.forEach((id, i) => c.string(`${property}[${i}]`, id, { required: true, min: 1 }));
  const known = value.filter((v): v is string => typeof v === "string" && !isUnknown(v));
  const dups = [...new Set(known.filter((id, i) => known.indexOf(id) !== i))];
  if (dups.length > 0)
    c.fail(property, `${property} must not repeat an id, got ${dups.map((d) => `'${d}'`).join(", ")} twice`);
  if (c.failures.length > before || containsUnknown(value)) return undefined;
  return [...known].sort();
}

/**
 * Validates and normalises SecurityProfileAssociation inputs: InstanceId 1-100 and EntityType
 * USER | AI_AGENT (the API's constraints), the ARN shape of the entity type, at least one security
 * profile id and none twice, at most 10 for a user. The ids are sorted, so that a reordering is no
 * change. Unknown preview values pass.
 */
export function checkSecurityProfileAssociation(
  news: Record<string, unknown>,
  settings: ProviderSettings,
): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const c = new Checker();
  const instanceId = c.string("instanceId", news["instanceId"], { required: true, min: 1, max: 100 });
  const region = checkedRegion(c, news["region"], settings);
  c.boolean("exclusive", news["exclusive"]);
  const entityType = c.string("entityType", news["entityType"], { required: true, enum: ENTITY_TYPES });
  const arnRule =
    entityType === "USER"
      ? { pattern: USER_ARN, patternHint: USER_ARN_HINT }
      : entityType === "AI_AGENT"
        ? { pattern: AI_AGENT_ARN, patternHint: AI_AGENT_ARN_HINT }
        : {};
  const entityArn = c.string("entityArn", news["entityArn"], { required: true, min: 1, ...arnRule });
  checkArnScope(c, { instanceId, region }, [{ property: "entityArn", value: entityArn }]);
  const ids = checkIds(c, news["securityProfileIds"], news["entityType"]);

  const out: Record<string, unknown> = {
    ...news,
    region,
    exclusive: news["exclusive"] ?? false,
    ...(ids ? { securityProfileIds: ids } : {}),
  };
  return { inputs: c.failures.length === 0 ? out : news, failures: c.failures };
}
