import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import type { InstanceState } from "../../src/emulator/state";
import { NO_FAULTS, callsOf, resetMetrics, setFaults } from "../helpers/admin";
import { TEST_CREDENTIALS, emulatorWith } from "../helpers/emulator";
import { REPO_ROOT, TestStack, pulumiBinary } from "../helpers/pulumi";
import { INSTANCE, REGION } from "../helpers/seeds/base";
import {
  AGENT,
  AGENT_WITH_STRAY,
  KEPT,
  PROFILES,
  STRAY,
  USER_ARN,
  securityProfilesSeed,
  sp,
} from "../helpers/seeds/security-profiles";

const TYPE = "pulumi-nodejs:dynamic/connect:SecurityProfileAssociation";
const range = (from: number, to: number) => PROFILES.slice(from - 1, to);

let em: RunningEmulator;
let stack: TestStack;

function instance(): InstanceState {
  const i = em.state().connect.instances[0];
  if (!i) throw new Error("seed has no instance");
  return i;
}
const agentProfiles = (arn = AGENT) =>
  [...(instance().aiAgents.find((a) => a.arn === arn)?.securityProfileIds ?? [])].sort();
const userProfiles = () => [...(instance().users[0]?.securityProfileIds ?? [])].sort();

const calls = () => callsOf(em);
const json = (v: unknown) => JSON.stringify(v);

async function agentOutputs(): Promise<unknown> {
  const state = await stack.exportState();
  return (state.deployment.resources ?? []).find((r) => r.urn.endsWith("::agent-profiles"))?.outputs?.[
    "securityProfileIds"
  ];
}

beforeAll(async () => {
  pulumiBinary();
  em = await emulatorWith(securityProfilesSeed());
  stack = new TestStack(path.join(REPO_ROOT, "test/engine/programs/security-profiles"));
  await stack.init({
    "aws:region": REGION,
    "connect:endpoint": em.url,
    "test:instanceId": INSTANCE,
    "test:agentArn": AGENT,
    "test:agentIds": json(range(1, 25)),
    "test:strayAgentArn": AGENT_WITH_STRAY,
    "test:exclusiveIds": json([sp(30), sp(31)]),
    "test:userArn": USER_ARN,
    "test:userIds": json([sp(35), sp(36)]),
    "test:withOthers": "false",
  });
});

afterAll(async () => {
  await stack?.remove();
  await em?.close();
});

describe.sequential("SecurityProfileAssociation through the real pulumi CLI", () => {
  it("up attaches 25 profiles to one AI agent with exactly 3 AssociateSecurityProfiles calls", async () => {
    await stack.up();
    expect(agentProfiles()).toEqual(range(1, 25));
    expect(await calls()).toEqual({ ListEntitySecurityProfiles: 1, AssociateSecurityProfiles: 3 });
    expect(await stack.outputs()).toEqual({ agentIds: range(1, 25) });
  });

  it("exclusive: true removes a stray profile and leaves the listed ones; a user keeps the profile it had", async () => {
    await stack.setConfig("test:withOthers", "true");
    await resetMetrics(em);
    await stack.up();
    expect(agentProfiles(AGENT_WITH_STRAY)).toEqual([sp(30), sp(31)]);
    expect(userProfiles()).toEqual([KEPT, sp(35), sp(36)].sort());
    expect(await calls()).toEqual({
      GetCallerIdentity: 1,
      ListEntitySecurityProfiles: 1,
      AssociateSecurityProfiles: 1,
      DisassociateSecurityProfiles: 1,
      DescribeUser: 1,
      UpdateUserSecurityProfiles: 1,
    });
  });

  it("keeps each __provider a fixed one-line entry, with no endpoint, credential or machine path in state", async () => {
    const state = await stack.exportState();
    const ours = (state.deployment.resources ?? []).filter((r) => r.type === TYPE);
    expect(ours).toHaveLength(3);
    const whole = JSON.stringify(state);
    for (const secret of [TEST_CREDENTIALS.accessKeyId, TEST_CREDENTIALS.secretAccessKey])
      expect(whole).not.toContain(secret);
    for (const r of ours) {
      for (const code of [r.inputs?.["__provider"], r.outputs?.["__provider"]]) {
        for (const leak of [em.url, REPO_ROOT, os.homedir(), os.tmpdir()]) expect(code).not.toContain(leak);
        expect(code).toBe(
          'exports.handler = () => require("pulumi-connect-associations/providers/runtime").entries.SecurityProfileAssociation;\n',
        );
      }
    }
  });

  it("reordering the ids is no change for pulumi preview, and makes no AWS call", async () => {
    await stack.setConfig("test:agentIds", json(range(1, 25).reverse()));
    await resetMetrics(em);
    const r = await stack.preview(["--expect-no-changes"]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/agent-profiles\s+(update|replace)/);
    expect(await calls()).toEqual({});
  });

  it("adding 3 and removing 2 previews ~securityProfileIds and updates with 1 Associate and 1 Disassociate call", async () => {
    await stack.setConfig("test:agentIds", json(range(3, 28)));
    const preview = await stack.preview();
    expect(preview.stdout).toMatch(
      /~\s+pulumi-nodejs:dynamic\/connect:SecurityProfileAssociation\s+agent-profiles\s+update\s+\[diff: ~securityProfileIds\]/,
    );
    await resetMetrics(em);
    await stack.up();
    expect(await calls()).toEqual({
      ListEntitySecurityProfiles: 1,
      AssociateSecurityProfiles: 1,
      DisassociateSecurityProfiles: 1,
    });
    expect(agentProfiles()).toEqual(range(3, 28));
  });

  it("refresh shows an out-of-band disassociation, and up restores it with one call", async () => {
    const agent = instance().aiAgents.find((a) => a.arn === AGENT);
    if (!agent) throw new Error("no agent");
    agent.securityProfileIds = agent.securityProfileIds.filter((id) => id !== sp(5));
    const refresh = await stack.refresh();
    expect(refresh.stdout).toMatch(
      /~\s+pulumi-nodejs:dynamic\/connect:SecurityProfileAssociation\s+agent-profiles\s+updated/,
    );
    expect(await agentOutputs()).toEqual(range(3, 28).filter((id) => id !== sp(5)));
    await resetMetrics(em);
    await stack.up();
    expect(await calls()).toEqual({ ListEntitySecurityProfiles: 1, AssociateSecurityProfiles: 1 });
    expect(agentProfiles()).toEqual(range(3, 28));
  });

  it("a failure on the second call fails up naming its profiles and the AWS error; state holds the first; the next up does the rest", async () => {
    // connect:maxAttempts 1: the SDK would otherwise retry the injected 500 and succeed.
    await stack.setConfig("connect:maxAttempts", "1");
    await setFaults(em, {
      seed: 1,
      rules: [{ operation: "AssociateSecurityProfiles", kind: "internal", rate: 1, skip: 1, times: 1 }],
    });
    await stack.setConfig("test:agentIds", json(range(3, 40)));
    const failed = await stack.run(stack.withConfig(["up", "--yes", "--skip-preview"]), {
      allowFailure: true,
    });
    expect(failed.code).not.toBe(0);
    expect(failed.stdout + failed.stderr).toContain(
      `AssociateSecurityProfiles for security profiles ${sp(39)}, ${sp(40)} (call 2 of 2) of AI agent ${AGENT} on instance ${INSTANCE} failed with InternalServiceException: Internal failure (injected)`,
    );
    expect(await agentOutputs()).toEqual(range(3, 38));
    expect(agentProfiles()).toEqual(range(3, 38));
    await stack.run(["config", "rm", "--config-file", stack.configFile, "connect:maxAttempts"]);
    await setFaults(em, NO_FAULTS);
    await resetMetrics(em);
    await stack.up();
    expect(await calls()).toEqual({ ListEntitySecurityProfiles: 1, AssociateSecurityProfiles: 1 });
    expect(agentProfiles()).toEqual(range(3, 40));
    expect(await agentOutputs()).toEqual(range(3, 40));
  });

  it("an update of the user's profiles keeps the profile the resource does not manage", async () => {
    await stack.setConfig("test:userIds", json([sp(37), sp(36)]));
    await stack.up();
    expect(userProfiles()).toEqual([KEPT, sp(36), sp(37)].sort());
    expect((await stack.outputs())["userIds"]).toEqual([sp(36), sp(37)]);
  });

  it.each([
    ["test:agentEntityType", "QUEUE", "entityType must be one of AI_AGENT, USER, got 'QUEUE'"],
    ["test:agentIds", "[]", "securityProfileIds must list at least 1 security profile id, got none"],
    [
      "test:agentIds",
      json([sp(1), sp(2), sp(1)]),
      `securityProfileIds must not repeat an id, got '${sp(1)}' twice`,
    ],
    [
      "test:userIds",
      json(range(1, 11)),
      "securityProfileIds may list at most 10 ids for a USER (a user holds 1-10 security profiles), got 11",
    ],
    [
      "test:agentArn",
      "arn:aws:wisdom:us-east-1:123456789012:assistant/abc",
      "entityArn must match arn:<partition>:wisdom:<region>:<account>:ai-agent/<assistantId>/<aiAgentId>, got 'arn:aws:wisdom:us-east-1:123456789012:assistant/abc'",
    ],
  ])("invalid %s = %s fails preview naming the property, with zero AWS calls", async (key, value, reason) => {
    const before = (
      await stack.run(["config", "get", "--config-file", stack.configFile, key], { allowFailure: true })
    ).stdout.trim();
    await stack.setConfig(key, value);
    await resetMetrics(em);
    const r = await stack.preview([], { allowFailure: true });
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(reason);
    expect(await calls()).toEqual({});
    if (before) await stack.setConfig(key, before);
    else await stack.run(["config", "rm", "--config-file", stack.configFile, key]);
  });

  it("destroy leaves each entity with no managed profile, and the user with the one it had", async () => {
    await stack.destroy();
    expect(agentProfiles()).toEqual([]);
    expect(agentProfiles(AGENT_WITH_STRAY)).toEqual([]);
    expect(userProfiles()).toEqual([KEPT]);
    expect(instance().aiAgents.some((a) => a.securityProfileIds.includes(STRAY))).toBe(false);
  });
});
