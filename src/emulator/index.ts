export { startEmulator } from "./server";
export { MAX_BODY_BYTES } from "./http";
export type { EmulatorOptions, RunningEmulator } from "./server";
export { documentFromSeed, stateFromSeed, SeedError } from "./seed";
export type { AccountsState, AccountState, EmulatorDocument, EmulatorState } from "./state";
