import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "./pulumi";

const run = promisify(execFile);

export type PackageManager = "npm" | "pnpm";

/** pnpm is fetched on demand through npx at this version: pinned, so a new pnpm release cannot break CI unannounced. */
export const PNPM = "pnpm@10.34.9";

/** The installed version of a dev dependency of this repository: the consumer asks for the same, so npm's cache serves it. */
function installedVersion(name: string): string {
  const file = path.join(REPO_ROOT, "node_modules", name, "package.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

/**
 * The environment for npm / pnpm in the consumer: without what `npm test` sets for this
 * repository's own lifecycle (npm_package_*, npm_lifecycle_*), which would describe the wrong project.
 */
function installEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_(package|lifecycle)_|^npm_command$|^INIT_CWD$/.test(k)) continue;
    env[k] = v;
  }
  return env;
}

/** A packed tarball: its path and the files npm put in it. */
export interface Packed {
  tarball: string;
  files: string[];
}

/** `npm pack` of this repository's current dist (no lifecycle scripts: the test run built it), into `dir`. */
export async function packTarball(dir: string): Promise<Packed> {
  const { stdout } = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], {
    cwd: REPO_ROOT,
    env: installEnv(),
    maxBuffer: 16 * 1024 * 1024,
  });
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  if (!info) throw new Error(`npm pack printed nothing usable: ${stdout}`);
  return { tarball: path.join(dir, info.filename), files: info.files.map((f) => f.path).sort() };
}

/** A consumer project: its folder, and everything its install printed. */
export interface Consumer {
  dir: string;
  installOutput: string;
}

/**
 * A fresh project outside this repository, as a user makes one: the program folder copied in, a
 * package.json that depends on the tarball, @pulumi/pulumi and what a Pulumi TypeScript template
 * adds (typescript, @types/node), installed with `pm`.
 */
export async function makeConsumer(
  programDir: string,
  tarball: string,
  pm: PackageManager,
): Promise<Consumer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pca-consumer-${pm}-`));
  for (const f of fs.readdirSync(programDir)) {
    if (!f.startsWith("Pulumi.") || f === "Pulumi.yaml")
      fs.copyFileSync(path.join(programDir, f), path.join(dir, f));
  }
  const pkg = {
    name: `consumer-${pm}`,
    version: "0.0.0",
    private: true,
    dependencies: {
      "@pulumi/pulumi": installedVersion("@pulumi/pulumi"),
      "pulumi-connect-associations": `file:${tarball}`,
    },
    devDependencies: {
      "@types/node": installedVersion("@types/node"),
      typescript: installedVersion("typescript"),
    },
  };
  fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  const [cmd, args] =
    pm === "npm"
      ? ["npm", ["install", "--prefer-offline", "--no-audit", "--no-fund"]]
      : [
          "npx",
          [
            "--yes",
            PNPM,
            "install",
            // CI=true would otherwise demand a lockfile the fresh project does not have.
            "--no-frozen-lockfile",
            "--reporter=append-only",
            // One store for every run, beside the CLI cache: a warm store makes the install quick.
            "--store-dir",
            path.join(os.homedir(), ".cache", "pulumi-connect-associations", "pnpm-store"),
          ],
        ];
  try {
    const { stdout, stderr } = await run(cmd, args as string[], {
      cwd: dir,
      env: installEnv(),
      maxBuffer: 64 * 1024 * 1024,
    });
    return { dir, installOutput: `${stdout}\n${stderr}` };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${pm} install failed in ${dir}: ${err.message}\n${err.stdout ?? ""}\n${err.stderr ?? ""}`,
    );
  }
}

/**
 * The `tsc` of a TypeScript release from the npm registry, installed once into the cache beside the
 * CLI's (`~/.cache/pulumi-connect-associations/typescript-<version>`): into a temporary folder
 * first, renamed into place when complete, so a half-finished install is never taken as cached.
 */
export async function tscOf(version: string): Promise<string> {
  const cache = path.join(os.homedir(), ".cache", "pulumi-connect-associations");
  const dir = path.join(cache, `typescript-${version}`);
  const tsc = path.join(dir, "node_modules", "typescript", "bin", "tsc");
  if (fs.existsSync(tsc)) return tsc;
  fs.mkdirSync(cache, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(cache, `.typescript-${version}-`));
  fs.writeFileSync(path.join(tmp, "package.json"), '{ "private": true }\n');
  await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", `typescript@${version}`], {
    cwd: tmp,
    env: installEnv(),
  });
  try {
    fs.renameSync(tmp, dir);
  } catch (e) {
    // Another run cached it first.
    if (!fs.existsSync(tsc)) throw e;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return tsc;
}

/**
 * tsc on the tsconfig.json of `project` (a folder of the consumer), optionally with other module
 * settings; by default the consumer's own typescript, else the `tsc` given.
 */
export async function typeCheck(
  project: string,
  extra: string[] = [],
  tsc = path.join(project, "node_modules/typescript/bin/tsc"),
): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [tsc, "-p", project, "--noEmit", ...extra], {
      cwd: project,
    });
    return stdout;
  } catch (e) {
    const err = e as { stdout?: string; message: string };
    return err.stdout ?? err.message;
  }
}
