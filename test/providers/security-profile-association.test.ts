import {
  AssociateSecurityProfilesCommand,
  DescribeUserCommand,
  DisassociateSecurityProfilesCommand,
  ListEntitySecurityProfilesCommand,
  UpdateUserSecurityProfilesCommand,
} from "@aws-sdk/client-connect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { makeContext } from "../../src/runtime/context";
import { PartialFailure } from "../../src/runtime/partial";
import { securityProfileAssociationProvider } from "../../src/security-profile-association/provider";
import { metricsOf, resetMetrics, seedEmulator, setFaults } from "../helpers/admin";
import { connectClient, emulatorWith } from "../helpers/emulator";
import { ACCOUNT, INSTANCE, REGION } from "../helpers/seeds/base";
import {
  AGENT,
  AGENT_WITH_STRAY,
  KEPT,
  PROFILES,
  STRAY,
  USER_ARN,
  USER_ID,
  securityProfilesSeed,
  sp,
} from "../helpers/seeds/security-profiles";

let em: RunningEmulator;

beforeEach(async () => {
  em = await emulatorWith(securityProfilesSeed());
});
afterEach(async () => em.close());

function provider(settings: { maxAttempts?: number } = {}) {
  return securityProfileAssociationProvider(makeContext({ endpoint: em.url, region: REGION, ...settings }));
}

async function checked(news: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = await provider().check({}, { __provider: "code", ...news });
  expect(r.failures ?? []).toEqual([]);
  return r.inputs as Record<string, unknown>;
}

const onAgent = (ids: string[], extra: object = {}) =>
  checked({
    instanceId: INSTANCE,
    entityType: "AI_AGENT",
    entityArn: AGENT,
    securityProfileIds: ids,
    ...extra,
  });
const onUser = (ids: string[], extra: object = {}) =>
  checked({
    instanceId: INSTANCE,
    entityType: "USER",
    entityArn: USER_ARN,
    securityProfileIds: ids,
    ...extra,
  });

async function agentProfiles(arn = AGENT): Promise<string[]> {
  const r = await connectClient(em).send(
    new ListEntitySecurityProfilesCommand({ InstanceId: INSTANCE, EntityType: "AI_AGENT", EntityArn: arn }),
  );
  return (r.SecurityProfiles ?? []).map((p) => p.Id ?? "").sort();
}
async function userProfiles(): Promise<string[]> {
  const r = await connectClient(em).send(new DescribeUserCommand({ InstanceId: INSTANCE, UserId: USER_ID }));
  return [...(r.User?.SecurityProfileIds ?? [])].sort();
}
const metrics = () => metricsOf(em);
const agentId = `${INSTANCE}|AI_AGENT|${AGENT}`;

describe("SecurityProfileAssociation provider: AI agents", () => {
  it("creates 25 profiles with 1 listing and 3 AssociateSecurityProfiles calls, outputs sorted", async () => {
    const ids = PROFILES.slice(0, 25).reverse();
    const r = await provider().create(await onAgent(ids));
    expect(r).toEqual({
      id: agentId,
      outs: {
        instanceId: INSTANCE,
        region: REGION,
        entityType: "AI_AGENT",
        entityArn: AGENT,
        securityProfileIds: PROFILES.slice(0, 25),
        exclusive: false,
      },
    });
    expect(await agentProfiles()).toEqual(PROFILES.slice(0, 25));
    expect((await metrics()).calls).toEqual({ ListEntitySecurityProfiles: 2, AssociateSecurityProfiles: 3 });
  });

  it("updates adding 3 and removing 2 with exactly 1 Associate and 1 Disassociate call", async () => {
    const p = provider();
    const { id, outs } = await p.create(await onAgent(PROFILES.slice(0, 5)));
    await resetMetrics(em);
    const news = await onAgent([...PROFILES.slice(2, 5), sp(6), sp(7), sp(8)]);
    const r = await provider().update(id, outs, news);
    expect(r.outs.securityProfileIds).toEqual(PROFILES.slice(2, 8));
    expect((await metrics()).calls).toEqual({
      ListEntitySecurityProfiles: 1,
      AssociateSecurityProfiles: 1,
      DisassociateSecurityProfiles: 1,
    });
    expect(await agentProfiles()).toEqual(PROFILES.slice(2, 8));
  });

  it("leaves a profile it does not manage, and removes it when exclusive", async () => {
    const r = await provider().create(await onAgent([sp(1)], { entityArn: AGENT_WITH_STRAY }));
    expect(r.outs.securityProfileIds).toEqual([sp(1)]);
    expect(await agentProfiles(AGENT_WITH_STRAY)).toEqual([sp(1), STRAY]);
    const news = await onAgent([sp(1)], { entityArn: AGENT_WITH_STRAY, exclusive: true });
    const u = await provider().update(r.id, r.outs, news);
    expect(u.outs.securityProfileIds).toEqual([sp(1)]);
    expect(await agentProfiles(AGENT_WITH_STRAY)).toEqual([sp(1)]);
  });

  it("records exactly the first call's profiles when the second fails, and the next update does only the rest", async () => {
    await setFaults(em, {
      seed: 1,
      rules: [{ operation: "AssociateSecurityProfiles", kind: "internal", rate: 1, skip: 1, times: 1 }],
    });
    const inputs = await onAgent(PROFILES.slice(0, 25));
    const e = await provider({ maxAttempts: 1 })
      .create(inputs)
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    expect(e).toBeInstanceOf(PartialFailure);
    const partial = e as PartialFailure;
    expect(partial.message).toBe(
      `AssociateSecurityProfiles for security profiles ${PROFILES.slice(10, 20).join(", ")} (call 2 of 3) of AI agent ${AGENT} on instance ${INSTANCE} failed with InternalServiceException: Internal failure (injected). ` +
        `10 of the 25 security profiles are attached (${PROFILES.slice(0, 10).join(", ")}); the next pulumi up does only what is left.`,
    );
    expect(partial.id).toBe(agentId);
    expect(partial.properties["securityProfileIds"]).toEqual(PROFILES.slice(0, 10));
    expect(partial.properties["__provider"]).toBe("code");
    await resetMetrics(em);
    const r = await provider().update(partial.id, partial.properties, inputs);
    expect(r.outs.securityProfileIds).toEqual(PROFILES.slice(0, 25));
    expect((await metrics()).calls).toEqual({ ListEntitySecurityProfiles: 1, AssociateSecurityProfiles: 2 });
  });

  it("associates exactly once when the connection drops after the call was applied", async () => {
    await setFaults(em, {
      seed: 1,
      rules: [{ operation: "AssociateSecurityProfiles", kind: "reset-after", rate: 1, times: 1 }],
    });
    const r = await provider({ maxAttempts: 3 }).create(await onAgent([sp(1), sp(2)]));
    expect(r.outs.securityProfileIds).toEqual([sp(1), sp(2)]);
    expect(await agentProfiles()).toEqual([sp(1), sp(2)]);
    const m = await metrics();
    expect(m.calls["AssociateSecurityProfiles"]).toBe(2);
    expect(m.errors).toEqual({ AssociateSecurityProfiles: { ResourceConflictException: 1 } });
  });

  it("reads what is really attached of the managed set, the exclusive strays as drift, and gone when none is left", async () => {
    const p = provider();
    const { id, outs } = await p.create(await onAgent([sp(1), sp(2)]));
    const c = connectClient(em);
    const change = { InstanceId: INSTANCE, EntityType: "AI_AGENT" as const, EntityArn: AGENT };
    await c.send(new DisassociateSecurityProfilesCommand({ ...change, SecurityProfiles: [{ Id: sp(1) }] }));
    await c.send(new AssociateSecurityProfilesCommand({ ...change, SecurityProfiles: [{ Id: STRAY }] }));
    expect(await provider().read(id, { ...outs, __provider: "code" })).toEqual({
      id,
      props: { ...outs, securityProfileIds: [sp(2)] },
      inputs: { ...outs, securityProfileIds: [sp(2)] },
    });
    expect((await provider().read(id, { ...outs, exclusive: true })).props["securityProfileIds"]).toEqual([
      sp(2),
      STRAY,
    ]);
    await c.send(new DisassociateSecurityProfilesCommand({ ...change, SecurityProfiles: [{ Id: sp(2) }] }));
    expect(await provider().read(id, outs)).toEqual({ id: "", props: {} });
    expect(await provider().read(`gone|AI_AGENT|${AGENT}`, { ...outs, instanceId: "gone" })).toEqual({
      id: "",
      props: {},
    });
  });

  it("reads 150 profiles through 2 pages, and serves every read of one entity from that one listing", async () => {
    const many = Array.from({ length: 150 }, (_, i) => `bulk-${i}`);
    await seedEmulator(em, {
      accountId: ACCOUNT,
      region: REGION,
      connect: {
        instances: [
          {
            id: INSTANCE,
            securityProfiles: many.map((id) => ({ id })),
            aiAgents: [{ arn: AGENT, securityProfileIds: many }],
          },
        ],
      },
    });
    const p = provider();
    const outsOf = (ids: string[]) => ({
      instanceId: INSTANCE,
      region: REGION,
      entityType: "AI_AGENT",
      entityArn: AGENT,
      securityProfileIds: ids,
      exclusive: false,
    });
    const reads = await Promise.all([
      p.read(agentId, outsOf(["bulk-149"])),
      p.read(agentId, outsOf(["bulk-0", "bulk-1"])),
    ]);
    expect(reads.map((r) => r.props["securityProfileIds"])).toEqual([["bulk-149"], ["bulk-0", "bulk-1"]]);
    expect((await metrics()).calls).toEqual({ ListEntitySecurityProfiles: 2 });
  });

  it("deletes the managed profiles only, 10 per call, and treats profiles or an AI agent already gone as deleted", async () => {
    const p = provider();
    const { id, outs } = await p.create(
      await onAgent(PROFILES.slice(0, 12), { entityArn: AGENT_WITH_STRAY }),
    );
    await resetMetrics(em);
    await p.delete(id, outs);
    await provider().delete(id, outs);
    await provider().delete(`gone|AI_AGENT|${AGENT}`, { ...outs, instanceId: "gone" });
    const m = await metrics();
    expect(m.calls).toEqual({ ListEntitySecurityProfiles: 3, DisassociateSecurityProfiles: 2 });
    expect(m.errors).toEqual({ ListEntitySecurityProfiles: { ResourceNotFoundException: 1 } });
    expect(await agentProfiles(AGENT_WITH_STRAY)).toEqual([STRAY]);
  });
});

describe("SecurityProfileAssociation provider: users", () => {
  it("keeps the user's unmanaged profile through create, update and delete, one DescribeUser and one update each", async () => {
    const p = provider();
    const { id, outs } = await p.create(await onUser([sp(1), sp(2)]));
    expect(id).toBe(`${INSTANCE}|USER|${USER_ARN}`);
    expect(outs.securityProfileIds).toEqual([sp(1), sp(2)]);
    expect(await userProfiles()).toEqual([KEPT, sp(1), sp(2)].sort());
    const u = await provider().update(id, outs, await onUser([sp(2), sp(3)]));
    expect(u.outs.securityProfileIds).toEqual([sp(2), sp(3)]);
    expect(await userProfiles()).toEqual([KEPT, sp(2), sp(3)].sort());
    await provider().delete(id, u.outs);
    expect(await userProfiles()).toEqual([KEPT]);
    expect((await metrics()).calls).toEqual({ DescribeUser: 6, UpdateUserSecurityProfiles: 3 });
  });

  it("refuses to leave a user with no profile, saying so, with no write", async () => {
    const p = provider();
    const { id, outs } = await p.create(await onUser([KEPT, sp(1)], { exclusive: true }));
    await resetMetrics(em);
    await expect(provider().delete(id, outs)).rejects.toThrow(
      `Cannot remove security profiles ${KEPT}, ${sp(1)} from user ${USER_ARN} on instance ${INSTANCE}: they are all it has, and Amazon Connect requires a user to keep at least one security profile.`,
    );
    expect((await metrics()).calls).toEqual({ DescribeUser: 1 });
    expect(await userProfiles()).toEqual([KEPT, sp(1)].sort());
  });

  it("refuses a merged list over 10 before writing, and replaces it all when exclusive", async () => {
    await expect(provider().create(await onUser(PROFILES.slice(0, 10)))).rejects.toThrow(
      `user ${USER_ARN} on instance ${INSTANCE} would hold 11 security profiles`,
    );
    expect((await metrics()).calls).toEqual({ DescribeUser: 1 });
    const r = await provider().create(await onUser(PROFILES.slice(0, 10), { exclusive: true }));
    expect(r.outs.securityProfileIds).toEqual(PROFILES.slice(0, 10));
    expect(await userProfiles()).toEqual(PROFILES.slice(0, 10));
  });
});

describe("SecurityProfileAssociation provider: taking over", () => {
  /** Gives the entity `ids` behind the stack's back, as the association's former owner would have. */
  async function attach(entityType: "AI_AGENT" | "USER", ids: string[]): Promise<void> {
    const c = connectClient(em);
    if (entityType === "USER")
      await c.send(
        new UpdateUserSecurityProfilesCommand({
          InstanceId: INSTANCE,
          UserId: USER_ID,
          SecurityProfileIds: ids,
        }),
      );
    else
      await c.send(
        new AssociateSecurityProfilesCommand({
          InstanceId: INSTANCE,
          EntityType: "AI_AGENT",
          EntityArn: AGENT_WITH_STRAY,
          SecurityProfiles: ids.map((Id) => ({ Id })),
        }),
      );
  }

  // Before: the AI agent holds STRAY, the user KEPT; each is then given sp-01 and sp-02 as well.
  // Not exclusive, the resource declares sp-01 and sp-02; exclusive, all three profiles.
  it.each([
    {
      entityType: "AI_AGENT" as const,
      exclusive: false,
      declared: [sp(1), sp(2)],
      read: "ListEntitySecurityProfiles",
    },
    {
      entityType: "AI_AGENT" as const,
      exclusive: true,
      declared: [sp(1), sp(2), STRAY],
      read: "ListEntitySecurityProfiles",
    },
    { entityType: "USER" as const, exclusive: false, declared: [sp(1), sp(2)], read: "DescribeUser" },
    { entityType: "USER" as const, exclusive: true, declared: [KEPT, sp(1), sp(2)], read: "DescribeUser" },
  ])(
    "a create of an association AWS already holds as declared makes no mutating call ($entityType, exclusive: $exclusive)",
    async ({ entityType, exclusive, declared, read }) => {
      await attach(entityType, entityType === "USER" ? [KEPT, sp(1), sp(2)] : [sp(1), sp(2)]);
      await resetMetrics(em);
      const entityArn = entityType === "USER" ? USER_ARN : AGENT_WITH_STRAY;
      const r = await provider().create(
        await checked({
          instanceId: INSTANCE,
          entityType,
          entityArn,
          securityProfileIds: declared,
          exclusive,
        }),
      );
      expect(r).toEqual({
        id: `${INSTANCE}|${entityType}|${entityArn}`,
        outs: {
          instanceId: INSTANCE,
          region: REGION,
          entityType,
          entityArn,
          securityProfileIds: [...declared].sort(),
          exclusive,
        },
      });
      const { calls, errors } = await metrics();
      expect({ calls, errors }).toEqual({ calls: { [read]: 1 }, errors: {} });
    },
  );
});
