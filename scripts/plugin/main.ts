import * as fs from "node:fs";
import * as path from "node:path";
import { packagePlugin } from "./package";

/*
 * `npm run plugin`: dist/plugin/pulumi-resource-connect-associations-v<version>-<os>-<arch>.tar.gz
 * for every platform, from src/plugin/main.ts and the committed src/plugin/schema.json. Run from
 * the repository root (npm does).
 */
async function main(): Promise<void> {
  const root = path.resolve(__dirname, "../../..");
  const started = Date.now();
  const { tarballs, bundleBytes } = await packagePlugin(root);
  console.log(`bundle: ${bundleBytes} bytes`);
  for (const file of Object.values(tarballs))
    console.log(`${path.relative(root, file)}: ${fs.statSync(file).size} bytes`);
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
