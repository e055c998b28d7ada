import {
  AssociateWorkspaceCommand,
  DisassociateWorkspaceCommand,
  SearchWorkspaceAssociationsCommand,
} from "@aws-sdk/client-connect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { makeContext } from "../../src/runtime/context";
import { PartialFailure } from "../../src/runtime/partial";
import { workspaceAssociationProvider } from "../../src/workspace-association/provider";
import { callsAndErrors, callsOf, resetMetrics, seedEmulator, setFaults } from "../helpers/admin";
import { connectClient, emulatorWith } from "../helpers/emulator";
import { INSTANCE, REGION } from "../helpers/seeds/base";
import {
  SECURITY_PROFILE_ARN,
  UNKNOWN_USER_ARN,
  WS_BIG,
  WS_MAIN,
  routingProfileArn,
  userArn,
  userArns,
  workspaceSeed,
} from "../helpers/seeds/workspaces";

let em: RunningEmulator;

beforeEach(async () => {
  em = await emulatorWith(workspaceSeed());
});
afterEach(async () => em.close());

const CODE = "exports.handler = () => null;\n";

/** What a failed ARN's message adds after the 1 s consistency window of these tests. */
const RETRIED =
  "Each of them may not exist (check the ARN, Region and account), or may still be propagating: " +
  "retried for 1s (stack config connect:consistencyTimeoutSeconds)";

/** Failed items are retried for connect:consistencyTimeoutSeconds: 1 s here, so failures stay quick. */
function provider(settings: { maxAttempts?: number; consistencyTimeoutSeconds?: number } = {}) {
  return workspaceAssociationProvider(
    makeContext({ endpoint: em.url, region: REGION, consistencyTimeoutSeconds: 1, ...settings }),
  );
}

async function checked(resourceArns: string[], workspaceId = WS_MAIN): Promise<Record<string, unknown>> {
  const r = await provider().check({}, { instanceId: INSTANCE, workspaceId, resourceArns });
  expect(r.failures ?? []).toEqual([]);
  return { ...(r.inputs as Record<string, unknown>), __provider: CODE };
}

const calls = () => callsOf(em);

/** What the emulator holds for a workspace, sorted. */
async function associated(workspaceId = WS_MAIN): Promise<string[]> {
  const r = await connectClient(em).send(
    new SearchWorkspaceAssociationsCommand({ InstanceId: INSTANCE, MaxResults: 500 }),
  );
  return (r.WorkspaceAssociations ?? [])
    .filter((a) => a.WorkspaceId === workspaceId)
    .map((a) => a.ResourceArn ?? "")
    .sort();
}

function outs(resourceArns: string[], workspaceId = WS_MAIN) {
  return { instanceId: INSTANCE, workspaceId, region: REGION, resourceArns: [...resourceArns].sort() };
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a failure");
}

describe("WorkspaceAssociation provider", () => {
  it("associates 60 ARNs in 3 AssociateWorkspace calls (25 + 25 + 10) and outputs them sorted", async () => {
    const arns = userArns(1, 60);
    const r = await provider().create(await checked([...arns].reverse()));
    expect(r).toEqual({ id: `${INSTANCE}|${WS_MAIN}`, outs: outs(arns) });
    expect(await associated()).toEqual([...arns].sort());
    // One listing by the create (reading first: none of them is associated yet), one by associated().
    expect(await calls()).toEqual({ AssociateWorkspace: 3, SearchWorkspaceAssociations: 2 });
  });

  it("records exactly the associated ARNs when one fails, naming it with its ErrorCode and ErrorMessage", async () => {
    const good = userArns(1, 9);
    const inputs = await checked([...good, UNKNOWN_USER_ARN]);
    const e = await rejection(provider().create(inputs));
    expect(e).toBeInstanceOf(PartialFailure);
    const pf = e as PartialFailure;
    expect(pf.message).toBe(
      `AssociateWorkspace failed for 1 of 10 resources of workspace ${WS_MAIN} on instance ${INSTANCE}: ` +
        `${UNKNOWN_USER_ARN} (404: User not found in instance ${INSTANCE}: ${UNKNOWN_USER_ARN}). ` +
        `${RETRIED}. ` +
        "The ARNs that succeeded are recorded; the next pulumi up retries only the others.",
    );
    expect(pf.id).toBe(`${INSTANCE}|${WS_MAIN}`);
    expect(pf.properties).toEqual({ ...outs(good), __provider: CODE });
    expect(await associated()).toEqual([...good].sort());
  });

  it("fails with a plain error, recording nothing, when no ARN could be associated", async () => {
    const e = await rejection(provider().create(await checked([UNKNOWN_USER_ARN])));
    expect(e).not.toBeInstanceOf(PartialFailure);
    expect((e as Error).message).toBe(
      `AssociateWorkspace failed for 1 of 1 resources of workspace ${WS_MAIN} on instance ${INSTANCE}: ` +
        `${UNKNOWN_USER_ARN} (404: User not found in instance ${INSTANCE}: ${UNKNOWN_USER_ARN}). ${RETRIED}`,
    );
  });

  it("fails with the wrapped AWS error when the workspace does not exist", async () => {
    const e = await rejection(provider().create(await checked([userArn(1)], "ws-nope")));
    expect((e as Error).message).toBe(
      `AssociateWorkspace for workspace ws-nope on instance ${INSTANCE} failed with ResourceNotFoundException: Workspace not found: ws-nope. ` +
        `workspace ws-nope on instance ${INSTANCE} may not exist (check its id, Region and account), or may still be propagating: ` +
        "AWS kept answering ResourceNotFoundException for 1s (stack config connect:consistencyTimeoutSeconds)",
    );
  });

  it("sends only the ARNs the workspace does not already have, counting the others as associated", async () => {
    await connectClient(em).send(
      new AssociateWorkspaceCommand({
        InstanceId: INSTANCE,
        WorkspaceId: WS_MAIN,
        ResourceArns: [userArn(2)],
      }),
    );
    await resetMetrics(em);
    const r = await provider().create(await checked([userArn(1), userArn(2)]));
    expect(r.outs).toEqual(outs([userArn(1), userArn(2)]));
    // Had userArn(2) been sent again, AWS would have answered it in FailedList and the provider
    // would have listed again to classify it.
    expect(await callsAndErrors(em)).toEqual({
      calls: { SearchWorkspaceAssociations: 1, AssociateWorkspace: 1 },
      errors: {},
    });
    expect(await associated()).toEqual([userArn(1), userArn(2)]);
  });

  it("a create of an association AWS already holds as declared makes no mutating call", async () => {
    const arns = [...userArns(1, 30), routingProfileArn(1)];
    const c = connectClient(em);
    await c.send(
      new AssociateWorkspaceCommand({
        InstanceId: INSTANCE,
        WorkspaceId: WS_MAIN,
        ResourceArns: arns.slice(0, 25),
      }),
    );
    await c.send(
      new AssociateWorkspaceCommand({
        InstanceId: INSTANCE,
        WorkspaceId: WS_MAIN,
        ResourceArns: arns.slice(25),
      }),
    );
    await resetMetrics(em);
    const r = await provider().create(await checked(arns));
    expect(r).toEqual({ id: `${INSTANCE}|${WS_MAIN}`, outs: outs(arns) });
    expect(await callsAndErrors(em)).toEqual({ calls: { SearchWorkspaceAssociations: 1 }, errors: {} });
  });

  it("takes one listing for the creates of every workspace of an instance in one operation", async () => {
    const p = provider();
    await p.create(await checked(userArns(1, 3)));
    // After the first create's write: its listing, changed in place, serves the second.
    await p.create(await checked(userArns(4, 5), WS_BIG));
    expect(await calls()).toEqual({ SearchWorkspaceAssociations: 1, AssociateWorkspace: 2 });
    expect([await associated(), await associated(WS_BIG)]).toEqual([userArns(1, 3), userArns(4, 5)]);
  });

  it("a create whose AssociateWorkspace failed after AWS applied it leaves no stale listing: a read of the same operation lists again and finds the ARNs", async () => {
    await setFaults(em, {
      seed: 1,
      rules: [{ operation: "AssociateWorkspace", kind: "reset-after", rate: 1, times: 1 }],
    });
    const p = provider({ maxAttempts: 1 });
    const arns = [userArn(1), userArn(2)];
    await expect(p.create(await checked(arns))).rejects.toThrow(
      `AssociateWorkspace for workspace ${WS_MAIN} on instance ${INSTANCE}`,
    );
    const id = `${INSTANCE}|${WS_MAIN}`;
    expect((await p.read(id, outs(arns))).props).toEqual(outs(arns));
    expect(await calls()).toEqual({ SearchWorkspaceAssociations: 2, AssociateWorkspace: 1 });
  });

  it("associates once when the connection drops after AssociateWorkspace was applied: the retry's DuplicateResourceException is checked against a listing and counts as success", async () => {
    await setFaults(em, {
      seed: 1,
      rules: [{ operation: "AssociateWorkspace", kind: "reset-after", rate: 1, times: 1 }],
    });
    await resetMetrics(em);
    const arns = [userArn(1), routingProfileArn(1)];
    const r = await provider({ maxAttempts: 3 }).create(await checked(arns));
    expect(r.outs).toEqual(outs(arns));
    expect(await associated()).toEqual([...arns].sort());
    // One listing by the create (reading first), one classifying the retry's answer, one by this
    // test's associated().
    expect(await calls()).toEqual({ AssociateWorkspace: 2, SearchWorkspaceAssociations: 3 });
  });

  it("updates by set difference: 26 added in 2 calls, 3 removed in 1", async () => {
    const p = provider();
    const { id, outs: before } = await p.create(await checked(userArns(1, 10)));
    const wanted = [...userArns(4, 10), ...userArns(11, 36)];
    await resetMetrics(em);
    const r = await p.update(id, { ...before, __provider: CODE }, await checked(wanted));
    expect(r.outs).toEqual(outs(wanted));
    expect(await calls()).toEqual({ AssociateWorkspace: 2, DisassociateWorkspace: 1 });
    expect(await associated()).toEqual([...wanted].sort());
  });

  it("counts an ARN removed out of band as removed, and records a failed addition for the next up", async () => {
    const p = provider();
    const { id, outs: before } = await p.create(await checked(userArns(1, 3)));
    await connectClient(em).send(
      new DisassociateWorkspaceCommand({
        InstanceId: INSTANCE,
        WorkspaceId: WS_MAIN,
        ResourceArns: [userArn(3)],
      }),
    );
    const e = await rejection(
      p.update(
        id,
        { ...before, __provider: CODE },
        await checked([userArn(1), userArn(2), UNKNOWN_USER_ARN]),
      ),
    );
    expect(e).toBeInstanceOf(PartialFailure);
    expect((e as PartialFailure).properties).toEqual({ ...outs([userArn(1), userArn(2)]), __provider: CODE });
    expect((e as PartialFailure).message).toContain(`${UNKNOWN_USER_ARN} (404: `);
  });

  it("reads every workspace of an instance from one listing, keeping the managed ARNs still associated", async () => {
    const p = provider();
    const main = await p.create(await checked(userArns(1, 3)));
    const big = await p.create(await checked(userArns(4, 5), WS_BIG));
    await connectClient(em).send(
      new DisassociateWorkspaceCommand({
        InstanceId: INSTANCE,
        WorkspaceId: WS_MAIN,
        ResourceArns: [userArn(2)],
      }),
    );
    // Not managed by the resource: never shown in its outputs.
    await connectClient(em).send(
      new AssociateWorkspaceCommand({
        InstanceId: INSTANCE,
        WorkspaceId: WS_MAIN,
        ResourceArns: [userArn(9)],
      }),
    );
    await resetMetrics(em);
    const reader = provider();
    // The inputs (recorded by refresh, so that the next preview diffs against AWS) are the same ARNs.
    expect(await reader.read(main.id, { ...main.outs, __provider: CODE })).toEqual({
      id: main.id,
      props: outs([userArn(1), userArn(3)]),
      inputs: outs([userArn(1), userArn(3)]),
    });
    expect(await reader.read(big.id, big.outs)).toEqual({
      id: big.id,
      props: outs(userArns(4, 5), WS_BIG),
      inputs: outs(userArns(4, 5), WS_BIG),
    });
    expect(await calls()).toEqual({ SearchWorkspaceAssociations: 1 });
  });

  it("reads every page of a listing over 500 associations", async () => {
    await seedEmulator(em, workspaceSeed(520));
    const p = provider();
    const r = await p.create(await checked(userArns(1, 520)));
    await resetMetrics(em);
    expect((await provider().read(r.id, r.outs)).props).toEqual(outs(userArns(1, 520)));
    expect(await calls()).toEqual({ SearchWorkspaceAssociations: 2 });
  });

  it("reports a workspace with none of its managed ARNs left as gone", async () => {
    const p = provider();
    const { id, outs: o } = await p.create(await checked([userArn(1)]));
    await connectClient(em).send(
      new DisassociateWorkspaceCommand({
        InstanceId: INSTANCE,
        WorkspaceId: WS_MAIN,
        ResourceArns: [userArn(1)],
      }),
    );
    expect(await provider().read(id, o)).toEqual({ id: "", props: {} });
  });

  it("deletes in batches, counting ARNs no longer associated as removed", async () => {
    const p = provider();
    const { id, outs: o } = await p.create(await checked(userArns(1, 30)));
    await connectClient(em).send(
      new DisassociateWorkspaceCommand({
        InstanceId: INSTANCE,
        WorkspaceId: WS_MAIN,
        ResourceArns: [userArn(7)],
      }),
    );
    await resetMetrics(em);
    await p.delete(id, o);
    // The item already removed fails in its batch; one listing shows it is not associated.
    expect(await calls()).toEqual({ DisassociateWorkspace: 2, SearchWorkspaceAssociations: 1 });
    expect(await associated()).toEqual([]);
  });

  it("deletes successfully when the workspace itself is gone", async () => {
    const p = provider();
    const { id, outs: o } = await p.create(await checked([userArn(1)]));
    await seedEmulator(em, { connect: { instances: [{ id: INSTANCE }] } });
    await expect(p.delete(id, o)).resolves.toBeUndefined();
  });

  it("counts an ARN the workspace does not hold as removed on delete, whatever per-item code AWS gives", async () => {
    const props = outs([userArn(1), SECURITY_PROFILE_ARN]);
    await provider().create(await checked([userArn(1)]));
    await resetMetrics(em);
    await expect(provider().delete(`${INSTANCE}|${WS_MAIN}`, props)).resolves.toBeUndefined();
    expect(await calls()).toEqual({ DisassociateWorkspace: 1, SearchWorkspaceAssociations: 1 });
    expect(await associated()).toEqual([]);
  });

  it("replaces on a new workspace (create first), updates in place on new ARNs, and sees no change in a reorder", async () => {
    const p = provider();
    const olds = { ...outs([userArn(1), userArn(2)]), __provider: CODE };
    expect(await p.diff("x", olds, await checked([userArn(2), userArn(1)]))).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(await p.diff("x", olds, await checked([userArn(1)]))).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(await p.diff("x", olds, await checked([userArn(1), userArn(2)], WS_BIG))).toEqual({
      changes: true,
      replaces: ["workspaceId"],
      deleteBeforeReplace: false,
    });
  });
});
