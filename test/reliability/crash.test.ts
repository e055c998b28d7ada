import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import type { EmulatorState } from "../../src/emulator/state";
import { type FaultConfig, NO_FAULTS, metricsOf, setFaults } from "../helpers/admin";
import { emulatorWith } from "../helpers/emulator";
import { pulumiBinary, TestStack, type StackExport } from "../helpers/pulumi";
import { compareStateWithEmulator } from "../helpers/state-compare";
import { mixedPlan, mixedSeed, plannedCount } from "./mixed-plan";
import { MIXED_PROGRAM, mixedStack } from "./mixed-stack";
import { descendants, killSurvivors, type ProcessInfo } from "./process-tree";
import { backendSnapshot, checkpointOf, CLI, lockFiles, recoverStack } from "./recover";

/*
 * kill -9 in the middle of `pulumi up` of 50 resources, once of the CLI and once of the dynamic
 * provider process, at a moment when creates have been applied in AWS but not answered: after one
 * `connect-associations recover --stack NAME` and a `pulumi up`, state equals the emulator, with
 * nothing duplicated or orphaned.
 */

const plan = mixedPlan();
const COUNT = plannedCount(plan);
/** The kill comes once this many AssociateBot calls have arrived: the last of them are in flight. */
const BOT_CALLS_BEFORE_KILL = 10;
/**
 * Every answer waits after its change is applied, AssociateBot's longest (the first rule that
 * matches sets the delay): the bots in flight at the kill are surely applied and unanswered, even
 * on a loaded machine.
 */
const SLOW_ANSWERS: FaultConfig = {
  seed: 5,
  rules: [
    { operation: "AssociateBot", kind: "latency", rate: 1, latencyMs: 1500 },
    { operation: "*", kind: "latency", rate: 1, latencyMs: 300 },
  ],
};
/** A crash, a dry run, the recovery (six CLI runs) and two ups take a minute or two on a loaded 2-core machine. */
const CRASH_TIMEOUT_MS = 240_000;
const AGREE = { orphans: [], missing: [], duplicates: [] };
const BOT = "pulumi-nodejs:dynamic/connect:BotAssociation";

interface Run {
  em: RunningEmulator;
  stack: TestStack;
  /** The emulator before the stack ran. */
  baseline: EmulatorState;
  /** The CLI's plugin processes, ended after each test whatever happens. */
  plugins: ProcessInfo[];
}

let current: Run | undefined;

afterEach(async () => {
  killSurvivors(current?.plugins.map((p) => p.pid) ?? []);
  await current?.stack.remove();
  await current?.em.close();
  current = undefined;
});

async function setUp(): Promise<Run> {
  const em = await emulatorWith(mixedSeed());
  const baseline = structuredClone(em.state());
  current = { em, baseline, stack: await mixedStack(em, plan, new TestStack(MIXED_PROGRAM)), plugins: [] };
  await setFaults(em, SLOW_ANSWERS);
  return current;
}

async function callsOf(run: Run, operation: string): Promise<number> {
  const m = await metricsOf(run.em);
  return m.calls[operation] ?? 0;
}

/** Starts `pulumi up` and resolves, with the CLI process, once the kill moment has come. */
async function upUntilKillMoment(run: Run): Promise<{ pid: number; exited: Promise<number | null> }> {
  const s = run.stack;
  const proc = spawn(
    pulumiBinary(),
    s.withConfig(["up", "--yes", "--skip-preview", "--non-interactive", "--stack", s.stack]),
    { cwd: s.programDir, env: s.env(), stdio: "ignore" },
  );
  let done = false;
  const exited = new Promise<number | null>((resolve) =>
    proc.once("exit", (code) => {
      done = true;
      resolve(code);
    }),
  );
  while ((await callsOf(run, "AssociateBot")) < BOT_CALLS_BEFORE_KILL) {
    // An up that ends on its own never reaches the kill moment: say so instead of waiting for the timeout.
    if (done) throw new Error(`pulumi up exited with ${await exited} before the kill moment`);
    await new Promise((r) => setTimeout(r, 20));
  }
  run.plugins = descendants(proc.pid ?? 0);
  return { pid: proc.pid ?? 0, exited };
}

/** Bot associations AWS holds that state does not: the creates that were applied but not recorded. */
function unrecordedBots(run: Run, exported: StackExport): string[] {
  return compareStateWithEmulator(exported, run.em.state(), run.baseline).orphans.filter((k) =>
    k.startsWith("bot|"),
  );
}

/**
 * `connect-associations recover --stack NAME`, then `pulumi up`: every resource recorded once, state
 * equal to the emulator, a new up changes nothing. Returns what the recovery printed.
 */
async function recoverAndConverge(run: Run): Promise<string> {
  const r = await recoverStack(run.stack);
  expect({ code: r.code, stdout: r.stdout }, r.stderr).toEqual({ code: 0, stdout: "" });
  expect(r.stderr.trimEnd().split("\n").pop()).toMatch(
    new RegExp(`^recovered stack ${run.stack.stack}: .*Next: pulumi up --stack ${run.stack.stack}$`),
  );
  expect(lockFiles(run.stack)).toEqual([]);
  await run.stack.up();
  const after = await run.stack.exportState();
  const urns = (after.deployment.resources ?? [])
    .filter((x) => x.type.startsWith("pulumi-nodejs:dynamic"))
    .map((x) => x.urn);
  expect([urns.length, new Set(urns).size]).toEqual([COUNT, COUNT]);
  expect(compareStateWithEmulator(after, run.em.state(), run.baseline)).toEqual(AGREE);
  expect((await run.stack.up()).stdout).toContain(`${COUNT + 1} unchanged`);
  return r.stderr;
}

/**
 * `recover --stack NAME --dry-run` (through the 0.1.0 name `connect-associations-recover`) on the
 * locked stack: it says what it would do, and not one byte of the backend changes (the lock stays),
 * nor the emulator.
 */
async function expectDryRunChangesNothing(run: Run): Promise<void> {
  const backend = backendSnapshot(run.stack);
  const emulator = structuredClone(run.em.state());
  const r = await recoverStack(run.stack, ["--dry-run"], CLI.alias);
  expect(r.code, r.stderr).toBe(0);
  expect(backendSnapshot(run.stack)).toEqual(backend);
  expect(lockFiles(run.stack)).toHaveLength(1);
  expect(run.em.state()).toEqual(emulator);
  expect(r.stderr).toMatch(/^unlock: would run: pulumi cancel --yes --stack /m);
  expect(r.stderr).toMatch(
    /^repair: (would delete .* \(empty sidecar\)|no empty \.attrs sidecar under .*)$/m,
  );
  if (/^export: the stack cannot be read before the empty sidecars are deleted/m.test(r.stderr)) {
    // The kill left the checkpoint's own sidecar empty: no command reads the stack before the repair.
    expect(r.stderr.trimEnd().split("\n").pop()).toMatch(
      /^dry run: would delete \d+ empty sidecars .* Nothing changed\.$/,
    );
    return;
  }
  expect(r.stderr).toMatch(/^record: would record urn:pulumi:.*BotAssociation::bot-.* \(pending\)$/m);
  expect(r.stderr).toMatch(/^import: would run: pulumi stack import --file /m);
  expect(r.stderr).toMatch(/^refresh: would run: pulumi refresh --yes --skip-preview /m);
  expect(r.stderr.trimEnd().split("\n").pop()).toMatch(
    /^dry run: would record [1-9]\d* creates .*nothing changed/,
  );
}

describe.sequential(`kill -9 in the middle of pulumi up of ${COUNT} resources`, () => {
  it(
    "of the pulumi CLI: recover --dry-run changes nothing; recover --stack unlocks, records the applied creates, and after pulumi up state equals the emulator",
    async () => {
      const run = await setUp();
      const { pid, exited } = await upUntilKillMoment(run);
      process.kill(pid, "SIGKILL");
      expect(await exited).toBe(null);
      // The plugins outlive the CLI; let their in-flight calls land, as they would, then end them.
      await new Promise((r) => setTimeout(r, 600));
      killSurvivors(run.plugins.map((p) => p.pid));

      // Read from the backend's file: the CLI cannot read a stack whose sidecar the kill left empty.
      const crashed = checkpointOf(run.stack);
      const pending = crashed.deployment.pending_operations ?? [];
      // The hard case is really there: the dead CLI's lock, and bot associations applied in AWS,
      // pending (unrecorded) in state.
      expect(lockFiles(run.stack)).toHaveLength(1);
      expect(
        pending.filter((op) => op.type === "creating" && op.resource.type === BOT).length,
      ).toBeGreaterThan(0);
      expect(unrecordedBots(run, crashed).length).toBeGreaterThan(0);

      await setFaults(run.em, NO_FAULTS);
      await expectDryRunChangesNothing(run);
      const report = await recoverAndConverge(run);
      expect(report).toMatch(/^unlock: \$ pulumi cancel --yes --stack /m);
      expect(report).toMatch(/^record: recorded urn:pulumi:.*BotAssociation::bot-.* \(pending\)$/m);
    },
    CRASH_TIMEOUT_MS,
  );

  it(
    "of the provider process: recover --stack records the applied creates the preview plans, and after pulumi up state equals the emulator",
    async () => {
      const run = await setUp();
      const { exited } = await upUntilKillMoment(run);
      const provider = run.plugins.find((p) => p.args.includes("cmd/dynamic-provider"));
      expect(provider).toBeDefined();
      process.kill(provider?.pid ?? 0, "SIGKILL");
      // The CLI survives, records the in-flight creates as failed, and exits non-zero.
      expect(await exited).toBe(1);
      killSurvivors(run.plugins.map((p) => p.pid));

      const crashed = await run.stack.exportState();
      expect(unrecordedBots(run, crashed).length).toBeGreaterThan(0);
      expect(lockFiles(run.stack)).toEqual([]);

      await setFaults(run.em, NO_FAULTS);
      const report = await recoverAndConverge(run);
      expect(report).toMatch(/^unlock: not locked$/m);
      expect(report).toMatch(/^record: recorded urn:pulumi:.*BotAssociation::bot-.* \(preview\)$/m);
    },
    CRASH_TIMEOUT_MS,
  );
});
