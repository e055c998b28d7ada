export { startEmulator, MAX_BODY_BYTES } from "./server";
export type { EmulatorOptions, RunningEmulator } from "./server";
export { stateFromSeed, SeedError } from "./seed";
export type { EmulatorState } from "./state";
