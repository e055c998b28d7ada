import * as fs from "node:fs";
import type { TestStack } from "./pulumi";

/** The port every committed `local` stack file names: the one `npx connect-emulator --port 4599` takes. */
export const LOCAL_EMULATOR_URL = "http://127.0.0.1:4599";

/**
 * Creates `stack` with the config of a committed stack file (say examples/x/Pulumi.local.yaml),
 * its emulator URL swapped for the test's own emulator: the file users run is the file tested, and
 * port 4599 stays free for the demo. Client-side pacing is lifted as TestStack.init does.
 */
export async function initFromStackFile(
  stack: TestStack,
  stackFile: string,
  emulatorUrl: string,
): Promise<void> {
  await stack.init({});
  const text = fs.readFileSync(stackFile, "utf8");
  if (!text.includes(LOCAL_EMULATOR_URL)) throw new Error(`${stackFile} does not name ${LOCAL_EMULATOR_URL}`);
  fs.writeFileSync(stack.configFile, text.split(LOCAL_EMULATOR_URL).join(emulatorUrl));
  await stack.setConfig("connect:rateLimits", JSON.stringify({ "*": { rate: 10000, burst: 10000 } }));
}
