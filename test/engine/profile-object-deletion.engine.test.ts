import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { TEST_CREDENTIALS, emulatorWith } from "../helpers/emulator";
import { callsAndErrors, resetMetrics } from "../helpers/admin";
import { DOMAIN, ORDER, PROFILE_A, orderKey, profilesSeed, putOrder } from "../helpers/seeds/profiles";
import { REPO_ROOT, TestStack, pulumiBinary, type RunResult } from "../helpers/pulumi";
import { REGION } from "../helpers/seeds/base";

const TYPE = "pulumi-nodejs:dynamic/connect:ProfileObjectDeletion";
const KEY = orderKey("o-1");
const ID = `${DOMAIN}|${PROFILE_A}|${ORDER}|${KEY}`;
const NOT_FOUND = `Profile object ${KEY} of type Order not found on profile ${PROFILE_A}`;

let em: RunningEmulator;
let stack: TestStack;

/** The unique keys of PROFILE_A's objects, as the emulator holds them. */
function keysOnProfileA(): string[] {
  const profile = em.state().customerProfiles.domains[0]?.profiles.find((p) => p.id === PROFILE_A);
  if (!profile) throw new Error("seed has no PROFILE_A");
  return profile.objects.map((o) => o.uniqueKey);
}

function metrics() {
  return callsAndErrors(em);
}

async function deletionsInState(): Promise<string[]> {
  const state = await stack.exportState();
  return (state.deployment.resources ?? []).filter((r) => r.type === TYPE).map((r) => r.id ?? "");
}

function failingUp(): Promise<RunResult> {
  return stack.run(stack.withConfig(["up", "--yes", "--skip-preview"]), { allowFailure: true });
}

beforeAll(async () => {
  pulumiBinary();
  em = await emulatorWith(profilesSeed());
  stack = new TestStack(path.join(REPO_ROOT, "test/engine/programs/profile-objects"));
  await stack.init({
    "aws:region": REGION,
    "connect:profilesEndpoint": em.url,
    "test:domainName": DOMAIN,
    "test:profileId": PROFILE_A,
    "test:objectTypeName": ORDER,
    "test:profileObjectUniqueKey": KEY,
    "test:triggers": '{"ticket":"T-1"}',
  });
});

afterAll(async () => {
  await stack?.remove();
  await em?.close();
});

describe.sequential("ProfileObjectDeletion through the real pulumi CLI", () => {
  it("preview plans the deletion and makes zero AWS calls", async () => {
    const r = await stack.preview();
    expect(r.stdout).toMatch(
      /\+\s+pulumi-nodejs:dynamic\/connect:ProfileObjectDeletion\s+erase-order\s+create/,
    );
    expect((await metrics()).calls).toEqual({});
    expect(keysOnProfileA()).toEqual([KEY, orderKey("o-2")]);
  });

  it("up deletes the object with exactly one DeleteProfileObject call; it is gone from the emulator", async () => {
    await stack.up();
    expect(await metrics()).toEqual({ calls: { DeleteProfileObject: 1 }, errors: {} });
    expect(keysOnProfileA()).toEqual([orderKey("o-2")]);
    const out = await stack.outputs();
    expect({ ...out, executedAt: undefined }).toEqual({ id: ID, outcome: "deleted", message: "OK" });
    expect(out["executedAt"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("a second up makes no AWS call", async () => {
    await resetMetrics(em);
    await stack.up();
    expect((await metrics()).calls).toEqual({});
  });

  it("changing ignoreMissing or verifyOnRefresh alone updates in place with no AWS call", async () => {
    const before = (await stack.outputs())["executedAt"];
    await stack.setConfig("test:verifyOnRefresh", "true");
    const preview = await stack.preview();
    expect(preview.stdout).toMatch(
      /~\s+pulumi-nodejs:dynamic\/connect:ProfileObjectDeletion\s+erase-order\s+update\s+\[diff: ~verifyOnRefresh\]/,
    );
    await resetMetrics(em);
    await stack.up();
    expect((await metrics()).calls).toEqual({});
    expect((await stack.outputs())["executedAt"]).toBe(before);
  });

  it("with verifyOnRefresh, refresh keeps the resource while the object stays deleted (one listing)", async () => {
    await resetMetrics(em);
    await stack.refresh();
    expect(await deletionsInState()).toEqual([ID]);
    expect(await metrics()).toEqual({ calls: { ListProfileObjects: 1 }, errors: {} });
  });

  it("with verifyOnRefresh, refresh detects the object re-created out of band and the next up deletes it again", async () => {
    expect(await putOrder(em, PROFILE_A, "o-1")).toBe(KEY);
    await resetMetrics(em);
    await stack.refresh();
    expect(await deletionsInState()).toEqual([]);
    expect((await metrics()).calls).toEqual({ ListProfileObjects: 1 });
    await resetMetrics(em);
    await stack.up();
    expect(await metrics()).toEqual({ calls: { DeleteProfileObject: 1 }, errors: {} });
    expect(keysOnProfileA()).toEqual([orderKey("o-2")]);
    expect((await stack.outputs())["outcome"]).toBe("deleted");
  });

  it("changing triggers runs the deletion again with exactly one call, recording alreadyAbsent", async () => {
    await stack.setConfig("test:triggers", '{"ticket":"T-2"}');
    const preview = await stack.preview();
    expect(preview.stdout).toMatch(
      /\+-\s+pulumi-nodejs:dynamic\/connect:ProfileObjectDeletion\s+erase-order\s+replace\s+\[diff: ~triggers\]/,
    );
    await resetMetrics(em);
    await stack.up();
    // Not found means "does not exist, or access was denied": the domain, the profile and the
    // listing show which before anything is recorded.
    expect(await metrics()).toEqual({
      calls: { DeleteProfileObject: 1, GetDomain: 1, SearchProfiles: 1, ListProfileObjects: 1 },
      errors: { DeleteProfileObject: { ResourceNotFoundException: 1 } },
    });
    const out = await stack.outputs();
    expect([out["outcome"], out["message"]]).toEqual(["alreadyAbsent", NOT_FOUND]);
  });

  it("with ignoreMissing false, a missing object fails up with a message naming the object", async () => {
    await stack.setConfig("test:ignoreMissing", "false");
    await stack.setConfig("test:triggers", '{"ticket":"T-3"}');
    await resetMetrics(em);
    const r = await failingUp();
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(
      `profile object ${KEY} (type Order) of profile ${PROFILE_A} in domain ${DOMAIN} does not exist: ` +
        `DeleteProfileObject answered ResourceNotFoundException (${NOT_FOUND}). Set ignoreMissing: true to record it as alreadyAbsent instead.`,
    );
    // Not found means "does not exist, or access was denied": the domain, the profile and the
    // listing show which before anything is recorded.
    expect(await metrics()).toEqual({
      calls: { DeleteProfileObject: 1, GetDomain: 1, SearchProfiles: 1, ListProfileObjects: 1 },
      errors: { DeleteProfileObject: { ResourceNotFoundException: 1 } },
    });
    await stack.setConfig("test:ignoreMissing", "true");
    // The failed re-run records nothing new: state keeps the earlier run's record.
    expect(await deletionsInState()).toEqual([ID]);
  });

  it("an invalid profileId or domain name fails preview naming the property, with zero AWS calls", async () => {
    await resetMetrics(em);
    await stack.setConfig("test:profileId", PROFILE_A.toUpperCase());
    const badProfile = await stack.preview([], { allowFailure: true });
    expect(badProfile.code).not.toBe(0);
    expect(badProfile.stdout + badProfile.stderr).toContain(
      `profileId must match ^[a-f0-9]{32}$ (32 lowercase hexadecimal characters), got '${PROFILE_A.toUpperCase()}'`,
    );
    await stack.setConfig("test:profileId", PROFILE_A);
    await stack.setConfig("test:domainName", "customers.eu");
    const badDomain = await stack.preview([], { allowFailure: true });
    expect(badDomain.code).not.toBe(0);
    expect(badDomain.stdout + badDomain.stderr).toContain(
      "domainName must match ^[a-zA-Z0-9_-]+$ (letters, digits, _ and -), got 'customers.eu'",
    );
    await stack.setConfig("test:domainName", DOMAIN);
    expect((await metrics()).calls).toEqual({});
  });

  it("keeps __provider the one-line entry, with no endpoint, credential or machine path in state", async () => {
    await stack.up();
    const state = await stack.exportState();
    const whole = JSON.stringify(state);
    for (const secret of [TEST_CREDENTIALS.accessKeyId, TEST_CREDENTIALS.secretAccessKey])
      expect(whole).not.toContain(secret);
    const [r] = (state.deployment.resources ?? []).filter((x) => x.type === TYPE);
    expect(r?.id).toBe(ID);
    // The engine's default provider keeps the stack config (the endpoint too); our resource keeps none.
    for (const leak of [em.url, "127.0.0.1", REPO_ROOT, os.homedir(), os.tmpdir()])
      expect(JSON.stringify(r)).not.toContain(leak);
    for (const code of [r?.inputs?.["__provider"], r?.outputs?.["__provider"]]) {
      expect(code).toBe(
        'exports.handler = () => require("pulumi-connect-associations/providers/runtime").entries.ProfileObjectDeletion;\n',
      );
    }
  });

  it("destroy makes no AWS call and restores nothing", async () => {
    await putOrder(em, PROFILE_A, "o-1");
    await resetMetrics(em);
    await stack.destroy();
    expect((await metrics()).calls).toEqual({});
    expect(await deletionsInState()).toEqual([]);
    expect(keysOnProfileA()).toEqual([orderKey("o-2"), KEY]);
  });
});
