import { execFileSync } from "node:child_process";
import * as path from "node:path";

/**
 * Provisions the Pulumi CLI once, before any test file runs, with its progress on the console: a
 * cold build takes minutes, and the engine tests must never skip for want of it.
 */
export default function setup(): void {
  execFileSync(path.resolve(__dirname, "../scripts/ensure-pulumi"), {
    stdio: ["ignore", "ignore", "inherit"],
  });
}
