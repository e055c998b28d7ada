import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** The committed schema, relative to the repository root. */
export const SCHEMA_FILE = "src/plugin/schema.json";
/** The SDKs generated under sdk/. */
export const SDK_LANGUAGES = ["nodejs", "python"] as const;
export type SdkLanguage = (typeof SDK_LANGUAGES)[number];

/** The SDK generator that scripts/ensure-pulumi builds beside the CLI (its last line is the CLI's path). */
export function sdkgenBinary(root: string): string {
  const out = execFileSync(path.join(root, "scripts/ensure-pulumi"), ["sdkgen"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const pulumi = out.trim().split("\n").pop() ?? "";
  const sdkgen = path.join(path.dirname(pulumi), "pulumi-sdkgen");
  if (!path.isAbsolute(pulumi) || !fs.existsSync(sdkgen))
    throw new Error(`scripts/ensure-pulumi sdkgen left no pulumi-sdkgen beside '${pulumi}'`);
  return sdkgen;
}

/**
 * Writes the SDK of one language from the committed schema into `out`, emptied first (no stale
 * files). Returns what the generator reported: the schema's diagnostics, if any, and its count of
 * files written. Fails with that report when the generator does.
 */
export function generateSdk(
  root: string,
  language: SdkLanguage,
  out: string,
  sdkgen = sdkgenBinary(root),
): string {
  fs.rmSync(out, { recursive: true, force: true });
  const run = spawnSync(
    sdkgen,
    ["--schema", path.join(root, SCHEMA_FILE), "--language", language, "--out", out],
    {
      encoding: "utf8",
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`pulumi-sdkgen --language ${language} failed:\n${run.stderr}`);
  return run.stderr;
}
