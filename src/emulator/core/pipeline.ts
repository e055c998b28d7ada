import { bindInput } from "./binding";
import { validate } from "./constraints";
import { AwsError, awsError, type ErrorCode } from "./errors";
import type { Faults } from "./faults";
import { fingerprint } from "./idempotency";
import type { LiveState } from "./live-state";
import type { Metrics } from "./metrics";
import type { Quotas } from "./quotas";
import type { Route, Router } from "./router";
import { credentialScope, type CredentialScope } from "./sigv4";

/** One emulated service: its operations, and the code of its own 500 error shape. */
export interface Service {
  router: Router;
  internalError: ErrorCode;
}

/** An API request, as the pipeline reads it. */
export interface ApiCall {
  method: string;
  url: URL;
  authorization: string | undefined;
  body: string;
}

/** What a call that did not fail answers, and how the answer is to be delivered. */
export interface Outcome {
  result: unknown;
  delayMs?: number;
  /** Drop the connection without applying anything (fault `reset-before`). */
  dropBefore?: boolean;
  /** Drop the connection after applying the operation (fault `reset-after`). */
  dropAfter?: boolean;
}

export interface PipelineParts {
  /** Services, keyed by the SigV4 signing name in the credential scope, as AWS routes them. */
  services: Readonly<Record<string, Service>>;
  live: LiveState;
  metrics: Metrics;
  quotas: Quotas;
  faults: Faults;
}

/** The injected faults that change how a call goes on, once the failing ones have been thrown. */
interface Injected {
  dropBefore: boolean;
  dropAfter: boolean;
  delayMs: number;
  lagMs: number;
}

/**
 * An API request's way through the emulator, in AWS's order: quota, faults, validation, idempotency,
 * lag, handler, persistence. A throttled or faulted call is refused before its input is read, and
 * nothing is persisted for a call that failed.
 */
export class Pipeline {
  constructor(private readonly parts: PipelineParts) {}

  run(call: ApiCall): Outcome {
    const scope = credentialScope(call.authorization);
    const service = this.parts.services[scope.service];
    if (!service) throw awsError("UnknownOperationException", `Service ${scope.service} is not emulated`);
    const match = service.router.match(call.method, call.url.pathname);
    if (!match)
      throw awsError("UnknownOperationException", `No operation for ${call.method} ${call.url.pathname}`);
    const now = Date.now();
    this.parts.metrics.call(match.route.operation, now);
    try {
      return this.operate(call, service, scope, match.route, match.labels, now);
    } catch (e) {
      if (e instanceof AwsError) this.parts.metrics.error(match.route.operation, e.code);
      throw e;
    }
  }

  private operate(
    call: ApiCall,
    service: Service,
    scope: CredentialScope,
    route: Route,
    labels: Record<string, string>,
    now: number,
  ): Outcome {
    const { live, quotas } = this.parts;
    if (!quotas.take(route.operation, `${scope.region}:${route.operation}`, now)) {
      throw awsError("ThrottlingException", "Rate exceeded");
    }
    const { dropBefore, dropAfter, delayMs, lagMs } = this.inject(route.operation, service);
    if (dropBefore) return { result: undefined, dropBefore };

    const input = bindInput(route, labels, call.url, call.body);
    validate(route.input, input, route.validationError);

    const token = clientToken(route, input);
    if (token) {
      const seen = live.tokens.lookup(route.operation, token.value, token.fingerprint, now);
      if (seen.hit) return { result: seen.body, delayMs };
      if (seen.conflict)
        throw awsError(route.validationError, "The ClientToken was already used with different parameters.");
    }

    if (route.mutates && lagMs > 0) live.lag.open(live.state, now, lagMs);
    const view = route.mutates ? live.state : live.lag.view(live.state, now);
    const result = route.handler({ state: view, region: scope.region, now }, input);

    if (token) live.tokens.record(route.operation, token.value, token.fingerprint, result, now);
    if (route.mutates || token) live.save();
    return { result, delayMs, dropAfter };
  }

  /** Draws this call's faults and throws the injected errors; reports the others. */
  private inject(operation: string, service: Service): Injected {
    const drawn = this.parts.faults.draw(operation);
    const kinds = new Set(drawn.map((f) => f.kind));
    const injected: Injected = {
      dropBefore: kinds.has("reset-before"),
      dropAfter: kinds.has("reset-after"),
      delayMs: drawn.find((f) => f.kind === "latency")?.latencyMs ?? 0,
      lagMs: drawn.find((f) => f.kind === "lag")?.lagMs ?? 0,
    };
    // A dropped connection wins over an injected error: the client never sees an answer.
    if (injected.dropBefore) return injected;
    if (kinds.has("throttle")) throw awsError("ThrottlingException", "Rate exceeded (injected)");
    if (kinds.has("internal")) throw awsError(service.internalError, "Internal failure (injected)");
    return injected;
  }
}

/** The request's ClientToken, where the operation has one and the request carries it. */
function clientToken(
  route: Route,
  input: Record<string, unknown>,
): { value: string; fingerprint: string } | undefined {
  const member = route.idempotencyToken;
  const value = member === undefined ? undefined : input[member];
  if (member === undefined || typeof value !== "string") return undefined;
  return { value, fingerprint: fingerprint(input, member) };
}
