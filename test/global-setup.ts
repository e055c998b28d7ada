import { execFileSync } from "node:child_process";
import * as path from "node:path";

/**
 * Provisions the Pulumi CLI with the YAML and Python language hosts and the SDK generator beside
 * it, once, before any test file runs, with its progress on the console: a cold build takes
 * minutes, and the engine tests (the plugin's YAML and Python programs among them) must never skip
 * for want of it.
 */
export default function setup(): void {
  execFileSync(path.resolve(__dirname, "../scripts/ensure-pulumi"), ["yaml", "python", "sdkgen"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
}
