import { awsError } from "./errors";
import type { BoundRoute } from "./router";

/** A request body as JSON; an empty body is `{}`, as restJson1 clients send none for no members. */
export function jsonBody(body: string): unknown {
  if (body.trim().length === 0) return {};
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw awsError("SerializationException", "The request body is not valid JSON.");
  }
}

/** One path label, query parameter or header value as its member's type, as restJson1 reads it. */
function scalar(route: BoundRoute, where: string, type: string, v: string): unknown {
  switch (type) {
    case "integer":
    case "long":
      if (!/^-?\d+$/.test(v)) throw awsError(route.validationError, `${where} must be an integer`);
      return Number(v);
    case "double":
    case "float":
      if (Number.isNaN(Number(v))) throw awsError(route.validationError, `${where} must be a number`);
      return Number(v);
    case "boolean":
      if (v !== "true" && v !== "false")
        throw awsError(route.validationError, `${where} must be true or false`);
      return v === "true";
    default:
      return v;
  }
}

/**
 * An operation's input from a request, bound as restJson1 binds it by the operation's model: the
 * body's members that are bound nowhere else, the query parameters, the headers and the path labels.
 * Anything else in the body is not part of the input.
 */
export function bindInput(
  route: BoundRoute,
  labels: Record<string, string>,
  url: URL,
  body: string,
  headers: Readonly<Record<string, string | string[] | undefined>> = {},
): Record<string, unknown> {
  const parsed = jsonBody(body);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw awsError("SerializationException", "The request body must be a JSON object.");
  }
  const { contract } = route;
  const fromBody = parsed as Record<string, unknown>;
  const input: Record<string, unknown> = {};
  for (const member of contract.bodyMembers) {
    if (fromBody[member] !== undefined) input[member] = fromBody[member];
  }
  for (const [name, b] of Object.entries(contract.query)) {
    const where = `Query parameter ${name}`;
    if (b.type === "list") {
      const all = url.searchParams.getAll(name);
      if (all.length > 0) input[b.member] = all.map((v) => scalar(route, where, b.memberType ?? "string", v));
      continue;
    }
    const v = url.searchParams.get(name);
    if (v !== null) input[b.member] = scalar(route, where, b.type, v);
  }
  for (const [name, b] of Object.entries(contract.headers)) {
    const v = headers[name];
    if (typeof v === "string") input[b.member] = scalar(route, `Header ${name}`, b.type, v);
  }
  for (const [name, b] of Object.entries(contract.labels)) {
    const v = labels[name];
    if (v !== undefined) input[b.member] = scalar(route, `Path label ${name}`, b.type, v);
  }
  return input;
}
