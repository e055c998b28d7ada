import { awsError } from "./errors";
import type { Route } from "./router";

/** A request body as JSON; an empty body is `{}`, as restJson1 clients send none for no members. */
export function jsonBody(body: string): unknown {
  if (body.trim().length === 0) return {};
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw awsError("SerializationException", "The request body is not valid JSON.");
  }
}

/**
 * An operation's input from a request, bound as restJson1 binds it: the body's members, then the
 * query parameters the route declares, then the path labels.
 */
export function bindInput(
  route: Route,
  labels: Record<string, string>,
  url: URL,
  body: string,
): Record<string, unknown> {
  const parsed = jsonBody(body);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw awsError("SerializationException", "The request body must be a JSON object.");
  }
  const input: Record<string, unknown> = { ...(parsed as Record<string, unknown>) };
  for (const [name, binding] of Object.entries(route.query ?? {})) {
    const v = url.searchParams.get(name);
    if (v === null) continue;
    if (binding.type === "integer") {
      if (!/^-?\d+$/.test(v))
        throw awsError(route.validationError, `Query parameter ${name} must be an integer`);
      input[binding.member] = Number(v);
    } else {
      input[binding.member] = v;
    }
  }
  Object.assign(input, labels);
  return input;
}
