import { ListBotsCommand } from "@aws-sdk/client-connect";
import { afterEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { faultsOf, metricsOf, resetEmulator, setFaults } from "../helpers/admin";
import { connectClient } from "../helpers/emulator";
import { INSTANCE, baseSeed } from "../helpers/seeds/base";

// POST /_emulator/reset puts back everything a test may have changed: state, metrics, faults and
// quotas, each to what the emulator started with (docs/emulator.md, Admin API).
let em: RunningEmulator;
afterEach(async () => em.close());

async function putQuotas(body: object): Promise<unknown> {
  const r = await fetch(`${em.url}/_emulator/quotas`, { method: "PUT", body: JSON.stringify(body) });
  return r.json();
}
const quotas = async () => (await fetch(`${em.url}/_emulator/quotas`)).json();

/** Three ListBots in a row: "ok" or the error's name for each. */
async function threeListBots(): Promise<string[]> {
  const c = connectClient(em);
  const out: string[] = [];
  for (let i = 0; i < 3; i++)
    out.push(
      await c.send(new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V2" })).then(
        () => "ok",
        (e: Error) => e.name,
      ),
    );
  return out;
}

describe("quota overrides and POST /_emulator/reset", () => {
  it("an override throttles its operation in mode off too: off means no default quota, not no quota", async () => {
    em = await startEmulator({ seed: baseSeed() });
    await putQuotas({ mode: "off", overrides: { ListBots: { rate: 0.001, burst: 2 } } });
    expect(await threeListBots()).toEqual(["ok", "ok", "ThrottlingException"]);
  });

  it("reset restores the quotas the emulator started with (no override) along with state, metrics and faults", async () => {
    em = await startEmulator({ seed: baseSeed() });
    await putQuotas({ mode: "aws", overrides: { ListBots: { rate: 0.001, burst: 1 } } });
    await setFaults(em, { seed: 1, rules: [{ operation: "*", kind: "internal", rate: 1 }] });
    await resetEmulator(em);
    expect(await quotas()).toEqual({ mode: "off" });
    expect(await faultsOf(em)).toEqual({ seed: 1, rules: [] });
    expect(await threeListBots()).toEqual(["ok", "ok", "ok"]);
    expect((await metricsOf(em)).calls).toEqual({ ListBots: 3 });
  });

  it("reset keeps --quotas aws, with every bucket full again", async () => {
    em = await startEmulator({ seed: baseSeed(), quotas: "aws" });
    await putQuotas({ mode: "off" });
    await resetEmulator(em);
    expect(await quotas()).toEqual({ mode: "aws" });
    const c = connectClient(em);
    const names = await Promise.all(
      Array.from({ length: 6 }, () =>
        c.send(new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V2" })).then(
          () => "ok",
          (e: Error) => e.name,
        ),
      ),
    );
    expect(names.filter((n) => n === "ok")).toHaveLength(5);
    expect(names.filter((n) => n === "ThrottlingException")).toHaveLength(1);
  });
});
