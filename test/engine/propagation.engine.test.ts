import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import type { InstanceState } from "../../src/emulator/state";
import { metricsOf, resetMetrics, seedEmulator } from "../helpers/admin";
import { emulatorWith } from "../helpers/emulator";
import { flowTable } from "../helpers/flow-emulator";
import { REPO_ROOT, TestStack, pulumiBinary, type StateResource } from "../helpers/pulumi";
import { ACCOUNT, INSTANCE, INSTANCE_ARN, REGION, instanceSeed } from "../helpers/seeds/base";
import { flowArn, voiceArn } from "../helpers/seeds/flows";
import { agentArn } from "../helpers/seeds/security-profiles";

/*
 * Amazon Connect is eventually consistent: for a while after a create, the APIs that use the new
 * entity answer ResourceNotFoundException ("Amazon Connect eventual consistency" in the API
 * reference). The emulator's `visibleAfterMs` plays that; the providers retry creates for
 * `connect:consistencyTimeoutSeconds` (default 60), then fail naming the entity.
 */

const PROGRAM = path.join(REPO_ROOT, "test/engine/programs/aws-fidelity");
/** How long after the seed is loaded the late entities appear (the 5 s). */
const LATE_MS = 5000;
/** Late entities of the last test: they never appear within the test. */
const NEVER_MS = 3_600_000;
/** Every engine operation here waits on propagation, on 2 shared cores. */
const SLOW = 300_000;

const userArn = (id: string): string => `${INSTANCE_ARN}/agent/${id}`;
const LATE_USER = userArn("u-late");
const EARLY_USER = userArn("u-early");
const MISSING_USER = userArn("u-missing");
const LATE_AGENT = agentArn(7);
const LATE_ALIAS = `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/LATEBOT000/LATEALIAS1`;

/**
 * One instance in which a user, an AI agent, a contact flow, a voice number, a Lex V2 alias and a
 * workspace appear `visibleAfterMs` after the seed is loaded, each beside what it needs that exists
 * from the start (security profiles, a user, a flow, a number, a workspace).
 */
function lateSeed(visibleAfterMs: number): object {
  return instanceSeed({
    securityProfiles: [{ id: "sp-base" }, { id: "sp-supervisor" }],
    users: [{ id: "u-early" }, { id: "u-late", securityProfileIds: ["sp-base"], visibleAfterMs }],
    aiAgents: [{ arn: LATE_AGENT, visibleAfterMs }],
    contactFlows: [{ id: "flow-early" }, { id: "flow-late", visibleAfterMs }],
    phoneNumbers: [
      { id: "pn-early", channel: "VOICE" },
      { id: "pn-late", channel: "VOICE", visibleAfterMs },
    ],
    lexV2BotAliases: [{ arn: LATE_ALIAS, visibleAfterMs }],
    workspaces: [{ id: "ws-early" }, { id: "ws-late", visibleAfterMs }],
  });
}

/** The program's resources on the late entities, as stack config lists. */
const LATE_PROGRAM = {
  "test:securityProfiles": [
    { name: "late-user", entityType: "USER", entityArn: LATE_USER, securityProfileIds: ["sp-supervisor"] },
    {
      name: "late-agent",
      entityType: "AI_AGENT",
      entityArn: LATE_AGENT,
      securityProfileIds: ["sp-supervisor"],
    },
  ],
  "test:flows": [
    { name: "late-number", resourceId: "pn-late", resourceType: "VOICE_PHONE_NUMBER", flowId: "flow-early" },
    { name: "late-flow", resourceId: "pn-early", resourceType: "VOICE_PHONE_NUMBER", flowId: "flow-late" },
  ],
  "test:bots": [{ name: "late-alias", aliasArn: LATE_ALIAS }],
  "test:workspaces": [{ name: "late-workspace", workspaceId: "ws-late", resourceArns: [EARLY_USER] }],
};

/** Resources on entities that never appear: one of each way a create can wait. */
const NEVER_PROGRAM = {
  "test:securityProfiles": [
    { name: "missing-user", entityType: "USER", entityArn: MISSING_USER, securityProfileIds: ["sp-base"] },
  ],
  "test:flows": [
    { name: "never-number", resourceId: "pn-late", resourceType: "VOICE_PHONE_NUMBER", flowId: "flow-early" },
  ],
  "test:bots": [{ name: "never-alias", aliasArn: LATE_ALIAS }],
  "test:workspaces": [{ name: "never-member", workspaceId: "ws-early", resourceArns: [LATE_USER] }],
};

let em: RunningEmulator;

function instance(): InstanceState {
  const i = em.state().connect.instances[0];
  if (!i) throw new Error("seed has no instance");
  return i;
}

async function ours(stack: TestStack): Promise<StateResource[]> {
  return ((await stack.exportState()).deployment.resources ?? []).filter((r) =>
    r.type.startsWith("pulumi-nodejs:dynamic/connect:"),
  );
}

function byName(resources: StateResource[]): Record<string, StateResource> {
  return Object.fromEntries(resources.map((r) => [r.urn.slice(r.urn.lastIndexOf("::") + 2), r]));
}

/** Resolves at the first AWS call the emulator receives after the last metrics reset. */
async function firstCall(): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Object.keys((await metricsOf(em)).calls).length === 0) {
    if (Date.now() > deadline) throw new Error("no AWS call reached the emulator within 120 s");
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function newStack(program: Record<string, object[]>, extra: Record<string, string> = {}) {
  const stack = new TestStack(PROGRAM);
  await stack.init({
    "aws:region": REGION,
    "connect:endpoint": em.url,
    "test:instanceId": INSTANCE,
    ...Object.fromEntries(Object.entries(program).map(([k, v]) => [k, JSON.stringify(v)])),
    ...extra,
  });
  return stack;
}

beforeAll(async () => {
  pulumiBinary();
  em = await emulatorWith(lateSeed(LATE_MS));
});

afterAll(async () => {
  await em?.close();
});

describe.sequential("Entities still propagating, through the real pulumi CLI", () => {
  let stack: TestStack;
  /** When the late seed was loaded: the late entities appear LATE_MS later. */
  let seededAt = 0;

  beforeAll(async () => {
    stack = await newStack(LATE_PROGRAM);
  }, SLOW);

  afterAll(async () => {
    await stack?.remove();
  });

  it(
    "up on a user, an AI agent, a flow, a voice number, a Lex V2 alias and a workspace seen only 5 s later succeeds, riding out the not-found answers of each",
    async () => {
      // The entities are created "just before" the association: while the CLI starts (which can
      // take longer than 5 s on 2 busy cores) they do not exist yet; at its first AWS call they are
      // seeded with visibleAfterMs 5000, as if created an instant earlier.
      await seedEmulator(em, lateSeed(NEVER_MS));
      await resetMetrics(em);
      const up = stack.up();
      await Promise.race([
        firstCall(),
        up.then(() => Promise.reject(new Error("up ended before any AWS call reached the emulator"))),
      ]);
      seededAt = Date.now();
      await seedEmulator(em, lateSeed(LATE_MS));
      await up;
      const m = await metricsOf(em);
      // Each create met at least one not-found while its entity was propagating…
      const notFound = (op: string): number => m.errors[op]?.["ResourceNotFoundException"] ?? 0;
      expect(notFound("DescribeUser")).toBeGreaterThanOrEqual(1);
      expect(notFound("ListEntitySecurityProfiles")).toBeGreaterThanOrEqual(1);
      // …the number and the flow, one resource each.
      expect(notFound("AssociatePhoneNumberContactFlow")).toBeGreaterThanOrEqual(2);
      expect(notFound("AssociateBot")).toBeGreaterThanOrEqual(1);
      expect(notFound("AssociateWorkspace")).toBeGreaterThanOrEqual(1);
      // …and its last call, the one that succeeded, came once the entities were visible.
      for (const op of [
        "DescribeUser",
        "UpdateUserSecurityProfiles",
        "ListEntitySecurityProfiles",
        "AssociateSecurityProfiles",
        "AssociatePhoneNumberContactFlow",
        "AssociateBot",
        "AssociateWorkspace",
      ])
        expect(m.lastCallAt[op], op).toBeGreaterThanOrEqual(seededAt + LATE_MS);
      // No other error than the propagation ones.
      expect(Object.keys(m.errors).sort()).toEqual([
        "AssociateBot",
        "AssociatePhoneNumberContactFlow",
        "AssociateWorkspace",
        "DescribeUser",
        "ListEntitySecurityProfiles",
      ]);
      for (const byCode of Object.values(m.errors))
        expect(Object.keys(byCode)).toEqual(["ResourceNotFoundException"]);

      // The emulator holds every association…
      const inst = instance();
      expect(inst.users.find((u) => u.id === "u-late")?.securityProfileIds).toEqual([
        "sp-base",
        "sp-supervisor",
      ]);
      expect(inst.aiAgents.find((a) => a.arn === LATE_AGENT)?.securityProfileIds).toEqual(["sp-supervisor"]);
      expect(flowTable(em)).toEqual({
        [voiceArn("pn-late")]: flowArn("flow-early"),
        [voiceArn("pn-early")]: flowArn("flow-late"),
      });
      expect(inst.associatedLexV2Bots).toEqual([LATE_ALIAS]);
      expect(inst.workspaceAssociations).toEqual([
        { workspaceId: "ws-late", resourceArn: EARLY_USER, resourceType: "USER" },
      ]);

      // …and so does the state, one resource each.
      const r = byName(await ours(stack));
      expect(Object.keys(r).sort()).toEqual([
        "late-agent",
        "late-alias",
        "late-flow",
        "late-number",
        "late-user",
        "late-workspace",
      ]);
      expect(r["late-user"]?.id).toBe(`${INSTANCE}|USER|${LATE_USER}`);
      expect(r["late-user"]?.outputs?.["securityProfileIds"]).toEqual(["sp-supervisor"]);
      expect(r["late-agent"]?.outputs?.["securityProfileIds"]).toEqual(["sp-supervisor"]);
      expect(r["late-number"]?.id).toBe(`${INSTANCE}|VOICE_PHONE_NUMBER|pn-late`);
      expect(r["late-number"]?.outputs?.["flowId"]).toBe("flow-early");
      expect(r["late-flow"]?.outputs?.["flowId"]).toBe("flow-late");
      expect(r["late-alias"]?.id).toBe(`${INSTANCE}|V2|${LATE_ALIAS}`);
      expect(r["late-workspace"]?.id).toBe(`${INSTANCE}|ws-late`);
      expect(r["late-workspace"]?.outputs?.["resourceArns"]).toEqual([EARLY_USER]);
    },
    SLOW,
  );

  it(
    "once the entities are visible, a second preview shows no change and destroy removes every association",
    async () => {
      const again = await stack.preview(["--expect-no-changes"]);
      expect(again.code).toBe(0);
      await resetMetrics(em);
      await stack.destroy();
      expect((await metricsOf(em)).errors).toEqual({});
      const inst = instance();
      expect(inst.users.find((u) => u.id === "u-late")?.securityProfileIds).toEqual(["sp-base"]);
      expect(inst.aiAgents.find((a) => a.arn === LATE_AGENT)?.securityProfileIds).toEqual([]);
      expect(flowTable(em)).toEqual({});
      expect(inst.associatedLexV2Bots).toEqual([]);
      expect(inst.workspaceAssociations).toEqual([]);
      expect(await ours(stack)).toEqual([]);
    },
    SLOW,
  );
});

describe.sequential("Entities that never appear, through the real pulumi CLI", () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await newStack(NEVER_PROGRAM, { "connect:consistencyTimeoutSeconds": "3" });
  }, SLOW);

  afterAll(async () => {
    await stack?.remove();
  });

  it(
    "with connect:consistencyTimeoutSeconds 3, up fails for each, naming the entity and saying it may not exist or may still be propagating; state records none",
    async () => {
      await seedEmulator(em, lateSeed(NEVER_MS));
      await resetMetrics(em);
      const r = await stack.run(stack.withConfig(["up", "--yes", "--skip-preview", "--continue-on-error"]), {
        allowFailure: true,
      });
      const out = r.stdout + r.stderr;
      expect(r.code).not.toBe(0);
      expect(out).toContain(
        `user ${MISSING_USER} on instance ${INSTANCE} was not found (or the instance does not exist in ${REGION}): ` +
          `it may not exist (check the ARN, Region and account), or may still be propagating: looked for it for 3s ` +
          `(stack config connect:consistencyTimeoutSeconds)`,
      );
      expect(out).toContain(
        `AssociatePhoneNumberContactFlow for VOICE_PHONE_NUMBER pn-late on instance ${INSTANCE} failed with ResourceNotFoundException: `,
      );
      expect(out).toContain(
        `VOICE_PHONE_NUMBER pn-late on instance ${INSTANCE}, flow flow-early or instance ${INSTANCE} may not exist ` +
          `(check its id, Region and account), or may still be propagating: AWS kept answering ResourceNotFoundException ` +
          `for 3s (stack config connect:consistencyTimeoutSeconds)`,
      );
      expect(out).toContain(
        `AssociateBot for Lex V2 bot alias ${LATE_ALIAS} on instance ${INSTANCE} failed with ResourceNotFoundException: `,
      );
      expect(out).toContain(
        `Lex V2 bot alias ${LATE_ALIAS} or instance ${INSTANCE} may not exist (check its id, Region and account), ` +
          `or may still be propagating: AWS kept answering ResourceNotFoundException for 3s ` +
          `(stack config connect:consistencyTimeoutSeconds)`,
      );
      expect(out).toContain(
        `AssociateWorkspace failed for 1 of 1 resources of workspace ws-early on instance ${INSTANCE}: ` +
          `${LATE_USER} (404: User not found in instance ${INSTANCE}: ${LATE_USER}). ` +
          `Each of them may not exist (check the ARN, Region and account), or may still be propagating: ` +
          `retried for 3s (stack config connect:consistencyTimeoutSeconds)`,
      );
      // Each was retried with backoff (at least 4 calls, 125 + 250 + 500 ms of waits between the
      // first and the fourth) and given up within the 3 s, never going on to a write it could not make.
      const m = await metricsOf(em);
      for (const op of [
        "DescribeUser",
        "AssociatePhoneNumberContactFlow",
        "AssociateBot",
        "AssociateWorkspace",
      ]) {
        expect(m.calls[op], op).toBeGreaterThanOrEqual(4);
        const span = (m.lastCallAt[op] ?? 0) - (m.firstCallAt[op] ?? 0);
        expect(span, op).toBeGreaterThanOrEqual(800);
        expect(span, op).toBeLessThanOrEqual(5000);
      }
      expect(m.calls["UpdateUserSecurityProfiles"]).toBeUndefined();
      expect(await ours(stack)).toEqual([]);
      const inst = instance();
      expect(flowTable(em)).toEqual({});
      expect(inst.associatedLexV2Bots).toEqual([]);
      expect(inst.workspaceAssociations).toEqual([]);
    },
    SLOW,
  );
});
