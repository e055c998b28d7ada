import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as readline from "node:readline";
import {
  AssociateBotCommand,
  AssociatePhoneNumberContactFlowCommand,
  AssociateWorkspaceCommand,
  ConnectClient,
} from "@aws-sdk/client-connect";
import { afterEach, describe, expect, it } from "vitest";
import type { EmulatorState } from "../../src/emulator/state";
import { stateOf } from "../helpers/admin";
import { TEST_CREDENTIALS } from "../helpers/emulator";
import { ACCOUNT, INSTANCE, INSTANCE_ARN, REGION, instanceSeed } from "../helpers/seeds/base";

/*
 * connect-emulator with --data-dir, killed with SIGKILL while dozens of mutating calls are in
 * flight, then restarted on the same folder: every call that was answered 2xx before the kill must
 * be in the reloaded state.
 */

const CLI = path.resolve(__dirname, "../../dist/emulator/cli.js");
const PER_KIND = 60;
const IN_FLIGHT = 24;
const KILL_AFTER_ACKS = 90;

const pad = (n: number) => String(n).padStart(3, "0");
const alias = (i: number) => `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/DURABLE${pad(i)}/TSTALIASID`;
const user = (i: number) => `${INSTANCE_ARN}/agent/u-${pad(i)}`;

const seed = instanceSeed({
  lexV2BotAliases: Array.from({ length: PER_KIND }, (_, i) => alias(i)),
  users: Array.from({ length: PER_KIND }, (_, i) => ({ id: `u-${pad(i)}` })),
  workspaces: [{ id: "ws-1" }],
  contactFlows: [{ id: "flow-a" }],
  phoneNumbers: Array.from({ length: PER_KIND }, (_, i) => ({ id: `pn-${pad(i)}`, channel: "VOICE" })),
});

/** One mutating call, and the key its effect has in the emulator's state. */
interface Mutation {
  key: string;
  send: (c: ConnectClient) => Promise<unknown>;
}

const mutations: Mutation[] = Array.from({ length: PER_KIND }, (_, i) => [
  {
    key: `bot|${alias(i)}`,
    send: (c: ConnectClient) =>
      c.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: alias(i) } })),
  },
  {
    key: `flow|pn-${pad(i)}`,
    send: (c: ConnectClient) =>
      c.send(
        new AssociatePhoneNumberContactFlowCommand({
          InstanceId: INSTANCE,
          PhoneNumberId: `pn-${pad(i)}`,
          ContactFlowId: "flow-a",
        }),
      ),
  },
  {
    key: `ws|${user(i)}`,
    send: (c: ConnectClient) =>
      c.send(
        new AssociateWorkspaceCommand({ InstanceId: INSTANCE, WorkspaceId: "ws-1", ResourceArns: [user(i)] }),
      ),
  },
]).flat();

function keysOf(state: EmulatorState): Set<string> {
  const inst = state.connect.instances[0];
  return new Set([
    ...(inst?.associatedLexV2Bots ?? []).map((a) => `bot|${a}`),
    ...(inst?.flowAssociations ?? []).map(
      (f) => `flow|${f.resourceArn.slice(f.resourceArn.lastIndexOf("/") + 1)}`,
    ),
    ...(inst?.workspaceAssociations ?? []).map((w) => `ws|${w.resourceArn}`),
  ]);
}

const started: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const p of started.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill("SIGKILL");
});

async function start(args: string[]): Promise<{ proc: ChildProcessWithoutNullStreams; url: string }> {
  const proc = spawn(process.execPath, [CLI, ...args]);
  started.push(proc);
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: proc.stdout }).once("line", resolve);
    proc.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return { proc, url: line.replace("connect-emulator listening on ", "") };
}

describe("emulator durability with --data-dir", () => {
  it(`keeps every acknowledged mutation across kill -9 under load (${PER_KIND * 3} calls, ${IN_FLIGHT} in flight)`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emu-durable-"));
    const seedFile = path.join(dir, "seed.json");
    fs.writeFileSync(seedFile, JSON.stringify(seed));
    const args = ["--seed", seedFile, "--data-dir", path.join(dir, "data")];
    const first = await start(args);
    // No SDK retries: an answer is an acknowledgement of exactly one attempt.
    const client = new ConnectClient({
      region: REGION,
      endpoint: first.url,
      credentials: TEST_CREDENTIALS,
      maxAttempts: 1,
    });

    const acked: string[] = [];
    const failed: string[] = [];
    let next = 0;
    let killed = false;
    const exited = new Promise((resolve) => first.proc.once("exit", resolve));
    const worker = async () => {
      while (next < mutations.length) {
        const m = mutations[next++];
        if (!m) return;
        try {
          await m.send(client);
          // An answer that arrives after the kill signal still acknowledges: it must be kept too.
          acked.push(m.key);
          if (!killed && acked.length === KILL_AFTER_ACKS) {
            killed = true;
            first.proc.kill("SIGKILL");
          }
        } catch {
          failed.push(m.key);
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    await exited;
    client.destroy();

    // The kill really came under load: calls were cut off in flight.
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(failed.length).toBeGreaterThan(0);

    const second = await start(args);
    const state = await stateOf(second);
    const held = keysOf(state);
    expect(acked.filter((k) => !held.has(k))).toEqual([]);
    // Nothing that was never sent can be there.
    const sent = new Set(mutations.slice(0, next).map((m) => m.key));
    expect([...held].filter((k) => !sent.has(k))).toEqual([]);
  });
});
