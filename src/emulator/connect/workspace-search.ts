import { awsError } from "../core/errors";
import { enumOf } from "../core/model";
import { CONNECT_MODEL } from "../models";

/**
 * SearchWorkspaceAssociations' SearchCriteria (and, below, its SearchFilter): a tree of OrConditions / AndConditions with
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
/** The model's StringComparisonType. */
const COMPARISONS = enumOf(CONNECT_MODEL, "StringComparisonType");
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
  if (typeof comparison !== "string" || !COMPARISONS.includes(comparison))
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

/*
 * SearchWorkspaceAssociations' SearchFilter: `{ AttributeFilter }`, a ControlPlaneAttributeFilter
 * whose OrConditions (a list of `{ TagConditions: [...] }`, each list all holding), AndCondition
 * (`{ TagConditions }`, all holding) and TagCondition (`{ TagKey, TagValue }`) are the model's; its
 * documentation says only that it "accepts an OR or AND (List of List) input".
 *
 * The emulator's choices where the reference is silent: the tags are those of the associated user
 * or routing profile (the seed's `tags`); a TagCondition holds when that resource has the tag TagKey
 * with the value TagValue, both compared as given; exactly one of OrConditions, AndCondition and
 * TagCondition is given, and at most 25 tag conditions in all, as the reference says of
 * ControlPlaneUserAttributeFilter (SearchUsers); a TagCondition without TagKey or TagValue, an
 * empty list or another shape is InvalidParameterException. A SearchFilter without AttributeFilter
 * filters nothing.
 */

const FILTER_PARTS = ["OrConditions", "AndCondition", "TagCondition"] as const;
const MAX_TAG_CONDITIONS = 25;

type TagPredicate = (tags: Readonly<Record<string, string>>) => boolean;

function tagCondition(raw: unknown, where: string): TagPredicate {
  const c = asObject(raw, where);
  const { TagKey: key, TagValue: value } = c;
  if (typeof key !== "string" || key.length === 0) invalid(`${where}.TagKey is required`);
  if (typeof value !== "string") invalid(`${where}.TagValue is required`);
  return (tags) => Object.hasOwn(tags, key) && tags[key] === value;
}

/** `{ TagConditions: [...] }`: every condition holds. */
function andCondition(raw: unknown, where: string, count: { n: number }): TagPredicate {
  const list = asList(asObject(raw, where)["TagConditions"], `${where}.TagConditions`);
  if (list.length === 0) invalid(`${where}.TagConditions must not be empty`);
  count.n += list.length;
  const all = list.map((x, i) => tagCondition(x, `${where}.TagConditions[${i}]`));
  return (tags) => all.every((p) => p(tags));
}

/** The predicate on a resource's tags of a request's SearchFilter (absent: every resource). */
export function tagFilterPredicate(filter: unknown): TagPredicate {
  if (filter === undefined) return () => true;
  const raw = asObject(filter, "SearchFilter")["AttributeFilter"];
  if (raw === undefined) return () => true;
  const f = asObject(raw, "SearchFilter.AttributeFilter");
  const given = FILTER_PARTS.filter((k) => f[k] !== undefined);
  if (given.length !== 1)
    invalid(`SearchFilter.AttributeFilter must give exactly one of ${FILTER_PARTS.join(", ")}`);
  const where = `SearchFilter.AttributeFilter.${given[0]}`;
  const count = { n: 0 };
  let predicate: TagPredicate;
  if (given[0] === "TagCondition") {
    count.n = 1;
    predicate = tagCondition(f["TagCondition"], where);
  } else if (given[0] === "AndCondition") {
    predicate = andCondition(f["AndCondition"], where, count);
  } else {
    const ors = asList(f["OrConditions"], where);
    if (ors.length === 0) invalid(`${where} must not be empty`);
    const any = ors.map((x, i) => andCondition(x, `${where}[${i}]`, count));
    predicate = (tags) => any.some((p) => p(tags));
  }
  if (count.n > MAX_TAG_CONDITIONS)
    invalid(`SearchFilter holds ${count.n} tag conditions; at most ${MAX_TAG_CONDITIONS} are allowed`);
  return predicate;
}
