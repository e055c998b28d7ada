import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { EXIT, UsageError, type CliIo } from "../io";
import {
  decideLock,
  fileBackendDir,
  findProject,
  lockDirs,
  pulumiRunning,
  stackLocks,
  tornSidecars,
  type Project,
} from "./backend";
import { recoverInterruptedCreates, type PreviewJson, type StackExport } from "./interrupted-creates";
import { commandLine, commonFlags, pulumiOnPath, type PulumiCli, type PulumiResult } from "./pulumi";

/** `recover --stack NAME [--cwd DIR] [--dry-run]`, parsed. */
export interface StackOptions {
  stack: string;
  /** The folder the `pulumi` commands run in (absolute). */
  cwd: string;
  dryRun: boolean;
}

/** Parses the stack form's arguments; `"help"` for `-h` / `--help`. Throws UsageError on anything else. */
export function parseStackArgs(args: string[], baseDir: string): StackOptions | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        stack: { type: "string", short: "s" },
        cwd: { type: "string" },
        "dry-run": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  if (positionals.length > 0)
    throw new UsageError(
      `unexpected '${positionals.join(" ")}': --stack takes no STATE.json or PREVIEW.json`,
    );
  if (values.stack === undefined) throw new UsageError("--cwd and --dry-run go with --stack NAME");
  if (values.stack.trim() === "") throw new UsageError("--stack needs a stack name");
  return {
    stack: values.stack,
    cwd: path.resolve(baseDir, values.cwd ?? "."),
    dryRun: values["dry-run"] ?? false,
  };
}

/** What the sequence runs with; tests replace the CLI, the host name and the process check. */
export interface StackDeps {
  env: NodeJS.ProcessEnv;
  hostname: string;
  running(pid: number): boolean;
  pulumi(cwd: string): PulumiCli;
}

export const processDeps = (): StackDeps => ({
  env: process.env,
  hostname: os.hostname(),
  running: pulumiRunning,
  pulumi: (cwd) => pulumiOnPath(cwd, process.env),
});

/** A step that could not be done: the sequence stops there and exits 1. */
class StepFailed extends Error {
  constructor(
    readonly step: string,
    readonly detail: string[],
    readonly hint?: string,
  ) {
    super(`${step} failed`);
  }
}

const MAX_ERROR_LINES = 12;

/** A step's JSON (a file or an output of the CLI); what does not parse fails the step. */
function parseJson<T>(step: string, text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new StepFailed(step, [`${what} is no JSON: ${(e as Error).message}`]);
  }
}

/**
 * A backend URL as printed: without the password of `scheme://user:password@host` (a postgres
 * backend's, say) and without a query, which can hold keys; a file path stays whole.
 */
export function displayUrl(url: string): string {
  if (url.startsWith("file://")) return url;
  return url.replace(/\?.*$/, "").replace(/^([a-z][\w+.-]*:\/\/)[^/@]*@/i, "$1***@");
}

/**
 * The CLI's last lines of error: the error diagnostics of a `--json` output, else its stderr and
 * the `error:` lines of its Diagnostics section (an update prints its errors on stdout).
 */
export function errorLines(r: PulumiResult): string[] {
  let lines: string[];
  try {
    const json = JSON.parse(r.stdout) as { diagnostics?: { message?: string; severity?: string }[] };
    lines = (json.diagnostics ?? [])
      .filter((d) => d.severity === "error")
      .flatMap((d) => (d.message ?? "").split("\n").slice(0, 2));
  } catch {
    const diagnostics = r.stdout.split("\nDiagnostics:\n")[1] ?? "";
    lines = diagnostics.split("\n").filter((l) => /^\s*error: /.test(l));
  }
  lines.push(...r.stderr.split("\n"));
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .slice(-MAX_ERROR_LINES);
}

/** The `Resources:` summary an update prints (`3 unchanged, 1 deleted`), or undefined. */
export function resourceSummary(stdout: string): string | undefined {
  const block = /\nResources:\n((?: {4}.*\n?)+)/.exec(stdout)?.[1];
  return block
    ?.split("\n")
    .map((l) => l.trim().replace(/^[-+~]\s+/, ""))
    .filter((l) => l !== "")
    .join(", ");
}

/** One recovery: where it runs, what it prints, the temporary folder of its files. */
class Sequence {
  private readonly pulumi: PulumiCli;
  interrupted = false;

  constructor(
    private readonly opts: StackOptions,
    private readonly project: Project,
    private readonly io: CliIo,
    private readonly deps: StackDeps,
    private readonly tmp: string,
  ) {
    this.pulumi = deps.pulumi(opts.cwd);
  }

  private say(step: string, text: string): void {
    this.io.err(`${step}: ${text}\n`);
  }

  /** Runs `pulumi ARGS` (with the common flags unless `bare`), prints it and fails the step on a non-zero exit. */
  private async pulumiStep(step: string, args: string[], opts: { bare?: boolean; hint?: string } = {}) {
    if (this.interrupted) throw new StepFailed(step, ["interrupted before this step"]);
    const full = opts.bare ? args : [...args, ...commonFlags(this.opts.stack)];
    this.say(step, `$ ${commandLine(full)}`);
    const r = await this.pulumi.run(full);
    if (r.code !== 0)
      throw new StepFailed(step, [`${commandLine(full)} exited ${r.code}`, ...errorLines(r)], opts.hint);
    return r;
  }

  /** Prints a mutating command: runs it, or in a dry run says it would. */
  private async change(
    step: string,
    args: string[],
    opts: { hint?: string } = {},
  ): Promise<PulumiResult | undefined> {
    if (!this.opts.dryRun) return this.pulumiStep(step, args, opts);
    this.say(step, `would run: ${commandLine([...args, ...commonFlags(this.opts.stack)])}`);
    return undefined;
  }

  /**
   * The backend URL, found as the CLI finds it: `PULUMI_BACKEND_URL`, else the project's
   * `backend.url`, else `pulumi whoami --json` (the backend the CLI is logged in to).
   */
  async backend(): Promise<string> {
    const env = this.deps.env["PULUMI_BACKEND_URL"];
    if (env) {
      this.say("backend", `${displayUrl(env)} (PULUMI_BACKEND_URL)`);
      return env;
    }
    if (this.project.backendUrl) {
      this.say("backend", `${displayUrl(this.project.backendUrl)} (backend.url of the project)`);
      return this.project.backendUrl;
    }
    const r = await this.pulumiStep(
      "backend",
      ["whoami", "--json", "--non-interactive", "--color", "never"],
      {
        bare: true,
      },
    );
    const url = parseJson<{ url?: string }>("backend", r.stdout, "the output of pulumi whoami --json").url;
    if (!url) throw new StepFailed("backend", ["pulumi whoami --json names no url"]);
    this.say("backend", displayUrl(url));
    return url;
  }

  /**
   * On a file backend, deletes the zero-byte `.attrs` sidecars a killed CLI can leave under
   * `.pulumi` (without which no command can load the checkpoint); returns how many there were.
   */
  repair(dir: string | undefined): number {
    if (dir === undefined) {
      this.say("repair", "not a file backend: nothing to repair");
      return 0;
    }
    const torn = tornSidecars(dir);
    if (torn.length === 0) this.say("repair", `no empty .attrs sidecar under ${path.join(dir, ".pulumi")}`);
    for (const f of torn) {
      if (!this.opts.dryRun) fs.rmSync(f);
      this.say("repair", `${this.opts.dryRun ? "would delete" : "deleted"} ${f} (empty sidecar)`);
    }
    return torn.length;
  }

  /**
   * `pulumi cancel --yes`, only for a lock that is surely dead (see decideLock). Only a file
   * backend's locks can be read; elsewhere the stack is never cancelled, and a locked one stops at
   * the import, with the CLI's message naming the holder.
   */
  async unlock(dir: string | undefined): Promise<void> {
    if (dir === undefined) {
      this.say("unlock", "lock not read on this backend: recover never cancels here");
      return;
    }
    const d = decideLock(
      stackLocks(lockDirs(dir, this.project.name, this.opts.stack)),
      this.deps.hostname,
      (pid) => this.deps.running(pid),
    );
    if (d.action === "none") return this.say("unlock", "not locked");
    const cancel = `pulumi cancel --yes --stack ${this.opts.stack}`;
    if (d.action === "refuse")
      throw new StepFailed(
        "unlock",
        [d.why],
        `once you know no update runs on the stack, run ${cancel}, then recover again`,
      );
    this.say("unlock", d.why);
    await this.change("unlock", ["cancel", "--yes"]);
  }

  /** `pulumi stack export --file`: the checkpoint (ciphertext only; never printed), pending operations included. */
  async export(): Promise<StackExport> {
    const file = path.join(this.tmp, "state.json");
    await this.pulumiStep("export", ["stack", "export", "--file", file]);
    const state = parseJson<StackExport>("export", fs.readFileSync(file, "utf8"), "the export");
    const { resources = [], pending_operations: pending = [] } = state.deployment;
    this.say("export", `${resources.length} resources, ${pending.length} pending operations`);
    return state;
  }

  /**
   * `pulumi preview --json`: the creates the next run plans, which a killed provider process
   * (no pending create left) may have applied. A preview only reads.
   */
  async preview(): Promise<PreviewJson> {
    const r = await this.pulumiStep("preview", ["preview", "--json"]);
    const preview = parseJson<PreviewJson>("preview", r.stdout, "the output of pulumi preview --json");
    this.say("preview", `${preview.steps?.filter((s) => s.op === "create").length ?? 0} creates planned`);
    return preview;
  }

  /** recoverInterruptedCreates: the checkpoint with the interrupted creates recorded, written for the import. */
  record(state: StackExport, preview: PreviewJson): { file: string; recorded: number; skipped: number } {
    const r = recoverInterruptedCreates(state, preview);
    const [record, skip] = this.opts.dryRun ? ["would record", "would skip"] : ["recorded", "skipped"];
    for (const x of r.recorded) this.say("record", `${record} ${x.urn} as ${x.id} (${x.from})`);
    for (const x of r.skipped) this.say("record", `${skip} ${x.urn}: ${x.reason}`);
    const file = path.join(this.tmp, "recovered.json");
    if (!this.opts.dryRun) fs.writeFileSync(file, JSON.stringify(r.stack), { mode: 0o600 });
    this.say("record", `${record} ${r.recorded.length}, ${r.skipped.length} skipped`);
    return { file, recorded: r.recorded.length, skipped: r.skipped.length };
  }

  /** `pulumi stack import --file`: the recorded checkpoint becomes the stack's; skipped when nothing was recorded. */
  async import(file: string, recorded: number): Promise<void> {
    if (recorded === 0) return this.say("import", "nothing recorded: the state is left as it is");
    const cancel = `pulumi cancel --yes --stack ${this.opts.stack}`;
    await this.change("import", ["stack", "import", "--file", file], {
      hint: `if the stack is locked and you know no update runs on it: ${cancel}, then recover again`,
    });
  }

  /**
   * `pulumi refresh --yes --skip-preview`: reads every resource from AWS, drops the recorded ones
   * AWS does not hold and keeps only what is really attached (no preview: nobody reads it).
   */
  async refresh(): Promise<string> {
    const r = await this.change("refresh", ["refresh", "--yes", "--skip-preview"]);
    const summary = r ? (resourceSummary(r.stdout) ?? "done") : "";
    if (r) this.say("refresh", summary);
    return summary;
  }

  async run(): Promise<number> {
    const { stack, dryRun } = this.opts;
    this.say(
      "recover",
      `stack ${stack} of project ${this.project.name || "?"} in ${this.opts.cwd}${dryRun ? " (dry run: nothing is changed; export and preview only read)" : ""}`,
    );
    const dir = fileBackendDir(await this.backend(), this.project.dir);
    const torn = this.repair(dir);
    await this.unlock(dir);
    let state: StackExport;
    try {
      state = await this.export();
    } catch (e) {
      if (!(dryRun && torn > 0 && e instanceof StepFailed)) throw e;
      this.say(
        "export",
        "the stack cannot be read before the empty sidecars are deleted, which a dry run does not do",
      );
      this.io.err(
        `dry run: would delete ${torn} empty sidecars and go on; what would be recorded is known only after. Nothing changed.\n`,
      );
      return EXIT.ok;
    }
    const { file, recorded, skipped } = this.record(state, await this.preview());
    await this.import(file, recorded);
    const refreshed = await this.refresh();
    const next = `pulumi up --stack ${stack}`;
    const skippedNote = skipped > 0 ? `, ${skipped} skipped (pulumi up creates them)` : "";
    this.io.err(
      dryRun
        ? `dry run: would record ${recorded} creates the interrupted up may have applied${skippedNote}, then ${recorded > 0 ? "import and " : ""}refresh; nothing changed. Next: connect-associations recover --stack ${stack}, then ${next}\n`
        : `recovered stack ${stack}: recorded ${recorded} creates the interrupted up may have applied${skippedNote}; pulumi refresh kept what AWS holds (${refreshed}). Next: ${next}\n`,
    );
    return EXIT.ok;
  }
}

/**
 * `connect-associations recover --stack NAME [--cwd DIR] [--dry-run]`: the whole recovery of
 * docs/recovery.md through the `pulumi` CLI, in the project folder:
 *
 * 1. backend: `PULUMI_BACKEND_URL`, the project's `backend.url`, or `pulumi whoami --json`;
 * 2. repair (file backend only): deletes the zero-byte `*.attrs` sidecars under `.pulumi`;
 * 3. unlock: `pulumi cancel --yes`, only when the stack's lock is held by a process of this machine
 *    that no longer runs (a killed CLI); any other lock stops the recovery;
 * 4. export: `pulumi stack export --file`;
 * 5. preview: `pulumi preview --json`;
 * 6. record: {@link recoverInterruptedCreates};
 * 7. import: `pulumi stack import --file` (skipped when nothing was recorded);
 * 8. refresh: `pulumi refresh --yes --skip-preview`.
 *
 * Each runs with `--stack NAME --non-interactive --color never`, and prints its command and outcome
 * on stderr; the last line is the summary and what to run next (`pulumi up`). With `dryRun`, the
 * reading steps run (backend, the lock and sidecar checks, export, preview, record) and the
 * changing ones are only printed. Files go to a temporary folder, removed at the end, also on
 * SIGINT or SIGTERM (the running `pulumi` gets the signal from the terminal itself; the sequence
 * stops after it). Resolves to 0 when done, 1 when a step failed (named, with the CLI's last
 * lines of error).
 */
export async function recoverStack(
  opts: StackOptions,
  io: CliIo,
  deps: StackDeps = processDeps(),
): Promise<number> {
  if (!fs.existsSync(opts.cwd)) throw new UsageError(`--cwd ${opts.cwd}: no such folder`);
  const project = findProject(opts.cwd);
  if (!project)
    throw new UsageError(
      `no Pulumi.yaml in ${opts.cwd} or above: run it in the project folder, or give --cwd`,
    );
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "connect-associations-recover-"));
  const seq = new Sequence(opts, project, io, deps, tmp);
  const stop = () => {
    seq.interrupted = true;
  };
  process.on("SIGINT", stop).on("SIGTERM", stop);
  try {
    return await seq.run();
  } catch (e) {
    if (!(e instanceof StepFailed)) throw e;
    io.err(`${e.step}: failed\n${e.detail.map((l) => `  ${l}\n`).join("")}`);
    io.err(
      `recover stopped at ${e.step}; the steps after it did not run.${e.hint ? ` Next: ${e.hint}.` : ""}\n`,
    );
    return EXIT.failed;
  } finally {
    process.off("SIGINT", stop).off("SIGTERM", stop);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
