import * as path from "node:path";
import {
  AssociateWorkspaceCommand,
  BatchGetFlowAssociationCommand,
  DisassociateWorkspaceCommand,
} from "@aws-sdk/client-connect";
import { DeleteProfileObjectCommand } from "@aws-sdk/client-customer-profiles";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { NO_FAULTS, callsOf, metricsOf, resetMetrics, setFaults } from "../helpers/admin";
import { connectClient, emulatorWith } from "../helpers/emulator";
import { flowTable, repoint } from "../helpers/flow-emulator";
import { REPO_ROOT, TestStack, pulumiBinary, type RunResult, type StateResource } from "../helpers/pulumi";
import { INSTANCE, REGION } from "../helpers/seeds/base";
import { FLOW_A, FLOW_B, flowArn, flowSeed, voiceArn } from "../helpers/seeds/flows";
import { DOMAIN, ORDER, PROFILE_A, orderKey, profilesClient, profilesSeed } from "../helpers/seeds/profiles";
import { WS_BIG, WS_MAIN, userArn, userArns, workspaceSeed } from "../helpers/seeds/workspaces";

/*
 * What AWS's models say and a real account does, where the emulator and the providers used to agree
 * only with each other: workspace per-item ErrorCodes are three-digit strings (classified by a
 * listing, not by the code), BatchGetFlowAssociation matches ARNs only, and Customer Profiles'
 * not-found also means "access was denied".
 */

const PROGRAM = path.join(REPO_ROOT, "test/engine/programs/aws-fidelity");
const TYPE = "pulumi-nodejs:dynamic/connect:";
/** Engine operations on 2 shared cores. */
const SLOW = 300_000;

async function newStack(em: RunningEmulator, config: Record<string, string> = {}): Promise<TestStack> {
  const stack = new TestStack(PROGRAM);
  await stack.init({
    "aws:region": REGION,
    "connect:endpoint": em.url,
    "connect:profilesEndpoint": em.url,
    "test:instanceId": INSTANCE,
    ...config,
  });
  return stack;
}

/** Sets one of the program's resource lists (test:workspaces, test:flows, test:deletions). */
function setList(stack: TestStack, key: string, list: object[]): Promise<RunResult> {
  return stack.setConfig(`test:${key}`, JSON.stringify(list));
}

/** This package's resources in the stack's state, by resource name. */
async function resourcesOf(stack: TestStack): Promise<Record<string, StateResource>> {
  const all = (await stack.exportState()).deployment.resources ?? [];
  return Object.fromEntries(
    all.filter((r) => r.type.startsWith(TYPE)).map((r) => [r.urn.slice(r.urn.lastIndexOf("::") + 2), r]),
  );
}

function failingUp(stack: TestStack): Promise<RunResult> {
  return stack.run(stack.withConfig(["up", "--yes", "--skip-preview"]), { allowFailure: true });
}

describe.sequential(
  "WorkspaceAssociation against the model's three-digit per-item codes, through the real pulumi CLI",
  () => {
    let em: RunningEmulator;
    let stack: TestStack;
    const ADOPTED = userArns(1, 3);
    /** Associated out of band and never managed by the stack. */
    const SOMEONE_ELSES = userArn(40);
    const FAULTED = userArns(5, 34);

    /** ARN → how many times the emulator holds it on the workspace. */
    function held(workspaceId: string): Record<string, number> {
      const counts: Record<string, number> = {};
      for (const a of em.state().connect.instances[0]?.workspaceAssociations ?? [])
        if (a.workspaceId === workspaceId) counts[a.resourceArn] = (counts[a.resourceArn] ?? 0) + 1;
      return counts;
    }
    const once = (arns: string[]): Record<string, number> => Object.fromEntries(arns.map((a) => [a, 1]));
    const sorted = (arns: string[]): string[] => [...arns].sort();

    beforeAll(async () => {
      pulumiBinary();
      em = await emulatorWith(workspaceSeed(40));
      stack = await newStack(em);
    }, SLOW);

    afterAll(async () => {
      await stack?.remove();
      await em?.close();
    });

    it(
      "adopts an ARN associated out of band before up: the create reads first (one SearchWorkspaceAssociations) and one AssociateWorkspace sends only the others",
      async () => {
        const client = connectClient(em);
        const input = { InstanceId: INSTANCE, WorkspaceId: WS_MAIN };
        await client.send(new AssociateWorkspaceCommand({ ...input, ResourceArns: [ADOPTED[0] ?? ""] }));
        const answer = await client.send(
          new AssociateWorkspaceCommand({ ...input, ResourceArns: [ADOPTED[0] ?? "", SOMEONE_ELSES] }),
        );
        // The premise: an already associated ARN is a FailedList item with a three-digit code.
        expect(answer.SuccessfulList).toEqual([{ ResourceArn: SOMEONE_ELSES }]);
        expect(answer.FailedList?.map((f) => [f.ResourceArn, f.ErrorCode])).toEqual([[ADOPTED[0], "409"]]);

        await setList(stack, "workspaces", [
          { name: "adopted", workspaceId: WS_MAIN, resourceArns: ADOPTED },
        ]);
        await resetMetrics(em);
        await stack.up();
        // GetCallerIdentity: the account guard checks the ARNs' account, once per provider process.
        // The listing shows ADOPTED[0] associated: it is not sent again (no 409 item to classify).
        expect(await callsOf(em)).toEqual({
          GetCallerIdentity: 1,
          AssociateWorkspace: 1,
          SearchWorkspaceAssociations: 1,
        });
        expect(held(WS_MAIN)).toEqual(once([...ADOPTED, SOMEONE_ELSES]));
        const r = await resourcesOf(stack);
        expect(r["adopted"]?.id).toBe(`${INSTANCE}|${WS_MAIN}`);
        expect(r["adopted"]?.outputs?.["resourceArns"]).toEqual(sorted(ADOPTED));
        expect((await stack.preview(["--expect-no-changes"])).code).toBe(0);
      },
      SLOW,
    );

    it(
      "converges under reset-after faults on AssociateWorkspace: every ARN associated exactly once, state matches",
      async () => {
        await setList(stack, "workspaces", [
          { name: "adopted", workspaceId: WS_MAIN, resourceArns: ADOPTED },
          { name: "faulted", workspaceId: WS_BIG, resourceArns: FAULTED },
        ]);
        // The first call of each batch (25 ARNs, then 5) is applied, then its connection dropped
        // before the answer: the SDK's retry finds the whole batch already associated.
        await setFaults(em, {
          seed: 1,
          rules: [
            { operation: "AssociateWorkspace", kind: "reset-after", rate: 1, times: 1 },
            { operation: "AssociateWorkspace", kind: "reset-after", rate: 1, skip: 2, times: 1 },
          ],
        });
        await resetMetrics(em);
        try {
          await stack.up();
        } finally {
          await setFaults(em, NO_FAULTS);
        }
        const m = await metricsOf(em);
        // The create's first read (one listing), then per batch: the dropped call, its retry answered
        // DuplicateResourceException (AssociateWorkspace's whole-call code when every ARN is already
        // there), one listing that shows them associated.
        expect(m.calls).toEqual({
          GetCallerIdentity: 1,
          AssociateWorkspace: 4,
          SearchWorkspaceAssociations: 3,
        });
        expect(m.errors).toEqual({ AssociateWorkspace: { DuplicateResourceException: 2 } });
        expect(held(WS_BIG)).toEqual(once(FAULTED));
        expect(held(WS_MAIN)).toEqual(once([...ADOPTED, SOMEONE_ELSES]));
        const r = await resourcesOf(stack);
        expect(r["faulted"]?.outputs?.["resourceArns"]).toEqual(sorted(FAULTED));
        expect(r["adopted"]?.outputs?.["resourceArns"]).toEqual(sorted(ADOPTED));
        await resetMetrics(em);
        expect((await stack.preview(["--expect-no-changes"])).code).toBe(0);
        expect(await callsOf(em)).toEqual({});
      },
      SLOW,
    );

    it(
      "destroy succeeds after one ARN was removed out of band (the emulator answers it with item code 404), leaving someone else's ARN",
      async () => {
        const removed = ADOPTED[1] ?? "";
        const remove = () =>
          connectClient(em).send(
            new DisassociateWorkspaceCommand({
              InstanceId: INSTANCE,
              WorkspaceId: WS_MAIN,
              ResourceArns: [removed],
            }),
          );
        expect((await remove()).SuccessfulList).toEqual([{ ResourceArn: removed }]);
        // The premise: an ARN no longer associated is a FailedList item with a three-digit code.
        const again = await remove();
        expect(again.SuccessfulList).toEqual([]);
        expect(again.FailedList?.map((f) => [f.ResourceArn, f.ErrorCode])).toEqual([[removed, "404"]]);
        await resetMetrics(em);
        await stack.destroy();
        // WS_MAIN: one call for 3 ARNs, one listing to classify the 404 item; WS_BIG: 25 + 5.
        expect(await callsOf(em)).toEqual({
          GetCallerIdentity: 1,
          DisassociateWorkspace: 3,
          SearchWorkspaceAssociations: 1,
        });
        expect(held(WS_MAIN)).toEqual(once([SOMEONE_ELSES]));
        expect(held(WS_BIG)).toEqual({});
        expect(await resourcesOf(stack)).toEqual({});
      },
      SLOW,
    );
  },
);

describe.sequential(
  "A voice number given by bare id, while BatchGetFlowAssociation matches only ARNs, through the real pulumi CLI",
  () => {
    let em: RunningEmulator;
    let stack: TestStack;
    const NUMBER = "pn-000";

    async function mainLine(): Promise<StateResource | undefined> {
      return (await resourcesOf(stack))["main-line"];
    }

    beforeAll(async () => {
      pulumiBinary();
      em = await emulatorWith(flowSeed({ voiceNumbers: 3 }));
      stack = await newStack(em);
      await setList(stack, "flows", [
        { name: "main-line", resourceId: NUMBER, resourceType: "VOICE_PHONE_NUMBER", flowId: FLOW_A },
      ]);
    }, SLOW);

    afterAll(async () => {
      await stack?.remove();
      await em?.close();
    });

    it(
      "up associates the number given by its id with one AssociatePhoneNumberContactFlow",
      async () => {
        await stack.up();
        // The create reads first: the voice listing shows no flow for the number.
        expect(await callsOf(em)).toEqual({ ListFlowAssociations: 1, AssociatePhoneNumberContactFlow: 1 });
        expect(flowTable(em)).toEqual({ [voiceArn(NUMBER)]: flowArn(FLOW_A) });
        const r = await mainLine();
        expect(r?.id).toBe(`${INSTANCE}|VOICE_PHONE_NUMBER|${NUMBER}`);
        expect(r?.outputs?.["resourceId"]).toBe(NUMBER);
        expect(r?.outputs?.["flowId"]).toBe(FLOW_A);
      },
      SLOW,
    );

    it(
      "refresh reads the association of the number given by id and changes nothing",
      async () => {
        await resetMetrics(em);
        const r = await stack.run(
          stack.withConfig(["refresh", "--yes", "--skip-preview", "--expect-no-changes"]),
        );
        expect(r.code).toBe(0);
        expect(await callsOf(em)).toEqual({ ListFlowAssociations: 1 });
        expect((await mainLine())?.outputs?.["flowId"]).toBe(FLOW_A);
      },
      SLOW,
    );

    it(
      "refresh after an out-of-band re-point records the new flow",
      async () => {
        await repoint(em, NUMBER, FLOW_B);
        await resetMetrics(em);
        await stack.refresh();
        expect(await callsOf(em)).toEqual({ ListFlowAssociations: 1 });
        const r = await mainLine();
        expect(r?.outputs?.["flowId"]).toBe(flowArn(FLOW_B));
        expect(r?.outputs?.["resourceId"]).toBe(NUMBER);
      },
      SLOW,
    );

    it(
      "destroy resolves the id to its ARN (DescribePhoneNumber, then BatchGetFlowAssociation) and disassociates the number",
      async () => {
        // The premise: the emulator's BatchGetFlowAssociation finds the number by ARN, not by id.
        const batchGet = (ids: string[]) =>
          connectClient(em).send(
            new BatchGetFlowAssociationCommand({
              InstanceId: INSTANCE,
              ResourceIds: ids,
              ResourceType: "VOICE_PHONE_NUMBER",
            }),
          );
        expect((await batchGet([NUMBER])).FlowAssociationSummaryList).toEqual([]);
        expect((await batchGet([voiceArn(NUMBER)])).FlowAssociationSummaryList).toEqual([
          { ResourceId: voiceArn(NUMBER), FlowId: flowArn(FLOW_B), ResourceType: "VOICE_PHONE_NUMBER" },
        ]);

        await resetMetrics(em);
        await stack.destroy();
        const m = await metricsOf(em);
        // The recorded flowId is now an instance-scoped ARN: the account guard asks STS once.
        expect(m.calls).toEqual({
          GetCallerIdentity: 1,
          DescribePhoneNumber: 1,
          BatchGetFlowAssociation: 1,
          DisassociatePhoneNumberContactFlow: 1,
        });
        expect(m.errors).toEqual({});
        expect(m.firstCallAt["DescribePhoneNumber"]).toBeLessThanOrEqual(
          m.firstCallAt["BatchGetFlowAssociation"] ?? 0,
        );
        expect(m.firstCallAt["BatchGetFlowAssociation"]).toBeLessThanOrEqual(
          m.firstCallAt["DisassociatePhoneNumberContactFlow"] ?? 0,
        );
        const inst = em.state().connect.instances[0];
        expect(inst?.phoneNumbers.find((n) => n.id === NUMBER)).toMatchObject({
          id: NUMBER,
          arn: voiceArn(NUMBER),
          channel: "VOICE",
        });
        expect(inst?.flowAssociations.filter((a) => a.resourceArn === voiceArn(NUMBER))).toEqual([]);
        expect(await resourcesOf(stack)).toEqual({});
      },
      SLOW,
    );
  },
);

describe.sequential(
  "ProfileObjectDeletion where not-found may mean access was denied, through the real pulumi CLI",
  () => {
    let em: RunningEmulator;
    let stack: TestStack;
    const NO_PROFILE = "00000000000000000000000000000000";

    function deletion(domainName: string, profileId: string, orderId: string): object[] {
      return [
        {
          name: "erase",
          domainName,
          profileId,
          objectTypeName: ORDER,
          profileObjectUniqueKey: orderKey(orderId),
        },
      ];
    }

    /** The unique keys of PROFILE_A's objects, as the emulator holds them. */
    function keysOnProfileA(): string[] {
      const profile = em.state().customerProfiles.domains[0]?.profiles.find((p) => p.id === PROFILE_A);
      return (profile?.objects ?? []).map((o) => o.uniqueKey);
    }

    beforeAll(async () => {
      pulumiBinary();
      em = await emulatorWith(profilesSeed());
      stack = await newStack(em);
    }, SLOW);

    afterAll(async () => {
      await stack?.remove();
      await em?.close();
    });

    it(
      "on a domain that does not exist, up fails saying it was not found or access was denied, and state records nothing",
      async () => {
        await setList(stack, "deletions", deletion("no-such-domain", PROFILE_A, "o-1"));
        await resetMetrics(em);
        const r = await failingUp(stack);
        expect(r.code).not.toBe(0);
        const out = r.stdout + r.stderr;
        expect(out).toContain("was not found, or access was denied");
        expect(out).toContain(
          `profile object ${orderKey("o-1")} (type ${ORDER}) of profile ${PROFILE_A} in domain no-such-domain was not found, ` +
            `or access was denied: DeleteProfileObject answered ResourceNotFoundException (`,
        );
        expect(out).toContain(
          `and its absence could not be confirmed (GetDomain answered ResourceNotFoundException for domain no-such-domain in ${REGION}). ` +
            `Check domainName, profileId, objectTypeName, the Region and the credentials' permissions ` +
            `(profile:GetDomain, profile:SearchProfiles, profile:ListProfileObjects, profile:DeleteProfileObject). ` +
            `Nothing was recorded as deleted.`,
        );
        expect(await callsOf(em)).toEqual({ DeleteProfileObject: 1, GetDomain: 1 });
        expect(await resourcesOf(stack)).toEqual({});
        expect(keysOnProfileA()).toEqual([orderKey("o-1"), orderKey("o-2")]);
      },
      SLOW,
    );

    it(
      "on an existing domain, a profile that does not exist fails up the same way, and state records nothing",
      async () => {
        await setList(stack, "deletions", deletion(DOMAIN, NO_PROFILE, "o-1"));
        await resetMetrics(em);
        const r = await failingUp(stack);
        expect(r.code).not.toBe(0);
        const out = r.stdout + r.stderr;
        expect(out).toContain(
          `profile object ${orderKey("o-1")} (type ${ORDER}) of profile ${NO_PROFILE} in domain ${DOMAIN} was not found, ` +
            `or access was denied: DeleteProfileObject answered ResourceNotFoundException (`,
        );
        expect(out).toContain(
          `and its absence could not be confirmed (SearchProfiles found no profile ${NO_PROFILE} in domain ${DOMAIN} in ${REGION}).`,
        );
        expect(await callsOf(em)).toEqual({ DeleteProfileObject: 1, GetDomain: 1, SearchProfiles: 1 });
        expect(await resourcesOf(stack)).toEqual({});
      },
      SLOW,
    );

    it(
      "on an existing domain and profile whose object is already gone, up records outcome alreadyAbsent in state",
      async () => {
        const key = orderKey("o-2");
        await profilesClient(em).send(
          new DeleteProfileObjectCommand({
            DomainName: DOMAIN,
            ProfileId: PROFILE_A,
            ObjectTypeName: ORDER,
            ProfileObjectUniqueKey: key,
          }),
        );
        await setList(stack, "deletions", deletion(DOMAIN, PROFILE_A, "o-2"));
        await resetMetrics(em);
        await stack.up();
        expect(await callsOf(em)).toEqual({
          DeleteProfileObject: 1,
          GetDomain: 1,
          SearchProfiles: 1,
          ListProfileObjects: 1,
        });
        const r = (await resourcesOf(stack))["erase"];
        expect(r?.id).toBe(`${DOMAIN}|${PROFILE_A}|${ORDER}|${key}`);
        expect(r?.outputs?.["outcome"]).toBe("alreadyAbsent");
        expect(r?.outputs?.["message"]).toBe(
          `Profile object ${key} of type ${ORDER} not found on profile ${PROFILE_A}`,
        );
        expect(keysOnProfileA()).toEqual([orderKey("o-1")]);
      },
      SLOW,
    );
  },
);
