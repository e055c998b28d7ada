export { startEmulator } from "./server";
export { MAX_BODY_BYTES } from "./http";
export type { EmulatorOptions, RunningEmulator } from "./server";
export { stateFromSeed, SeedError } from "./seed";
export type { EmulatorState } from "./state";
