import * as os from "node:os";
import * as path from "node:path";
import { DisassociateBotCommand } from "@aws-sdk/client-connect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import type { InstanceState } from "../../src/emulator/state";
import { callsOf, metricsOf, resetMetrics } from "../helpers/admin";
import { TEST_CREDENTIALS, connectClient, emulatorWith } from "../helpers/emulator";
import { REPO_ROOT, TestStack, pulumiBinary } from "../helpers/pulumi";
import { ALIAS_A, ALIAS_B, INSTANCE, REGION, baseSeed } from "../helpers/seeds/base";

const BOT_TYPE = "pulumi-nodejs:dynamic/connect:BotAssociation";

let em: RunningEmulator;
let stack: TestStack;

function instance(): InstanceState {
  const i = em.state().connect.instances[0];
  if (!i) throw new Error("seed has no instance");
  return i;
}

const calls = () => callsOf(em);

beforeAll(async () => {
  pulumiBinary();
  em = await emulatorWith(baseSeed());
  stack = new TestStack(path.join(REPO_ROOT, "test/engine/programs/bots"));
  await stack.init({
    "aws:region": REGION,
    "connect:endpoint": em.url,
    "test:instanceId": INSTANCE,
    "test:lexBotName": "OrderBot",
    "test:aliasArn": ALIAS_A,
  });
});

afterAll(async () => {
  await stack?.remove();
  await em?.close();
});

describe.sequential("BotAssociation through the real pulumi CLI", () => {
  it("preview lists both creates and makes no AWS call", async () => {
    const r = await stack.preview();
    expect(r.stdout).toMatch(/\+\s+pulumi-nodejs:dynamic\/connect:BotAssociation\s+orders-v1\s+create/);
    expect(r.stdout).toMatch(/\+\s+pulumi-nodejs:dynamic\/connect:BotAssociation\s+orders-v2\s+create/);
    expect(await calls()).toEqual({});
  });

  it("up creates the Lex V1 and V2 associations, and the emulator agrees", async () => {
    await stack.up();
    expect(instance().associatedLexBots).toEqual([{ name: "OrderBot", region: REGION }]);
    expect(instance().associatedLexV2Bots).toEqual([ALIAS_A]);
    expect(await stack.outputs()).toEqual({
      v1Id: `${INSTANCE}|V1|${REGION}|OrderBot`,
      v2Id: `${INSTANCE}|V2|${ALIAS_A}`,
      v1LexRegion: REGION,
      v2Version: "V2",
    });
    expect((await calls())["AssociateBot"]).toBe(2);
  });

  it("a second preview shows no changes", async () => {
    const r = await stack.preview(["--expect-no-changes"]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/orders-v[12]\s+(create|update|replace)/);
  });

  it("keeps each __provider under 2 KB with no endpoint, credential or machine path in state", async () => {
    const state = await stack.exportState();
    const bots = (state.deployment.resources ?? []).filter((r) => r.type === BOT_TYPE);
    expect(bots).toHaveLength(2);
    const whole = JSON.stringify(state);
    for (const secret of [TEST_CREDENTIALS.accessKeyId, TEST_CREDENTIALS.secretAccessKey])
      expect(whole).not.toContain(secret);
    for (const r of bots) {
      for (const code of [r.inputs?.["__provider"], r.outputs?.["__provider"]]) {
        expect(typeof code).toBe("string");
        const text = code as string;
        expect(text.length).toBeLessThan(2048);
        for (const leak of [em.url, "127.0.0.1", REPO_ROOT, os.homedir(), os.tmpdir()])
          expect(text).not.toContain(leak);
        expect(text).toBe(
          'exports.handler = () => require("pulumi-connect-associations/providers/runtime").entries.BotAssociation;\n',
        );
      }
    }
  });

  it("changing the alias replaces the association, creating the new one first; only the new one remains", async () => {
    await stack.setConfig("test:aliasArn", ALIAS_B);
    const preview = await stack.preview();
    expect(preview.stdout).toMatch(
      /\+-\s+pulumi-nodejs:dynamic\/connect:BotAssociation\s+orders-v2\s+replace\s+\[diff: ~lexV2Bot\]/,
    );
    await resetMetrics(em);
    await stack.up();
    expect(instance().associatedLexV2Bots).toEqual([ALIAS_B]);
    expect(instance().associatedLexBots).toEqual([{ name: "OrderBot", region: REGION }]);
    const m = await metricsOf(em);
    // The create reads first (one ListBots of V2: the new alias is not listed), then associates.
    expect(m.calls).toEqual({ ListBots: 1, AssociateBot: 1, DisassociateBot: 1 });
    expect(m.lastCallAt["AssociateBot"]).toBeLessThanOrEqual(m.firstCallAt["DisassociateBot"] ?? 0);
    expect((await stack.outputs())["v2Id"]).toBe(`${INSTANCE}|V2|${ALIAS_B}`);
  });

  it("refresh drops an association removed out of band, and up restores it", async () => {
    await connectClient(em).send(
      new DisassociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: ALIAS_B } }),
    );
    await stack.refresh();
    const urns = ((await stack.exportState()).deployment.resources ?? [])
      .filter((r) => r.type === BOT_TYPE)
      .map((r) => r.urn);
    expect(urns.map((u) => u.split("::").pop())).toEqual(["orders-v1"]);
    await stack.up();
    expect(instance().associatedLexV2Bots).toEqual([ALIAS_B]);
  });

  it("an invalid aliasArn fails preview naming lexV2Bot.aliasArn once, never as value {<nil>}, with zero AWS calls", async () => {
    await resetMetrics(em);
    await stack.setConfig("test:aliasArn", "arn:aws:lex:us-east-1:123456789012:bot/NOTANALIAS");
    const r = await stack.preview([], { allowFailure: true });
    expect(r.code).not.toBe(0);
    const reason =
      "lexV2Bot.aliasArn must match arn:<partition>:lex:<region>:<account>:bot-alias/<botId>/<aliasId>, got 'arn:aws:lex:us-east-1:123456789012:bot/NOTANALIAS'";
    expect(r.stdout + r.stderr).toContain(
      `pulumi-nodejs:dynamic/connect:BotAssociation resource 'orders-v2' has a problem: ${reason}`,
    );
    // Once in the Diagnostics summary (the progress display shows it as it happens, too).
    expect(r.stdout.slice(r.stdout.indexOf("Diagnostics:")).split(reason).length - 1).toBe(1);
    expect(r.stdout + r.stderr).not.toContain("<nil>");
    expect(await calls()).toEqual({});
    await stack.setConfig("test:aliasArn", ALIAS_B);
  });

  it("destroy leaves no associations", async () => {
    await stack.destroy();
    expect(instance().associatedLexBots).toEqual([]);
    expect(instance().associatedLexV2Bots).toEqual([]);
  });
});
