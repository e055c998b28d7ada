import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { makeContext } from "../../src/runtime/context";
import { profileObjectDeletionProvider } from "../../src/profile-object-deletion/provider";
import { emulatorWith } from "../helpers/emulator";
import { failure } from "../helpers/failure";
import { callsAndErrors, resetMetrics, setFaults } from "../helpers/admin";
import {
  DOMAIN,
  ORDER,
  PROFILE_A,
  PROFILE_B,
  orderKey,
  orderKeys,
  profilesSeed,
  putOrder,
} from "../helpers/seeds/profiles";
import { REGION } from "../helpers/seeds/base";

let em: RunningEmulator;

beforeEach(async () => {
  em = await emulatorWith(profilesSeed());
});
afterEach(async () => em.close());

function provider() {
  return profileObjectDeletionProvider(makeContext({ profilesEndpoint: em.url, region: REGION }));
}

async function checked(news: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = await provider().check({}, news);
  expect(r.failures ?? []).toEqual([]);
  return r.inputs as Record<string, unknown>;
}

function target(orderId: string, profileId = PROFILE_A) {
  return { domainName: DOMAIN, profileId, objectTypeName: ORDER, profileObjectUniqueKey: orderKey(orderId) };
}

function metrics() {
  return callsAndErrors(em);
}

const notFound = (orderId: string, profileId = PROFILE_A) =>
  `Profile object ${orderKey(orderId)} of type Order not found on profile ${profileId}`;

describe("ProfileObjectDeletion provider", () => {
  it("deletes the object with one DeleteProfileObject call and records outcome, message and time", async () => {
    const before = Date.now();
    const r = await provider().create(await checked({ ...target("o-1"), triggers: { ticket: "T-1" } }));
    const { executedAt, ...rest } = r.outs as Record<string, unknown>;
    expect({ id: r.id, outs: rest }).toEqual({
      id: `${DOMAIN}|${PROFILE_A}|${ORDER}|${orderKey("o-1")}`,
      outs: {
        ...target("o-1"),
        region: REGION,
        ignoreMissing: true,
        verifyOnRefresh: false,
        triggers: { ticket: "T-1" },
        outcome: "deleted",
        message: "OK",
      },
    });
    const at = Date.parse(executedAt as string);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
    expect(await orderKeys(em, PROFILE_A)).toEqual([orderKey("o-2")]);
    expect(await metrics()).toEqual({
      calls: { DeleteProfileObject: 1, ListProfileObjects: 1 },
      errors: {},
    });
  });

  it("records alreadyAbsent with AWS's message for an object already gone, by default, once domain, profile and listing show it", async () => {
    const r = await provider().create(await checked(target("o-3")));
    expect(r.outs).toMatchObject({ outcome: "alreadyAbsent", message: notFound("o-3") });
    expect(await metrics()).toEqual({
      calls: { DeleteProfileObject: 1, GetDomain: 1, SearchProfiles: 1, ListProfileObjects: 1 },
      errors: { DeleteProfileObject: { ResourceNotFoundException: 1 } },
    });
  });

  it("fails naming the object and how to tolerate it when ignoreMissing is false", async () => {
    await expect(
      provider().create(await checked({ ...target("o-3"), ignoreMissing: false })),
    ).rejects.toThrow(
      `profile object ${orderKey("o-3")} (type Order) of profile ${PROFILE_A} in domain customers does not exist: ` +
        `DeleteProfileObject answered ResourceNotFoundException (${notFound("o-3")}). Set ignoreMissing: true to record it as alreadyAbsent instead.`,
    );
  });

  it("fails, recording nothing, when the domain does not exist: not found or access denied is not a deletion", async () => {
    const e = await failure(
      provider().create(await checked({ ...target("o-3"), domainName: "no-such-domain" })),
    );
    expect(e.message).toBe(
      `profile object ${orderKey("o-3")} (type Order) of profile ${PROFILE_A} in domain no-such-domain was not found, or access was denied: ` +
        `DeleteProfileObject answered ResourceNotFoundException (Domain no-such-domain not found), and its absence could not be confirmed ` +
        `(GetDomain answered ResourceNotFoundException for domain no-such-domain in ${REGION}). Check domainName, profileId, objectTypeName, ` +
        `the Region and the credentials' permissions (profile:GetDomain, profile:SearchProfiles, profile:ListProfileObjects, ` +
        `profile:DeleteProfileObject). Nothing was recorded as deleted.`,
    );
    expect((await metrics()).calls).toEqual({ DeleteProfileObject: 1, GetDomain: 1 });
  });

  it("fails when the profile cannot be found in the domain, even with ignoreMissing", async () => {
    const other = "aaaabbbbccccddddeeeeffff00001111";
    const e = await failure(provider().create(await checked({ ...target("o-3"), profileId: other })));
    expect(e.message).toContain(
      `and its absence could not be confirmed (SearchProfiles found no profile ${other} in domain customers in ${REGION})`,
    );
    expect((await metrics()).calls).toEqual({ DeleteProfileObject: 1, GetDomain: 1, SearchProfiles: 1 });
  });

  it("counts a not-found on the retry after a dropped connection as its own deletion, even with ignoreMissing false", async () => {
    await setFaults(em, {
      seed: 1,
      rules: [{ operation: "DeleteProfileObject", kind: "reset-after", rate: 1, times: 1 }],
    });
    const r = await provider().create(await checked({ ...target("o-1"), ignoreMissing: false }));
    expect(r.outs).toMatchObject({
      outcome: "deleted",
      message: `deleted by an attempt whose answer was lost; its retry found the object gone (${notFound("o-1")})`,
    });
    expect(await metrics()).toEqual({
      calls: { DeleteProfileObject: 2 },
      errors: { DeleteProfileObject: { ResourceNotFoundException: 1 } },
    });
    expect(await orderKeys(em, PROFILE_A)).toEqual([orderKey("o-2")]);
  });

  it("still fails for a missing object when the only earlier attempt was throttled (a 429 applies nothing)", async () => {
    await setFaults(em, {
      seed: 1,
      rules: [{ operation: "DeleteProfileObject", kind: "throttle", rate: 1, times: 1 }],
    });
    await expect(
      provider().create(await checked({ ...target("o-3"), ignoreMissing: false })),
    ).rejects.toThrow("does not exist: DeleteProfileObject answered ResourceNotFoundException");
    expect(await metrics()).toEqual({
      calls: { DeleteProfileObject: 2, GetDomain: 1, SearchProfiles: 1, ListProfileObjects: 1 },
      errors: { DeleteProfileObject: { ThrottlingException: 1, ResourceNotFoundException: 1 } },
    });
  });

  it("wraps any other AWS error once with the operation, the object and the code", async () => {
    const bad = { ...(await checked(target("o-1"))), profileId: "NOT-HEX" };
    await expect(provider().create(bad)).rejects.toThrow(
      `DeleteProfileObject for profile object ${orderKey("o-1")} (type Order) of profile NOT-HEX in domain customers failed with BadRequestException: 1 validation error detected`,
    );
  });

  it("reads the recorded result back with no AWS call unless verifyOnRefresh", async () => {
    const p = provider();
    const { id, outs } = await p.create(await checked(target("o-1")));
    await putOrder(em, PROFILE_A, "o-1");
    await resetMetrics(em);
    expect(await p.read(id, { ...outs, __provider: "code" })).toEqual({ id, props: outs });
    expect((await metrics()).calls).toEqual({});
  });

  it("with verifyOnRefresh, keeps the resource while the object stays gone and drops it once it is back", async () => {
    const { id, outs } = await provider().create(await checked({ ...target("o-1"), verifyOnRefresh: true }));
    await resetMetrics(em);
    expect(await provider().read(id, outs)).toEqual({ id, props: outs });
    await putOrder(em, PROFILE_A, "o-1");
    expect(await provider().read(id, outs)).toEqual({ id: "", props: {} });
    expect((await metrics()).calls).toEqual({ ListProfileObjects: 2, PutProfileObject: 1 });
  });

  it("with verifyOnRefresh, keeps the resource when the profile itself is gone", async () => {
    const outs = {
      ...(await checked({ ...target("o-1", "d".repeat(32)), verifyOnRefresh: true })),
      outcome: "deleted",
      message: "OK",
      executedAt: "2024-01-01T00:00:00.000Z",
    };
    const id = `${DOMAIN}|${"d".repeat(32)}|${ORDER}|${orderKey("o-1")}`;
    expect(await provider().read(id, outs)).toEqual({ id, props: outs });
  });

  it("serves the reads of one engine operation on one profile and type from one listing, through every page", async () => {
    for (let i = 0; i < 120; i++) await putOrder(em, PROFILE_B, `bulk-${i}`);
    await resetMetrics(em);
    const p = provider();
    const ids = await Promise.all(
      ["bulk-0", "bulk-119", "gone"].map(async (orderId) => {
        const t = target(orderId, PROFILE_B);
        const outs = {
          ...(await checked({ ...t, verifyOnRefresh: true })),
          outcome: "deleted",
          message: "OK",
        };
        return (await p.read(`${DOMAIN}|${PROFILE_B}|${ORDER}|${t.profileObjectUniqueKey}`, outs)).id;
      }),
    );
    expect(ids).toEqual(["", "", `${DOMAIN}|${PROFILE_B}|${ORDER}|${orderKey("gone")}`]);
    expect((await metrics()).calls).toEqual({ ListProfileObjects: 2 });
  });

  it("updates ignoreMissing and verifyOnRefresh in place with no AWS call, keeping the recorded result", async () => {
    const p = provider();
    const { id, outs } = await p.create(await checked(target("o-1")));
    await resetMetrics(em);
    const news = await checked({ ...target("o-1"), ignoreMissing: false, verifyOnRefresh: true });
    expect(await p.update(id, outs, news)).toEqual({
      outs: { ...outs, ignoreMissing: false, verifyOnRefresh: true },
    });
    expect((await metrics()).calls).toEqual({});
  });

  it("deletes from state with no AWS call, leaving the data as it is", async () => {
    const p = provider();
    const { id, outs } = await p.create(await checked(target("o-1")));
    await putOrder(em, PROFILE_A, "o-1");
    await resetMetrics(em);
    await p.delete(id, outs);
    expect((await metrics()).calls).toEqual({});
    expect(await orderKeys(em, PROFILE_A)).toEqual([orderKey("o-2"), orderKey("o-1")]);
  });
});
