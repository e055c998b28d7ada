import { bindInput } from "./binding";
import { validate } from "./constraints";
import { AwsError, awsError, isFrontEndError, type ErrorCode } from "./errors";
import type { Faults } from "./faults";
import { fingerprint } from "./idempotency";
import type { LiveState } from "./live-state";
import type { EmulatorState } from "../state";
import { callerOf, CredentialError, type Caller } from "../sts/identity";
import type { Metrics } from "./metrics";
import type { ModelReader } from "./model";
import type { Quotas } from "./quotas";
import type { BoundRoute, Router } from "./router";
import { credentialScope, securityToken, type CredentialScope } from "./sigv4";

/** One emulated service: its model, its operations, and the code of its own 500 error shape. */
export interface Service {
  model: ModelReader;
  router: Router;
  internalError: ErrorCode;
}

/** An API request, as the pipeline reads it. */
export interface ApiCall {
  method: string;
  url: URL;
  authorization: string | undefined;
  /** The request's headers, names in lower case (as node:http gives them). */
  headers?: Readonly<Record<string, string | string[] | undefined>>;
  body: string;
}

/** What a call that did not fail answers, and how the answer is to be delivered. */
export interface Outcome {
  result: unknown;
  /** The whole answer, from a service that writes its own (STS, in the query protocol's XML). */
  reply?: { status: number; headers: Record<string, string>; body: string };
  /** The HTTP status of the answer: the operation's modelled success status. */
  status?: number;
  delayMs?: number;
  /** Drop the connection without applying anything (fault `reset-before`). */
  dropBefore?: boolean;
  /** Drop the connection after applying the operation (fault `reset-after`). */
  dropAfter?: boolean;
}

/** A service that answers requests whole, errors included, in a protocol of its own (STS). */
export interface QueryService {
  run(call: ApiCall, scope: CredentialScope, now: number): Outcome;
}

export interface PipelineParts {
  /** Services, keyed by the SigV4 signing name in the credential scope, as AWS routes them. */
  services: Readonly<Record<string, Service>>;
  /** Services answering in the AWS query protocol, keyed likewise. */
  queryServices?: Readonly<Record<string, QueryService>>;
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
 * An API request's way through the emulator, in AWS's order: credentials (the access key picks the
 * account whose state answers), quota, faults, validation, idempotency, lag, handler, persistence. A
 * throttled or faulted call is refused before its input is read, and nothing is persisted for a call
 * that failed.
 */
export class Pipeline {
  constructor(private readonly parts: PipelineParts) {}

  run(call: ApiCall): Outcome {
    const scope = credentialScope(call.authorization);
    const now = Date.now();
    const query = this.parts.queryServices?.[scope.service];
    if (query) return query.run(call, scope, now);
    const service = this.parts.services[scope.service];
    if (!service) throw awsError("UnknownOperationException", `Service ${scope.service} is not emulated`);
    const { caller, account } = this.account(call, scope, now);
    const match = service.router.match(call.method, call.url.pathname);
    if (!match)
      throw awsError("UnknownOperationException", `No operation for ${call.method} ${call.url.pathname}`);
    this.parts.metrics.call(match.route.operation, now, caller.accountId);
    try {
      return this.operate(call, service, scope, account, match.route, match.labels, now);
    } catch (e) {
      if (e instanceof AwsError) this.parts.metrics.error(match.route.operation, e.code, caller.accountId);
      throw e;
    }
  }

  /** The caller of a request and the state of the account it acts in, or AWS's refusal of its key. */
  private account(
    call: ApiCall,
    scope: CredentialScope,
    now: number,
  ): { caller: Caller; account: EmulatorState } {
    const { live } = this.parts;
    let caller: Caller;
    try {
      caller = callerOf(live.document, scope.accessKeyId, securityToken(call.headers), now);
    } catch (e) {
      if (!(e instanceof CredentialError)) throw e;
      throw awsError(e.expired ? "ExpiredTokenException" : "UnrecognizedClientException", e.message);
    }
    const account = live.account(caller.accountId);
    if (!account) throw new Error(`emulator: no state for account ${caller.accountId}`);
    return { caller, account };
  }

  private operate(
    call: ApiCall,
    service: Service,
    scope: CredentialScope,
    account: EmulatorState,
    route: BoundRoute,
    labels: Record<string, string>,
    now: number,
  ): Outcome {
    const { live, quotas } = this.parts;
    // Quotas are per account and Region, as AWS's are.
    if (!quotas.take(route.operation, `${account.accountId}:${scope.region}:${route.operation}`, now)) {
      throw awsError("ThrottlingException", "Rate exceeded");
    }
    const { dropBefore, dropAfter, delayMs, lagMs } = this.inject(route.operation, service);
    if (dropBefore) return { result: undefined, dropBefore };

    const { contract } = route;
    const input = bindInput(route, labels, call.url, call.body, call.headers);
    const status = contract.status;
    const result = modelledErrorsOnly(route, service, () => {
      validate(contract.input, input, route.validationError);

      const token = clientToken(route, input);
      const tokens = live.tokens(account);
      if (token) {
        const seen = tokens.lookup(route.operation, token.value, token.fingerprint, now);
        if (seen.hit) return { body: seen.body, replayed: true };
        if (seen.conflict)
          throw awsError(
            route.validationError,
            "The ClientToken was already used with different parameters.",
          );
      }

      const lag = live.lag(account.accountId);
      if (route.mutates && lagMs > 0) lag.open(account, now, lagMs);
      const view = route.mutates ? account : lag.view(account, now);
      const raw = route.handler({ state: view, region: scope.region, now }, input);
      const body = output(service.model, route, raw);

      if (token) tokens.record(route.operation, token.value, token.fingerprint, body, now);
      if (route.mutates || token) live.save();
      return { body, replayed: false };
    });
    return result.replayed
      ? { result: result.body, status, delayMs }
      : { result: result.body, status, delayMs, dropAfter };
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

/**
 * What `run` answers, but an error code the operation's model does not list for it (front-end errors
 * aside) is the emulator's bug: answered as the service's 500, naming the code.
 */
function modelledErrorsOnly<T>(route: BoundRoute, service: Service, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof AwsError) || isFrontEndError(e.code) || e.code in route.contract.errors) throw e;
    throw awsError(
      service.internalError,
      `emulator bug: ${route.operation} answered ${e.code}, an error AWS's model does not give it (${e.message})`,
    );
  }
}

/** A handler's result as the operation's output shape puts it on the wire ({} for an empty one). */
function output(model: ModelReader, route: BoundRoute, raw: unknown): unknown {
  const shape = route.contract.output;
  if (shape === undefined) {
    if (raw !== undefined)
      throw new Error(`emulator output: ${route.operation} has no output shape in AWS's model`);
    return undefined;
  }
  return model.serialize(shape, raw) ?? {};
}

/** The request's ClientToken, where the operation has one and the request carries it. */
function clientToken(
  route: BoundRoute,
  input: Record<string, unknown>,
): { value: string; fingerprint: string } | undefined {
  const member = route.contract.idempotencyToken;
  const value = member === undefined ? undefined : input[member];
  if (member === undefined || typeof value !== "string") return undefined;
  return { value, fingerprint: fingerprint(input, member) };
}
