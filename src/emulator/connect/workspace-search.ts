import { awsError } from "../core/errors";

/**
 * SearchWorkspaceAssociations' SearchCriteria: a tree of OrConditions / AndConditions with
 * StringCondition leaves (ComparisonType STARTS_WITH | CONTAINS | EXACT, from the API reference).
 *
 * The reference documents no FieldName values. This emulator's decision: the fields are
 * workspaceId, resourceId and resourceType, their names matched without regard to case; any other
 * name, or a leaf missing FieldName / Value / ComparisonType, is InvalidParameterException. Values
 * are compared as given (case-sensitive). A node's parts must all hold; a node with none matches.
 */

/** What a criteria leaf can look at in one association. */
export interface SearchableAssociation {
  workspaceId: string;
  resourceId: string;
  resourceType: string;
}

export const SEARCH_FIELDS = ["workspaceId", "resourceId", "resourceType"] as const;
const COMPARISONS = ["STARTS_WITH", "CONTAINS", "EXACT"] as const;
/** Deeper trees are refused: the reference gives no bound, and recursion must stop somewhere. */
const MAX_DEPTH = 10;

type Predicate = (a: SearchableAssociation) => boolean;

function invalid(message: string): never {
  throw awsError("InvalidParameterException", message);
}

function asObject(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    invalid(`${where} must be an object`);
  return value as Record<string, unknown>;
}

function asList(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) invalid(`${where} must be a list`);
  return value;
}

function leaf(raw: unknown, where: string): Predicate {
  const c = asObject(raw, where);
  const { FieldName: field, Value: value, ComparisonType: comparison } = c;
  if (typeof field !== "string") invalid(`${where}.FieldName is required`);
  if (typeof value !== "string") invalid(`${where}.Value is required`);
  if (typeof comparison !== "string" || !(COMPARISONS as readonly string[]).includes(comparison))
    invalid(`${where}.ComparisonType must be one of ${COMPARISONS.join(", ")}`);
  const known = SEARCH_FIELDS.find((f) => f.toLowerCase() === field.toLowerCase());
  if (!known)
    invalid(
      `FieldName '${field}' is not supported for workspace associations; use one of ${SEARCH_FIELDS.join(", ")}`,
    );
  return (a) => {
    const actual = a[known];
    if (comparison === "EXACT") return actual === value;
    if (comparison === "STARTS_WITH") return actual.startsWith(value);
    return actual.includes(value);
  };
}

function node(raw: unknown, where: string, depth: number): Predicate {
  if (depth > MAX_DEPTH) invalid(`SearchCriteria is nested deeper than ${MAX_DEPTH} levels`);
  const c = asObject(raw, where);
  const parts: Predicate[] = [];
  if (c["OrConditions"] !== undefined) {
    const ors = asList(c["OrConditions"], `${where}.OrConditions`).map((x, i) =>
      node(x, `${where}.OrConditions[${i}]`, depth + 1),
    );
    parts.push((a) => ors.some((p) => p(a)));
  }
  if (c["AndConditions"] !== undefined) {
    const ands = asList(c["AndConditions"], `${where}.AndConditions`).map((x, i) =>
      node(x, `${where}.AndConditions[${i}]`, depth + 1),
    );
    parts.push((a) => ands.every((p) => p(a)));
  }
  if (c["StringCondition"] !== undefined) parts.push(leaf(c["StringCondition"], `${where}.StringCondition`));
  return (a) => parts.every((p) => p(a));
}

/** The predicate of a request's SearchCriteria (absent: everything matches). */
export function criteriaPredicate(criteria: unknown): Predicate {
  return criteria === undefined ? () => true : node(criteria, "SearchCriteria", 0);
}
