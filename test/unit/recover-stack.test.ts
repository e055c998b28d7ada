import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io";
import { run } from "../../src/cli/main";
import {
  decideLock,
  fileBackendDir,
  lockDirs,
  projectKeys,
  type StackLock,
} from "../../src/cli/recover/backend";
import type { PulumiResult } from "../../src/cli/recover/pulumi";
import {
  displayUrl,
  errorLines,
  parseStackArgs,
  recoverStack,
  resourceSummary,
  type StackDeps,
} from "../../src/cli/recover/stack";

const WORKSPACE = "pulumi-nodejs:dynamic/connect:WorkspaceAssociation";
const URN = `urn:pulumi:dev::p::${WORKSPACE}::w`;
const inputs = {
  instanceId: "inst-1",
  workspaceId: "ws-1",
  resourceArns: ["arn:aws:connect:us-east-1:1:user/u"],
};
const ID = "inst-1|ws-1";
/** A checkpoint with one pending create of a workspace association, as a killed CLI leaves it. */
const CRASHED = {
  version: 3,
  deployment: {
    resources: [],
    pending_operations: [{ type: "creating", resource: { urn: URN, type: WORKSPACE, custom: true, inputs } }],
  },
};

function capture(): CliIo & { outText: string; errText: string } {
  const io = {
    outText: "",
    errText: "",
    out: (t: string) => void (io.outText += t),
    err: (t: string) => void (io.errText += t),
  };
  return io;
}

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) fs.rmSync(t, { recursive: true, force: true });
});

/** A project folder `p` and a file backend with the stack `dev`, in a temporary folder of the test's own. */
function fixture(project = "name: p\nruntime: nodejs\n") {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pca-recover-unit-"));
  temps.push(root);
  const dir = path.join(root, "proj");
  const backend = path.join(root, "backend");
  fs.mkdirSync(path.join(backend, ".pulumi/stacks/p"), { recursive: true });
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), project);
  fs.writeFileSync(path.join(backend, ".pulumi/stacks/p/dev.json.attrs"), '{"user.content_type":"x"}');
  const lockDir = path.join(backend, ".pulumi/locks/organization/p/dev");
  const lock = (content: object) => {
    fs.mkdirSync(lockDir, { recursive: true });
    fs.writeFileSync(path.join(lockDir, "0b5c.json"), JSON.stringify(content));
  };
  const torn = path.join(backend, ".pulumi/stacks/p/dev.json.bak.attrs");
  fs.writeFileSync(torn, "");
  return { dir, backend, lock, lockFile: path.join(lockDir, "0b5c.json"), torn };
}

/**
 * A fake `pulumi`: records each command (without the common flags), writes CRASHED for an export,
 * keeps the file it is given to import, and answers from `answers` (by first word) where given.
 */
function fakePulumi(answers: Record<string, Partial<PulumiResult>> = {}) {
  const calls: string[] = [];
  let imported: unknown;
  let tmp: string | undefined;
  const pulumi = {
    run: async (args: readonly string[]) => {
      const i = args.indexOf("--stack");
      calls.push((i < 0 ? args : args.slice(0, i)).join(" "));
      const file = args[args.indexOf("--file") + 1] ?? "";
      if (args[1] === "export") {
        tmp = path.dirname(file);
        fs.writeFileSync(file, JSON.stringify(CRASHED));
      }
      if (args[1] === "import") imported = JSON.parse(fs.readFileSync(file, "utf8"));
      const stdout = args[0] === "preview" ? JSON.stringify({ steps: [] }) : "";
      return { code: 0, stdout, stderr: "", ...answers[args[0] ?? ""] };
    },
  };
  return { pulumi, calls, imported: () => imported, tmp: () => tmp };
}

function deps(backend: string | undefined, fake: ReturnType<typeof fakePulumi>, running = false): StackDeps {
  return {
    env: backend ? { PULUMI_BACKEND_URL: `file://${backend}` } : {},
    hostname: "build-7",
    running: () => running,
    pulumi: () => fake.pulumi,
  };
}

const DEAD_LOCK = { pid: 4242, username: "ci", hostname: "build-7", timestamp: "2026-01-01T00:00:00Z" };

describe("recover --stack: arguments", () => {
  it("parses --stack, --cwd (resolved against the current folder), --dry-run, -s and --stack=", () => {
    expect(parseStackArgs(["--stack", "dev"], "/w")).toEqual({ stack: "dev", cwd: "/w", dryRun: false });
    expect(parseStackArgs(["--stack=org/p/dev", "--cwd", "infra", "--dry-run"], "/w")).toEqual({
      stack: "org/p/dev",
      cwd: "/w/infra",
      dryRun: true,
    });
    expect(parseStackArgs(["-s", "dev", "--cwd=/abs"], "/w")).toEqual({
      stack: "dev",
      cwd: "/abs",
      dryRun: false,
    });
    expect(parseStackArgs(["--stack", "dev", "--help"], "/w")).toBe("help");
  });

  it.each([
    [["--dry-run"], "--cwd and --dry-run go with --stack NAME"],
    [
      ["--stack", "dev", "state.json"],
      "unexpected 'state.json': --stack takes no STATE.json or PREVIEW.json",
    ],
    [["--stack", ""], "--stack needs a stack name"],
    [["--stack", "dev", "--force"], "Unknown option '--force'"],
    [["--stack"], "Option '-s, --stack <value>' argument missing"],
  ])("rejects %j, exit 2 with the usage", async (args, message) => {
    const io = capture();
    expect(await run(["recover", ...args], io)).toBe(2);
    expect(io.errText).toContain(`connect-associations recover: ${message}`);
    expect(io.errText).toContain("Usage: connect-associations recover --stack NAME [--cwd DIR] [--dry-run]");
  });

  it("exits 2 when no Pulumi.yaml is in --cwd or above", async () => {
    const io = capture();
    expect(await run(["recover", "--stack", "dev", "--cwd", os.tmpdir()], io)).toBe(2);
    expect(io.errText).toContain(`no Pulumi.yaml in ${os.tmpdir()} or above`);
  });

  it("prints the usage of both forms for --help, exit 0", async () => {
    const io = capture();
    expect(await run(["recover", "--help"], io)).toBe(0);
    expect(io.outText).toContain("connect-associations recover STATE.json [PREVIEW.json] > RECOVERED.json");
  });
});

describe("recover --stack: the backend, its sidecars and locks", () => {
  it("reads a project's name and backend.url (block form, quoted or not, comments ignored)", () => {
    expect(projectKeys('name: "shop"\nruntime: nodejs\nbackend:\n  url: file://~/state # local\n')).toEqual({
      name: "shop",
      backendUrl: "file://~/state",
    });
    expect(projectKeys("name: shop\nconfig:\n  url: nope\n")).toEqual({ name: "shop" });
  });

  it("finds a file backend's folder: absolute, under home, relative to the project, without the query", () => {
    expect(fileBackendDir("file:///var/state?no_tmp_dir=true", "/p")).toBe("/var/state");
    expect(fileBackendDir("file://~/state", "/p")).toBe(path.join(os.homedir(), "state"));
    expect(fileBackendDir("file://./state", "/p")).toBe("/p/state");
    expect(fileBackendDir("s3://bucket/state", "/p")).toBeUndefined();
    expect(fileBackendDir("https://api.pulumi.com", "/p")).toBeUndefined();
  });

  it("looks for the stack's locks in the project-scoped and the older layout, or where a full name says", () => {
    expect(lockDirs("/b", "p", "dev")).toEqual([
      "/b/.pulumi/locks/organization/p/dev",
      "/b/.pulumi/locks/dev",
    ]);
    expect(lockDirs("/b", "p", "q/dev")).toEqual(["/b/.pulumi/locks/organization/q/dev"]);
    expect(lockDirs("/b", "p", "organization/q/dev")).toEqual(["/b/.pulumi/locks/organization/q/dev"]);
  });

  it("cancels only locks of this machine whose pulumi no longer runs; refuses live, foreign and unreadable ones", () => {
    const lock = (l: Partial<StackLock>): StackLock => ({ file: "/l.json", ...DEAD_LOCK, ...l });
    const running = (pid: number) => pid === 7;
    expect(decideLock([], "build-7", running)).toEqual({ action: "none" });
    expect(decideLock([lock({})], "build-7", running)).toEqual({
      action: "cancel",
      why: "locked by ci@build-7 (pid 4242, since 2026-01-01T00:00:00Z), which no longer runs: the lock of a killed pulumi",
    });
    expect(decideLock([lock({}), lock({ pid: 7 })], "build-7", running)).toEqual({
      action: "refuse",
      why: "locked by ci@build-7 (pid 7, since 2026-01-01T00:00:00Z), which still runs: a live update",
    });
    expect(decideLock([lock({ hostname: "runner-3" })], "build-7", running)).toEqual({
      action: "refuse",
      why: "locked by ci@runner-3 (pid 4242, since 2026-01-01T00:00:00Z), another machine: whether that update still runs cannot be told from here",
    });
    expect(decideLock([{ file: "/l.json" }], "build-7", running)).toEqual({
      action: "refuse",
      why: "the lock /l.json does not say who holds it",
    });
  });
});

describe("recover --stack: the sequence, with a fake pulumi", () => {
  it("--dry-run runs only export and preview, deletes no sidecar, keeps the lock, and says what it would do", async () => {
    const f = fixture();
    f.lock(DEAD_LOCK);
    const fake = fakePulumi();
    const io = capture();
    expect(await recoverStack({ stack: "dev", cwd: f.dir, dryRun: true }, io, deps(f.backend, fake))).toBe(0);
    expect(fake.calls).toEqual([
      "stack export --file " + path.join(fake.tmp() ?? "", "state.json"),
      "preview --json",
    ]);
    expect([fs.existsSync(f.torn), fs.existsSync(f.lockFile), fs.existsSync(fake.tmp() ?? "")]).toEqual([
      true,
      true,
      false,
    ]);
    const flags = "--stack dev --non-interactive --color never";
    expect(io.errText.split("\n")).toEqual([
      `recover: stack dev of project p in ${f.dir} (dry run: nothing is changed; export and preview only read)`,
      `backend: file://${f.backend} (PULUMI_BACKEND_URL)`,
      `repair: would delete ${f.torn} (empty sidecar)`,
      "unlock: locked by ci@build-7 (pid 4242, since 2026-01-01T00:00:00Z), which no longer runs: the lock of a killed pulumi",
      `unlock: would run: pulumi cancel --yes ${flags}`,
      `export: $ pulumi stack export --file ${fake.tmp()}/state.json ${flags}`,
      "export: 0 resources, 1 pending operations",
      `preview: $ pulumi preview --json ${flags}`,
      "preview: 0 creates planned",
      `record: would record ${URN} as ${ID} (pending)`,
      "record: would record 1, 0 skipped",
      `import: would run: pulumi stack import --file ${fake.tmp()}/recovered.json ${flags}`,
      `refresh: would run: pulumi refresh --yes --skip-preview ${flags}`,
      "dry run: would record 1 creates the interrupted up may have applied, then import and refresh; nothing changed. Next: connect-associations recover --stack dev, then pulumi up --stack dev",
      "",
    ]);
  });

  it("runs repair, cancel, export, preview, import of the recorded checkpoint, refresh; removes its files", async () => {
    const f = fixture();
    f.lock(DEAD_LOCK);
    const fake = fakePulumi({
      refresh: { stdout: "Refreshing (dev):\n\nResources:\n    1 unchanged\n\nDuration: 1s\n" },
    });
    const io = capture();
    expect(await recoverStack({ stack: "dev", cwd: f.dir, dryRun: false }, io, deps(f.backend, fake))).toBe(
      0,
    );
    expect(fake.calls).toEqual([
      "cancel --yes",
      `stack export --file ${fake.tmp()}/state.json`,
      "preview --json",
      `stack import --file ${fake.tmp()}/recovered.json`,
      "refresh --yes --skip-preview",
    ]);
    expect(fs.existsSync(f.torn)).toBe(false);
    expect(fs.existsSync(fake.tmp() ?? "")).toBe(false);
    expect(fake.imported()).toMatchObject({
      deployment: {
        pending_operations: [],
        resources: [{ urn: URN, id: ID }],
      },
    });
    expect(io.errText).toContain(`repair: deleted ${f.torn} (empty sidecar)\n`);
    expect(io.errText.split("\n").at(-2)).toBe(
      "recovered stack dev: recorded 1 creates the interrupted up may have applied; pulumi refresh kept what AWS holds (1 unchanged). Next: pulumi up --stack dev",
    );
  });

  it("finds the backend with pulumi whoami --json when neither PULUMI_BACKEND_URL nor backend.url names it", async () => {
    const f = fixture();
    const fake = fakePulumi({
      whoami: { stdout: JSON.stringify({ user: "u", url: `file://${f.backend}` }) },
    });
    const io = capture();
    expect(await recoverStack({ stack: "dev", cwd: f.dir, dryRun: true }, io, deps(undefined, fake))).toBe(0);
    expect(fake.calls[0]).toBe("whoami --json --non-interactive --color never");
    expect(io.errText).toContain(`\nbackend: file://${f.backend}\nrepair: would delete ${f.torn}`);
    expect(io.errText).toContain("\nunlock: not locked\n");
  });

  it("--dry-run stops, exit 0, where the stack cannot be read before the empty sidecars are deleted", async () => {
    const f = fixture();
    const fake = fakePulumi({ stack: { code: 255, stderr: "error: failed to load checkpoint: EOF\n" } });
    const io = capture();
    expect(await recoverStack({ stack: "dev", cwd: f.dir, dryRun: true }, io, deps(f.backend, fake))).toBe(0);
    expect([fake.calls.length, fs.existsSync(f.torn)]).toEqual([1, true]);
    expect(io.errText).toContain(
      "export: the stack cannot be read before the empty sidecars are deleted, which a dry run does not do\n" +
        "dry run: would delete 1 empty sidecars and go on; what would be recorded is known only after. Nothing changed.\n",
    );
  });

  it("refuses a lock whose pulumi still runs: exit 1, no pulumi command run, the lock kept", async () => {
    const f = fixture();
    f.lock(DEAD_LOCK);
    const fake = fakePulumi();
    const io = capture();
    expect(
      await recoverStack({ stack: "dev", cwd: f.dir, dryRun: false }, io, deps(f.backend, fake, true)),
    ).toBe(1);
    expect([fake.calls, fs.existsSync(f.lockFile)]).toEqual([[], true]);
    expect(io.errText).toContain(
      "unlock: failed\n  locked by ci@build-7 (pid 4242, since 2026-01-01T00:00:00Z), which still runs: a live update\n" +
        "recover stopped at unlock; the steps after it did not run. Next: once you know no update runs on the stack, run pulumi cancel --yes --stack dev, then recover again.\n",
    );
  });

  it("names a failed step with the CLI's last lines of error, exit 1, and runs nothing after it", async () => {
    const f = fixture();
    const stdout =
      "Diagnostics:\n  pulumi:pulumi:Stack (p-dev):\n    error: update failed\n\nResources:\n    1 errored\n";
    const fake = fakePulumi({
      refresh: { code: 255, stdout: `Refreshing (dev):\n${stdout}`, stderr: "error: read failed\n" },
    });
    const io = capture();
    expect(await recoverStack({ stack: "dev", cwd: f.dir, dryRun: false }, io, deps(f.backend, fake))).toBe(
      1,
    );
    expect(io.errText).toContain(
      "refresh: failed\n  pulumi refresh --yes --skip-preview --stack dev --non-interactive --color never exited 255\n" +
        "  error: update failed\n  error: read failed\nrecover stopped at refresh; the steps after it did not run.\n",
    );
  });
});

describe("recover --stack: what it reads from the CLI's output", () => {
  it("prints a backend URL without its password or query; a file path whole", () => {
    expect(displayUrl("postgres://app:s3cret@db:5432/pulumi?sslmode=require")).toBe(
      "postgres://***@db:5432/pulumi",
    );
    expect(displayUrl("azblob://state?storage_account=acct")).toBe("azblob://state");
    expect(displayUrl("https://api.pulumi.com")).toBe("https://api.pulumi.com");
    expect(displayUrl("file:///var/state?no_tmp_dir=true")).toBe("file:///var/state?no_tmp_dir=true");
  });

  it("takes a --json output's error diagnostics (two lines each), else stderr and the Diagnostics' error lines", () => {
    const preview = JSON.stringify({
      steps: [],
      diagnostics: [
        { severity: "warning", message: "warning: no package.json" },
        { severity: "error", message: "error: program failed:\nError: boom\n    at index.js:1" },
      ],
    });
    expect(errorLines({ code: 1, stdout: preview, stderr: "" })).toEqual([
      "error: program failed:",
      "Error: boom",
    ]);
    expect(
      errorLines({ code: 255, stdout: "", stderr: "error: the stack is currently locked by 1 lock(s)\n" }),
    ).toEqual(["error: the stack is currently locked by 1 lock(s)"]);
  });

  it("reads the Resources summary of an update", () => {
    expect(resourceSummary("x\nResources:\n    ~ 2 updated\n    48 unchanged\n\nDuration: 3s\n")).toBe(
      "2 updated, 48 unchanged",
    );
    expect(resourceSummary("no summary")).toBeUndefined();
  });
});
