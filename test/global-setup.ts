import { execFileSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");

/**
 * Runs once before any file of the CLI tiers, with its progress on the console: provisions the
 * Pulumi CLI with the YAML and Python language hosts and the SDK generator beside it (a cold build
 * takes minutes, and the engine tests must never skip for want of it), then packages the provider
 * plugin from the current sources (`npm run plugin`), so the plugin's engine tests install what
 * this checkout builds and never a tarball left from an older one.
 */
export default function setup(): void {
  execFileSync(path.join(ROOT, "scripts/ensure-pulumi"), ["yaml", "python", "sdkgen"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  execFileSync("npm", ["run", "--silent", "plugin"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
}
