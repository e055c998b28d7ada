import type { Shape } from "./constraints";
import type { ErrorCode } from "./errors";
import type { EmulatorState } from "../state";

/** What a handler sees besides its input. */
export interface HandlerContext {
  state: EmulatorState;
  /** The Region of the request's credential scope. */
  region: string;
  now: number;
}

/** A query-string parameter bound to an input member, as in the restJson1 `@httpQuery` trait. */
export interface QueryBinding {
  member: string;
  type: "string" | "integer";
}

/**
 * One operation of a service: its HTTP binding, its constraints and its handler. `Code` is the
 * service's error codes, so that a route answers only errors its own service has.
 */
export interface Route<Code extends ErrorCode = ErrorCode> {
  operation: string;
  method: "GET" | "PUT" | "POST" | "DELETE" | "PATCH";
  /** Path template with `{Label}` segments bound to input members. */
  path: string;
  query?: Record<string, QueryBinding>;
  input: Shape;
  /** The error code AWS documents for a request that breaks the constraints. */
  validationError: Code;
  /** Input member that carries the ClientToken, where the operation has one. */
  idempotencyToken?: string;
  /** Whether a success changes state (persisted with --data-dir). */
  mutates: boolean;
  handler: (ctx: HandlerContext, input: Record<string, unknown>) => unknown;
}

interface Compiled {
  route: Route;
  segments: (string | { label: string })[];
}

/** Matches method + path against a service's route table. */
export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => ({
      route,
      segments: route.path
        .split("/")
        .slice(1)
        .map((s) => (s.startsWith("{") && s.endsWith("}") ? { label: s.slice(1, -1) } : s)),
    }));
  }

  match(method: string, rawPath: string): { route: Route; labels: Record<string, string> } | undefined {
    const parts = rawPath.split("/").slice(1);
    for (const c of this.compiled) {
      if (c.route.method !== method || c.segments.length !== parts.length) continue;
      const labels: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const seg = c.segments[i];
        const part = parts[i] ?? "";
        if (seg === undefined) ok = false;
        else if (typeof seg === "string") ok = seg === part;
        else {
          try {
            labels[seg.label] = decodeURIComponent(part);
          } catch {
            ok = false;
          }
          ok = ok && part.length > 0;
        }
      }
      if (ok) return { route: c.route, labels };
    }
    return undefined;
  }
}
