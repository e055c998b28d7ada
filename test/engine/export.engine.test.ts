import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  AssociateBotCommand,
  AssociatePhoneNumberContactFlowCommand,
  AssociateWorkspaceCommand,
  DisassociateBotCommand,
} from "@aws-sdk/client-connect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { callsOf, resetMetrics } from "../helpers/admin";
import { TEST_CREDENTIALS, connectClient, emulatorWith } from "../helpers/emulator";
import { REPO_ROOT, TestStack, pulumiBinary } from "../helpers/pulumi";
import { compareStateWithEmulator } from "../helpers/state-compare";
import { USER_COMPILER_OPTIONS, diagnosticsOf } from "../helpers/typecheck";
import { INSTANCE, REGION } from "../helpers/seeds/base";
import {
  AI_AGENT,
  EXPECTED_COUNTS,
  FLOWS,
  MEMBERS,
  V1_BOTS,
  V2_ALIASES,
  VOICE,
  exportSeed,
} from "../helpers/seeds/export";

/** The command as a user runs it from the installed package. */
const CLI = path.join(REPO_ROOT, "node_modules/pulumi-connect-associations/dist/cli/main.js");

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

let em: RunningEmulator;

function exportCli(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, "export", "--instance-id", INSTANCE, "--region", REGION, ...args],
      {
        env: {
          PATH: process.env["PATH"] ?? "",
          AWS_ENDPOINT_URL_CONNECT: em.url,
          AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
        },
        maxBuffer: 16 * 1024 * 1024,
      },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** Every call that changes something in the emulator, by operation. */
function mutating(calls: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(calls).filter(([op]) => /^(Associate|Disassociate|Update|Put|Delete)/.test(op)),
  );
}

/** A program folder of its own whose modules resolve from this repository, as an npm install would. */
function programFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pca-export-"));
  fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

/** Makes the bots and workspace members by hand, through the API, as a console user would. */
async function buildByHand(): Promise<void> {
  const client = connectClient(em);
  for (const name of V1_BOTS)
    await client.send(
      new AssociateBotCommand({ InstanceId: INSTANCE, LexBot: { Name: name, LexRegion: REGION } }),
    );
  for (const aliasArn of V2_ALIASES)
    await client.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: aliasArn } }));
  for (const [workspaceId, arns] of Object.entries(MEMBERS))
    await client.send(
      new AssociateWorkspaceCommand({ InstanceId: INSTANCE, WorkspaceId: workspaceId, ResourceArns: arns }),
    );
  client.destroy();
}

interface InventoryJson {
  associations: ({ type: string } & Record<string, unknown>)[];
}

describe.sequential("connect-associations export of an instance built by hand", () => {
  const dir = { program: "", again: "" };
  let stack: TestStack;
  let firstInventory: InventoryJson;

  beforeAll(async () => {
    pulumiBinary();
    em = await emulatorWith(exportSeed());
    await buildByHand();
    dir.program = programFolder();
    dir.again = programFolder();
  }, 120_000);

  afterAll(async () => {
    await stack?.remove();
    await em?.close();
    for (const d of Object.values(dir)) if (d) fs.rmSync(d, { recursive: true, force: true });
  });

  it("lists every association, one object each, in a stable order, with progress on stderr", async () => {
    const r = await exportCli(["--format", "json", "--users", "--ai-agent", AI_AGENT]);
    expect(r.stderr).not.toMatch(/failed/);
    expect(r.code).toBe(0);
    firstInventory = JSON.parse(r.stdout) as InventoryJson;
    const byType: Record<string, number> = {};
    for (const a of firstInventory.associations) byType[a.type] = (byType[a.type] ?? 0) + 1;
    expect(byType).toEqual(EXPECTED_COUNTS);
    expect(firstInventory.associations).toHaveLength(44);
    expect(r.stderr).toContain("listing Lex V1 bots (ListBots)...");
    expect(r.stderr).toContain("DescribeUser x 6: about 1 s at 2 calls/s");
    expect(r.stderr.trim().split("\n").pop()).toMatch(/^44 associations read with \d+ calls in \d+\.\d s$/);
    // Nothing but reads.
    expect(mutating(await callsOf(em))).toEqual({
      AssociateBot: V1_BOTS.length + V2_ALIASES.length,
      AssociateWorkspace: Object.keys(MEMBERS).length,
    });
  });

  it("writes a program that type-checks, with the same names on a second export", async () => {
    const args = ["--users", "--ai-agent", AI_AGENT];
    stack = new TestStack(dir.program);
    const first = await exportCli([...args, "--out", dir.program, "--stack", stack.stack]);
    expect(first.code).toBe(0);
    const second = await exportCli([...args, "--out", dir.again, "--stack", stack.stack]);
    expect(second.code).toBe(0);
    const source = fs.readFileSync(path.join(dir.program, "index.ts"), "utf8");
    // The same instance, exported twice: identical programs (names and order), bar the folder named in the header.
    const body = (s: string) => s.split("\n").slice(4).join("\n");
    expect(body(fs.readFileSync(path.join(dir.again, "index.ts"), "utf8"))).toBe(body(source));
    const names = [...source.matchAll(/^new connect\.(\w+)\("([^"]+)"/gm)].map((m) => `${m[1]}/${m[2]}`);
    expect(new Set(names).size).toBe(names.length);
    // One resource per bot and flow, one per workspace, one per user and per AI agent.
    expect(names).toHaveLength(7 + 3 + 19 + 7);
    expect(names).toContain("BotAssociation/lex-bot-OrderBot");
    expect(names).toContain("FlowAssociation/voice-14155550100-flow");
    expect(names).toContain("SecurityProfileAssociation/user-agent1-example.com-security-profiles");
    expect(diagnosticsOf([path.join(dir.program, "index.ts")], USER_COMPILER_OPTIONS)).toBe("");
    expect(fs.readdirSync(dir.program).sort()).toEqual(
      [
        "Pulumi.yaml",
        `Pulumi.${stack.stack}.yaml`,
        "index.ts",
        "node_modules",
        "package.json",
        "tsconfig.json",
      ].sort(),
    );
  });

  it("refuses to overwrite the program's index.ts without --force, before any AWS call", async () => {
    const before = fs.readFileSync(path.join(dir.again, "index.ts"), "utf8");
    await resetMetrics(em);
    const r = await exportCli(["--out", dir.again, "--stack", stack.stack]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `index.ts and Pulumi.${stack.stack}.yaml already exist in ${dir.again}: give --force`,
    );
    expect(await callsOf(em)).toEqual({});
    expect(fs.readFileSync(path.join(dir.again, "index.ts"), "utf8")).toBe(before);
    const forced = await exportCli(["--out", dir.again, "--stack", stack.stack, "--force"]);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(path.join(dir.again, "index.ts"), "utf8")).not.toBe(before); // no --users this time
  });

  it("takes every association over with pulumi up: no mutating call, all recorded, then no changes", async () => {
    await stack.init({});
    const generated = fs.readFileSync(path.join(dir.program, `Pulumi.${stack.stack}.yaml`), "utf8");
    fs.writeFileSync(stack.configFile, generated);
    await stack.setConfig("connect:endpoint", em.url);
    await stack.setConfig("connect:rateLimits", JSON.stringify({ "*": { rate: 10000, burst: 10000 } }));
    await resetMetrics(em);
    await stack.up();
    expect(mutating(await callsOf(em))).toEqual({});
    const resources = ((await stack.exportState()).deployment.resources ?? []).filter((r) =>
      r.type.startsWith("pulumi-nodejs:dynamic/connect:"),
    );
    const byType: Record<string, number> = {};
    for (const r of resources) {
      const t = r.type.split(":").pop() ?? "";
      byType[t] = (byType[t] ?? 0) + 1;
    }
    expect(byType).toEqual({
      BotAssociation: 7,
      WorkspaceAssociation: 3,
      FlowAssociation: 19,
      SecurityProfileAssociation: 7,
    });
    expect(compareStateWithEmulator(await stack.exportState(), em.state())).toEqual({
      orphans: [],
      missing: [],
      duplicates: [],
    });
    await stack.preview(["--expect-no-changes"]);
  }, 300_000);

  it("shows exactly an out-of-band change as the difference of two JSON inventories", async () => {
    const client = connectClient(em);
    await client.send(
      new DisassociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: V2_ALIASES[3] } }),
    );
    await client.send(
      new AssociatePhoneNumberContactFlowCommand({
        InstanceId: INSTANCE,
        PhoneNumberId: VOICE[0],
        ContactFlowId: FLOWS[2],
      }),
    );
    client.destroy();
    const r = await exportCli(["--format", "json", "--users", "--ai-agent", AI_AGENT]);
    expect(r.code).toBe(0);
    const now = JSON.parse(r.stdout) as InventoryJson;
    const text = (list: InventoryJson["associations"]) => new Set(list.map((a) => JSON.stringify(a)));
    const before = text(firstInventory.associations);
    const after = text(now.associations);
    const removed = [...before]
      .filter((a) => !after.has(a))
      .map((a) => JSON.parse(a) as Record<string, unknown>);
    const added = [...after]
      .filter((a) => !before.has(a))
      .map((a) => JSON.parse(a) as Record<string, unknown>);
    expect(removed).toEqual([
      { type: "BotAssociation", lexV2Bot: { aliasArn: V2_ALIASES[3] } },
      expect.objectContaining({
        type: "FlowAssociation",
        resourceType: "VOICE_PHONE_NUMBER",
        flowId: expect.stringMatching(/flow-main$/),
      }),
    ]);
    expect(added).toEqual([
      expect.objectContaining({
        type: "FlowAssociation",
        resourceType: "VOICE_PHONE_NUMBER",
        flowId: expect.stringMatching(/flow-after-hours$/),
      }),
    ]);
    expect(added[0]?.["resourceId"]).toBe(removed[1]?.["resourceId"]);
  });
});
