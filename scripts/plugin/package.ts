import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as esbuild from "esbuild";
import { SCHEMA_FILE } from "../plugin-schema/sdk";
import { tarGz, type TarEntry } from "./tar";

/*
 * The provider plugin as users install it (`pulumi plugin install resource connect-associations
 * <version> --file <tarball>`): one tarball per platform Pulumi names, each holding one bundled JS
 * file of the server and everything it imports, the schema beside it, and the launchers. The
 * contents are the same on every platform: the bundle runs on the user's Node ≥ 20.
 */

/** The plugin's name, as in `pulumi-resource-<name>` and the type tokens. */
export const PLUGIN_NAME = "connect-associations";
/** The executable the engine starts. */
export const LAUNCHER = `pulumi-resource-${PLUGIN_NAME}`;
/** The bundle the launchers run. */
export const BUNDLE = `${LAUNCHER}.js`;
/** The server's entry, H1's gRPC server. */
export const ENTRY = "src/plugin/main.ts";

/** The platforms a tarball is written for, in Pulumi's names. */
export const PLATFORMS = [
  "linux-amd64",
  "linux-arm64",
  "darwin-amd64",
  "darwin-arm64",
  "windows-amd64",
  "windows-arm64",
] as const;
export type Platform = (typeof PLATFORMS)[number];

/** The POSIX launcher: Node on the bundle beside it, wherever the plugin is installed. */
const POSIX_LAUNCHER = `#!/bin/sh\nexec node "$(dirname "$0")/${BUNDLE}" "$@"\n`;
/** The Windows launcher, which the engine runs there (`%~dp0` is the folder of the .cmd). */
const WINDOWS_LAUNCHER = `@echo off\r\nnode "%~dp0${BUNDLE}" %*\r\n`;

/** The tarball's file name for a version and platform. */
export function tarballName(version: string, platform: Platform): string {
  return `${LAUNCHER}-v${version}-${platform}.tar.gz`;
}

/** What {@link packagePlugin} wrote. */
export interface PackagedPlugin {
  /** The tarballs, by platform. */
  tarballs: Record<Platform, string>;
  /** The bundle's size in bytes. */
  bundleBytes: number;
}

/** Options of {@link packagePlugin}; the defaults are `npm run plugin`'s. */
export interface PackageOptions {
  /** The server's entry file, relative to the root. */
  entry?: string;
  /** Where the tarballs go, relative to the root. */
  outDir?: string;
}

/** The files of one platform's tarball. */
function entriesFor(platform: Platform, bundle: Buffer, schema: Buffer): TarEntry[] {
  const entries: TarEntry[] = [
    { name: LAUNCHER, mode: 0o755, content: Buffer.from(POSIX_LAUNCHER) },
    { name: BUNDLE, mode: 0o644, content: bundle },
    { name: "schema.json", mode: 0o644, content: schema },
  ];
  if (platform.startsWith("windows-"))
    entries.splice(1, 0, { name: `${LAUNCHER}.cmd`, mode: 0o755, content: Buffer.from(WINDOWS_LAUNCHER) });
  return entries;
}

/**
 * Bundles the server (esbuild: CommonJS for Node 20, minified with names kept, so stack traces
 * still name functions) and writes the tarball of every platform under `outDir`.
 */
export async function packagePlugin(root: string, options: PackageOptions = {}): Promise<PackagedPlugin> {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    version: string;
  };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "plugin-bundle-"));
  try {
    const outfile = path.join(work, BUNDLE);
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: [path.resolve(root, options.entry ?? ENTRY)],
      outfile,
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      minify: true,
      keepNames: true,
      legalComments: "none",
      logLevel: "warning",
    });
    const bundle = fs.readFileSync(outfile);
    const schema = fs.readFileSync(path.join(root, SCHEMA_FILE));
    const outDir = path.resolve(root, options.outDir ?? "dist/plugin");
    fs.mkdirSync(outDir, { recursive: true });
    const tarballs = {} as Record<Platform, string>;
    for (const platform of PLATFORMS) {
      const file = path.join(outDir, tarballName(version, platform));
      fs.writeFileSync(file, tarGz(entriesFor(platform, bundle, schema)));
      tarballs[platform] = file;
    }
    return { tarballs, bundleBytes: bundle.length };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
