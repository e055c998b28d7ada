import type { AccountsState, EmulatorState } from "../../src/emulator";
import type { FaultConfig } from "../../src/emulator/core/faults";
import { admin, type EmulatorAt } from "./emulator";

export type { FaultConfig };

/*
 * The emulator's admin API (`/_emulator/...`, see `connect-emulator --help`), one typed call an
 * endpoint. Each takes the emulator (or `{ url }` of one the CLI started).
 */

/** What GET /_emulator/metrics answers: counts since the start or the last reset. */
export interface EmulatorMetrics {
  /** Calls per operation. */
  calls: Record<string, number>;
  /** Errors answered per operation, by error code. */
  errors: Record<string, Record<string, number>>;
  /** Per operation, the time (ms since the epoch) of its first and of its last call. */
  firstCallAt: Record<string, number>;
  lastCallAt: Record<string, number>;
  /**
   * The calls and errors per account (the one the caller's credentials act in), once a call was
   * counted.
   */
  accounts?: Record<string, Pick<EmulatorMetrics, "calls" | "errors">>;
}

export async function metricsOf(em: EmulatorAt): Promise<EmulatorMetrics> {
  return (await admin(em, "GET", "/_emulator/metrics")) as EmulatorMetrics;
}

/** Calls per operation since the last reset. */
export async function callsOf(em: EmulatorAt): Promise<Record<string, number>> {
  return (await metricsOf(em)).calls;
}

/** The call and error counts, without the metrics' timestamps (which vary). */
export async function callsAndErrors(em: EmulatorAt): Promise<Pick<EmulatorMetrics, "calls" | "errors">> {
  const { calls, errors } = await metricsOf(em);
  return { calls, errors };
}

/** DELETE /_emulator/metrics: counts start again from zero. */
export async function resetMetrics(em: EmulatorAt): Promise<void> {
  await admin(em, "DELETE", "/_emulator/metrics");
}

/** POST /_emulator/reset: state back to the seed, metrics to zero, faults to the start's. */
export async function resetEmulator(em: EmulatorAt): Promise<void> {
  await admin(em, "POST", "/_emulator/reset");
}

/** POST /_emulator/seed: the state becomes this seed's (and reset returns to it). */
export async function seedEmulator(em: EmulatorAt, seed: object): Promise<void> {
  await admin(em, "POST", "/_emulator/seed", seed);
}

/** PUT /_emulator/quotas. */
export async function setQuotas(em: EmulatorAt, mode: "off" | "aws"): Promise<void> {
  await admin(em, "PUT", "/_emulator/quotas", { mode });
}

/** GET /_emulator/faults. */
export async function faultsOf(em: EmulatorAt): Promise<FaultConfig> {
  return (await admin(em, "GET", "/_emulator/faults")) as FaultConfig;
}

/** PUT /_emulator/faults: these rules replace the current ones. */
export async function setFaults(em: EmulatorAt, faults: FaultConfig): Promise<void> {
  await admin(em, "PUT", "/_emulator/faults", faults);
}

/** No fault rules. */
export const NO_FAULTS: FaultConfig = { seed: 1, rules: [] };

/** GET /_emulator/state: the emulator's whole state document (of a seed in the single-account form). */
export async function stateOf(em: EmulatorAt): Promise<EmulatorState> {
  return (await admin(em, "GET", "/_emulator/state")) as EmulatorState;
}

/** GET /_emulator/state of an emulator seeded in the accounts form: each account's state under its id. */
export async function accountsOf(em: EmulatorAt): Promise<AccountsState["accounts"]> {
  return ((await admin(em, "GET", "/_emulator/state")) as AccountsState).accounts;
}
