import { AssociateBotCommand, DisassociateBotCommand, ListBotsCommand } from "@aws-sdk/client-connect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { botAssociationProvider } from "../../src/bot-association/provider";
import { makeContext } from "../../src/runtime/context";
import {
  callsAndErrors,
  callsOf,
  metricsOf,
  resetMetrics,
  seedEmulator,
  setFaults,
  setQuotas,
} from "../helpers/admin";
import { connectClient, emulatorWith } from "../helpers/emulator";
import { ACCOUNT, ALIAS_A, ALIAS_B, ALIAS_SLOW, INSTANCE, REGION, baseSeed } from "../helpers/seeds/base";

let em: RunningEmulator;

beforeEach(async () => {
  em = await emulatorWith(baseSeed({ slowAliasDelayMs: 1200 }));
});
afterEach(async () => em.close());

function provider(settings: { consistencyTimeoutSeconds?: number; maxAttempts?: number } = {}) {
  return botAssociationProvider(makeContext({ endpoint: em.url, region: REGION, ...settings }));
}

async function checked(news: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = await provider().check({}, news);
  expect(r.failures ?? []).toEqual([]);
  return r.inputs as Record<string, unknown>;
}

async function associatedV2(): Promise<string[]> {
  const r = await connectClient(em).send(
    new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V2", MaxResults: 25 }),
  );
  return (r.LexBots ?? []).map((b) => b.LexV2Bot?.AliasArn ?? "");
}

const calls = () => callsOf(em);

/** The outputs of a Lex V2 association of `aliasArn` on INSTANCE. */
function v2Outs(aliasArn: string, adoptExisting = false) {
  return {
    instanceId: INSTANCE,
    region: REGION,
    adoptExisting,
    lexVersion: "V2",
    associationId: `${INSTANCE}|V2|${aliasArn}`,
    lexV2Bot: { aliasArn },
  };
}

describe("BotAssociation provider", () => {
  it("creates a Lex V1 association with lexRegion defaulted to the Region, and outputs its parseable id", async () => {
    const inputs = await checked({ instanceId: INSTANCE, lexBot: { name: "OrderBot" } });
    const r = await provider().create(inputs);
    expect(r).toEqual({
      id: `${INSTANCE}|V1|${REGION}|OrderBot`,
      outs: {
        instanceId: INSTANCE,
        region: REGION,
        adoptExisting: false,
        lexVersion: "V1",
        associationId: `${INSTANCE}|V1|${REGION}|OrderBot`,
        lexBot: { name: "OrderBot", lexRegion: REGION },
      },
    });
    const listed = await connectClient(em).send(
      new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V1" }),
    );
    expect(listed.LexBots).toEqual([{ LexBot: { Name: "OrderBot", LexRegion: REGION } }]);
    // The create lists first (the bot is not there yet), then associates; the second ListBots is this test's.
    expect(await calls()).toEqual({ AssociateBot: 1, ListBots: 2 });
  });

  it("a create of an association AWS already holds as declared makes no mutating call (adoptExisting)", async () => {
    await connectClient(em).send(
      new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: ALIAS_A } }),
    );
    await resetMetrics(em);
    const adopted = await provider().create(
      await checked({ instanceId: INSTANCE, lexV2Bot: { aliasArn: ALIAS_A }, adoptExisting: true }),
    );
    expect(adopted).toEqual({
      id: `${INSTANCE}|V2|${ALIAS_A}`,
      outs: v2Outs(ALIAS_A, true),
    });
    expect(await callsAndErrors(em)).toEqual({ calls: { ListBots: 1 }, errors: {} });
    expect(await associatedV2()).toEqual([ALIAS_A]);
  });

  it("without adoptExisting, a create of an association AWS already holds fails saying how to adopt, without calling AssociateBot", async () => {
    await connectClient(em).send(
      new AssociateBotCommand({ InstanceId: INSTANCE, LexBot: { Name: "OrderBot", LexRegion: REGION } }),
    );
    await resetMetrics(em);
    await expect(
      provider().create(await checked({ instanceId: INSTANCE, lexBot: { name: "OrderBot" } })),
    ).rejects.toThrow(
      `Lex bot OrderBot (${REGION}) on instance ${INSTANCE} is already associated. To manage the existing association with this ` +
        `resource, set adoptExisting: true (dynamic resources cannot be imported); to leave it alone, remove this resource.`,
    );
    expect(await callsAndErrors(em)).toEqual({ calls: { ListBots: 1 }, errors: {} });
  });

  it("when the listing is older than the association, AssociateBot's ResourceConflictException still adopts with adoptExisting, and fails without it", async () => {
    const p = provider();
    // This operation's listing is taken before someone else associates the bot.
    expect(await p.read(`${INSTANCE}|V2|${ALIAS_A}`, { region: REGION })).toEqual({ id: "", props: {} });
    await connectClient(em).send(
      new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: ALIAS_A } }),
    );
    await resetMetrics(em);
    await expect(
      p.create(await checked({ instanceId: INSTANCE, lexV2Bot: { aliasArn: ALIAS_A } })),
    ).rejects.toThrow(
      `Lex V2 bot alias ${ALIAS_A} on instance ${INSTANCE} is already associated. To manage the existing association with this resource, set adoptExisting: true`,
    );
    // The conflict said AWS holds it: the listing now does too, so the adopting create needs no call.
    const adopted = await p.create(
      await checked({ instanceId: INSTANCE, lexV2Bot: { aliasArn: ALIAS_A }, adoptExisting: true }),
    );
    expect(adopted.id).toBe(`${INSTANCE}|V2|${ALIAS_A}`);
    expect(await callsAndErrors(em)).toEqual({
      calls: { AssociateBot: 1 },
      errors: { AssociateBot: { ResourceConflictException: 1 } },
    });
    expect(await associatedV2()).toEqual([ALIAS_A]);
  });

  it("retries InvalidRequestException while a new alias's policy propagates, then associates once", async () => {
    const r = await provider().create(
      await checked({ instanceId: INSTANCE, lexV2Bot: { aliasArn: ALIAS_SLOW } }),
    );
    expect(r.id).toBe(`${INSTANCE}|V2|${ALIAS_SLOW}`);
    expect(await associatedV2()).toEqual([ALIAS_SLOW]);
    const m = await metricsOf(em);
    expect(m.errors["AssociateBot"]?.["InvalidRequestException"]).toBeGreaterThanOrEqual(1);
  });

  it("gives up on propagation after connect:consistencyTimeoutSeconds with the wrapped AWS error", async () => {
    await seedEmulator(em, baseSeed({ slowAliasDelayMs: 600_000 }));
    const p = provider({ consistencyTimeoutSeconds: 1 }).create(
      await checked({ instanceId: INSTANCE, lexV2Bot: { aliasArn: ALIAS_SLOW } }),
    );
    await expect(p).rejects.toThrow(
      `AssociateBot for Lex V2 bot alias ${ALIAS_SLOW} on instance ${INSTANCE} failed with InvalidRequestException`,
    );
  });

  it("associates exactly once when the connection drops after AssociateBot was applied (ClientToken reuse)", async () => {
    await setFaults(em, {
      seed: 1,
      rules: [{ operation: "AssociateBot", kind: "reset-after", rate: 1, times: 1 }],
    });
    const r = await provider({ maxAttempts: 3 }).create(
      await checked({ instanceId: INSTANCE, lexV2Bot: { aliasArn: ALIAS_A } }),
    );
    expect(r.id).toBe(`${INSTANCE}|V2|${ALIAS_A}`);
    expect(await associatedV2()).toEqual([ALIAS_A]);
    const m = await metricsOf(em);
    expect(m.calls["AssociateBot"]).toBe(2);
    expect(m.errors).toEqual({});
  });

  it("paces 12 concurrent creates under an emulator enforcing Connect's quota: every one succeeds", async () => {
    const aliases = Array.from(
      { length: 12 },
      (_, i) => `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/PACEBOT${String(i).padStart(3, "0")}/TSTALIASID`,
    );
    await seedEmulator(em, {
      accountId: ACCOUNT,
      region: REGION,
      connect: { instances: [{ id: INSTANCE, lexV2BotAliases: aliases }] },
    });
    await setQuotas(em, "aws");
    const p = provider();
    const ids = await Promise.all(
      aliases.map(
        async (a) => (await p.create(await checked({ instanceId: INSTANCE, lexV2Bot: { aliasArn: a } }))).id,
      ),
    );
    expect(ids).toEqual(aliases.map((a) => `${INSTANCE}|V2|${a}`));
    expect(await associatedV2()).toHaveLength(12);
    const m = await metricsOf(em);
    // Each association was applied once: every call beyond the 12 was a throttled one, retried.
    const throttled = m.errors["AssociateBot"]?.["ThrottlingException"] ?? 0;
    expect((m.calls["AssociateBot"] ?? 0) - throttled).toBe(12);
  });

  it("reads a present association back unchanged and reports an absent one with an empty id", async () => {
    const p = provider();
    const { id, outs } = await p.create(
      await checked({ instanceId: INSTANCE, lexV2Bot: { aliasArn: ALIAS_B } }),
    );
    expect(await p.read(id, { ...outs, __provider: "code" })).toEqual({ id, props: outs });
    await connectClient(em).send(
      new DisassociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: ALIAS_B } }),
    );
    // A new engine operation (a new provider context) lists again and sees the removal.
    expect(await provider().read(id, outs)).toEqual({ id: "", props: {} });
  });

  it("reads through every ListBots page", async () => {
    const aliases = Array.from(
      { length: 30 },
      (_, i) => `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/PAGEBOT${String(i).padStart(3, "0")}/TSTALIASID`,
    );
    await seedEmulator(em, {
      accountId: ACCOUNT,
      region: REGION,
      connect: { instances: [{ id: INSTANCE, lexV2BotAliases: aliases }] },
    });
    const c = connectClient(em);
    for (const a of aliases)
      await c.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: a } }));
    await resetMetrics(em);
    const last = aliases[29] ?? "";
    const outs = v2Outs(last);
    expect((await provider().read(`${INSTANCE}|V2|${last}`, outs)).id).toBe(`${INSTANCE}|V2|${last}`);
    expect(await calls()).toEqual({ ListBots: 2 });
  });

  it("serves 40 reads on one instance, then a create and a read of its bot, from one ListBots listing kept in step with the write", async () => {
    const aliases = Array.from(
      { length: 40 },
      (_, i) => `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/SNAPBOT${String(i).padStart(3, "0")}/TSTALIASID`,
    );
    await seedEmulator(em, {
      accountId: ACCOUNT,
      region: REGION,
      connect: { instances: [{ id: INSTANCE, lexV2BotAliases: [...aliases, ALIAS_A] }] },
    });
    const c = connectClient(em);
    for (const a of aliases)
      await c.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: a } }));
    await resetMetrics(em);
    const p = provider();
    // As the engine does it: a few reads at a time (8 = 4 x 2 cores), one after another.
    for (let i = 0; i < aliases.length; i += 8) {
      const batch = aliases.slice(i, i + 8);
      const ids = await Promise.all(
        batch.map(async (a) => (await p.read(`${INSTANCE}|V2|${a}`, v2Outs(a))).id),
      );
      expect(ids).toEqual(batch.map((a) => `${INSTANCE}|V2|${a}`));
    }
    expect(await calls()).toEqual({ ListBots: 2 });
    await p.create(await checked({ instanceId: INSTANCE, lexV2Bot: { aliasArn: ALIAS_A } }));
    expect((await p.read(`${INSTANCE}|V2|${ALIAS_A}`, v2Outs(ALIAS_A))).id).toBe(`${INSTANCE}|V2|${ALIAS_A}`);
    // The create's write updated the listing in place: neither the create nor the read lists again.
    expect(await calls()).toEqual({ ListBots: 2, AssociateBot: 1 });
  });

  it("takes one ListBots listing per Lex version for the creates of one operation", async () => {
    const p = provider();
    await Promise.all([
      p.create(await checked({ instanceId: INSTANCE, lexV2Bot: { aliasArn: ALIAS_A } })),
      p.create(await checked({ instanceId: INSTANCE, lexBot: { name: "OrderBot" } })),
      p.create(
        await checked({ instanceId: INSTANCE, lexBot: { name: "Billing_Bot", lexRegion: "eu-west-2" } }),
      ),
    ]);
    // V1 and V2 are listed apart (ListBots' LexVersion is required).
    expect(await calls()).toEqual({ ListBots: 2, AssociateBot: 3 });
    await p.create(await checked({ instanceId: INSTANCE, lexV2Bot: { aliasArn: ALIAS_B } }));
    expect(await calls()).toEqual({ ListBots: 2, AssociateBot: 4 });
  });

  it("a delete landing while the listing is being taken: a read after it finds the bot gone", async () => {
    const c = connectClient(em);
    await c.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: ALIAS_B } }));
    // The listing is answered 400 ms late, from the state at its start: with the bot.
    await setFaults(em, {
      seed: 1,
      rules: [{ operation: "ListBots", kind: "latency", rate: 1, latencyMs: 400 }],
    });
    await resetMetrics(em);
    const p = provider();
    const outs = v2Outs(ALIAS_B);
    const early = p.read(`${INSTANCE}|V2|${ALIAS_A}`, { region: REGION });
    await new Promise((r) => setTimeout(r, 100));
    await p.delete(outs.associationId, outs);
    await early;
    expect(await p.read(outs.associationId, outs)).toEqual({ id: "", props: {} });
    expect(await calls()).toEqual({ ListBots: 1, DisassociateBot: 1 });
  });

  it("a create whose AssociateBot failed after AWS applied it leaves no stale listing: the next read lists again and finds the bot", async () => {
    await setFaults(em, {
      seed: 1,
      rules: [{ operation: "AssociateBot", kind: "reset-after", rate: 1, times: 1 }],
    });
    const p = provider({ maxAttempts: 1 });
    const inputs = await checked({ instanceId: INSTANCE, lexV2Bot: { aliasArn: ALIAS_A } });
    await expect(p.create(inputs)).rejects.toThrow(
      `AssociateBot for Lex V2 bot alias ${ALIAS_A} on instance ${INSTANCE}`,
    );
    const outs = { ...inputs, lexVersion: "V2", associationId: `${INSTANCE}|V2|${ALIAS_A}` };
    expect((await p.read(outs.associationId, outs)).id).toBe(outs.associationId);
    expect(await calls()).toEqual({ ListBots: 2, AssociateBot: 1 });
  });

  it("treats a vanished instance as a vanished association on read", async () => {
    const outs = {
      instanceId: "gone",
      region: REGION,
      adoptExisting: false,
      lexVersion: "V2",
      associationId: `gone|V2|${ALIAS_A}`,
      lexV2Bot: { aliasArn: ALIAS_A },
    };
    expect(await provider().read(`gone|V2|${ALIAS_A}`, outs)).toEqual({ id: "", props: {} });
  });

  it("deletes with DisassociateBot and treats an association already gone as deleted", async () => {
    const p = provider();
    const { id, outs } = await p.create(
      await checked({ instanceId: INSTANCE, lexBot: { name: "Billing_Bot", lexRegion: "eu-west-2" } }),
    );
    await p.delete(id, outs);
    await p.delete(id, outs);
    const listed = await connectClient(em).send(
      new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V1" }),
    );
    expect(listed.LexBots).toEqual([]);
    const m = await metricsOf(em);
    // One ListBots by the create (reading first), one by this test.
    expect(m.calls).toEqual({ AssociateBot: 1, DisassociateBot: 2, ListBots: 2 });
    expect(m.errors).toEqual({ DisassociateBot: { ResourceNotFoundException: 1 } });
  });

  it("updates adoptExisting in place with no AWS call", async () => {
    const p = provider();
    const { id, outs } = await p.create(
      await checked({ instanceId: INSTANCE, lexV2Bot: { aliasArn: ALIAS_A } }),
    );
    await resetMetrics(em);
    const news = await checked({
      instanceId: INSTANCE,
      lexV2Bot: { aliasArn: ALIAS_A },
      adoptExisting: true,
    });
    expect(await p.update(id, outs, news)).toEqual({ outs: { ...outs, adoptExisting: true } });
    expect(await calls()).toEqual({});
  });
});
