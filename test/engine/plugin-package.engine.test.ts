import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packagePlugin, type PackagedPlugin } from "../../scripts/plugin/package";
import { REPO_ROOT, pulumiBinary } from "../helpers/pulumi";

// `npm run plugin`'s packaging, into a folder of this test's own: the six tarballs, read back with
// the system's tar, installed with the real CLI as users install them, and the installed plugin
// asked for its schema.

const VERSION = (
  JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }
).version;
const SCHEMA = fs.readFileSync(path.join(REPO_ROOT, "src/plugin/schema.json"), "utf8");

/** `tar -tvzf`: each entry's permission string and name, in archive order. */
function listing(tarball: string): string[] {
  return execFileSync("tar", ["-tvzf", tarball], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => {
      const [mode, , , , , ...name] = line.split(/\s+/);
      return `${mode} ${name.join(" ")}`;
    });
}

/** One entry's content, as the system's tar extracts it. */
function entry(tarball: string, name: string): string {
  return execFileSync("tar", ["-xzOf", tarball, name], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

describe("npm run plugin's tarballs", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plugin-package-"));
  let packaged: PackagedPlugin;
  beforeAll(async () => {
    packaged = await packagePlugin(REPO_ROOT, { outDir: dir });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("are six, one per OS and architecture, named as pulumi plugin install expects", () => {
    expect(fs.readdirSync(dir).sort()).toEqual(
      ["darwin-amd64", "darwin-arm64", "linux-amd64", "linux-arm64", "windows-amd64", "windows-arm64"].map(
        (p) => `pulumi-resource-connect-associations-v${VERSION}-${p}.tar.gz`,
      ),
    );
  });

  it("hold the launcher (executable), the bundle and the schema; Windows's also the .cmd launcher", () => {
    for (const [platform, tarball] of Object.entries(packaged.tarballs)) {
      const windows = platform.startsWith("windows-");
      expect(listing(tarball), platform).toEqual([
        "-rwxr-xr-x pulumi-resource-connect-associations",
        ...(windows ? ["-rwxr-xr-x pulumi-resource-connect-associations.cmd"] : []),
        "-rw-r--r-- pulumi-resource-connect-associations.js",
        "-rw-r--r-- schema.json",
      ]);
      expect(entry(tarball, "pulumi-resource-connect-associations")).toBe(
        '#!/bin/sh\nexec node "$(dirname "$0")/pulumi-resource-connect-associations.js" "$@"\n',
      );
      if (windows)
        expect(entry(tarball, "pulumi-resource-connect-associations.cmd")).toBe(
          '@echo off\r\nnode "%~dp0pulumi-resource-connect-associations.js" %*\r\n',
        );
      expect(entry(tarball, "schema.json")).toBe(SCHEMA);
    }
  });

  it("carry the same bundle on every platform (it runs on the user's Node)", () => {
    const bundles = Object.values(packaged.tarballs).map((t) =>
      entry(t, "pulumi-resource-connect-associations.js"),
    );
    expect(bundles[0]?.length).toBe(packaged.bundleBytes);
    for (const bundle of bundles) expect(bundle).toBe(bundles[0]);
  });

  it("install with pulumi plugin install --file, and the installed plugin serves the committed schema", () => {
    const env = {
      ...process.env,
      PULUMI_HOME: path.join(dir, "home"),
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    };
    const pulumi = pulumiBinary();
    execFileSync(
      pulumi,
      [
        "plugin",
        "install",
        "resource",
        "connect-associations",
        VERSION,
        "--file",
        packaged.tarballs["linux-amd64"],
      ],
      { env, stdio: ["ignore", "pipe", "pipe"] },
    );
    const installed = path.join(dir, "home/plugins", `resource-connect-associations-v${VERSION}`);
    expect(fs.readdirSync(installed).sort()).toEqual([
      "pulumi-resource-connect-associations",
      "pulumi-resource-connect-associations.js",
      "schema.json",
    ]);
    const served = execFileSync(
      pulumi,
      ["package", "get-schema", path.join(installed, "pulumi-resource-connect-associations")],
      {
        env,
        encoding: "utf8",
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    // The CLI prints the schema re-encoded (its own key order): compared as data.
    expect(JSON.parse(served)).toEqual(JSON.parse(SCHEMA));
  });
});
