import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as readline from "node:readline";
import { AssociateBotCommand, ConnectClient, ListBotsCommand } from "@aws-sdk/client-connect";
import { describe, expect, it } from "vitest";
import { TEST_CREDENTIALS } from "../helpers/emulator";
import { ALIAS_A, ALIAS_B, INSTANCE, REGION, baseSeed } from "../helpers/seeds/base";

const CLI = path.resolve(__dirname, "../../dist/emulator/cli.js");

async function start(
  args: string[],
): Promise<{ proc: ChildProcessWithoutNullStreams; url: string; firstLine: string }> {
  const proc = spawn(process.execPath, [CLI, ...args]);
  const lines = readline.createInterface({ input: proc.stdout });
  const firstLine = await new Promise<string>((resolve, reject) => {
    lines.once("line", resolve);
    proc.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  const url = firstLine.replace("connect-emulator listening on ", "");
  return { proc, url, firstLine };
}

function exitCode(proc: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => proc.once("exit", (code) => resolve(code)));
}

describe("connect-emulator CLI", () => {
  it("prints its address first, serves the seed, and stops cleanly on SIGTERM", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emu-cli-"));
    const seedFile = path.join(dir, "seed.json");
    fs.writeFileSync(seedFile, JSON.stringify(baseSeed()));
    const { proc, url, firstLine } = await start(["--port", "0", "--seed", seedFile]);
    expect(firstLine).toMatch(/^connect-emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
    const c = new ConnectClient({ region: REGION, endpoint: url, credentials: TEST_CREDENTIALS });
    expect((await c.send(new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V2" }))).LexBots).toEqual(
      [],
    );
    const exited = exitCode(proc);
    proc.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("keeps every acknowledged mutation across kill -9 with --data-dir", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emu-data-"));
    const seedFile = path.join(dir, "seed.json");
    fs.writeFileSync(seedFile, JSON.stringify(baseSeed()));
    const first = await start(["--seed", seedFile, "--data-dir", path.join(dir, "data")]);
    const c1 = new ConnectClient({ region: REGION, endpoint: first.url, credentials: TEST_CREDENTIALS });
    await c1.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: ALIAS_A } }));
    await c1.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: ALIAS_B } }));
    const killed = exitCode(first.proc);
    first.proc.kill("SIGKILL");
    await killed;
    const second = await start(["--seed", seedFile, "--data-dir", path.join(dir, "data")]);
    const c2 = new ConnectClient({ region: REGION, endpoint: second.url, credentials: TEST_CREDENTIALS });
    const listed = await c2.send(new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V2" }));
    expect(listed.LexBots).toEqual([
      { LexV2Bot: { AliasArn: ALIAS_A } },
      { LexV2Bot: { AliasArn: ALIAS_B } },
    ]);
    second.proc.kill("SIGTERM");
    await exitCode(second.proc);
  });

  it("exits 2 with a message naming the bad option", async () => {
    const proc = spawn(process.execPath, [CLI, "--quotas", "sometimes"]);
    let err = "";
    proc.stderr.on("data", (d: Buffer) => (err += d.toString()));
    expect(await exitCode(proc)).toBe(2);
    expect(err).toBe("connect-emulator: --quotas must be off or aws, got sometimes\n");
  });
});
