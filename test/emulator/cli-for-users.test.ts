import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as readline from "node:readline";
import { AssociateBotCommand, ConnectClient, ListBotsCommand } from "@aws-sdk/client-connect";
import { describe, expect, it } from "vitest";
import { stateOf } from "../helpers/admin";
import { TEST_CREDENTIALS } from "../helpers/emulator";
import { REPO_ROOT } from "../helpers/pulumi";
import { ALIAS_A, INSTANCE, REGION, baseSeed } from "../helpers/seeds/base";

// What a user of `connect-emulator` meets first: the help text, a seed mistake, the request log.
const CLI = path.resolve(__dirname, "../../dist/emulator/cli.js");

/** Runs the CLI to its end: exit code, stdout and stderr. */
function runToEnd(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [CLI, ...args]);
    let stdout = "";
    let stderr = "";
    proc.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    proc.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

function seedFile(seed: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "emu-users-")), "seed.json");
  fs.writeFileSync(file, JSON.stringify(seed));
  return file;
}

describe("connect-emulator for users", () => {
  it("--help prints the usage and every option on stdout and exits 0", async () => {
    const r = await runToEnd(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")[0]).toBe("Usage: connect-emulator [options]");
    const options = r.stdout.match(/^ {2}(-h, )?--[a-z-]+/gm)?.map((o) => o.trim());
    expect(options).toEqual([
      "--host",
      "--port",
      "--seed",
      "--data-dir",
      "--quotas",
      "--faults",
      "--log",
      "--version",
      "-h, --help",
    ]);
  });

  it("--version prints the package's version on stdout and exits 0", async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    expect(await runToEnd(["--version"])).toEqual({
      code: 0,
      stdout: `connect-emulator ${version}\n`,
      stderr: "",
    });
  });

  it("started with npx and stopped with SIGTERM to npx (as a CI step does), it stops listening and frees its port", async () => {
    // A user's project: the bin in node_modules/.bin, as npm installs it. npx runs
    // `sh -c connect-emulator …`, and dash does not pass a SIGTERM on to it.
    const project = fs.mkdtempSync(path.join(os.tmpdir(), "emu-npx-"));
    fs.writeFileSync(path.join(project, "package.json"), '{ "name": "user-project", "private": true }\n');
    const bin = path.join(project, "node_modules", ".bin", "connect-emulator");
    fs.mkdirSync(path.dirname(bin), { recursive: true });
    // The shim records the emulator's pid, so that a failing run does not leave it behind.
    const pidFile = path.join(project, "emulator.pid");
    fs.writeFileSync(
      bin,
      `#!/usr/bin/env node\nrequire("node:fs").writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));\nrequire(${JSON.stringify(CLI)});\n`,
      { mode: 0o755 },
    );
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
    const npx = spawn("npx", ["--no-install", "connect-emulator", "--port", "0"], { cwd: project, env });
    const firstLine = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: npx.stdout }).once("line", resolve);
      npx.once("exit", (code) => reject(new Error(`npx exited with ${code}`)));
    });
    const url = firstLine.replace("connect-emulator listening on ", "");
    await stateOf({ url });
    const npxExited = new Promise((resolve) => npx.once("exit", resolve));
    npx.kill("SIGTERM");
    await npxExited;
    // Within a second of npx's end the emulator has stopped: its port refuses connections.
    let refused = false;
    for (let i = 0; i < 20 && !refused; i++) {
      await new Promise((r) => setTimeout(r, 100));
      refused = await fetch(`${url}/_emulator/state`).then(
        () => false,
        () => true,
      );
    }
    try {
      expect(refused).toBe(true);
    } finally {
      if (!refused) process.kill(Number(fs.readFileSync(pidFile, "utf8")), "SIGKILL");
      fs.rmSync(project, { recursive: true, force: true });
    }
  });

  it("an unknown option exits 2 and points at --help", async () => {
    const r = await runToEnd(["--verbose"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("connect-emulator: Unknown option '--verbose'; see connect-emulator --help\n");
  });

  it("a seed with a bad field exits 2 naming the field's full path, before listening", async () => {
    const bad = {
      connect: { instances: [{ id: INSTANCE, users: [{ id: "u-1", securityProfileIds: [7] }] }] },
    };
    const r = await runToEnd(["--seed", seedFile(bad)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "connect-emulator: seed: connect.instances[0].users[0].securityProfileIds[0] must be a non-empty string\n",
    );
  });

  it("a seed file that is not JSON exits 2 naming the file", async () => {
    const file = seedFile("x");
    fs.writeFileSync(file, "{ not json");
    const r = await runToEnd(["--seed", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`^connect-emulator: --seed ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `),
    );
  });

  it("--log json writes one JSON line per API request on stderr, and none for admin calls", async () => {
    const proc = spawn(process.execPath, [CLI, "--seed", seedFile(baseSeed()), "--log", "json"]);
    const logLines: string[] = [];
    readline.createInterface({ input: proc.stderr }).on("line", (l) => logLines.push(l));
    const firstLine = await new Promise<string>((resolve) =>
      readline.createInterface({ input: proc.stdout }).once("line", resolve),
    );
    const url = firstLine.replace("connect-emulator listening on ", "");
    const c = new ConnectClient({
      region: REGION,
      endpoint: url,
      credentials: TEST_CREDENTIALS,
      maxAttempts: 1,
    });
    await c.send(new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V2" }));
    await c.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: ALIAS_A } }));
    await expect(
      c.send(new AssociateBotCommand({ InstanceId: "no-such-instance", LexV2Bot: { AliasArn: ALIAS_A } })),
    ).rejects.toThrow();
    await stateOf({ url });
    const exited = new Promise((resolve) => proc.once("exit", resolve));
    proc.kill("SIGTERM");
    await exited;

    const entries = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.map(({ method, path: p, status }) => ({ method, path: p, status }))).toEqual([
      { method: "GET", path: `/instance/${INSTANCE}/bots`, status: 200 },
      { method: "PUT", path: `/instance/${INSTANCE}/bot`, status: 200 },
      { method: "PUT", path: "/instance/no-such-instance/bot", status: 404 },
    ]);
    for (const e of entries) {
      expect(Object.keys(e).sort()).toEqual(["at", "method", "ms", "path", "status"]);
      expect(new Date(e["at"] as string).toISOString()).toBe(e["at"]);
      expect(typeof e["ms"]).toBe("number");
    }
  });
});
