import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import type { EmulatorState } from "../../src/emulator/state";
import { admin, emulatorWith } from "../helpers/emulator";
import { pulumiBinary, type StackExport, type TestStack } from "../helpers/pulumi";
import { compareStateWithEmulator } from "../helpers/state-compare";
import { mixedPlan, mixedSeed, plannedCount } from "./mixed-plan";
import { mixedStack } from "./mixed-stack";
import { descendants, killSurvivors, type ProcessInfo } from "./process-tree";
import { recoverInterruptedUp } from "./recover";

/*
 * kill -9 in the middle of `pulumi up` of 50 resources, once of the CLI and once of the dynamic
 * provider process, at a moment when creates have been applied in AWS but not answered (every
 * answer is held back 300 ms after the change is applied): after the README's recovery, state
 * equals the emulator, with nothing duplicated or orphaned.
 */

const plan = mixedPlan();
const COUNT = plannedCount(plan);
/** The kill comes once this many AssociateBot calls have arrived: the last of them are in flight. */
const BOT_CALLS_BEFORE_KILL = 10;
const SLOW_ANSWERS = { seed: 5, rules: [{ operation: "*", kind: "latency", rate: 1, latencyMs: 300 }] };
const AGREE = { orphans: [], missing: [], duplicates: [] };
const BOT = "pulumi-nodejs:dynamic/connect:BotAssociation";

let em: RunningEmulator | undefined;
let stack: TestStack | undefined;
let plugins: ProcessInfo[] = [];

afterEach(async () => {
  killSurvivors(plugins.map((p) => p.pid));
  await stack?.remove();
  await em?.close();
});

async function callsOf(operation: string): Promise<number> {
  const m = (await admin(em!, "GET", "/_emulator/metrics")) as { calls: Record<string, number> };
  return m.calls[operation] ?? 0;
}

/** Starts `pulumi up` and resolves, with the CLI process, once the kill moment has come. */
async function upUntilKillMoment(): Promise<{ pid: number; exited: Promise<number | null> }> {
  const s = stack!;
  const proc = spawn(
    pulumiBinary(),
    s.withConfig(["up", "--yes", "--skip-preview", "--non-interactive", "--stack", s.stack]),
    { cwd: s.programDir, env: s.env(), stdio: "ignore" },
  );
  const exited = new Promise<number | null>((resolve) => proc.once("exit", resolve));
  while ((await callsOf("AssociateBot")) < BOT_CALLS_BEFORE_KILL) await new Promise((r) => setTimeout(r, 20));
  plugins = descendants(proc.pid ?? 0);
  return { pid: proc.pid ?? 0, exited };
}

/** Bot associations AWS holds that state does not: the creates that were applied but not recorded. */
function unrecordedBots(exported: StackExport, baseline: EmulatorState): string[] {
  return compareStateWithEmulator(exported, em!.state(), baseline).orphans.filter((k) =>
    k.startsWith("bot|"),
  );
}

async function setUp(): Promise<EmulatorState> {
  em = await emulatorWith(mixedSeed());
  const baseline = structuredClone(em.state());
  stack = await mixedStack(em, plan);
  await admin(em, "PUT", "/_emulator/faults", SLOW_ANSWERS);
  return baseline;
}

describe(`kill -9 in the middle of pulumi up of ${COUNT} resources`, () => {
  it("of the pulumi CLI: the documented recovery records the applied creates, state equals the emulator", async () => {
    const baseline = await setUp();
    const { pid, exited } = await upUntilKillMoment();
    process.kill(pid, "SIGKILL");
    expect(await exited).toBe(null);
    // The plugins outlive the CLI; let their in-flight calls land, as they would, then end them.
    await new Promise((r) => setTimeout(r, 600));
    killSurvivors(plugins.map((p) => p.pid));

    const crashed = await stack!.exportState();
    const pending =
      (crashed.deployment as { pending_operations?: { type: string; resource: { type: string } }[] })
        .pending_operations ?? [];
    // The hard case is really there: bot associations applied in AWS, pending (unrecorded) in state.
    expect(pending.filter((op) => op.type === "creating" && op.resource.type === BOT).length).toBeGreaterThan(
      0,
    );
    expect(unrecordedBots(crashed, baseline).length).toBeGreaterThan(0);

    await admin(em!, "PUT", "/_emulator/faults", { seed: 1, rules: [] });
    const r = await recoverInterruptedUp(stack!, { cliWasKilled: true });
    expect(r.report).toMatch(/recorded urn:pulumi:.*BotAssociation::bot-.* \(pending\)/);
    const after = await stack!.exportState();
    expect(after.deployment.resources?.filter((x) => x.type.startsWith("pulumi-nodejs:dynamic")).length).toBe(
      COUNT,
    );
    expect(compareStateWithEmulator(after, em!.state(), baseline)).toEqual(AGREE);
    expect((await stack!.up()).stdout).toContain(`${COUNT + 1} unchanged`);
  });

  it("of the provider process: the documented recovery records the applied creates, state equals the emulator", async () => {
    const baseline = await setUp();
    const { exited } = await upUntilKillMoment();
    const provider = plugins.find((p) => p.args.includes("cmd/dynamic-provider"));
    expect(provider).toBeDefined();
    process.kill(provider?.pid ?? 0, "SIGKILL");
    // The CLI survives, records the in-flight creates as failed, and exits non-zero.
    expect(await exited).toBe(1);
    killSurvivors(plugins.map((p) => p.pid));

    const crashed = await stack!.exportState();
    expect(unrecordedBots(crashed, baseline).length).toBeGreaterThan(0);

    await admin(em!, "PUT", "/_emulator/faults", { seed: 1, rules: [] });
    const r = await recoverInterruptedUp(stack!, { cliWasKilled: false });
    expect(r.report).toMatch(/recorded urn:pulumi:.*BotAssociation::bot-.* \(preview\)/);
    const after = await stack!.exportState();
    expect(after.deployment.resources?.filter((x) => x.type.startsWith("pulumi-nodejs:dynamic")).length).toBe(
      COUNT,
    );
    expect(compareStateWithEmulator(after, em!.state(), baseline)).toEqual(AGREE);
    expect((await stack!.up()).stdout).toContain(`${COUNT + 1} unchanged`);
  });
});
