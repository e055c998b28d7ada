import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { metricsOf, resetMetrics } from "../helpers/admin";
import { emulatorWith } from "../helpers/emulator";
import { REPO_ROOT, TestStack } from "../helpers/pulumi";
import { ACCOUNT, INSTANCE, REGION } from "../helpers/seeds/base";

const COUNT = 60;
const PREFIX = `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias`;
const aliases = Array.from(
  { length: COUNT },
  (_, i) => `${PREFIX}/PERFBOT${String(i).padStart(3, "0")}/TSTALIASID`,
);

let em: RunningEmulator;
let stack: TestStack;

beforeAll(async () => {
  em = await emulatorWith(
    {
      accountId: ACCOUNT,
      region: REGION,
      connect: { instances: [{ id: INSTANCE, lexV2BotAliases: aliases }] },
    },
    { quotas: "aws" },
  );
  stack = new TestStack(path.join(REPO_ROOT, "test/engine/programs/many-bots"));
  await stack.init({
    "aws:region": REGION,
    "connect:endpoint": em.url,
    // Connect's default pacing, as a user's stack has it.
    "connect:rateLimits": "{}",
    "test:instanceId": INSTANCE,
    "test:count": String(COUNT),
    "test:aliasPrefix": PREFIX,
  });
});

afterAll(async () => {
  await stack?.remove();
  await em?.close();
});

describe.sequential("under Connect's quotas (emulator --quotas aws)", () => {
  it(`pulumi up of ${COUNT} associations succeeds for every resource, whatever 429s were answered on the way`, async () => {
    const r = await stack.up();
    expect(r.stdout).toContain(`+ ${COUNT + 1} created`);
    expect([...(em.state().connect.instances[0]?.associatedLexV2Bots ?? [])].sort()).toEqual(aliases);
    const m = await metricsOf(em);
    const throttled = m.errors["AssociateBot"]?.["ThrottlingException"] ?? 0;
    expect((m.calls["AssociateBot"] ?? 0) - throttled).toBe(COUNT);
    // Every create reads first, all from one ListBots listing (one page: none associated yet),
    // which each create's write updates in place; any other ListBots call was a throttled one.
    const listingsThrottled = m.errors["ListBots"]?.["ThrottlingException"] ?? 0;
    expect((m.calls["ListBots"] ?? 0) - listingsThrottled).toBe(1);
  });

  it(`pulumi refresh of ${COUNT} associations on one instance makes one ListBots listing (its pages)`, async () => {
    await resetMetrics(em);
    await stack.refresh();
    const m = await metricsOf(em);
    // 60 associations, 25 a page: one listing of 3 pages, shared by all 60 reads.
    expect(m.calls).toEqual({ ListBots: 3 });
    expect(m.errors).toEqual({});
  });
});
