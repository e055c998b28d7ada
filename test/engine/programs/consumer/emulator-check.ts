// A test helper of the user's own, beside the program: the emulator's entry point, type-checked with
// the program (tsconfig.json "files") under every TypeScript major and module setting the packaging
// test tries. Pulumi never runs it: index.ts does not import it.
import { startEmulator, type RunningEmulator } from "pulumi-connect-associations/emulator";

export function localEmulator(seed: object): Promise<RunningEmulator> {
  return startEmulator({ seed, quotas: "aws" });
}
