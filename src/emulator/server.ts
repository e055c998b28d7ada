import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { validate } from "./core/constraints";
import { AwsError, awsError } from "./core/errors";
import { FaultConfigError, Faults, parseFaultConfig, type FaultConfig } from "./core/faults";
import { LagWindow } from "./core/lag";
import { ClientTokens } from "./core/idempotency";
import { Metrics } from "./core/metrics";
import { Persistence } from "./core/persistence";
import { Quotas, type QuotaConfig } from "./core/quotas";
import { Router, type Route } from "./core/router";
import { credentialScope } from "./core/sigv4";
import { connectRoutes } from "./connect/routes";
import { profilesRoutes } from "./profiles/routes";
import { SeedError, stateFromSeed } from "./seed";
import { emptyState, type EmulatorState } from "./state";

/** Largest request body accepted; AWS's front ends refuse far smaller bodies for these APIs. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface EmulatorOptions {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** A seed document (see the README), used when the data dir holds no state yet. */
  seed?: unknown;
  /** Persist state here after every mutation, and load it at start. */
  dataDir?: string;
  quotas?: QuotaConfig["mode"];
  /** Faults injected from the start (`--faults FILE`), and restored by POST /_emulator/reset. */
  faults?: FaultConfig;
  /** Called with one JSON object per API request, for `--log json`. */
  log?: (entry: object) => void;
}

export interface RunningEmulator {
  url: string;
  port: number;
  /** The live state (mutating it changes what the emulator answers). */
  state(): EmulatorState;
  metrics: Metrics;
  close(): Promise<void>;
}

/** Each service's own 500 error shape, as its model names it. */
const INTERNAL_ERROR: Record<string, string> = {
  connect: "InternalServiceException",
  profile: "InternalServerException",
};

/** Services, keyed by the SigV4 signing name in the credential scope, as AWS routes them. */
const SERVICES: Record<string, Router> = {
  connect: new Router(connectRoutes),
  profile: new Router(profilesRoutes),
};

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Drop the connection after applying the operation (fault `reset-after`). */
  dropAfter?: boolean;
  /** Drop the connection without applying anything (fault `reset-before`). */
  dropBefore?: boolean;
  delayMs?: number;
}

function jsonReply(status: number, body: unknown): Reply {
  return {
    status,
    headers: { "content-type": "application/json" },
    body: body === undefined ? "" : JSON.stringify(body),
  };
}

function errorReply(err: AwsError): Reply {
  return {
    status: err.status,
    headers: { "content-type": "application/json", "x-amzn-errortype": err.code },
    body: JSON.stringify({ Message: err.message }),
  };
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function buildInput(
  route: Route,
  labels: Record<string, string>,
  url: URL,
  body: string,
): Record<string, unknown> {
  let parsed: unknown = {};
  if (body.trim().length > 0) {
    try {
      parsed = JSON.parse(body);
    } catch {
      throw awsError("SerializationException", "The request body is not valid JSON.");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw awsError("SerializationException", "The request body must be a JSON object.");
    }
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

/** Starts the emulator on loopback (or `host`) and resolves once it listens. */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const persistence = opts.dataDir ? new Persistence(opts.dataDir) : undefined;
  let baseline: unknown = opts.seed ?? {};
  const fromDisk = persistence?.load() as EmulatorState | undefined;
  let state: EmulatorState = fromDisk ?? (opts.seed ? stateFromSeed(opts.seed, Date.now()) : emptyState());
  let tokens = new ClientTokens(state.clientTokens);
  const metrics = new Metrics();
  const quotas = new Quotas();
  quotas.configure({ mode: opts.quotas ?? "off" });
  const faults = new Faults();
  const noFaults: FaultConfig = { seed: 1, rules: [] };
  faults.configure(opts.faults ?? noFaults);
  const lag = new LagWindow<EmulatorState>();

  const save = () => persistence?.save(state);
  const replaceState = (next: EmulatorState) => {
    state = next;
    lag.clear();
    tokens = new ClientTokens(state.clientTokens);
    save();
  };

  async function admin(method: string, path: string, body: string): Promise<Reply> {
    const parse = (): unknown => {
      try {
        return body.trim() ? JSON.parse(body) : {};
      } catch {
        throw awsError("SerializationException", "The request body is not valid JSON.");
      }
    };
    const key = `${method} ${path}`;
    switch (key) {
      case "GET /_emulator/state":
        return jsonReply(200, state);
      case "GET /_emulator/metrics":
        return jsonReply(200, metrics);
      case "DELETE /_emulator/metrics":
        metrics.reset();
        return jsonReply(200, metrics);
      case "POST /_emulator/reset":
        replaceState(stateFromSeed(baseline, Date.now()));
        metrics.reset();
        faults.configure(opts.faults ?? noFaults);
        return jsonReply(200, { reset: true });
      case "POST /_emulator/seed": {
        const seed = parse();
        try {
          replaceState(stateFromSeed(seed, Date.now()));
        } catch (e) {
          if (e instanceof SeedError) throw awsError("InvalidRequestException", e.message);
          throw e;
        }
        baseline = seed;
        return jsonReply(200, { seeded: true });
      }
      case "GET /_emulator/quotas":
        return jsonReply(200, quotas.current());
      case "PUT /_emulator/quotas": {
        const q = parse() as QuotaConfig;
        if (q.mode !== "off" && q.mode !== "aws")
          throw awsError("InvalidRequestException", "mode must be 'off' or 'aws'");
        quotas.configure(q);
        return jsonReply(200, quotas.current());
      }
      case "GET /_emulator/faults":
        return jsonReply(200, faults.current());
      case "PUT /_emulator/faults": {
        try {
          faults.configure(parseFaultConfig(parse()));
        } catch (e) {
          if (e instanceof FaultConfigError) throw awsError("InvalidRequestException", e.message);
          throw e;
        }
        return jsonReply(200, faults.current());
      }
      default:
        throw awsError("UnknownOperationException", `No admin endpoint ${key}`);
    }
  }

  function api(req: http.IncomingMessage, url: URL, body: string): Reply {
    const scope = credentialScope(req.headers.authorization);
    const router = SERVICES[scope.service];
    if (!router) throw awsError("UnknownOperationException", `Service ${scope.service} is not emulated`);
    const match = router.match(req.method ?? "GET", url.pathname);
    if (!match) throw awsError("UnknownOperationException", `No operation for ${req.method} ${url.pathname}`);
    const { route, labels } = match;
    const now = Date.now();
    metrics.call(route.operation, now);
    try {
      if (!quotas.take(route.operation, `${scope.region}:${route.operation}`, now)) {
        throw awsError("ThrottlingException", "Rate exceeded");
      }
      const drawn = faults.draw(route.operation);
      const kinds = new Set(drawn.map((f) => f.kind));
      const delayMs = drawn.find((f) => f.kind === "latency")?.latencyMs ?? 0;
      const lagMs = drawn.find((f) => f.kind === "lag")?.lagMs ?? 0;
      if (kinds.has("reset-before")) return { ...jsonReply(200, undefined), dropBefore: true };
      if (kinds.has("throttle")) throw awsError("ThrottlingException", "Rate exceeded (injected)");
      if (kinds.has("internal"))
        throw awsError(
          INTERNAL_ERROR[scope.service] ?? "InternalServiceException",
          "Internal failure (injected)",
        );

      const input = buildInput(route, labels, url, body);
      validate(route.input, input, route.validationError);
      const token = route.idempotencyToken ? input[route.idempotencyToken] : undefined;
      const fingerprint =
        typeof token === "string" ? stable({ ...input, [route.idempotencyToken ?? ""]: undefined }) : "";
      if (typeof token === "string") {
        const seen = tokens.lookup(route.operation, token, fingerprint, now);
        if (seen.hit) return { ...jsonReply(200, seen.body), delayMs };
        if (seen.conflict)
          throw awsError(
            route.validationError,
            "The ClientToken was already used with different parameters.",
          );
      }
      if (route.mutates && lagMs > 0) lag.open(state, now, lagMs);
      const view = route.mutates ? state : lag.view(state, now);
      const result = route.handler({ state: view, region: scope.region, now }, input);
      if (typeof token === "string") tokens.record(route.operation, token, fingerprint, result, now);
      if (route.mutates || typeof token === "string") save();
      return { ...jsonReply(200, result), delayMs, dropAfter: kinds.has("reset-after") };
    } catch (e) {
      if (e instanceof AwsError) metrics.error(route.operation, e.code);
      throw e;
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        if (!refused) {
          refused = true;
          send(
            res,
            errorReply(
              awsError("RequestEntityTooLargeException", `Request body larger than ${MAX_BODY_BYTES} bytes`),
            ),
          );
        }
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => {
      if (refused) return;
      void handle(req, res, Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", () => res.destroy());
  });

  function send(res: http.ServerResponse, reply: Reply): void {
    res.writeHead(reply.status, {
      ...reply.headers,
      "x-amzn-requestid": randomUUID(),
      "content-length": Buffer.byteLength(reply.body),
    });
    res.end(reply.body);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<void> {
    const started = Date.now();
    let reply: Reply;
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://emulator");
    } catch {
      send(res, errorReply(awsError("SerializationException", "Malformed request URL")));
      return;
    }
    const isAdmin = url.pathname.startsWith("/_emulator/");
    try {
      reply = isAdmin ? await admin(req.method ?? "GET", url.pathname, body) : api(req, url, body);
    } catch (e) {
      reply =
        e instanceof AwsError ? errorReply(e) : errorReply(awsError("InternalServiceException", String(e)));
    }
    if (!isAdmin && opts.log) {
      opts.log({
        at: new Date(started).toISOString(),
        method: req.method,
        path: url.pathname,
        status: reply.status,
        ms: Date.now() - started,
      });
    }
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    if (reply.dropBefore || reply.dropAfter) {
      req.socket.destroy();
      return;
    }
    send(res, reply);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${host}:${addr.port}`,
    port: addr.port,
    state: () => state,
    metrics,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
