import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { accountsOf, metricsOf } from "../helpers/admin";
import { emulatorWith } from "../helpers/emulator";
import { INSTANCE, REGION } from "../helpers/seeds/base";
import {
  AUDITED_ROLE,
  DEV,
  DEV_KEY,
  EXTERNAL_ID,
  PROD,
  accountsSeed,
  aliasOf,
} from "../helpers/seeds/accounts";
import { PluginUnderTest, plain, secret, urnOf } from "./client";

/*
 * Two provider processes (two explicit providers of one program) against one emulator seeded with
 * two accounts: dev's profile, and the same profile assuming prod's Audited role with a secret
 * external id among the provider inputs. Each acts in its own account.
 */

let em: RunningEmulator;
let dir: string;
let dev: PluginUnderTest;
let prod: PluginUnderTest;

beforeAll(async () => {
  em = await emulatorWith(accountsSeed());
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "plugin-accounts-"));
  const credentials = path.join(dir, "credentials");
  fs.writeFileSync(
    credentials,
    `[dev]\naws_access_key_id = ${DEV_KEY.accessKeyId}\naws_secret_access_key = ${DEV_KEY.secretAccessKey}\n`,
  );
  const common = { region: REGION, endpoint: em.url, profile: "dev", sharedCredentialsFiles: [credentials] };
  dev = await PluginUnderTest.start();
  await dev.configure(common);
  prod = await PluginUnderTest.start();
  await prod.configure({
    ...common,
    assumeRoles: [{ roleArn: AUDITED_ROLE, externalId: secret(EXTERNAL_ID) }],
  });
});
afterAll(async () => {
  await dev?.close();
  await prod?.close();
  await em?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const bots = async () => {
  const accounts = await accountsOf(em);
  return {
    [DEV]: accounts[DEV]?.connect.instances[0]?.associatedLexV2Bots,
    [PROD]: accounts[PROD]?.connect.instances[0]?.associatedLexV2Bots,
  };
};

it("each provider associates its account's alias in its own account, and deletes it there", async () => {
  const urn = urnOf("BotAssociation");
  const made: [PluginUnderTest, string, Record<string, unknown>][] = [];
  for (const [plugin, account] of [
    [dev, DEV],
    [prod, PROD],
  ] as const) {
    const inputs = {
      instanceId: INSTANCE,
      region: REGION,
      adoptExisting: false,
      lexV2Bot: { aliasArn: aliasOf(account) },
    };
    const created = await plugin.create(urn, inputs);
    expect(created.getId()).toBe(`${INSTANCE}|V2|${aliasOf(account)}`);
    made.push([plugin, created.getId(), plain(created.getProperties())]);
  }
  expect(await bots()).toEqual({ [DEV]: [aliasOf(DEV)], [PROD]: [aliasOf(PROD)] });
  // prod's provider reached prod through the role, assumed with dev's key and the external id.
  expect((await metricsOf(em)).accounts?.[DEV]?.calls["AssumeRole"]).toBe(1);

  for (const [plugin, id, outputs] of made) await plugin.delete(urn, id, outputs);
  expect(await bots()).toEqual({ [DEV]: [], [PROD]: [] });
});

it("an ARN of the other account is refused by the account guard, naming both accounts", async () => {
  const urn = urnOf("BotAssociation");
  const foreign = `arn:aws:connect:${REGION}:${PROD}:instance/${INSTANCE}`;
  await expect(
    dev.create(urn, {
      instanceId: foreign,
      region: REGION,
      adoptExisting: false,
      lexV2Bot: { aliasArn: aliasOf(DEV) },
    }),
  ).rejects.toThrow(
    `instanceId is ${foreign}, in account ${PROD}, but the stack's AWS credentials act in account ${DEV}`,
  );
  expect(await bots()).toEqual({ [DEV]: [], [PROD]: [] });
});
