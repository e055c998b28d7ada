import {
  AssociateBotCommand,
  AssociatePhoneNumberContactFlowCommand,
  AssociateWorkspaceCommand,
  DescribePhoneNumberCommand,
  DescribeUserCommand,
  ListEntitySecurityProfilesCommand,
  ListFlowAssociationsCommand,
  UpdateUserSecurityProfilesCommand,
  type ConnectClient,
} from "@aws-sdk/client-connect";
import {
  GetDomainCommand,
  ListProfileObjectsCommand,
  PutProfileObjectCommand,
  SearchProfilesCommand,
  type CustomerProfilesClient,
} from "@aws-sdk/client-customer-profiles";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { stateFromSeed } from "../../src/emulator/seed";
import { callsAndErrors, resetEmulator, resetMetrics, seedEmulator, stateOf } from "../helpers/admin";
import { connectClient, emulatorWith } from "../helpers/emulator";
import { failure } from "../helpers/failure";
import { INSTANCE, INSTANCE_ARN } from "../helpers/seeds/base";
import { profilesClient } from "../helpers/seeds/profiles";
import {
  EARLY_PROFILE,
  LATE,
  LATE_AGENT,
  LATE_ALIAS,
  LATE_DOMAIN,
  LATE_PROFILE,
  lateArn,
  propagationSeed,
} from "../helpers/seeds/propagation";

let em: RunningEmulator;
let c: ConnectClient;
let p: CustomerProfilesClient;

async function start(visibleAfterMs: number): Promise<void> {
  em = await emulatorWith(propagationSeed(visibleAfterMs));
  c = connectClient(em);
  p = profilesClient(em);
}
afterEach(async () => em.close());

const notFound = (message: string) => ({ name: "ResourceNotFoundException", status: 404, message });

describe("seeded entities with visibleAfterMs, before they are visible", () => {
  beforeEach(() => start(600_000));

  it("Connect answers ResourceNotFoundException for each, as for one that does not exist", async () => {
    expect(await failure(c.send(new DescribeUserCommand({ InstanceId: INSTANCE, UserId: LATE })))).toEqual(
      notFound(`User not found: ${LATE}`),
    );
    expect(
      await failure(
        c.send(
          new UpdateUserSecurityProfilesCommand({
            InstanceId: INSTANCE,
            UserId: "u-early",
            SecurityProfileIds: [LATE],
          }),
        ),
      ),
    ).toEqual(notFound(`Security profile not found: ${LATE}`));
    expect(
      await failure(
        c.send(
          new ListEntitySecurityProfilesCommand({
            InstanceId: INSTANCE,
            EntityArn: LATE_AGENT,
            EntityType: "AI_AGENT",
          }),
        ),
      ),
    ).toEqual(notFound(`AI agent not found: ${LATE_AGENT}`));
    expect(
      await failure(
        c.send(
          new AssociateWorkspaceCommand({
            InstanceId: INSTANCE,
            WorkspaceId: LATE,
            ResourceArns: [lateArn("agent")],
          }),
        ),
      ),
    ).toEqual(notFound(`Workspace not found: ${LATE}`));
    expect(
      await failure(
        c.send(
          new AssociatePhoneNumberContactFlowCommand({
            InstanceId: INSTANCE,
            PhoneNumberId: "pn-early",
            ContactFlowId: LATE,
          }),
        ),
      ),
    ).toEqual(notFound(`Flow not found: ${LATE}`));
    expect(
      await failure(
        c.send(
          new AssociatePhoneNumberContactFlowCommand({
            InstanceId: INSTANCE,
            PhoneNumberId: LATE,
            ContactFlowId: "flow-early",
          }),
        ),
      ),
    ).toEqual(notFound(`Phone number not found on the instance: ${LATE}`));
    expect(await failure(c.send(new DescribePhoneNumberCommand({ PhoneNumberId: LATE })))).toEqual(
      notFound(`Phone number not found: ${LATE}`),
    );
    expect(
      await failure(
        c.send(
          new AssociateBotCommand({
            InstanceId: INSTANCE,
            LexBot: { Name: "LateBot", LexRegion: "us-east-1" },
          }),
        ),
      ),
    ).toEqual(notFound("Lex bot LateBot not found in us-east-1"));
    expect(
      await failure(
        c.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: LATE_ALIAS } })),
      ),
    ).toEqual(notFound(`Lex V2 bot alias not found: ${LATE_ALIAS}`));
  });

  it("fails a user or routing profile not yet visible as a 404 item of AssociateWorkspace", async () => {
    const r = await c.send(
      new AssociateWorkspaceCommand({
        InstanceId: INSTANCE,
        WorkspaceId: "ws-early",
        ResourceArns: [lateArn("agent"), lateArn("routing-profile"), `${INSTANCE_ARN}/agent/u-early`],
      }),
    );
    expect(r.SuccessfulList).toEqual([{ ResourceArn: `${INSTANCE_ARN}/agent/u-early` }]);
    expect(r.FailedList?.map((f) => [f.ResourceArn, f.ErrorCode, f.ErrorMessage])).toEqual([
      [lateArn("agent"), "404", `User not found in instance ${INSTANCE}: ${lateArn("agent")}`],
      [
        lateArn("routing-profile"),
        "404",
        `Routing profile not found in instance ${INSTANCE}: ${lateArn("routing-profile")}`,
      ],
    ]);
  });

  it("lists no association of a resource not yet visible", async () => {
    const r = await c.send(new ListFlowAssociationsCommand({ InstanceId: INSTANCE }));
    expect(r.FlowAssociationSummaryList).toEqual([]);
  });

  it("Customer Profiles answers ResourceNotFoundException for a domain, object type or profile not yet visible", async () => {
    expect(await failure(p.send(new GetDomainCommand({ DomainName: LATE_DOMAIN })))).toEqual(
      notFound(`Domain ${LATE_DOMAIN} not found`),
    );
    expect(
      await failure(
        p.send(
          new PutProfileObjectCommand({
            DomainName: "early-domain",
            ObjectTypeName: "Late",
            Object: JSON.stringify({ customerId: EARLY_PROFILE, orderId: "o-1" }),
          }),
        ),
      ),
    ).toEqual(notFound("Object type Late not found in domain early-domain"));
    expect(
      await failure(
        p.send(
          new ListProfileObjectsCommand({
            DomainName: "early-domain",
            ObjectTypeName: "Order",
            ProfileId: LATE_PROFILE,
          }),
        ),
      ),
    ).toEqual(notFound(`Profile ${LATE_PROFILE} not found in domain early-domain`));
    const found = await p.send(
      new SearchProfilesCommand({
        DomainName: "early-domain",
        KeyName: "_profileId",
        Values: [LATE_PROFILE, EARLY_PROFILE],
      }),
    );
    expect(found.Items?.map((i) => i.ProfileId)).toEqual([EARLY_PROFILE]);
    expect((await p.send(new GetDomainCommand({ DomainName: "early-domain" }))).Stats?.ProfileCount).toBe(1);
  });

  it("counts each not-found answer in the metrics, by operation and code", async () => {
    await resetMetrics(em);
    await failure(c.send(new DescribeUserCommand({ InstanceId: INSTANCE, UserId: LATE })));
    await failure(c.send(new DescribeUserCommand({ InstanceId: INSTANCE, UserId: LATE })));
    await failure(p.send(new GetDomainCommand({ DomainName: LATE_DOMAIN })));
    expect(await callsAndErrors(em)).toEqual({
      calls: { DescribeUser: 2, GetDomain: 1 },
      errors: { DescribeUser: { ResourceNotFoundException: 2 }, GetDomain: { ResourceNotFoundException: 1 } },
    });
  });
});

describe("seeded entities with visibleAfterMs, once visible", () => {
  it("exist once visibleAfterMs has passed since the seed was loaded", async () => {
    await start(1500);
    const from = (await stateOf(em)).connect.instances[0]?.users.find((u) => u.id === LATE)?.visibleFrom ?? 0;
    expect(
      (await failure(c.send(new DescribeUserCommand({ InstanceId: INSTANCE, UserId: LATE })))).status,
    ).toBe(404);
    await new Promise((r) => setTimeout(r, Math.max(0, from - Date.now() + 20)));
    const user = await c.send(new DescribeUserCommand({ InstanceId: INSTANCE, UserId: LATE }));
    expect(user.User?.Arn).toBe(lateArn("agent"));
    await c.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: LATE_ALIAS } }));
    const listed = await c.send(new ListFlowAssociationsCommand({ InstanceId: INSTANCE }));
    expect(listed.FlowAssociationSummaryList?.map((a) => a.ResourceId)).toEqual([
      `arn:aws:connect:us-east-1:123456789012:phone-number/${LATE}`,
    ]);
    expect((await p.send(new GetDomainCommand({ DomainName: LATE_DOMAIN }))).CreatedAt?.getTime()).toBe(
      (await stateOf(em)).customerProfiles.domains[0]?.createdAt,
    );
  });

  it("counts from each load: POST /_emulator/seed and /_emulator/reset start the wait again", async () => {
    await start(0);
    await c.send(new DescribeUserCommand({ InstanceId: INSTANCE, UserId: LATE }));
    const before = Date.now();
    await seedEmulator(em, propagationSeed(600_000));
    const from = (await stateOf(em)).connect.instances[0]?.users.find((u) => u.id === LATE)?.visibleFrom ?? 0;
    expect(from - before).toBeGreaterThanOrEqual(600_000);
    expect(
      (await failure(c.send(new DescribeUserCommand({ InstanceId: INSTANCE, UserId: LATE })))).status,
    ).toBe(404);
    await resetEmulator(em);
    const again =
      (await stateOf(em)).connect.instances[0]?.users.find((u) => u.id === LATE)?.visibleFrom ?? 0;
    expect(again).toBeGreaterThanOrEqual(from);
  });

  it("exists from the start with visibleAfterMs 0, and refuses a negative one naming the field", async () => {
    await start(0);
    expect((await c.send(new DescribeUserCommand({ InstanceId: INSTANCE, UserId: LATE }))).User?.Id).toBe(
      LATE,
    );
    const seed = { connect: { instances: [{ id: "i-1", users: [{ id: "u-1", visibleAfterMs: -1 }] }] } };
    expect(() => stateFromSeed(seed, 0)).toThrow(
      "seed: connect.instances[0].users[0].visibleAfterMs must be a number >= 0",
    );
  });
});
