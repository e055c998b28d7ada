import { jsonBody } from "./core/binding";
import { awsError } from "./core/errors";
import { FaultConfigError, parseFaultConfig, type FaultConfig, type Faults } from "./core/faults";
import type { LiveState } from "./core/live-state";
import type { Metrics } from "./core/metrics";
import type { QuotaConfig, Quotas } from "./core/quotas";
import { jsonReply, type Reply } from "./http";
import { documentFromSeed, SeedError } from "./seed";

export interface AdminParts {
  live: LiveState;
  metrics: Metrics;
  quotas: Quotas;
  faults: Faults;
  /** The seed POST /_emulator/reset restores, until POST /_emulator/seed replaces it. */
  seed: unknown;
  /** The faults POST /_emulator/reset restores: those the emulator started with. */
  initialFaults: FaultConfig;
  /** The quotas POST /_emulator/reset restores: those the emulator started with (`--quotas`, no override). */
  initialQuotas: QuotaConfig;
}

/**
 * The admin API under `/_emulator/` (unsigned, as no AWS client calls it): state, call metrics,
 * reset, seed, quotas and faults.
 */
export class AdminApi {
  private baseline: unknown;

  constructor(private readonly parts: AdminParts) {
    this.baseline = parts.seed;
  }

  handle(method: string, path: string, body: string): Reply {
    const { live, metrics, quotas, faults } = this.parts;
    const key = `${method} ${path}`;
    switch (key) {
      case "GET /_emulator/state":
        return jsonReply(200, live.document);
      case "GET /_emulator/metrics":
        return jsonReply(200, metrics);
      case "DELETE /_emulator/metrics":
        metrics.reset();
        return jsonReply(200, metrics);
      case "POST /_emulator/reset":
        live.replace(documentFromSeed(this.baseline, Date.now()));
        metrics.reset();
        faults.configure(this.parts.initialFaults);
        // Everything a test may have set goes back to the start: an override left from an earlier
        // test would throttle the next one unseen.
        quotas.configure(this.parts.initialQuotas);
        return jsonReply(200, { reset: true });
      case "POST /_emulator/seed": {
        const seed = jsonBody(body);
        live.replace(refusing(SeedError, () => documentFromSeed(seed, Date.now())));
        this.baseline = seed;
        return jsonReply(200, { seeded: true });
      }
      case "GET /_emulator/quotas":
        return jsonReply(200, quotas.current());
      case "PUT /_emulator/quotas": {
        const q = jsonBody(body) as QuotaConfig;
        if (q.mode !== "off" && q.mode !== "aws")
          throw awsError("InvalidRequestException", "mode must be 'off' or 'aws'");
        quotas.configure(q);
        return jsonReply(200, quotas.current());
      }
      case "GET /_emulator/faults":
        return jsonReply(200, faults.current());
      case "PUT /_emulator/faults":
        faults.configure(refusing(FaultConfigError, () => parseFaultConfig(jsonBody(body))));
        return jsonReply(200, faults.current());
      default:
        throw awsError("UnknownOperationException", `No admin endpoint ${key}`);
    }
  }
}

/** Runs `parse`, answering its own kind of error as InvalidRequestException with the same message. */
function refusing<T>(kind: new (message: string) => Error, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof kind) throw awsError("InvalidRequestException", e.message);
    throw e;
  }
}
