import * as fs from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DiffResponse } from "@pulumi/pulumi/proto/provider_pb";
import type { RunningEmulator } from "../../src/emulator";
import { callsOf, resetMetrics } from "../helpers/admin";
import { emulatorWith } from "../helpers/emulator";
import { ACCOUNT, ALIAS_A, INSTANCE, REGION, baseSeed } from "../helpers/seeds/base";
import { ENGINE_UNKNOWN, PluginUnderTest, kinds, plain, secret, urnOf } from "./client";

/*
 * The provider's own methods over real gRPC: its configuration (stack config variables and explicit
 * provider inputs), CheckConfig / DiffConfig, GetSchema and GetPluginInfo.
 */

let em: RunningEmulator;
let plugin: PluginUnderTest;
beforeAll(async () => {
  em = await emulatorWith(baseSeed());
});
afterAll(() => em?.close());
afterEach(() => plugin?.close());

const start = async () => (plugin = await PluginUnderTest.start());
const bot = urnOf("BotAssociation");
const inputs = {
  instanceId: INSTANCE,
  region: REGION,
  adoptExisting: false,
  lexV2Bot: { aliasArn: ALIAS_A },
};

/**
 * A create after Configure: it reaches the emulator (the configured endpoint), in its Region, and
 * the account guard's STS call went to the same endpoint as Connect's calls.
 */
async function createsThroughTheEmulator(): Promise<void> {
  await resetMetrics(em);
  const created = await plugin.create(bot, inputs);
  expect(created.getId()).toBe(`${INSTANCE}|V2|${ALIAS_A}`);
  expect(await callsOf(em)).toEqual({ GetCallerIdentity: 1, ListBots: 1, AssociateBot: 1 });
  await plugin.delete(bot, created.getId(), plain(created.getProperties()));
}

describe("Configure", () => {
  it("answers that the provider takes secrets, resources and previews", async () => {
    await start();
    const res = await plugin.configure({ region: REGION });
    expect([
      res.getAcceptsecrets(),
      res.getAcceptresources(),
      res.getSupportspreview(),
      res.getAcceptoutputs(),
    ]).toEqual([true, true, true, false]);
  });

  it("a bad maxRetries fails naming connect-associations:maxRetries, from provider inputs and from stack config", async () => {
    await start();
    await expect(plugin.configure({ maxRetries: -1 })).rejects.toThrow(
      "connect-associations:maxRetries must be a whole number ≥ 0, got '-1'",
    );
    await expect(plugin.configure({}, { "connect-associations:config:maxRetries": "many" })).rejects.toThrow(
      "connect-associations:maxRetries must be a whole number ≥ 0, got 'many'",
    );
  });

  it("a bad endpoint, role or rate limit fails naming the plugin's key", async () => {
    await start();
    await expect(plugin.configure({ endpoint: "localhost:4566" })).rejects.toThrow(
      "connect-associations:endpoint must be an http(s) URL",
    );
    await expect(plugin.configure({ assumeRoles: [{ roleArn: "Deployer" }] })).rejects.toThrow(
      "connect-associations:assumeRoles[0].roleArn must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)",
    );
    await expect(
      plugin.configure({}, { "connect-associations:config:rateLimits": '{"*":{"rate":0,"burst":1}}' }),
    ).rejects.toThrow('connect-associations:rateLimits.* must be { "rate": > 0, "burst": >= 1 }');
    await expect(
      plugin.configure({ allowedAccountIds: [ACCOUNT], forbiddenAccountIds: [ACCOUNT] }),
    ).rejects.toThrow(
      "connect-associations:allowedAccountIds and connect-associations:forbiddenAccountIds cannot both be set (as in @pulumi/aws)",
    );
  });

  it("stack config variables (lists as JSON) work as explicit inputs do: the endpoint and Region reach every call", async () => {
    await start();
    await plugin.configure(
      {},
      {
        "connect-associations:config:region": REGION,
        "connect-associations:config:endpoint": em.url,
        "connect-associations:config:allowedAccountIds": JSON.stringify([ACCOUNT]),
      },
    );
    await createsThroughTheEmulator();
  });

  it("as the engine sends them, inputs in args and again in variables keyed connect-associations:config:<key>, lists as JSON", async () => {
    await start();
    await plugin.configure(
      { region: REGION, endpoint: em.url, allowedAccountIds: [ACCOUNT], maxRetries: 0 },
      {
        "connect-associations:config:region": REGION,
        "connect-associations:config:endpoint": em.url,
        "connect-associations:config:allowedAccountIds": `["${ACCOUNT}"]`,
        "connect-associations:config:maxRetries": "0",
      },
    );
    await createsThroughTheEmulator();
  });

  it("the older variable spelling connect-associations:<key> is still read, after connect-associations:config:<key>", async () => {
    await start();
    await expect(plugin.configure({}, { "connect-associations:maxRetries": "many" })).rejects.toThrow(
      "connect-associations:maxRetries must be a whole number ≥ 0, got 'many'",
    );
    const res = await plugin.configure(
      {},
      { "connect-associations:config:maxRetries": "2", "connect-associations:maxRetries": "many" },
    );
    expect(res.getAcceptsecrets()).toBe(true);
  });

  it("allowedAccountIds refuses a create in another account before any Connect call", async () => {
    await start();
    await plugin.configure({
      region: REGION,
      endpoint: em.url,
      allowedAccountIds: JSON.stringify(["210987654321"]),
    });
    await resetMetrics(em);
    await expect(plugin.create(bot, inputs)).rejects.toThrow(
      "which connect-associations:allowedAccountIds (210987654321) does not allow. Nothing was changed in AWS.",
    );
    expect(await callsOf(em)).toEqual({ GetCallerIdentity: 1 });
  });

  it("without a Region anywhere, a resource's check fails naming connect-associations:region", async () => {
    const saved = {
      AWS_REGION: process.env["AWS_REGION"],
      AWS_DEFAULT_REGION: process.env["AWS_DEFAULT_REGION"],
    };
    delete process.env["AWS_REGION"];
    delete process.env["AWS_DEFAULT_REGION"];
    try {
      await start();
      await plugin.configure({ endpoint: em.url });
      const { region: _, ...withoutRegion } = inputs;
      const checked = await plugin.check(bot, withoutRegion);
      expect(checked.getFailuresList().map((f) => [f.getProperty(), f.getReason()])).toEqual([
        [
          "region",
          "region is not set: give the resource a region, or set connect-associations:region, or AWS_REGION",
        ],
      ]);
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v;
    }
  });
});

describe("CheckConfig and DiffConfig", () => {
  it("CheckConfig returns the inputs as given and a failure naming the property; a value holding an externalId comes back secret as a whole", async () => {
    await start();
    const role = `arn:aws:iam::${ACCOUNT}:role/Deployer`;
    const news = {
      region: REGION,
      assumeRoles: [{ roleArn: role, externalId: secret("x-1") }],
    };
    const ok = await plugin.checkConfig(news);
    expect([plain(ok.getInputs()), ok.getFailuresList()]).toEqual([
      { region: REGION, assumeRoles: secret([{ roleArn: role, externalId: "x-1" }]) },
      [],
    ]);
    // Not marked secret by the program (a YAML literal, say): still secret in what the engine stores.
    const unmarked = await plugin.checkConfig({ assumeRoles: [{ roleArn: role, externalId: "x-2" }] });
    expect(plain(unmarked.getInputs())).toEqual({
      assumeRoles: secret([{ roleArn: role, externalId: "x-2" }]),
    });
    // As the generated SDKs send it (JSON text), and a role without an external id (nothing to hide).
    const text = JSON.stringify([{ roleArn: role, externalId: "x-3" }]);
    expect(plain((await plugin.checkConfig({ assumeRoles: text })).getInputs())).toEqual({
      assumeRoles: secret(text),
    });
    const noId = { assumeRoles: [{ roleArn: role, sessionName: "deploy" }] };
    expect(plain((await plugin.checkConfig(noId)).getInputs())).toEqual(noId);
    const bad = await plugin.checkConfig({ consistencyTimeoutSeconds: "soon", version: "0.1.0" });
    expect(bad.getFailuresList().map((f) => [f.getProperty(), f.getReason()])).toEqual([
      [
        "consistencyTimeoutSeconds",
        "connect-associations:consistencyTimeoutSeconds must be a positive number, got 'soon'",
      ],
    ]);
  });

  it("CheckConfig in a preview: a value not yet known, or holding one, is no failure and comes back as given", async () => {
    await start();
    const news = {
      region: REGION,
      assumeRoles: [{ roleArn: ENGINE_UNKNOWN, sessionName: "deploy" }],
      allowedAccountIds: [ENGINE_UNKNOWN],
      endpoint: ENGINE_UNKNOWN,
      rateLimits: { "*": { rate: ENGINE_UNKNOWN, burst: 1 } },
    };
    const checked = await plugin.checkConfig(news);
    expect([plain(checked.getInputs()), checked.getFailuresList()]).toEqual([news, []]);
    // The known keys beside them are still checked.
    const bad = await plugin.checkConfig({ assumeRoles: [{ roleArn: ENGINE_UNKNOWN }], maxRetries: -1 });
    expect(bad.getFailuresList().map((f) => [f.getProperty(), f.getReason()])).toEqual([
      ["maxRetries", "connect-associations:maxRetries must be a whole number ≥ 0, got '-1'"],
    ]);
  });

  it('DiffConfig: a changed Region or endpoint is a change, never a replacement; 3 and "3" are the same', async () => {
    await start();
    const d = await plugin.diffConfig(
      { region: "us-east-1", endpoint: "http://127.0.0.1:1", maxRetries: 3, version: "0.1.0" },
      { region: "eu-west-2", endpoint: "http://127.0.0.1:2", maxRetries: "3", version: "0.1.0" },
    );
    expect([d.getChanges(), d.getReplacesList(), d.getDeletebeforereplace(), kinds(d)]).toEqual([
      DiffResponse.DiffChanges.DIFF_SOME,
      [],
      false,
      { region: "UPDATE", endpoint: "UPDATE" },
    ]);
    const same = await plugin.diffConfig({ maxRetries: 3 }, { maxRetries: "3" });
    expect([same.getChanges(), kinds(same)]).toEqual([DiffResponse.DiffChanges.DIFF_NONE, {}]);
  });

  it("DiffConfig in a preview: a key whose new value is not yet known, or holds one, is changing (UPDATE, ADD when unset)", async () => {
    await start();
    const d = await plugin.diffConfig(
      {
        region: "us-east-1",
        assumeRoles: [{ roleArn: `arn:aws:iam::${ACCOUNT}:role/Deployer` }],
        maxRetries: 3,
      },
      {
        region: ENGINE_UNKNOWN,
        assumeRoles: [{ roleArn: ENGINE_UNKNOWN }],
        allowedAccountIds: [ENGINE_UNKNOWN],
        maxRetries: 3,
      },
    );
    expect([d.getChanges(), d.getReplacesList(), kinds(d)]).toEqual([
      DiffResponse.DiffChanges.DIFF_SOME,
      [],
      { region: "UPDATE", assumeRoles: "UPDATE", allowedAccountIds: "ADD" },
    ]);
  });
});

describe("GetSchema and GetPluginInfo", () => {
  it("GetSchema answers src/plugin/schema.json; GetPluginInfo the package's version", async () => {
    await start();
    const schema = (await plugin.getSchema()).getSchema();
    expect(JSON.parse(schema)).toEqual(JSON.parse(fs.readFileSync("src/plugin/schema.json", "utf8")));
    const pkg = JSON.parse(fs.readFileSync("package.json", "utf8")) as { version: string };
    expect((await plugin.getPluginInfo()).getVersion()).toBe(pkg.version);
  });
});
