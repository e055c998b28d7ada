import * as os from "node:os";
import * as path from "node:path";
import { DisassociateWorkspaceCommand } from "@aws-sdk/client-connect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import type { StateResource } from "../helpers/pulumi";
import { callsOf, resetMetrics } from "../helpers/admin";
import { TEST_CREDENTIALS, connectClient, emulatorWith } from "../helpers/emulator";
import { REPO_ROOT, TestStack, pulumiBinary } from "../helpers/pulumi";
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

const TYPE = "pulumi-nodejs:dynamic/connect:WorkspaceAssociation";
const EVERYONE = userArns(1, 60);
const GOOD_NINE = [...userArns(61, 68), routingProfileArn(1)];

let em: RunningEmulator;
let stack: TestStack;

/** What the emulator holds for a workspace, sorted. */
function held(workspaceId: string): string[] {
  const inst = em.state().connect.instances[0];
  if (!inst) throw new Error("seed has no instance");
  return inst.workspaceAssociations
    .filter((a) => a.workspaceId === workspaceId)
    .map((a) => a.resourceArn)
    .sort();
}

const calls = () => callsOf(em);

function setArns(key: "bigArns" | "mainArns", arns: string[] | null) {
  return stack.setConfig(`test:${key}`, JSON.stringify(arns));
}

async function resources(): Promise<StateResource[]> {
  return ((await stack.exportState()).deployment.resources ?? []).filter((r) => r.type === TYPE);
}

async function stateArns(name: string): Promise<unknown> {
  const r = (await resources()).find((x) => x.urn.endsWith(`::${name}`));
  return r?.outputs?.["resourceArns"];
}

function sorted(arns: string[]): string[] {
  return [...arns].sort();
}

beforeAll(async () => {
  pulumiBinary();
  em = await emulatorWith(workspaceSeed());
  stack = new TestStack(path.join(REPO_ROOT, "test/engine/programs/workspaces"));
  await stack.init({
    "aws:region": REGION,
    "connect:endpoint": em.url,
    "test:instanceId": INSTANCE,
    "test:bigWorkspaceId": WS_BIG,
    "test:mainWorkspaceId": WS_MAIN,
  });
  await setArns("bigArns", EVERYONE);
});

afterAll(async () => {
  await stack?.remove();
  await em?.close();
});

describe.sequential("WorkspaceAssociation through the real pulumi CLI", () => {
  it.each([
    ["an empty list", [], "resourceArns must hold at least 1 ARN, got none"],
    [
      "a duplicate",
      [userArn(1), userArn(2), userArn(1)],
      `resourceArns must not repeat an ARN: '${userArn(1)}' appears more than once`,
    ],
    [
      "an ARN that is neither a user nor a routing profile",
      [userArn(1), SECURITY_PROFILE_ARN],
      `resourceArns[1] must be a user ARN (arn:<partition>:connect:<region>:<account>:instance/<instanceId>/agent/<userId>) or a routing-profile ARN (…/instance/<instanceId>/routing-profile/<routingProfileId>), got '${SECURITY_PROFILE_ARN}'`,
    ],
  ])(
    "fails preview on %s naming the property (never as value {<nil>}), with zero AWS calls",
    async (_case, arns, reason) => {
      await setArns("mainArns", arns);
      const r = await stack.preview([], { allowFailure: true });
      expect(r.code).not.toBe(0);
      expect(r.stdout + r.stderr).toContain(reason);
      // resourceArns[1] is not an input the engine can look up: reported on the resource, not as value {<nil>}.
      expect(r.stdout + r.stderr).not.toContain("<nil>");
      expect(await calls()).toEqual({});
    },
  );

  it("associates 60 ARNs with 3 AssociateWorkspace calls (the API's maximum is 25 a call)", async () => {
    await setArns("mainArns", null);
    await stack.up();
    // The create reads the instance's listing first (none of them is associated yet).
    expect(await calls()).toEqual({
      GetCallerIdentity: 1,
      SearchWorkspaceAssociations: 1,
      AssociateWorkspace: 3,
    });
    expect(held(WS_BIG)).toEqual(sorted(EVERYONE));
    expect(await stack.outputs()).toEqual({ everyoneId: `${INSTANCE}|${WS_BIG}`, everyoneCount: 60 });
  });

  it("a second preview shows no changes", async () => {
    const r = await stack.preview(["--expect-no-changes"]);
    expect(r.code).toBe(0);
  });

  it("fails up on one unknown ARN among 10, naming it with its error code; state and emulator hold the other 9", async () => {
    await setArns("mainArns", [...GOOD_NINE, UNKNOWN_USER_ARN]);
    // The unknown ARN is sent again while it may still be propagating: 2 s here instead of 60.
    await stack.setConfig("connect:consistencyTimeoutSeconds", "2");
    await resetMetrics(em);
    const r = await stack.run(stack.withConfig(["up", "--yes", "--skip-preview"]), { allowFailure: true });
    await stack.setConfig("connect:consistencyTimeoutSeconds", "60");
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(
      `AssociateWorkspace failed for 1 of 10 resources of workspace ${WS_MAIN} on instance ${INSTANCE}: ` +
        `${UNKNOWN_USER_ARN} (404: User not found in instance ${INSTANCE}: ${UNKNOWN_USER_ARN}). ` +
        "Each of them may not exist (check the ARN, Region and account), or may still be propagating: " +
        "retried for 2s (stack config connect:consistencyTimeoutSeconds)",
    );
    const c = await calls();
    // The create's first read, one batch of 10, then the one failed ARN again (as many times as the
    // 2 s allow), each failure classified by a fresh listing; the account guard asks STS once.
    expect(c["GetCallerIdentity"]).toBe(1);
    expect(c["AssociateWorkspace"]).toBeGreaterThanOrEqual(2);
    expect(c["SearchWorkspaceAssociations"]).toBe((c["AssociateWorkspace"] ?? 0) + 1);
    expect(held(WS_MAIN)).toEqual(sorted(GOOD_NINE));
    expect(await stateArns("supervisors")).toEqual(sorted(GOOD_NINE));
  });

  it("after the program is fixed, up makes exactly one AssociateWorkspace call for the one ARN", async () => {
    await setArns("mainArns", [...GOOD_NINE, userArn(69)]);
    await resetMetrics(em);
    await stack.up();
    expect(await calls()).toEqual({ GetCallerIdentity: 1, AssociateWorkspace: 1 });
    expect(held(WS_MAIN)).toEqual(sorted([...GOOD_NINE, userArn(69)]));
  });

  it("adding 26 and removing 3 ARNs makes one call each way per batch of 25", async () => {
    const wanted = [...GOOD_NINE.slice(3), userArn(69), ...userArns(70, 95)];
    await setArns("mainArns", wanted);
    await resetMetrics(em);
    await stack.up();
    expect(await calls()).toEqual({ GetCallerIdentity: 1, AssociateWorkspace: 2, DisassociateWorkspace: 1 });
    expect(held(WS_MAIN)).toEqual(sorted(wanted));
    expect(await stateArns("supervisors")).toEqual(sorted(wanted));
  });

  it("refresh shows an out-of-band removal from one shared listing, and up restores it", async () => {
    const removed = userArn(80);
    await connectClient(em).send(
      new DisassociateWorkspaceCommand({
        InstanceId: INSTANCE,
        WorkspaceId: WS_MAIN,
        ResourceArns: [removed],
      }),
    );
    await resetMetrics(em);
    await stack.refresh();
    expect(await calls()).toEqual({ SearchWorkspaceAssociations: 1 });
    const after = (await stateArns("supervisors")) as string[];
    expect(after).toHaveLength(32);
    expect(after).not.toContain(removed);
    await resetMetrics(em);
    await stack.up();
    expect(await calls()).toEqual({ GetCallerIdentity: 1, AssociateWorkspace: 1 });
    expect(held(WS_MAIN)).toContain(removed);
    expect(await stateArns("supervisors")).toHaveLength(33);
  });

  it("keeps a one-line __provider and no endpoint, credential or machine path in state", async () => {
    const state = await stack.exportState();
    const whole = JSON.stringify(state);
    for (const secret of [TEST_CREDENTIALS.accessKeyId, TEST_CREDENTIALS.secretAccessKey])
      expect(whole).not.toContain(secret);
    const rs = await resources();
    expect(rs).toHaveLength(2);
    for (const r of rs) {
      for (const code of [r.inputs?.["__provider"], r.outputs?.["__provider"]]) {
        expect(code).toBe(
          'exports.handler = () => require("pulumi-connect-associations/providers/runtime").entries.WorkspaceAssociation;\n',
        );
        for (const leak of [em.url, REPO_ROOT, os.homedir(), os.tmpdir()]) expect(code).not.toContain(leak);
      }
    }
  });

  it("destroy leaves both workspaces with no managed association (60 + 33 ARNs: 5 DisassociateWorkspace calls)", async () => {
    await resetMetrics(em);
    await stack.destroy();
    expect(await calls()).toEqual({ GetCallerIdentity: 1, DisassociateWorkspace: 5 });
    expect(held(WS_BIG)).toEqual([]);
    expect(held(WS_MAIN)).toEqual([]);
  });
});
