import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../src/emulator";
import { TestStack } from "../test/helpers/pulumi";
import { RESOURCES_PER_UNIT, mixedSeed } from "./fixtures";

interface Metrics {
  calls: Record<string, number>;
  errors: Record<string, Record<string, number>>;
  firstCallAt: Record<string, number>;
  lastCallAt: Record<string, number>;
}

async function metrics(em: RunningEmulator): Promise<Metrics> {
  return (await (await fetch(`${em.url}/_emulator/metrics`)).json()) as Metrics;
}

async function resetMetrics(em: RunningEmulator): Promise<void> {
  await fetch(`${em.url}/_emulator/metrics`, { method: "DELETE" });
}

function throttled(m: Metrics, op: string): number {
  return m.errors[op]?.["ThrottlingException"] ?? 0;
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = Date.now();
  const r = await f();
  return [r, (Date.now() - t0) / 1000];
}

function failedResources(output: string): number {
  const m = /(\d+) errored/.exec(output);
  return m ? Number(m[1]) : 0;
}

/** A stack of bench/programs/mixed with `resources` associations (a multiple of 4). */
async function mixedStack(root: string, em: RunningEmulator, resources: number, rateLimits?: string) {
  const stack = new TestStack(path.join(root, "bench/programs/mixed"));
  await stack.init({
    "aws:region": "us-east-1",
    "connect:endpoint": em.url,
    ...(rateLimits === undefined ? {} : { "connect:rateLimits": rateLimits }),
    "bench:units": String(resources / RESOURCES_PER_UNIT),
  });
  return stack;
}

function seedFor(resources: number): object {
  return mixedSeed(resources / RESOURCES_PER_UNIT);
}

export interface QuotaRun {
  resources: number;
  parallel: number;
  seconds: number;
  floorSeconds: number;
  ratio: number;
  failed: number;
  throttled: number;
  calls: Record<string, number>;
}

/**
 * `pulumi up` of N associations with the emulator enforcing Connect's quotas and the provider pacing
 * at its defaults: the time from the first to the last AWS call (the emulator's clock, so engine
 * start-up is excluded) against the quota floor, max over operations of (calls - burst) / rate.
 */
export async function quotaRun(root: string, resources: number, parallel: number): Promise<QuotaRun> {
  const em = await startEmulator({ seed: seedFor(resources), quotas: "aws" });
  const stack = await mixedStack(root, em, resources, "{}");
  try {
    const r = await stack.run(
      stack.withConfig(["up", "--yes", "--skip-preview", "--parallel", String(parallel)]),
      {
        allowFailure: true,
      },
    );
    const m = await metrics(em);
    const ops = Object.keys(m.calls);
    const first = Math.min(...ops.map((o) => m.firstCallAt[o] ?? Infinity));
    const last = Math.max(...ops.map((o) => m.lastCallAt[o] ?? 0));
    const floor = Math.max(...ops.map((o) => ((m.calls[o] ?? 0) - throttled(m, o) - 5) / 2));
    const seconds = (last - first) / 1000;
    return {
      resources,
      parallel,
      seconds,
      floorSeconds: floor,
      ratio: seconds / floor,
      failed: failedResources(r.stdout + r.stderr),
      throttled: ops.reduce((n, o) => n + throttled(m, o), 0),
      calls: m.calls,
    };
  } finally {
    await stack.remove();
    await em.close();
  }
}

export interface LifecycleCalls {
  create: Record<string, number>;
  update: Record<string, number>;
  refresh: Record<string, number>;
  destroy: Record<string, number>;
  resources: number;
  providerBytesPerResource: number;
}

/** API calls of create, refresh and destroy for N mixed associations (quotas off). */
export async function lifecycleCalls(root: string, resources: number): Promise<LifecycleCalls> {
  const em = await startEmulator({ seed: seedFor(resources) });
  const stack = await mixedStack(root, em, resources);
  try {
    await stack.up();
    const create = (await metrics(em)).calls;
    const state = await stack.exportState();
    const dyn = (state.deployment.resources ?? []).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"));
    const bytes = dyn.reduce(
      (n, r) =>
        n + String(r.inputs?.["__provider"] ?? "").length + String(r.outputs?.["__provider"] ?? "").length,
      0,
    );
    await resetMetrics(em);
    await stack.setConfig("bench:variant", "b");
    await stack.up();
    const update = (await metrics(em)).calls;
    await resetMetrics(em);
    await stack.refresh();
    const refresh = (await metrics(em)).calls;
    await resetMetrics(em);
    await stack.destroy();
    const destroy = (await metrics(em)).calls;
    return { create, update, refresh, destroy, resources, providerBytesPerResource: bytes / dyn.length };
  } finally {
    await stack.remove();
    await em.close();
  }
}

/** `pulumi stack export` size of a stack of N mixed associations. */
export async function stateSize(
  root: string,
  resources: number,
): Promise<{ resources: number; bytes: number }> {
  const em = await startEmulator({ seed: seedFor(resources) });
  const stack = await mixedStack(root, em, resources);
  try {
    await stack.up();
    const r = await stack.run(["stack", "export"]);
    return { resources, bytes: Buffer.byteLength(r.stdout) };
  } finally {
    await stack.remove();
    await em.close();
  }
}

/** `pulumi up` of N associations (quotas and pacing off) against N no-op dynamic resources. */
export async function engineOverhead(
  root: string,
  resources: number,
): Promise<{ associations: number; noop: number; ratio: number }> {
  const em = await startEmulator({ seed: seedFor(resources) });
  const assoc = await mixedStack(root, em, resources);
  const noop = new TestStack(path.join(root, "bench/programs/noop"));
  await noop.init({ "test:count": String(resources) });
  try {
    const [, tNoop] = await timed(() => noop.up());
    const [, tAssoc] = await timed(() => assoc.up());
    return { associations: tAssoc, noop: tNoop, ratio: tAssoc / tNoop };
  } finally {
    await assoc.remove();
    await noop.remove();
    await em.close();
  }
}
