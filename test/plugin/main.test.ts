import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as readline from "node:readline";
import * as grpc from "@grpc/grpc-js";
import * as esbuild from "esbuild";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { afterAll, beforeAll, expect, it } from "vitest";

/*
 * The plugin's executable as the engine runs it: src/plugin/main.ts bundled as `npm run plugin`
 * bundles it (one CommonJS file for Node 20), started as a child process. It prints its port, the
 * one line on stdout, and exits on SIGTERM and on the engine's Cancel, never on SIGINT (the CLI's
 * Ctrl-C, which the engine turns into a Cancel).
 */

let dir: string;
let bundle: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "plugin-main-"));
  bundle = path.join(dir, "pulumi-resource-connect-associations.js");
  await esbuild.build({
    entryPoints: ["src/plugin/main.ts"],
    outfile: bundle,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    logLevel: "warning",
  });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Starts the bundle; resolves with the process, its first stdout line, and its exit. */
async function started(): Promise<{
  child: ChildProcess;
  firstLine: string;
  exit: Promise<number | null>;
  stdout: () => string;
}> {
  const child = spawn(process.execPath, [bundle], { stdio: ["ignore", "pipe", "inherit"] });
  const stdout = child.stdout;
  if (!stdout) throw new Error("the plugin's stdout is not piped");
  let out = "";
  stdout.on("data", (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const lines = readline.createInterface({ input: stdout });
  const firstLine = await new Promise<string>((resolve) => lines.once("line", resolve));
  return { child, firstLine, exit, stdout: () => out };
}

function client(port: string): ResourceProviderClient {
  return new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}

it("prints its port and nothing else on stdout, serves GetPluginInfo there, and exits 0 on SIGTERM", async () => {
  const { child, firstLine, exit, stdout } = await started();
  expect(firstLine).toMatch(/^\d+$/);
  const c = client(firstLine);
  const version = await new Promise<string>((resolve, reject) =>
    c.getPluginInfo(new Empty(), (e, r) => (e ? reject(e) : resolve(r.getVersion()))),
  );
  expect(version).toBe((JSON.parse(fs.readFileSync("package.json", "utf8")) as { version: string }).version);
  c.close();
  child.kill("SIGTERM");
  expect(await exit).toBe(0);
  expect(stdout()).toBe(`${firstLine}\n`);
});

/** The version GetPluginInfo answers on the port. */
async function versionAt(port: string): Promise<string> {
  const c = client(port);
  try {
    return await new Promise<string>((resolve, reject) =>
      c.getPluginInfo(new Empty(), (e, r) => (e ? reject(e) : resolve(r.getVersion()))),
    );
  } finally {
    c.close();
  }
}

it("keeps serving after SIGINT (Ctrl-C reaches the process group; the engine cancels through Cancel)", async () => {
  const { child, firstLine, exit } = await started();
  let exited = false;
  void exit.then(() => (exited = true));
  child.kill("SIGINT");
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(exited).toBe(false);
  expect(await versionAt(firstLine)).toBe(
    (JSON.parse(fs.readFileSync("package.json", "utf8")) as { version: string }).version,
  );
  child.kill("SIGTERM");
  expect(await exit).toBe(0);
});

it("answers the engine's Cancel, then exits 0", async () => {
  const { firstLine, exit } = await started();
  const c = client(firstLine);
  await new Promise<void>((resolve, reject) => c.cancel(new Empty(), (e) => (e ? reject(e) : resolve())));
  c.close();
  expect(await exit).toBe(0);
});
