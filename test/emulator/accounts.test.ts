import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AssociateBotCommand, ListBotsCommand } from "@aws-sdk/client-connect";
import { CustomerProfilesClient, GetDomainCommand } from "@aws-sdk/client-customer-profiles";
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  type AssumeRoleCommandInput,
} from "@aws-sdk/client-sts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  documentFromSeed,
  startEmulator,
  type AccountsState,
  type RunningEmulator,
} from "../../src/emulator";
import { accountsOf, metricsOf, resetEmulator, resetMetrics, seedEmulator, stateOf } from "../helpers/admin";
import { adminRequest, connectClient, emulatorWith, stsClient, type Credentials } from "../helpers/emulator";
import { failure } from "../helpers/failure";
import {
  AUDITED_ROLE,
  DEPLOYER_ROLE,
  DEV,
  DEV_KEY,
  EXTERNAL_ID,
  PROD,
  PROD_KEY,
  PROD_ONLY_ROLE,
  PROD_USER_KEY,
  accountsSeed,
  aliasOf,
} from "../helpers/seeds/accounts";
import { ACCOUNT, INSTANCE, REGION, baseSeed } from "../helpers/seeds/base";

let em: RunningEmulator;
beforeEach(async () => {
  em = await emulatorWith(accountsSeed());
});
afterEach(async () => em.close());

const connectAs = (credentials: Credentials) => connectClient(em, REGION, 1, credentials);
const associate = (credentials: Credentials, account: string) =>
  connectAs(credentials).send(
    new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: aliasOf(account) } }),
  );
const listV2 = async (credentials: Credentials) =>
  (await connectAs(credentials).send(new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V2" })))
    .LexBots;
const identity = async (credentials: Credentials) => {
  const { UserId, Account, Arn } = await stsClient(em, credentials).send(new GetCallerIdentityCommand({}));
  return { UserId, Account, Arn };
};
const assume = (credentials: Credentials, input: Partial<AssumeRoleCommandInput> = {}) =>
  stsClient(em, credentials).send(
    new AssumeRoleCommand({ RoleArn: DEPLOYER_ROLE, RoleSessionName: "pulumi", ...input }),
  );
/** Temporary credentials of `role`, assumed with dev's key. */
const assumed = async (input: Partial<AssumeRoleCommandInput> = {}): Promise<Credentials> => {
  const c = (await assume(DEV_KEY, input)).Credentials;
  return {
    accessKeyId: c?.AccessKeyId ?? "",
    secretAccessKey: c?.SecretAccessKey ?? "",
    sessionToken: c?.SessionToken ?? "",
  };
};
const associatedIn = (account: string) => em.account(account)?.connect.instances[0]?.associatedLexV2Bots;

describe("accounts: each access key acts in its own account", () => {
  it("serves each request from the state of the account that owns its key", async () => {
    await associate(PROD_KEY, PROD);
    expect(associatedIn(PROD)).toEqual([aliasOf(PROD)]);
    expect(associatedIn(DEV)).toEqual([]);
    expect(await listV2(PROD_KEY)).toEqual([{ LexV2Bot: { AliasArn: aliasOf(PROD) } }]);
    expect(await listV2(DEV_KEY)).toEqual([]);
    // Dev's instance knows only dev's alias: prod's is not found from dev's key.
    expect((await failure(associate(DEV_KEY, PROD))).name).toBe("ResourceNotFoundException");
    expect(associatedIn(DEV)).toEqual([]);
  });

  it("answers 403 UnrecognizedClientException to a key no account holds, in Connect and Customer Profiles", async () => {
    const unknown = { accessKeyId: "AKIAUNKNOWN000000001", secretAccessKey: "x" };
    const refusal = {
      name: "UnrecognizedClientException",
      status: 403,
      message: "The security token included in the request is invalid.",
    };
    expect(await failure(listV2(unknown))).toEqual(refusal);
    const profiles = new CustomerProfilesClient({
      region: REGION,
      endpoint: em.url,
      credentials: unknown,
      maxAttempts: 1,
    });
    expect(await failure(profiles.send(new GetDomainCommand({ DomainName: "prod-domain" })))).toEqual(
      refusal,
    );
    // Refused at the front end: no operation was counted.
    expect((await metricsOf(em)).calls).toEqual({});
  });

  it("serves Customer Profiles from the caller's account too", async () => {
    const domain = (credentials: Credentials) =>
      new CustomerProfilesClient({ region: REGION, endpoint: em.url, credentials, maxAttempts: 1 }).send(
        new GetDomainCommand({ DomainName: "prod-domain" }),
      );
    expect((await domain(PROD_KEY)).DomainName).toBe("prod-domain");
    expect((await failure(domain(DEV_KEY))).name).toBe("ResourceNotFoundException");
  });
});

describe("STS GetCallerIdentity", () => {
  it("answers each key's account and IAM user: the seed's userName, or emulator", async () => {
    const userId = expect.stringMatching(/^AIDA[A-Z2-7]{17}$/) as string;
    const dev = await identity(DEV_KEY);
    expect(dev).toEqual({ UserId: userId, Account: DEV, Arn: `arn:aws:iam::${DEV}:user/emulator` });
    const prod = await identity(PROD_KEY);
    expect(prod).toEqual({ UserId: userId, Account: PROD, Arn: `arn:aws:iam::${PROD}:user/emulator` });
    const deployer = await identity(PROD_USER_KEY);
    expect(deployer).toEqual({ UserId: userId, Account: PROD, Arn: `arn:aws:iam::${PROD}:user/deployer` });
    // A user's id is its own, and the same on every call.
    expect(new Set([dev.UserId, prod.UserId, deployer.UserId]).size).toBe(3);
    expect(await identity(PROD_USER_KEY)).toEqual(deployer);
  });

  it("answers 403 InvalidClientTokenId to an unknown key, as STS does", async () => {
    const r = await failure(
      stsClient(em, { accessKeyId: "AKIAUNKNOWN000000001", secretAccessKey: "x" }).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect(r).toEqual({
      name: "InvalidClientTokenId",
      status: 403,
      message: "The security token included in the request is invalid.",
    });
  });

  it("speaks the query protocol: form-encoded Action and Version in, XML in STS's namespace out", async () => {
    const post = (body: string) =>
      fetch(`${em.url}/`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded; charset=utf-8",
          authorization: `AWS4-HMAC-SHA256 Credential=${DEV_KEY.accessKeyId}/20260101/${REGION}/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd`,
        },
        body,
      });
    const { UserId: userId } = await identity(DEV_KEY);
    const ok = await post("Action=GetCallerIdentity&Version=2011-06-15");
    const requestId = ok.headers.get("x-amzn-requestid");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/xml");
    expect(await ok.text()).toBe(
      `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>` +
        `<UserId>${userId}</UserId><Account>${DEV}</Account><Arn>arn:aws:iam::${DEV}:user/emulator</Arn></GetCallerIdentityResult>` +
        `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
    );
    const unknown = await post("Action=GetSessionToken&Version=2011-06-15");
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toMatch(
      /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>InvalidAction<\/Code><Message>Could not find operation GetSessionToken for version 2011-06-15<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
    );
  });
});

describe("STS AssumeRole", () => {
  it("issues temporary credentials of a role trusting the caller's account, acting in the role's account", async () => {
    const before = Date.now();
    const r = await assume(DEV_KEY, { DurationSeconds: 7200, RoleSessionName: "deploy-1" });
    expect(r.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(r.Credentials?.SecretAccessKey).toHaveLength(40);
    expect(r.Credentials?.SessionToken?.length).toBeGreaterThan(100);
    const expires = r.Credentials?.Expiration?.getTime() ?? 0;
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 7200_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 7200_000);
    expect(r.AssumedRoleUser).toEqual({
      AssumedRoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}:deploy-1$/) as string,
      Arn: `arn:aws:sts::${PROD}:assumed-role/Deployer/deploy-1`,
    });
    const temporary = {
      accessKeyId: r.Credentials?.AccessKeyId ?? "",
      secretAccessKey: r.Credentials?.SecretAccessKey ?? "",
      sessionToken: r.Credentials?.SessionToken ?? "",
    };
    expect(await identity(temporary)).toEqual({
      UserId: r.AssumedRoleUser?.AssumedRoleId,
      Account: PROD,
      Arn: `arn:aws:sts::${PROD}:assumed-role/Deployer/deploy-1`,
    });
    await associate(temporary, PROD);
    expect(associatedIn(PROD)).toEqual([aliasOf(PROD)]);
    expect(associatedIn(DEV)).toEqual([]);
  });

  it("names a role with a path by its name in the session ARN", async () => {
    const r = await assume(PROD_KEY, { RoleArn: PROD_ONLY_ROLE, RoleSessionName: "ops" });
    expect(r.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${PROD}:assumed-role/ProdOnly/ops`);
  });

  it("refuses with 403 AccessDenied a role whose trust excludes the caller's account, and an unknown role", async () => {
    const denied = (arn: string) => ({
      name: "AccessDenied",
      status: 403,
      message: `User: arn:aws:iam::${DEV}:user/emulator is not authorized to perform: sts:AssumeRole on resource: ${arn}`,
    });
    expect(await failure(assume(DEV_KEY, { RoleArn: PROD_ONLY_ROLE }))).toEqual(denied(PROD_ONLY_ROLE));
    const unknown = `arn:aws:iam::${PROD}:role/NoSuchRole`;
    expect(await failure(assume(DEV_KEY, { RoleArn: unknown }))).toEqual(denied(unknown));
    expect((await metricsOf(em)).accounts?.[DEV]?.errors).toEqual({ AssumeRole: { AccessDenied: 2 } });
  });

  it("requires the ExternalId of a role whose trust has one", async () => {
    expect((await failure(assume(DEV_KEY, { RoleArn: AUDITED_ROLE }))).name).toBe("AccessDenied");
    expect((await failure(assume(DEV_KEY, { RoleArn: AUDITED_ROLE, ExternalId: "someone-else" }))).name).toBe(
      "AccessDenied",
    );
    const r = await assume(DEV_KEY, { RoleArn: AUDITED_ROLE, ExternalId: EXTERNAL_ID });
    expect(r.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${PROD}:assumed-role/Audited/pulumi`);
  });

  it("bounds DurationSeconds by the model (900-43200), the role's MaxSessionDuration and role chaining's hour", async () => {
    const tooShort = await failure(assume(DEV_KEY, { DurationSeconds: 899 }));
    expect(tooShort).toEqual({
      name: "ValidationError",
      status: 400,
      message:
        "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    });
    expect((await failure(assume(DEV_KEY, { DurationSeconds: 43201 }))).name).toBe("ValidationError");
    expect((await assume(DEV_KEY, { DurationSeconds: 43200 })).Credentials?.AccessKeyId).toMatch(/^ASIA/);
    // ProdOnly keeps IAM's default MaxSessionDuration, one hour.
    expect(await failure(assume(PROD_KEY, { RoleArn: PROD_ONLY_ROLE, DurationSeconds: 3601 }))).toEqual({
      name: "ValidationError",
      status: 400,
      message: "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
    });
    // Role chaining: a session assuming a role gets at most one hour.
    const session = await assumed();
    expect((await failure(assume(session, { DurationSeconds: 3601 }))).message).toBe(
      "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
    );
    const chained = await assume(session, { RoleArn: PROD_ONLY_ROLE, RoleSessionName: "chained" });
    expect(chained.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${PROD}:assumed-role/ProdOnly/chained`);
    const bad = await failure(assume(DEV_KEY, { RoleSessionName: "has space" }));
    expect(bad.message).toContain("Value 'has space' at 'roleSessionName' failed to satisfy constraint");
  });

  it("accepts temporary credentials only with the session token issued with them, and only until they expire", async () => {
    const session = await assumed();
    const invalid = {
      name: "UnrecognizedClientException",
      status: 403,
      message: "The security token included in the request is invalid.",
    };
    const { sessionToken: _token, ...withoutToken } = session;
    expect(await failure(listV2(withoutToken))).toEqual(invalid);
    expect(await failure(listV2({ ...session, sessionToken: "not-the-token" }))).toEqual(invalid);
    // A session token beside a long-term key is not one AWS issued for it.
    expect(await failure(listV2({ ...DEV_KEY, sessionToken: session.sessionToken ?? "" }))).toEqual(invalid);
    expect(await listV2(session)).toEqual([]);

    const issued = (em.document() as AccountsState).sessions.find(
      (s) => s.accessKeyId === session.accessKeyId,
    );
    if (issued) issued.expiration = Date.now() - 1;
    expect(await failure(listV2(session))).toEqual({
      name: "ExpiredTokenException",
      status: 403,
      message: "The security token included in the request is expired",
    });
    expect((await failure(stsClient(em, session).send(new GetCallerIdentityCommand({})))).name).toBe(
      "ExpiredToken",
    );
  });
});

describe("accounts: admin API and persistence", () => {
  it("GET /_emulator/state shows every account's state under its id", async () => {
    await associate(PROD_KEY, PROD);
    const accounts = await accountsOf(em);
    expect(Object.keys(accounts)).toEqual([DEV, PROD]);
    expect(accounts[PROD]?.connect.instances[0]?.associatedLexV2Bots).toEqual([aliasOf(PROD)]);
    expect(accounts[DEV]?.connect.instances[0]?.associatedLexV2Bots).toEqual([]);
    expect(accounts[PROD]?.customerProfiles.domains.map((d) => d.name)).toEqual(["prod-domain"]);
    expect(accounts[PROD]?.roles.map((r) => r.arn)).toEqual([DEPLOYER_ROLE, PROD_ONLY_ROLE, AUDITED_ROLE]);
  });

  it("counts calls per account: the account the credentials act in", async () => {
    await associate(PROD_KEY, PROD);
    await identity(DEV_KEY);
    const session = await assumed();
    await listV2(session);
    const m = await metricsOf(em);
    expect(m.calls).toEqual({ AssociateBot: 1, GetCallerIdentity: 1, AssumeRole: 1, ListBots: 1 });
    expect(m.accounts).toEqual({
      [PROD]: { calls: { AssociateBot: 1, ListBots: 1 }, errors: {} },
      [DEV]: { calls: { GetCallerIdentity: 1, AssumeRole: 1 }, errors: {} },
    });
    await resetMetrics(em);
    expect((await metricsOf(em)).accounts).toBeUndefined();
  });

  it("takes the accounts form from POST /_emulator/seed, and POST /_emulator/reset returns to it", async () => {
    await em.close();
    em = await emulatorWith(baseSeed());
    await seedEmulator(em, accountsSeed());
    expect(await identity(PROD_KEY)).toMatchObject({ Account: PROD });
    await associate(PROD_KEY, PROD);
    await resetEmulator(em);
    expect(associatedIn(PROD)).toEqual([]);
    expect(Object.keys(await accountsOf(em))).toEqual([DEV, PROD]);
  });

  it("keeps every account's state and the issued sessions across a restart on the same --data-dir", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-accounts-"));
    try {
      await em.close();
      em = await startEmulator({ seed: accountsSeed(), dataDir: dir });
      await associate(PROD_KEY, PROD);
      const session = await assumed();
      await em.close();
      em = await startEmulator({ seed: accountsSeed(), dataDir: dir });
      expect(associatedIn(PROD)).toEqual([aliasOf(PROD)]);
      expect(await listV2(session)).toEqual([{ LexV2Bot: { AliasArn: aliasOf(PROD) } }]);
      expect(await identity(DEV_KEY)).toMatchObject({ Account: DEV });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a seed that mixes the forms, repeats an account or a key, or names a role of another account", async () => {
    const refused = async (seed: object) => {
      const r = await adminRequest(em, "POST", "/_emulator/seed", seed);
      return { status: r.status, message: ((await r.json()) as { Message: string }).Message };
    };
    const dev = { accountId: DEV, accessKeys: [DEV_KEY] };
    expect(await refused({ accountId: DEV, accounts: [dev] })).toEqual({
      status: 400,
      message: "seed: accountId is given in each account of accounts, not beside them",
    });
    expect(await refused({ accounts: [dev, dev] })).toEqual({
      status: 400,
      message: `seed: accounts[1].accountId: account ${DEV} is given twice`,
    });
    expect(await refused({ accounts: [dev, { accountId: PROD, accessKeys: [DEV_KEY] }] })).toEqual({
      status: 400,
      message: `seed: accounts[1].accessKeys: access key ${DEV_KEY.accessKeyId} is given twice`,
    });
    expect(await refused({ accounts: [{ ...dev, roles: [{ arn: DEPLOYER_ROLE }] }] })).toEqual({
      status: 400,
      message: `seed: accounts[0].roles[0].arn names account ${PROD}, not its own account ${DEV}`,
    });
    expect(await refused({ accounts: [{ ...dev, connect: { instances: [{}] } }] })).toEqual({
      status: 400,
      message: "seed: accounts[0].connect.instances[0].id must be a non-empty string",
    });
    expect(await refused({ accounts: [] })).toMatchObject({ status: 400 });
    expect(() => documentFromSeed({ accounts: [{ accessKeys: [DEV_KEY] }] }, 0)).toThrow(
      "seed: accounts[0].accountId is required",
    );
  });
});

describe("the single-account form", () => {
  beforeEach(async () => {
    await em.close();
    em = await emulatorWith(baseSeed());
  });

  it("answers any key in its one account, as its user emulator", async () => {
    for (const key of [
      DEV_KEY,
      PROD_KEY,
      { accessKeyId: "ASIAANYTHING0000", secretAccessKey: "x", sessionToken: "t" },
    ]) {
      expect(await identity(key)).toMatchObject({
        Account: ACCOUNT,
        Arn: `arn:aws:iam::${ACCOUNT}:user/emulator`,
      });
      expect(await listV2(key)).toEqual([]);
    }
  });

  it("knows no role: AssumeRole is refused with AccessDenied", async () => {
    expect((await failure(assume(DEV_KEY, { RoleArn: `arn:aws:iam::${ACCOUNT}:role/Any` }))).name).toBe(
      "AccessDenied",
    );
  });

  it("keeps its state document's shape: the account's state at the top", async () => {
    const state = await stateOf(em);
    expect(Object.keys(state)).toEqual([
      "accountId",
      "region",
      "connect",
      "customerProfiles",
      "clientTokens",
    ]);
    expect(state.accountId).toBe(ACCOUNT);
  });
});
