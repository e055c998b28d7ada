import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccountsState, RunningEmulator } from "../../src/emulator";
import type { InstanceState } from "../../src/emulator/state";
import { accountsOf, callsAndErrors, metricsOf, resetEmulator } from "../helpers/admin";
import { admin, emulatorWith } from "../helpers/emulator";
import { REPO_ROOT, TestStack, pulumiBinary, type RunResult, type StackExport } from "../helpers/pulumi";
import {
  DEPLOYER_ROLE,
  DEV,
  DEV_KEY,
  PROD,
  PROD_KEY,
  PROD_ONLY_ROLE,
  accountsSeed,
  aliasOf,
} from "../helpers/seeds/accounts";
import { INSTANCE, REGION } from "../helpers/seeds/base";
import { DOMAIN, ORDER, PROFILE_A, orderKey, profilesSeed } from "../helpers/seeds/profiles";

/*
 * The aws: stack config keys through the real CLI, against an emulator seeded in the accounts form
 * (dev 111111111111 and prod 222222222222, each with an access key of its own; prod's role Deployer
 * trusts dev). The shell's AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are always dev's key: a stack
 * that lands in prod proves the stack config, not the environment, chose the credentials.
 */

const PROGRAM = path.join(REPO_ROOT, "test/engine/programs/accounts");
const BOT_TYPE = "pulumi-nodejs:dynamic/connect:BotAssociation";
const WORKSPACE = "ws-engine";
const USER = "u-engine";
const userArnOf = (account: string) =>
  `arn:aws:connect:${REGION}:${account}:instance/${INSTANCE}/agent/${USER}`;

/** accountsSeed, each account's instance with a user and a workspace (same ids in both accounts). */
function seed(): object {
  const s = accountsSeed() as { accounts: { connect: { instances: object[] } }[] };
  for (const a of s.accounts)
    a.connect.instances = a.connect.instances.map((i) => ({
      ...i,
      users: [{ id: USER }],
      workspaces: [{ id: WORKSPACE }],
    }));
  return s;
}

/** A home folder holding ~/.aws/credentials and ~/.aws/config with the profiles `dev` and `prod`. */
function homeWithProfiles(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "pca-home-"));
  fs.mkdirSync(path.join(home, ".aws"));
  const profile = (name: string, key: typeof DEV_KEY) =>
    `[${name}]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`;
  fs.writeFileSync(
    path.join(home, ".aws/credentials"),
    `${profile("dev", DEV_KEY)}\n${profile("prod", PROD_KEY)}`,
  );
  fs.writeFileSync(
    path.join(home, ".aws/config"),
    `[profile dev]\nregion = ${REGION}\n\n[profile prod]\nregion = ${REGION}\n`,
  );
  return home;
}

/** A TestStack whose shell has that home and dev's access key in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. */
class AccountsStack extends TestStack {
  constructor(readonly home: string) {
    super(PROGRAM);
  }

  override env(): NodeJS.ProcessEnv {
    return {
      ...super.env(),
      HOME: this.home,
      AWS_ACCESS_KEY_ID: DEV_KEY.accessKeyId,
      AWS_SECRET_ACCESS_KEY: DEV_KEY.secretAccessKey,
    };
  }

  failingUp(): Promise<RunResult> {
    return this.run(this.withConfig(["up", "--yes", "--skip-preview"]), { allowFailure: true });
  }

  async exportText(showSecrets = false): Promise<string> {
    return (await this.run(["stack", "export", ...(showSecrets ? ["--show-secrets"] : [])])).stdout;
  }

  async botsInState(): Promise<string[]> {
    const state = JSON.parse(await this.exportText()) as StackExport;
    return (state.deployment.resources ?? []).filter((r) => r.type === BOT_TYPE).map((r) => r.id ?? "");
  }

  rmConfig(key: string): Promise<RunResult> {
    return this.run(["config", "rm", "--config-file", this.configFile, key]);
  }
}

let em: RunningEmulator;
let home: string;

function instanceOf(accounts: AccountsState["accounts"], account: string): InstanceState {
  const i = accounts[account]?.connect.instances[0];
  if (!i) throw new Error(`seed has no instance in ${account}`);
  return i;
}

/** The Lex V2 aliases associated with the instance of each account. */
async function botsByAccount(): Promise<Record<string, string[]>> {
  const accounts = await accountsOf(em);
  return {
    [DEV]: instanceOf(accounts, DEV).associatedLexV2Bots,
    [PROD]: instanceOf(accounts, PROD).associatedLexV2Bots,
  };
}

/** The calls (and errors) each account's credentials made since the last reset. */
async function callsByAccount(): Promise<NonNullable<Awaited<ReturnType<typeof metricsOf>>["accounts"]>> {
  return (await metricsOf(em)).accounts ?? {};
}

/** Every credential of the shell, the profiles and the sessions AssumeRole issued so far. */
async function credentialStrings(): Promise<string[]> {
  const doc = (await admin(em, "GET", "/_emulator/state")) as AccountsState;
  return [
    DEV_KEY.accessKeyId,
    DEV_KEY.secretAccessKey,
    PROD_KEY.accessKeyId,
    PROD_KEY.secretAccessKey,
    ...doc.sessions.flatMap((s) => [s.accessKeyId, s.secretAccessKey, s.sessionToken]),
  ];
}

async function newStack(config: Record<string, string>): Promise<AccountsStack> {
  const stack = new AccountsStack(home);
  await stack.init({
    "aws:region": REGION,
    "connect:endpoint": em.url,
    "test:instanceId": INSTANCE,
    ...config,
  });
  return stack;
}

beforeAll(async () => {
  pulumiBinary();
  em = await emulatorWith(seed());
  home = homeWithProfiles();
});

afterAll(async () => {
  await em?.close();
  if (home) fs.rmSync(home, { recursive: true, force: true });
});

describe.sequential(
  "aws:profile picks the account from the shared credentials file, not the shell's keys",
  () => {
    let stack: AccountsStack;
    beforeAll(async () => {
      await resetEmulator(em);
      stack = await newStack({ "aws:profile": "prod", "test:aliasArn": aliasOf(PROD) });
    });
    afterAll(() => stack?.remove());

    it("aws:profile prod: up associates the bot in prod's account and makes no call as dev", async () => {
      await stack.up();
      expect(await botsByAccount()).toEqual({ [DEV]: [], [PROD]: [aliasOf(PROD)] });
      // The create reads the instance's bots first (ListBots), then associates: both in prod.
      expect(await callsByAccount()).toEqual({
        [PROD]: { calls: { ListBots: 1, AssociateBot: 1 }, errors: {} },
      });
      expect(await stack.botsInState()).toEqual([`${INSTANCE}|V2|${aliasOf(PROD)}`]);
    });

    it("aws:profile prod: destroy disassociates in prod, dev's instance never touched", async () => {
      await stack.destroy();
      expect(await botsByAccount()).toEqual({ [DEV]: [], [PROD]: [] });
      expect(await callsByAccount()).toEqual({
        [PROD]: { calls: { ListBots: 1, AssociateBot: 1, DisassociateBot: 1 }, errors: {} },
      });
    });
  },
);

describe.sequential("aws:assumeRoles chains from the profile's credentials into the role's account", () => {
  let stack: AccountsStack;
  beforeAll(async () => {
    await resetEmulator(em);
    stack = await newStack({
      "aws:profile": "dev",
      "aws:assumeRoles": JSON.stringify([{ roleArn: DEPLOYER_ROLE, sessionName: "engine-test" }]),
      "test:aliasArn": aliasOf(PROD),
    });
  });
  afterAll(() => stack?.remove());

  it("dev's profile assuming prod's Deployer role: up lands in prod, AssumeRole asked as dev", async () => {
    const up = await stack.up();
    expect(await botsByAccount()).toEqual({ [DEV]: [], [PROD]: [aliasOf(PROD)] });
    expect(await callsByAccount()).toEqual({
      [DEV]: { calls: { AssumeRole: 1 }, errors: {} },
      [PROD]: { calls: { ListBots: 1, AssociateBot: 1 }, errors: {} },
    });
    const whole = `${await stack.exportText(true)}\n${up.stdout}\n${up.stderr}`;
    const secrets = await credentialStrings();
    expect(secrets.length).toBe(7);
    for (const s of secrets) expect(whole).not.toContain(s);
  });

  it("assumed role: destroy disassociates in prod too", async () => {
    await stack.destroy();
    expect(await botsByAccount()).toEqual({ [DEV]: [], [PROD]: [] });
    expect((await callsByAccount())[PROD]?.calls).toEqual({
      ListBots: 1,
      AssociateBot: 1,
      DisassociateBot: 1,
    });
  });

  it("a role that does not trust dev: up fails with STS AccessDenied, nothing changed in either account", async () => {
    await stack.setConfig("aws:assumeRoles", JSON.stringify([{ roleArn: PROD_ONLY_ROLE }]));
    await resetEmulator(em);
    const r = await stack.failingUp();
    expect(r.code).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toContain("AccessDenied");
    expect(await botsByAccount()).toEqual({ [DEV]: [], [PROD]: [] });
    const byAccount = await callsByAccount();
    expect(Object.keys(byAccount)).toEqual([DEV]);
    expect(Object.keys(byAccount[DEV]?.calls ?? {})).toEqual(["AssumeRole"]);
    expect(await stack.botsInState()).toEqual([]);
  });
});

describe.sequential(
  "aws:allowedAccountIds / aws:forbiddenAccountIds stop a stack in the wrong account",
  () => {
    let stack: AccountsStack;
    beforeAll(async () => {
      await resetEmulator(em);
      stack = await newStack({
        "aws:profile": "prod",
        "aws:allowedAccountIds": JSON.stringify([DEV]),
        "test:aliasArn": aliasOf(PROD),
      });
    });
    afterAll(() => stack?.remove());

    it("allowedAccountIds [dev] with prod's profile: up fails naming 222222222222 and the key; only GetCallerIdentity was called", async () => {
      const r = await stack.failingUp();
      expect(r.code).not.toBe(0);
      const out = `${r.stdout}${r.stderr}`;
      expect(out).toContain(
        `The stack's AWS credentials act in account ${PROD} (arn:aws:iam::${PROD}:user/emulator), which stack config ` +
          `aws:allowedAccountIds (${DEV}) does not allow. Nothing was changed in AWS.`,
      );
      for (const s of await credentialStrings()) expect(out).not.toContain(s);
      expect(await callsByAccount()).toEqual({ [PROD]: { calls: { GetCallerIdentity: 1 }, errors: {} } });
      expect(await botsByAccount()).toEqual({ [DEV]: [], [PROD]: [] });
      expect(await stack.botsInState()).toEqual([]);
    });

    it("allowedAccountIds [prod] with prod's profile: up succeeds, one GetCallerIdentity then the association", async () => {
      await stack.setConfig("aws:allowedAccountIds", JSON.stringify([PROD]));
      await resetEmulator(em);
      await stack.up();
      expect(await botsByAccount()).toEqual({ [DEV]: [], [PROD]: [aliasOf(PROD)] });
      expect(await callsByAccount()).toEqual({
        [PROD]: { calls: { GetCallerIdentity: 1, ListBots: 1, AssociateBot: 1 }, errors: {} },
      });
    });

    it("plain destroy acts with the aws: config of the last up (the engine keeps it with the provider in state), not the file's", async () => {
      await stack.rmConfig("aws:allowedAccountIds");
      await stack.setConfig("aws:forbiddenAccountIds", JSON.stringify([PROD]));
      await stack.destroy();
      expect(await botsByAccount()).toEqual({ [DEV]: [], [PROD]: [] });
      expect(await callsByAccount()).toEqual({
        [PROD]: {
          calls: { GetCallerIdentity: 2, ListBots: 1, AssociateBot: 1, DisassociateBot: 1 },
          errors: {},
        },
      });
      expect(await stack.botsInState()).toEqual([]);
    });

    it("forbiddenAccountIds [prod] with prod's profile: up fails naming the key; only GetCallerIdentity was called", async () => {
      await resetEmulator(em);
      const r = await stack.failingUp();
      expect(r.code).not.toBe(0);
      expect(`${r.stdout}${r.stderr}`).toContain(
        `The stack's AWS credentials act in account ${PROD} (arn:aws:iam::${PROD}:user/emulator), which stack config ` +
          `aws:forbiddenAccountIds forbids. Nothing was changed in AWS.`,
      );
      expect(await callsByAccount()).toEqual({ [PROD]: { calls: { GetCallerIdentity: 1 }, errors: {} } });
      expect(await botsByAccount()).toEqual({ [DEV]: [], [PROD]: [] });
      expect(await stack.botsInState()).toEqual([]);
    });

    it("account ids as `pulumi config set --path` writes them (YAML numbers) mean the same accounts", async () => {
      await stack.rmConfig("aws:forbiddenAccountIds");
      await stack.run([
        "config",
        "set",
        "--config-file",
        stack.configFile,
        "--path",
        "aws:allowedAccountIds[0]",
        DEV,
      ]);
      expect(fs.readFileSync(stack.configFile, "utf8")).toContain(`aws:allowedAccountIds:\n    - ${DEV}\n`);
      await resetEmulator(em);
      const r = await stack.failingUp();
      expect(r.code).not.toBe(0);
      expect(`${r.stdout}${r.stderr}`).toContain(
        `The stack's AWS credentials act in account ${PROD} (arn:aws:iam::${PROD}:user/emulator), which stack config ` +
          `aws:allowedAccountIds (${DEV}) does not allow. Nothing was changed in AWS.`,
      );
      expect(await callsByAccount()).toEqual({ [PROD]: { calls: { GetCallerIdentity: 1 }, errors: {} } });
    });
  },
);

/** `pulumi config set [--secret] key value` into the stack's config file. */
function setConfig(stack: TestStack, key: string, value: string, secret: boolean): Promise<RunResult> {
  return stack.run([
    "config",
    "set",
    "--config-file",
    stack.configFile,
    ...(secret ? ["--secret"] : []),
    key,
    value,
  ]);
}

/** The default provider of every dynamic resource, whose inputs the engine fills with the stack config. */
const NODEJS_PROVIDER = "pulumi:providers:pulumi-nodejs";
/** The engine's marker of a secret value in a state file. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

describe.sequential(
  "aws:accessKey / aws:secretKey as secrets act in their account and stay out of state",
  () => {
    let stack: AccountsStack;
    beforeAll(async () => {
      await resetEmulator(em);
      stack = await newStack({ "test:aliasArn": aliasOf(PROD) });
      await setConfig(stack, "aws:accessKey", PROD_KEY.accessKeyId, true);
      await setConfig(stack, "aws:secretKey", PROD_KEY.secretAccessKey, true);
    });
    afterAll(() => stack?.remove());

    it("the stack file holds both keys encrypted", () => {
      const file = fs.readFileSync(stack.configFile, "utf8");
      expect(file).toMatch(/aws:accessKey:\n {4}secure: /);
      expect(file).toMatch(/aws:secretKey:\n {4}secure: /);
      expect(file).not.toContain(PROD_KEY.accessKeyId);
      expect(file).not.toContain(PROD_KEY.secretAccessKey);
    });

    it("static keys beat the shell's: preview and up act in prod; neither key in the CLI output", async () => {
      const preview = await stack.preview();
      const up = await stack.up();
      const outputs = [preview.stdout, preview.stderr, up.stdout, up.stderr].join("\n");
      expect(await botsByAccount()).toEqual({ [DEV]: [], [PROD]: [aliasOf(PROD)] });
      expect(await callsByAccount()).toEqual({
        [PROD]: { calls: { ListBots: 1, AssociateBot: 1 }, errors: {} },
      });
      for (const s of await credentialStrings()) expect(outputs).not.toContain(s);
    });

    it("stack export --show-secrets: neither key in any input or output of our resources, nor in the stack's outputs", async () => {
      const state = JSON.parse(await stack.exportText(true)) as StackExport;
      const resources = state.deployment.resources ?? [];
      expect(resources.filter((r) => r.type === BOT_TYPE).map((r) => r.id)).toEqual([
        `${INSTANCE}|V2|${aliasOf(PROD)}`,
      ]);
      const ours = resources.filter((r) => r.type !== NODEJS_PROVIDER);
      expect(ours.map((r) => r.type)).toEqual(["pulumi:pulumi:Stack", BOT_TYPE]);
      const text = JSON.stringify(ours);
      for (const s of await credentialStrings()) expect(text).not.toContain(s);
    });

    it("the engine records the stack config with the pulumi-nodejs provider: both keys only as secrets there", async () => {
      const plain = await stack.exportText();
      for (const s of await credentialStrings()) expect(plain).not.toContain(s);
      const shown = JSON.parse(await stack.exportText(true)) as StackExport;
      const provider = (shown.deployment.resources ?? []).find((r) => r.type === NODEJS_PROVIDER);
      for (const [key, value] of [
        ["aws:accessKey", PROD_KEY.accessKeyId],
        ["aws:secretKey", PROD_KEY.secretAccessKey],
      ] as const)
        expect(provider?.inputs?.[key]).toEqual({
          [SECRET_SIG]: "1b47061264138c4ac30d75fd1eb44270",
          plaintext: JSON.stringify(value),
        });
    });

    it("aws:secretKey set without --secret still never lands in the state file in plaintext", async () => {
      await stack.rmConfig("aws:secretKey");
      await setConfig(stack, "aws:secretKey", PROD_KEY.secretAccessKey, false);
      await stack.failingUp();
      expect(await stack.exportText()).not.toContain(PROD_KEY.secretAccessKey);
    });
  },
);

describe.sequential("an instance-scoped ARN of another account fails before any mutating call", () => {
  let stack: AccountsStack;
  beforeAll(async () => {
    await resetEmulator(em);
    stack = await newStack({
      "aws:profile": "dev",
      "test:workspaceId": WORKSPACE,
      "test:memberArns": JSON.stringify([userArnOf(PROD)]),
    });
  });
  afterAll(() => stack?.remove());

  it("preview cannot tell (instanceId is a bare id): it passes with zero AWS calls", async () => {
    const r = await stack.preview();
    expect(r.stdout).toMatch(/\+\s+pulumi-nodejs:dynamic\/connect:WorkspaceAssociation\s+members\s+create/);
    expect(await callsAndErrors(em)).toEqual({ calls: {}, errors: {} });
  });

  it("acting as dev with a prod user ARN: up fails naming both accounts; only GetCallerIdentity, nothing associated", async () => {
    const r = await stack.failingUp();
    expect(r.code).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toContain(
      `resourceArns[0] is ${userArnOf(PROD)}, in account ${PROD}, but the stack's AWS credentials act in account ${DEV}`,
    );
    expect(await callsByAccount()).toEqual({ [DEV]: { calls: { GetCallerIdentity: 1 }, errors: {} } });
    const accounts = await accountsOf(em);
    expect(instanceOf(accounts, DEV).workspaceAssociations).toEqual([]);
    expect(instanceOf(accounts, PROD).workspaceAssociations).toEqual([]);
  });

  it("with dev's own user only, the same stack associates it in dev", async () => {
    await stack.setConfig("test:memberArns", JSON.stringify([userArnOf(DEV)]));
    await resetEmulator(em);
    await stack.up();
    const accounts = await accountsOf(em);
    expect(instanceOf(accounts, DEV).workspaceAssociations).toEqual([
      { workspaceId: WORKSPACE, resourceArn: userArnOf(DEV), resourceType: "USER" },
    ]);
    expect(instanceOf(accounts, PROD).workspaceAssociations).toEqual([]);
    expect(Object.keys(await callsByAccount())).toEqual([DEV]);
  });
});

describe.sequential("a malformed aws: key fails pulumi preview naming the key", () => {
  let stack: AccountsStack;
  beforeAll(async () => {
    await resetEmulator(em);
    stack = await newStack({ "test:aliasArn": aliasOf(DEV) });
  });
  afterAll(() => stack?.remove());

  it.each([
    [
      "aws:assumeRoles",
      JSON.stringify({ roleArn: DEPLOYER_ROLE }),
      "stack config aws:assumeRoles must be a list of roles ({ roleArn, sessionName, externalId, durationSeconds })",
    ],
    [
      "aws:allowedAccountIds",
      JSON.stringify(["1111"]),
      "stack config aws:allowedAccountIds: '1111' is not a 12-digit AWS account id",
    ],
    ["aws:maxRetries", "many", "stack config aws:maxRetries must be a whole number ≥ 0, got 'many'"],
  ])("%s = %s: preview fails with the key named, zero AWS calls", async (key, value, message) => {
    await stack.setConfig(key, value);
    const r = await stack.preview([], { allowFailure: true });
    await stack.rmConfig(key);
    expect(r.code).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toContain(message);
    expect(await callsAndErrors(em)).toEqual({ calls: {}, errors: {} });
  });

  it("aws:accessKey (secret) without aws:secretKey: preview fails naming both keys, never the key's value", async () => {
    await setConfig(stack, "aws:accessKey", PROD_KEY.accessKeyId, true);
    const r = await stack.preview([], { allowFailure: true });
    await stack.rmConfig("aws:accessKey");
    expect(r.code).not.toBe(0);
    const out = `${r.stdout}${r.stderr}`;
    expect(out).toContain("stack config aws:accessKey and aws:secretKey go together: set both, or neither");
    expect(out).not.toContain(PROD_KEY.accessKeyId);
    expect(await callsAndErrors(em)).toEqual({ calls: {}, errors: {} });
  });
});

describe.sequential(
  "a local stack with only connect:endpoint sends Customer Profiles calls to that endpoint",
  () => {
    let local: RunningEmulator;
    let stack: TestStack;
    beforeAll(async () => {
      local = await emulatorWith(profilesSeed());
      stack = new TestStack(PROGRAM);
      await stack.init({
        "aws:region": REGION,
        "connect:endpoint": local.url,
        "test:domainName": DOMAIN,
        "test:profileId": PROFILE_A,
        "test:objectTypeName": ORDER,
        "test:profileObjectUniqueKey": orderKey("o-1"),
      });
    });
    afterAll(async () => {
      await stack?.remove();
      await local?.close();
    });

    it("ProfileObjectDeletion: up calls DeleteProfileObject on the emulator and the object is gone", async () => {
      const config = fs.readFileSync(stack.configFile, "utf8");
      expect(config).not.toContain("profilesEndpoint");
      expect(config).not.toContain("aws:endpoints");
      await stack.up();
      expect(await callsAndErrors(local)).toEqual({ calls: { DeleteProfileObject: 1 }, errors: {} });
      const profile = local.state().customerProfiles.domains[0]?.profiles.find((p) => p.id === PROFILE_A);
      expect(profile?.objects.map((o) => o.uniqueKey)).toEqual([orderKey("o-2")]);
      expect((await stack.outputs())["eraseOutcome"]).toBe("deleted");
    });
  },
);
