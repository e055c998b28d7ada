import { failure } from "../helpers/failure";
import {
  AssociateFlowCommand,
  AssociatePhoneNumberContactFlowCommand,
  BatchGetFlowAssociationCommand,
  DisassociateFlowCommand,
  DisassociatePhoneNumberContactFlowCommand,
  GetFlowAssociationCommand,
  ListFlowAssociationsCommand,
  type ConnectClient,
  type FlowAssociationResourceType,
  type ListFlowAssociationResourceType,
} from "@aws-sdk/client-connect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { stateFromSeed } from "../../src/emulator/seed";
import { callsOf } from "../helpers/admin";
import { connectClient, emulatorWith } from "../helpers/emulator";
import {
  CONNECTOR_ID,
  EMAIL_ARN,
  EMAIL_ID,
  FLOW_A,
  FLOW_B,
  SMS_ARN,
  SMS_ID,
  WHATSAPP_ARN,
  WHATSAPP_ID,
  flowArn,
  flowSeed,
  voiceArn,
  voiceId,
} from "../helpers/seeds/flows";
import { INSTANCE, INSTANCE_ARN, instanceSeed } from "../helpers/seeds/base";

let em: RunningEmulator;
let c: ConnectClient;

beforeEach(async () => {
  em = await emulatorWith(flowSeed({ voiceNumbers: 5 }));
  c = connectClient(em);
});
afterEach(async () => em.close());

const voiceFlow = (phone: string, flow: string, instance = INSTANCE) =>
  new AssociatePhoneNumberContactFlowCommand({
    InstanceId: instance,
    PhoneNumberId: phone,
    ContactFlowId: flow,
  });

const listVoice = (maxResults?: number, token?: string) =>
  c.send(
    new ListFlowAssociationsCommand({
      InstanceId: INSTANCE,
      ResourceType: "VOICE_PHONE_NUMBER",
      ...(maxResults ? { MaxResults: maxResults } : {}),
      ...(token ? { NextToken: token } : {}),
    }),
  );

describe("voice numbers: AssociatePhoneNumberContactFlow and the AssociateFlow family share one table", () => {
  it("associates by number id or ARN and flow id or ARN; reads report both by ARN", async () => {
    await c.send(voiceFlow(voiceId(0), FLOW_A));
    await c.send(voiceFlow(voiceArn(voiceId(1)), flowArn(FLOW_B), INSTANCE_ARN));
    expect((await listVoice()).FlowAssociationSummaryList).toEqual([
      { ResourceId: voiceArn(voiceId(0)), FlowId: flowArn(FLOW_A), ResourceType: "VOICE_PHONE_NUMBER" },
      { ResourceId: voiceArn(voiceId(1)), FlowId: flowArn(FLOW_B), ResourceType: "VOICE_PHONE_NUMBER" },
    ]);
    const batch = await c.send(
      new BatchGetFlowAssociationCommand({
        InstanceId: INSTANCE,
        ResourceIds: [voiceArn(voiceId(1)), voiceArn(voiceId(0)), voiceArn(voiceId(4)), "no-such-number"],
        ResourceType: "VOICE_PHONE_NUMBER",
      }),
    );
    expect(batch.FlowAssociationSummaryList).toEqual([
      { ResourceId: voiceArn(voiceId(1)), FlowId: flowArn(FLOW_B), ResourceType: "VOICE_PHONE_NUMBER" },
      { ResourceId: voiceArn(voiceId(0)), FlowId: flowArn(FLOW_A), ResourceType: "VOICE_PHONE_NUMBER" },
    ]);
  });

  it("re-points an associated number in one call, with no moment without a flow", async () => {
    await c.send(voiceFlow(voiceId(0), FLOW_A));
    await c.send(voiceFlow(voiceId(0), FLOW_B));
    expect(em.state().connect.instances[0]?.flowAssociations).toEqual([
      { resourceType: "VOICE_PHONE_NUMBER", resourceArn: voiceArn(voiceId(0)), flowArn: flowArn(FLOW_B) },
    ]);
  });

  it("DisassociatePhoneNumberContactFlow removes the row ListFlowAssociations shows, and succeeds when there is none", async () => {
    await c.send(voiceFlow(voiceId(2), FLOW_A));
    const remove = new DisassociatePhoneNumberContactFlowCommand({
      InstanceId: INSTANCE,
      PhoneNumberId: voiceId(2),
    });
    await c.send(remove);
    expect((await listVoice()).FlowAssociationSummaryList).toEqual([]);
    await c.send(remove);
  });

  it("refuses an unknown number, an SMS number, an unknown flow and an unknown instance with 404", async () => {
    expect(await failure(c.send(voiceFlow("pn-999", FLOW_A)))).toEqual({
      name: "ResourceNotFoundException",
      status: 404,
      message: "Phone number not found on the instance: pn-999",
    });
    expect((await failure(c.send(voiceFlow(SMS_ARN, FLOW_A)))).name).toBe("ResourceNotFoundException");
    expect(await failure(c.send(voiceFlow(voiceId(0), "flow-zzz")))).toEqual({
      name: "ResourceNotFoundException",
      status: 404,
      message: "Flow not found: flow-zzz",
    });
    expect(await failure(c.send(voiceFlow(voiceId(0), FLOW_A, "other-instance")))).toEqual({
      name: "ResourceNotFoundException",
      status: 404,
      message: "Instance not found: other-instance",
    });
  });

  it("checks ContactFlowId's documented bound (<= 500) with InvalidParameterException", async () => {
    const r = await failure(c.send(voiceFlow(voiceId(0), "f".repeat(501))));
    expect([r.name, r.status]).toEqual(["InvalidParameterException", 400]);
    expect(r.message).toMatch(
      /^1 validation error detected: Value 'f{64}\.\.\.' at 'contactFlowId' failed to satisfy constraint: Member must have length less than or equal to 500$/,
    );
  });
});

describe("AssociateFlow / GetFlowAssociation / DisassociateFlow", () => {
  const target = (resourceId: string, resourceType: FlowAssociationResourceType) => ({
    InstanceId: INSTANCE,
    ResourceId: resourceId,
    ResourceType: resourceType,
  });

  it("associates an SMS number by its ARN, reads it back, re-points it and disassociates it", async () => {
    await c.send(new AssociateFlowCommand({ ...target(SMS_ARN, "SMS_PHONE_NUMBER"), FlowId: FLOW_A }));
    const got = await c.send(new GetFlowAssociationCommand(target(SMS_ARN, "SMS_PHONE_NUMBER")));
    expect({ ...got, $metadata: undefined }).toEqual({
      $metadata: undefined,
      ResourceId: SMS_ARN,
      FlowId: flowArn(FLOW_A),
      ResourceType: "SMS_PHONE_NUMBER",
    });
    await c.send(
      new AssociateFlowCommand({ ...target(SMS_ARN, "SMS_PHONE_NUMBER"), FlowId: flowArn(FLOW_B) }),
    );
    expect((await c.send(new GetFlowAssociationCommand(target(SMS_ARN, "SMS_PHONE_NUMBER")))).FlowId).toBe(
      flowArn(FLOW_B),
    );
    await c.send(new DisassociateFlowCommand(target(SMS_ARN, "SMS_PHONE_NUMBER")));
    expect(await failure(c.send(new GetFlowAssociationCommand(target(SMS_ARN, "SMS_PHONE_NUMBER"))))).toEqual(
      {
        name: "ResourceNotFoundException",
        status: 404,
        message: `${SMS_ARN} has no flow association`,
      },
    );
    expect(
      (await failure(c.send(new DisassociateFlowCommand(target(SMS_ARN, "SMS_PHONE_NUMBER"))))).name,
    ).toBe("ResourceNotFoundException");
  });

  it("names SMS numbers only by ARN, as the reference does: a bare id is InvalidParameterException", async () => {
    expect(
      await failure(
        c.send(new AssociateFlowCommand({ ...target(SMS_ID, "SMS_PHONE_NUMBER"), FlowId: FLOW_A })),
      ),
    ).toEqual({
      name: "InvalidParameterException",
      status: 400,
      message: "ResourceId must be the End User Messaging phone number ARN for SMS_PHONE_NUMBER",
    });
  });

  it("covers WhatsApp numbers, inbound and outbound email (id or ARN) and analytics connectors", async () => {
    const pairs: [string, FlowAssociationResourceType][] = [
      [WHATSAPP_ARN, "WHATSAPP_MESSAGING_PHONE_NUMBER"],
      [EMAIL_ID, "INBOUND_EMAIL"],
      [EMAIL_ARN, "OUTBOUND_EMAIL"],
      [CONNECTOR_ID, "ANALYTICS_CONNECTOR"],
    ];
    for (const [id, type] of pairs)
      await c.send(new AssociateFlowCommand({ ...target(id, type), FlowId: FLOW_A }));
    const all = await c.send(new ListFlowAssociationsCommand({ InstanceId: INSTANCE }));
    expect(all.FlowAssociationSummaryList?.map((a) => [a.ResourceType, a.ResourceId])).toEqual([
      ["WHATSAPP_MESSAGING_PHONE_NUMBER", WHATSAPP_ARN],
      ["INBOUND_EMAIL", EMAIL_ARN],
      ["OUTBOUND_EMAIL", EMAIL_ARN],
      ["ANALYTICS_CONNECTOR", `${INSTANCE_ARN}/analytics-connector/${CONNECTOR_ID}`],
    ]);
  });

  it("has no voice type: VOICE_PHONE_NUMBER breaks AssociateFlow's enum", async () => {
    const r = await failure(
      c.send(
        new AssociateFlowCommand({
          InstanceId: INSTANCE,
          ResourceId: voiceId(0),
          FlowId: FLOW_A,
          ResourceType: "VOICE_PHONE_NUMBER" as FlowAssociationResourceType,
        }),
      ),
    );
    expect(r).toEqual({
      name: "InvalidParameterException",
      status: 400,
      message:
        "1 validation error detected: Value 'VOICE_PHONE_NUMBER' at 'resourceType' failed to satisfy constraint: Member must satisfy enum value set: [SMS_PHONE_NUMBER, INBOUND_EMAIL, OUTBOUND_EMAIL, ANALYTICS_CONNECTOR, WHATSAPP_MESSAGING_PHONE_NUMBER]",
    });
  });

  it("answers ResourceNotFoundException for a resource of another type", async () => {
    expect(
      await failure(
        c.send(new AssociateFlowCommand({ ...target(EMAIL_ID, "ANALYTICS_CONNECTOR"), FlowId: FLOW_A })),
      ),
    ).toEqual({
      name: "ResourceNotFoundException",
      status: 404,
      message: `ANALYTICS_CONNECTOR resource not found: ${EMAIL_ID}`,
    });
  });
});

describe("ListFlowAssociations and BatchGetFlowAssociation", () => {
  beforeEach(async () => {
    for (let i = 0; i < 5; i++) await c.send(voiceFlow(voiceId(i), FLOW_A));
  });

  it("pages with an opaque NextToken bound to its query", async () => {
    const first = await listVoice(2);
    expect(first.FlowAssociationSummaryList?.map((a) => a.ResourceId)).toEqual([
      voiceArn(voiceId(0)),
      voiceArn(voiceId(1)),
    ]);
    const rest = await listVoice(1000, first.NextToken);
    expect(rest.FlowAssociationSummaryList).toHaveLength(3);
    expect(rest.NextToken).toBeUndefined();
    const other = await failure(
      c.send(
        new ListFlowAssociationsCommand({
          InstanceId: INSTANCE,
          ResourceType: "INBOUND_EMAIL",
          ...(first.NextToken ? { NextToken: first.NextToken } : {}),
        }),
      ),
    );
    expect(other).toEqual({
      name: "InvalidParameterException",
      status: 400,
      message: "The NextToken is not valid for this request.",
    });
  });

  it("bounds MaxResults to 1-1000 and refuses SMS_PHONE_NUMBER, which its enum lacks", async () => {
    expect((await failure(listVoice(1001))).message).toBe(
      "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
    );
    const sms = await failure(
      c.send(
        new ListFlowAssociationsCommand({
          InstanceId: INSTANCE,
          ResourceType: "SMS_PHONE_NUMBER" as ListFlowAssociationResourceType,
        }),
      ),
    );
    expect([sms.name, sms.status]).toEqual(["InvalidParameterException", 400]);
  });

  it("BatchGetFlowAssociation takes 1-100 ARNs", async () => {
    const batch = (ids: string[]) =>
      c.send(new BatchGetFlowAssociationCommand({ InstanceId: INSTANCE, ResourceIds: ids }));
    expect(
      (await batch(Array.from({ length: 100 }, (_, i) => voiceArn(voiceId(i % 5)))))
        .FlowAssociationSummaryList,
    ).toHaveLength(100);
    expect(
      (await failure(batch(Array.from({ length: 101 }, (_, i) => voiceArn(voiceId(i % 5)))))).message,
    ).toBe(
      "1 validation error detected: Value at 'resourceIds' failed to satisfy constraint: Member must have length less than or equal to 100",
    );
    expect((await failure(batch([]))).message).toBe(
      "1 validation error detected: Value at 'resourceIds' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });
});

describe("seeded flow associations", () => {
  it("starts with the seed's associations, kept by ARN", async () => {
    const seeded = await startEmulator({ seed: flowSeed({ voiceNumbers: 3, preAssociated: [1, 2] }) });
    try {
      const r = await connectClient(seeded).send(
        new ListFlowAssociationsCommand({ InstanceId: INSTANCE, ResourceType: "VOICE_PHONE_NUMBER" }),
      );
      expect(r.FlowAssociationSummaryList?.map((a) => [a.ResourceId, a.FlowId])).toEqual([
        [voiceArn(voiceId(1)), flowArn(FLOW_B)],
        [voiceArn(voiceId(2)), flowArn(FLOW_B)],
      ]);
    } finally {
      await seeded.close();
    }
  });

  it("refuses a seeded association whose resource is not on the instance, naming the field", () => {
    const seed = {
      connect: {
        instances: [
          {
            id: "i-1",
            contactFlows: [{ id: FLOW_A }],
            flowAssociations: [{ resourceType: "VOICE_PHONE_NUMBER", resourceId: "pn-x", flowId: FLOW_A }],
          },
        ],
      },
    };
    expect(() => stateFromSeed(seed, 0)).toThrow(
      "seed: connect.instances[0].flowAssociations[0].resourceId 'pn-x' is no VOICE_PHONE_NUMBER of the instance",
    );
  });

  it("counts each operation in the metrics", async () => {
    await c.send(voiceFlow(voiceId(0), FLOW_A));
    await listVoice();
    expect(await callsOf(em)).toEqual({
      AssociatePhoneNumberContactFlow: 1,
      ListFlowAssociations: 1,
    });
  });
});

describe("only modelled types, ARN matching and instance-scoped phone-number ARNs", () => {
  const instanceScoped = (id: string) => `${INSTANCE_ARN}/phone-number/${id}`;
  const batch = (ids: string[], ResourceType?: ListFlowAssociationResourceType) =>
    c.send(new BatchGetFlowAssociationCommand({ InstanceId: INSTANCE, ResourceIds: ids, ResourceType }));

  beforeEach(async () => {
    await c.send(
      new AssociateFlowCommand({
        InstanceId: INSTANCE,
        ResourceId: SMS_ARN,
        ResourceType: "SMS_PHONE_NUMBER",
        FlowId: FLOW_A,
      }),
    );
    await c.send(
      new AssociateFlowCommand({
        InstanceId: INSTANCE,
        ResourceId: WHATSAPP_ARN,
        ResourceType: "WHATSAPP_MESSAGING_PHONE_NUMBER",
        FlowId: FLOW_B,
      }),
    );
    await c.send(
      new AssociateFlowCommand({
        InstanceId: INSTANCE,
        ResourceId: EMAIL_ID,
        ResourceType: "INBOUND_EMAIL",
        FlowId: FLOW_A,
      }),
    );
    await c.send(voiceFlow(voiceId(3), FLOW_A));
  });

  it("ListFlowAssociations without ResourceType leaves out SMS_PHONE_NUMBER, which its output enum lacks", async () => {
    const all = await c.send(new ListFlowAssociationsCommand({ InstanceId: INSTANCE }));
    expect(all.FlowAssociationSummaryList?.map((a) => [a.ResourceType, a.ResourceId])).toEqual([
      ["WHATSAPP_MESSAGING_PHONE_NUMBER", WHATSAPP_ARN],
      ["INBOUND_EMAIL", EMAIL_ARN],
      ["VOICE_PHONE_NUMBER", voiceArn(voiceId(3))],
    ]);
    const sms = await c.send(
      new GetFlowAssociationCommand({
        InstanceId: INSTANCE,
        ResourceId: SMS_ARN,
        ResourceType: "SMS_PHONE_NUMBER",
      }),
    );
    expect(sms.FlowId).toBe(flowArn(FLOW_A));
    expect((await batch([SMS_ARN])).FlowAssociationSummaryList).toEqual([]);
  });

  it("BatchGetFlowAssociation matches ARNs only: a bare id finds nothing", async () => {
    expect((await batch([voiceId(3), EMAIL_ID, WHATSAPP_ID])).FlowAssociationSummaryList).toEqual([]);
    expect((await batch([EMAIL_ARN, voiceArn(voiceId(3)), WHATSAPP_ARN])).FlowAssociationSummaryList).toEqual(
      [
        { ResourceId: EMAIL_ARN, FlowId: flowArn(FLOW_A), ResourceType: "INBOUND_EMAIL" },
        { ResourceId: voiceArn(voiceId(3)), FlowId: flowArn(FLOW_A), ResourceType: "VOICE_PHONE_NUMBER" },
        {
          ResourceId: WHATSAPP_ARN,
          FlowId: flowArn(FLOW_B),
          ResourceType: "WHATSAPP_MESSAGING_PHONE_NUMBER",
        },
      ],
    );
  });

  it("takes a voice number's instance-scoped ARN as the same number, reporting it by its own ARN", async () => {
    expect(
      (await batch([instanceScoped(voiceId(3))], "VOICE_PHONE_NUMBER")).FlowAssociationSummaryList,
    ).toEqual([
      { ResourceId: voiceArn(voiceId(3)), FlowId: flowArn(FLOW_A), ResourceType: "VOICE_PHONE_NUMBER" },
    ]);
    await c.send(voiceFlow(instanceScoped(voiceId(3)), FLOW_B));
    await c.send(voiceFlow(instanceScoped(voiceId(4)), FLOW_B));
    expect((await listVoice()).FlowAssociationSummaryList?.map((a) => [a.ResourceId, a.FlowId])).toEqual([
      [voiceArn(voiceId(3)), flowArn(FLOW_B)],
      [voiceArn(voiceId(4)), flowArn(FLOW_B)],
    ]);
    await c.send(
      new DisassociatePhoneNumberContactFlowCommand({
        InstanceId: INSTANCE,
        PhoneNumberId: instanceScoped(voiceId(3)),
      }),
    );
    expect((await listVoice()).FlowAssociationSummaryList?.map((a) => a.ResourceId)).toEqual([
      voiceArn(voiceId(4)),
    ]);
  });

  it("takes the instance-scoped ARN in a seeded association too", () => {
    const seed = instanceSeed({
      contactFlows: [{ id: FLOW_A }],
      phoneNumbers: [{ id: voiceId(0), channel: "VOICE" }],
      flowAssociations: [
        { resourceType: "VOICE_PHONE_NUMBER", resourceId: instanceScoped(voiceId(0)), flowId: FLOW_A },
      ],
    });
    expect(stateFromSeed(seed, 0).connect.instances[0]?.flowAssociations).toEqual([
      { resourceType: "VOICE_PHONE_NUMBER", resourceArn: voiceArn(voiceId(0)), flowArn: flowArn(FLOW_A) },
    ]);
  });
});
