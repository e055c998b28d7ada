import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { AdminApi } from "./admin";
import { connectRoutes } from "./connect/routes";
import { Faults, type FaultConfig } from "./core/faults";
import { LiveState } from "./core/live-state";
import { Metrics } from "./core/metrics";
import { Persistence } from "./core/persistence";
import { Pipeline, type Service } from "./core/pipeline";
import { Quotas, type QuotaConfig } from "./core/quotas";
import type { ErrorCode } from "./core/errors";
import { ModelReader, type ServiceModel } from "./core/model";
import { Router, type Route } from "./core/router";
import { requestListener } from "./http";
import { CONNECT_MODEL, CUSTOMER_PROFILES_MODEL } from "./models";
import { profilesRoutes } from "./profiles/routes";
import { documentFromSeed } from "./seed";
import { emptyState, type EmulatorDocument, type EmulatorState } from "./state";
import { StsService } from "./sts/service";

export interface EmulatorOptions {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /**
   * A seed document (docs/emulator.md: the single-account form or the accounts form), used when the
   * data dir holds no state yet.
   */
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
  /**
   * The live state (mutating it changes what the emulator answers): the single account's, or with the
   * seed's accounts form its first account's.
   */
  state(): EmulatorState;
  /** The live state of one account; undefined when the emulator holds no such account. */
  account(accountId: string): EmulatorState | undefined;
  /** Everything the emulator holds, as GET /_emulator/state serves it. */
  document(): EmulatorDocument;
  metrics: Metrics;
  close(): Promise<void>;
}

/**
 * One emulated service, keyed by the SigV4 signing name its model gives (as AWS routes a request by
 * its credential scope), with its own 500 error shape.
 */
function service(model: ServiceModel, routes: readonly Route[], internalError: ErrorCode): [string, Service] {
  const reader = new ModelReader(model);
  const name = model.metadata.signingName ?? model.metadata.endpointPrefix;
  return [name, { model: reader, router: new Router(reader, routes), internalError }];
}

const SERVICES: Record<string, Service> = Object.fromEntries([
  service(CONNECT_MODEL, connectRoutes, "InternalServiceException"),
  service(CUSTOMER_PROFILES_MODEL, profilesRoutes, "InternalServerException"),
]);

/** Starts the emulator on loopback (or `host`) and resolves once it listens. */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const persistence = opts.dataDir ? new Persistence(opts.dataDir) : undefined;
  const fromDisk = persistence?.load() as EmulatorDocument | undefined;
  const live = new LiveState(
    fromDisk ?? (opts.seed ? documentFromSeed(opts.seed, Date.now()) : emptyState()),
    persistence,
  );
  const metrics = new Metrics();
  const quotas = new Quotas();
  const initialQuotas: QuotaConfig = { mode: opts.quotas ?? "off" };
  quotas.configure(initialQuotas);
  const initialFaults: FaultConfig = opts.faults ?? { seed: 1, rules: [] };
  const faults = new Faults();
  faults.configure(initialFaults);

  const admin = new AdminApi({
    live,
    metrics,
    quotas,
    faults,
    seed: opts.seed ?? {},
    initialFaults,
    initialQuotas,
  });
  const sts = new StsService({ live, metrics });
  const pipeline = new Pipeline({
    services: SERVICES,
    queryServices: { [sts.signingName]: sts },
    live,
    metrics,
    quotas,
    faults,
  });
  const server = http.createServer(
    requestListener({
      admin: (method, path, body) => admin.handle(method, path, body),
      api: (call) => pipeline.run(call),
      log: opts.log,
    }),
  );

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${host}:${addr.port}`,
    port: addr.port,
    state: () => live.state,
    account: (accountId) => live.account(accountId),
    document: () => live.document,
    metrics,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
