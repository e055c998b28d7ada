import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TEST_CREDENTIALS } from "./emulator";

/** The repository root: the nearest folder above with Pulumi.yaml (also from compiled copies, as bench runs them). */
function findRoot(dir: string): string {
  for (let d = dir; d !== path.dirname(d); d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, "Pulumi.yaml")) && fs.existsSync(path.join(d, "package.json"))) return d;
  }
  throw new Error(`no repository root above ${dir}`);
}

export const REPO_ROOT = findRoot(__dirname);

let cli: string | undefined;

/**
 * The real Pulumi CLI: found or built by scripts/ensure-pulumi (never skipped: if it cannot be
 * had, the engine tests fail saying why).
 */
export function pulumiBinary(): string {
  if (!cli) {
    const out = execFileSync(path.join(REPO_ROOT, "scripts/ensure-pulumi"), {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    const last = out.trim().split("\n").pop() ?? "";
    if (!path.isAbsolute(last) || !fs.existsSync(last))
      throw new Error(`scripts/ensure-pulumi printed no usable CLI path: '${last}'`);
    cli = last;
  }
  return cli;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * One stack of a program folder, with a local file backend, PULUMI_HOME and stack config file of
 * its own in a temporary folder, so tests never touch the repository or each other.
 */
export class TestStack {
  readonly tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pca-engine-"));
  readonly configFile = path.join(this.tmp, "Pulumi.test.yaml");

  /**
   * A stack name of its own: `stack init` writes Pulumi.<stack>.yaml into the program folder, which
   * tests of the same program running at once would otherwise share.
   */
  constructor(
    readonly programDir: string,
    readonly stack = `t${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
  ) {}

  env(): NodeJS.ProcessEnv {
    const bin = path.dirname(pulumiBinary());
    return {
      PATH: `${bin}:${process.env["PATH"] ?? ""}`,
      HOME: process.env["HOME"] ?? this.tmp,
      PULUMI_BACKEND_URL: `file://${path.join(this.tmp, "backend")}`,
      PULUMI_HOME: path.join(this.tmp, "home"),
      PULUMI_CONFIG_PASSPHRASE: "engine-test-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      NO_COLOR: "1",
    };
  }

  run(args: string[], opts: { allowFailure?: boolean } = {}): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      execFile(
        pulumiBinary(),
        [...args, "--non-interactive", "--stack", this.stack],
        { cwd: this.programDir, env: this.env(), maxBuffer: 64 * 1024 * 1024 },
        (err, stdout, stderr) => {
          const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
          const result = { code, stdout, stderr };
          if (code !== 0 && !opts.allowFailure) {
            reject(new Error(`pulumi ${args.join(" ")} exited ${code}\n${stdout}\n${stderr}`));
          } else resolve(result);
        },
      );
    });
  }

  /**
   * Creates the stack with `config`. Unless the test sets `connect:rateLimits`, client-side pacing
   * is lifted: tests that are not about quotas should not wait on Connect's 2 calls a second.
   */
  async init(config: Record<string, string>): Promise<void> {
    fs.mkdirSync(path.join(this.tmp, "backend"), { recursive: true });
    config = { "connect:rateLimits": JSON.stringify({ "*": { rate: 10000, burst: 10000 } }), ...config };
    await new Promise<void>((resolve, reject) =>
      execFile(
        pulumiBinary(),
        ["stack", "init", this.stack, "--non-interactive"],
        { cwd: this.programDir, env: this.env() },
        (e) => (e ? reject(e) : resolve()),
      ),
    );
    for (const [k, v] of Object.entries(config)) await this.setConfig(k, v);
  }

  setConfig(key: string, value: string): Promise<RunResult> {
    return this.run(["config", "set", "--config-file", this.configFile, key, value]);
  }

  withConfig(args: string[]): string[] {
    return [...args, "--config-file", this.configFile];
  }

  preview(extra: string[] = [], opts: { allowFailure?: boolean } = {}): Promise<RunResult> {
    return this.run(this.withConfig(["preview", ...extra]), opts);
  }

  up(extra: string[] = []): Promise<RunResult> {
    return this.run(this.withConfig(["up", "--yes", "--skip-preview", ...extra]));
  }

  refresh(): Promise<RunResult> {
    return this.run(this.withConfig(["refresh", "--yes", "--skip-preview"]));
  }

  destroy(): Promise<RunResult> {
    return this.run(this.withConfig(["destroy", "--yes", "--skip-preview"]));
  }

  async exportState(): Promise<StackExport> {
    const r = await this.run(["stack", "export"]);
    return JSON.parse(r.stdout) as StackExport;
  }

  async outputs(): Promise<Record<string, unknown>> {
    const r = await this.run(["stack", "output", "--json"]);
    return JSON.parse(r.stdout) as Record<string, unknown>;
  }

  async remove(): Promise<void> {
    await this.run(["stack", "rm", "--yes", "--force"], { allowFailure: true });
    fs.rmSync(this.tmp, { recursive: true, force: true });
    fs.rmSync(path.join(this.programDir, `Pulumi.${this.stack}.yaml`), { force: true });
  }
}

export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

export interface StackExport {
  deployment: { resources?: StateResource[] };
}
