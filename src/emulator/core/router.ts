import type { ErrorCode } from "./errors";
import type { ModelReader, OperationContract } from "./model";
import type { EmulatorState } from "../state";

/** What a handler sees besides its input. */
export interface HandlerContext {
  state: EmulatorState;
  /** The Region of the request's credential scope. */
  region: string;
  now: number;
}

/**
 * The semantics of one operation, which hand-written code gives: everything on the wire (binding,
 * constraints, modelled errors, output shape, idempotency token) comes from AWS's model instead.
 * `Code` is the service's error codes, so that a route answers only errors its own service has.
 */
export interface Route<Code extends ErrorCode = ErrorCode> {
  operation: string;
  /**
   * Which of the operation's modelled 400 errors answers a request that breaks the model's
   * constraints: models list several (InvalidRequestException and InvalidParameterException) and say
   * nothing of which one answers bad input, so this is the emulator's choice.
   */
  validationError: Code;
  /** A rule of the API reference that the model does not state: exactly one of these input members. */
  exactlyOneOf?: readonly string[];
  /** Whether a success changes state (persisted with --data-dir; reads see lag). */
  mutates: boolean;
  handler: (ctx: HandlerContext, input: Record<string, unknown>) => unknown;
}

/** A route with its operation's wire contract from the model. */
export interface BoundRoute extends Route {
  contract: OperationContract;
}

interface Compiled {
  route: BoundRoute;
  segments: (string | { label: string })[];
}

/** The route of `route.operation`, bound to its contract in `model`; refuses what the model contradicts. */
export function bindRoute(model: ModelReader, route: Route): BoundRoute {
  const contract = model.contract(route.operation);
  if (contract.errors[route.validationError] !== 400) {
    throw new Error(
      `${route.operation}: ${route.validationError} is not one of its modelled 400 errors (${Object.keys(contract.errors).join(", ")})`,
    );
  }
  const input = contract.input;
  if (route.exactlyOneOf) {
    if (input.kind !== "structure") throw new Error(`${route.operation}: its input is not a structure`);
    const unknown = route.exactlyOneOf.filter((m) => !(m in input.members));
    if (unknown.length > 0) throw new Error(`${route.operation}: no input member ${unknown.join(", ")}`);
    return { ...route, contract: { ...contract, input: { ...input, exactlyOneOf: route.exactlyOneOf } } };
  }
  return { ...route, contract };
}

/** Matches method + path against a service's route table. */
export class Router {
  private readonly compiled: Compiled[];

  /** The routes of one service, each bound to its operation in the service's model. */
  constructor(model: ModelReader, routes: readonly Route[]) {
    this.compiled = routes.map((r) => {
      const route = bindRoute(model, r);
      return {
        route,
        segments: route.contract.path
          .split("/")
          .slice(1)
          .map((s) => {
            if (!s.startsWith("{") || !s.endsWith("}")) return s;
            // No in-scope operation has a greedy label ({Label+}): refuse one rather than misread it.
            if (s.endsWith("+}")) throw new Error(`${r.operation}: greedy label ${s} is not read here`);
            return { label: s.slice(1, -1) };
          }),
      };
    });
  }

  /** The route of a request's method and path, and its path labels (decoded), as restJson1 binds them. */
  match(method: string, rawPath: string): { route: BoundRoute; labels: Record<string, string> } | undefined {
    const parts = rawPath.split("/").slice(1);
    for (const c of this.compiled) {
      if (c.route.contract.method !== method) continue;
      const labels = matchSegments(c.segments, parts);
      if (labels) return { route: c.route, labels };
    }
    return undefined;
  }
}

/** The labels of `parts` against a path template's segments; undefined when they do not match. */
function matchSegments(
  segments: Compiled["segments"],
  parts: readonly string[],
): Record<string, string> | undefined {
  if (parts.length !== segments.length) return undefined;
  const labels: Record<string, string> = {};
  for (const [i, seg] of segments.entries()) {
    const part = parts[i] ?? "";
    if (typeof seg === "string") {
      if (seg !== part) return undefined;
      continue;
    }
    if (part.length === 0) return undefined;
    try {
      labels[seg.label] = decodeURIComponent(part);
    } catch {
      return undefined;
    }
  }
  return labels;
}
