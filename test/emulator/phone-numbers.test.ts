import {
  DescribePhoneNumberCommand,
  ListPhoneNumbersV2Command,
  paginateListPhoneNumbersV2,
  type ConnectClient,
  type ListPhoneNumbersSummary,
  type ListPhoneNumbersV2CommandInput,
} from "@aws-sdk/client-connect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { stateFromSeed } from "../../src/emulator/seed";
import { seedEmulator } from "../helpers/admin";
import { connectClient, emulatorWith } from "../helpers/emulator";
import { failure } from "../helpers/failure";
import { ACCOUNT, INSTANCE, INSTANCE_ARN, REGION } from "../helpers/seeds/base";
import {
  SMS_ARN,
  SMS_ID,
  WHATSAPP_ARN,
  WHATSAPP_ID,
  flowSeed,
  voiceArn,
  voiceId,
} from "../helpers/seeds/flows";

let em: RunningEmulator;
let c: ConnectClient;

beforeEach(async () => {
  em = await emulatorWith(flowSeed({ voiceNumbers: 3 }));
  c = connectClient(em);
});
afterEach(async () => em.close());

const describeNumber = (PhoneNumberId: string, client = c) =>
  client.send(new DescribePhoneNumberCommand({ PhoneNumberId }));
const list = async (input: ListPhoneNumbersV2CommandInput, client = c) =>
  (await client.send(new ListPhoneNumbersV2Command(input))).ListPhoneNumbersSummaryList;
const ids = (summaries: ListPhoneNumbersSummary[] | undefined) => summaries?.map((s) => s.PhoneNumberId);
/** Reseeds the emulator: INSTANCE holding `phoneNumbers`, then the instances `others`. */
const seedNumbers = (phoneNumbers: object[], others: object[] = []) =>
  seedEmulator(em, {
    accountId: ACCOUNT,
    region: REGION,
    connect: { instances: [{ id: INSTANCE, phoneNumbers }, ...others] },
  });

/** The SMS number's ARN as a Connect phone number (ImportPhoneNumber's), in the Service Authorization Reference's form. */
const SMS_CONNECT_ARN = `arn:aws:connect:${REGION}:${ACCOUNT}:phone-number/${SMS_ID}`;

/**
 * The default E.164 numbers of flowSeed's numbers: `+1555` and seven digits from SHA-256 of the id
 * (first 32 bits, modulo 10^7), computed once outside the emulator.
 */
const DEFAULT_E164: Record<string, string> = {
  [voiceId(0)]: "+15554078283",
  [voiceId(1)]: "+15554570086",
  [voiceId(2)]: "+15551411456",
  [SMS_ID]: "+15556960638",
};

const voiceSummary = (i: number) => ({
  PhoneNumberId: voiceId(i),
  PhoneNumberArn: voiceArn(voiceId(i)),
  PhoneNumber: DEFAULT_E164[voiceId(i)],
  PhoneNumberCountryCode: "US",
  PhoneNumberType: "DID",
  TargetArn: INSTANCE_ARN,
  InstanceId: INSTANCE,
});
const smsSummary = {
  PhoneNumberId: SMS_ID,
  PhoneNumberArn: SMS_CONNECT_ARN,
  PhoneNumber: DEFAULT_E164[SMS_ID],
  PhoneNumberCountryCode: "US",
  PhoneNumberType: "DID",
  TargetArn: INSTANCE_ARN,
  InstanceId: INSTANCE,
  SourcePhoneNumberArn: SMS_ARN,
};

describe("DescribePhoneNumber", () => {
  const claimed = { ...voiceSummary(1), PhoneNumberStatus: { Status: "CLAIMED" } };

  it("describes a voice number by id, by ARN and by its instance-scoped ARN alike, with the seed's number, country and type (defaults here)", async () => {
    for (const id of [voiceId(1), voiceArn(voiceId(1)), `${INSTANCE_ARN}/phone-number/${voiceId(1)}`]) {
      expect((await describeNumber(id)).ClaimedPhoneNumberSummary).toEqual(claimed);
    }
  });

  it("describes an SMS number imported from End User Messaging by its Connect id or ARN, with its End User Messaging ARN as SourcePhoneNumberArn", async () => {
    for (const id of [SMS_ID, SMS_CONNECT_ARN]) {
      expect((await describeNumber(id)).ClaimedPhoneNumberSummary).toEqual({
        ...smsSummary,
        PhoneNumberStatus: { Status: "CLAIMED" },
      });
    }
  });

  it("answers ResourceNotFoundException 404 for an unknown number, an End User Messaging ARN, a WhatsApp number, or another Region", async () => {
    expect(await failure(describeNumber("pn-999"))).toEqual({
      name: "ResourceNotFoundException",
      status: 404,
      message: "Phone number not found: pn-999",
    });
    for (const id of [SMS_ARN, WHATSAPP_ARN, WHATSAPP_ID]) {
      expect(await failure(describeNumber(id))).toEqual({
        name: "ResourceNotFoundException",
        status: 404,
        message: `Phone number not found: ${id}`,
      });
    }
    expect((await failure(describeNumber(voiceId(1), connectClient(em, "eu-west-2")))).status).toBe(404);
  });
});

describe("ListPhoneNumbersV2: what is listed", () => {
  it("lists the instance's VOICE and SMS numbers in seed order with every summary member; the SMS number by its Connect ARN with SourcePhoneNumberArn; never the WhatsApp number", async () => {
    const out = await c.send(new ListPhoneNumbersV2Command({ InstanceId: INSTANCE }));
    expect(out.ListPhoneNumbersSummaryList).toEqual([
      voiceSummary(0),
      voiceSummary(1),
      voiceSummary(2),
      smsSummary,
    ]);
    expect(out.NextToken).toBeUndefined();
  });

  it("answers the seed's phoneNumber, countryCode and type, and the defaults (a number derived from the id, US, DID) for the rest", async () => {
    await seedNumbers([
      { id: "pn-a", channel: "VOICE" },
      { id: "pn-b", channel: "VOICE", phoneNumber: "+442071838750", countryCode: "GB", type: "TOLL_FREE" },
      { id: "sms-a", channel: "SMS", phoneNumber: "+15550000001", type: "SHORT_CODE" },
    ]);
    expect(
      (await list({ InstanceId: INSTANCE }))?.map((s) => [
        s.PhoneNumberId,
        s.PhoneNumber,
        s.PhoneNumberCountryCode,
        s.PhoneNumberType,
      ]),
    ).toEqual([
      ["pn-a", "+15550467372", "US", "DID"],
      ["pn-b", "+442071838750", "GB", "TOLL_FREE"],
      ["sms-a", "+15550000001", "US", "SHORT_CODE"],
    ]);
  });

  it("moves a default number that another number of the account already has to the next free one", async () => {
    // pn-a's derived number is +15550467372; a number of another instance holds it.
    await seedNumbers(
      [{ id: "pn-a", channel: "VOICE" }],
      [{ id: "i-2", phoneNumbers: [{ id: "pn-z", channel: "VOICE", phoneNumber: "+15550467372" }] }],
    );
    expect((await list({ InstanceId: INSTANCE }))?.map((s) => s.PhoneNumber)).toEqual(["+15550467373"]);
    expect((await describeNumber("pn-a")).ClaimedPhoneNumberSummary?.PhoneNumber).toBe("+15550467373");
  });

  it("does not list a number seeded with visibleAfterMs until it is visible, then lists it in its place", async () => {
    await seedNumbers([
      { id: "pn-late", channel: "VOICE", visibleAfterMs: 400 },
      { id: "pn-a", channel: "VOICE" },
      { id: SMS_ID, channel: "SMS", visibleAfterMs: 400 },
    ]);
    expect(ids(await list({ InstanceId: INSTANCE }))).toEqual(["pn-a"]);
    await new Promise((r) => setTimeout(r, 450));
    expect(ids(await list({ InstanceId: INSTANCE }))).toEqual(["pn-late", "pn-a", SMS_ID]);
  });
});

describe("ListPhoneNumbersV2: InstanceId and TargetArn", () => {
  const OTHER = "22222222-3333-4444-5555-666666666666";
  const EU = "33333333-4444-5555-6666-777777777777";
  beforeEach(async () => {
    await seedNumbers(
      [{ id: "pn-a", channel: "VOICE" }],
      [
        { id: OTHER, phoneNumbers: [{ id: "pn-other", channel: "VOICE" }] },
        { id: EU, region: "eu-west-2", phoneNumbers: [{ id: "pn-eu", channel: "VOICE" }] },
      ],
    );
  });

  it("lists one instance's numbers by InstanceId (id or ARN) or TargetArn, and with neither those of every instance of the request's Region", async () => {
    expect(ids(await list({ InstanceId: INSTANCE }))).toEqual(["pn-a"]);
    expect(ids(await list({ InstanceId: INSTANCE_ARN }))).toEqual(["pn-a"]);
    expect(ids(await list({ TargetArn: `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${OTHER}` }))).toEqual([
      "pn-other",
    ]);
    expect(ids(await list({}))).toEqual(["pn-a", "pn-other"]);
    const eu = await list({}, connectClient(em, "eu-west-2"));
    expect(eu).toEqual([
      {
        PhoneNumberId: "pn-eu",
        PhoneNumberArn: `arn:aws:connect:eu-west-2:${ACCOUNT}:phone-number/pn-eu`,
        PhoneNumber: "+15554155277",
        PhoneNumberCountryCode: "US",
        PhoneNumberType: "DID",
        TargetArn: `arn:aws:connect:eu-west-2:${ACCOUNT}:instance/${EU}`,
        InstanceId: EU,
      },
    ]);
  });

  it("refuses InstanceId and TargetArn together with InvalidParameterException 400, the emulator's reading", async () => {
    expect(await failure(list({ InstanceId: INSTANCE, TargetArn: INSTANCE_ARN }))).toEqual({
      name: "InvalidParameterException",
      status: 400,
      message: "Give InstanceId or TargetArn, not both",
    });
  });

  it("answers ResourceNotFoundException 404 for an unknown instance, an instance of another Region, or a traffic distribution group; InvalidParameterException for a TargetArn of anything else", async () => {
    const notFound = (message: string) => ({ name: "ResourceNotFoundException", status: 404, message });
    expect(await failure(list({ InstanceId: "no-such-instance" }))).toEqual(
      notFound("Instance not found: no-such-instance"),
    );
    expect(await failure(list({ InstanceId: EU }))).toEqual(notFound(`Instance not found: ${EU}`));
    for (const arn of [
      `arn:aws:connect:eu-west-2:${ACCOUNT}:instance/${EU}`,
      `arn:aws:connect:${REGION}:${ACCOUNT}:traffic-distribution-group/tdg-1`,
    ])
      expect(await failure(list({ TargetArn: arn }))).toEqual(notFound(`Target not found: ${arn}`));
    expect(await failure(list({ TargetArn: "my-instance" }))).toEqual({
      name: "InvalidParameterException",
      status: 400,
      message: "TargetArn is not the ARN of an instance or a traffic distribution group: my-instance",
    });
  });
});

describe("ListPhoneNumbersV2: filters and paging", () => {
  beforeEach(async () => {
    await seedNumbers([
      { id: "us-did", channel: "VOICE", phoneNumber: "+12065550100" },
      { id: "us-tf", channel: "VOICE", phoneNumber: "+18005550199", type: "TOLL_FREE" },
      { id: "gb-did", channel: "VOICE", phoneNumber: "+442071838750", countryCode: "GB" },
      { id: "us-sms", channel: "SMS", phoneNumber: "+12065550142" },
      { id: "wa", channel: "WHATSAPP", phoneNumber: "+12065550150" },
    ]);
  });

  it("keeps the numbers of one of PhoneNumberTypes, of one of PhoneNumberCountryCodes, starting with PhoneNumberPrefix; empty lists filter nothing", async () => {
    const inst = { InstanceId: INSTANCE };
    expect(ids(await list({ ...inst, PhoneNumberTypes: ["TOLL_FREE"] }))).toEqual(["us-tf"]);
    expect(ids(await list({ ...inst, PhoneNumberTypes: ["DID", "UIFN"] }))).toEqual([
      "us-did",
      "gb-did",
      "us-sms",
    ]);
    expect(ids(await list({ ...inst, PhoneNumberCountryCodes: ["GB"] }))).toEqual(["gb-did"]);
    expect(ids(await list({ ...inst, PhoneNumberPrefix: "+1206" }))).toEqual(["us-did", "us-sms"]);
    expect(
      ids(
        await list({
          ...inst,
          PhoneNumberTypes: ["DID"],
          PhoneNumberCountryCodes: ["US"],
          PhoneNumberPrefix: "+1",
        }),
      ),
    ).toEqual(["us-did", "us-sms"]);
    expect(ids(await list({ ...inst, PhoneNumberTypes: [], PhoneNumberCountryCodes: [] }))).toEqual([
      "us-did",
      "us-tf",
      "gb-did",
      "us-sms",
    ]);
  });

  it("refuses a PhoneNumberPrefix without + (the reference: it must contain + as part of the country code) and a value outside the model's enums", async () => {
    expect(await failure(list({ InstanceId: INSTANCE, PhoneNumberPrefix: "1206" }))).toEqual({
      name: "InvalidParameterException",
      status: 400,
      message: "PhoneNumberPrefix must contain + as part of the country code",
    });
    expect(
      (await failure(list({ InstanceId: INSTANCE, PhoneNumberTypes: ["LANDLINE" as "DID"] }))).name,
    ).toBe("InvalidParameterException");
  });

  it("pages with paginateListPhoneNumbersV2, each number once, and refuses a NextToken of another query", async () => {
    const pages: ((string | undefined)[] | undefined)[] = [];
    for await (const p of paginateListPhoneNumbersV2({ client: c, pageSize: 3 }, { InstanceId: INSTANCE }))
      pages.push(ids(p.ListPhoneNumbersSummaryList));
    expect(pages).toEqual([["us-did", "us-tf", "gb-did"], ["us-sms"]]);
    const first = await c.send(new ListPhoneNumbersV2Command({ InstanceId: INSTANCE, MaxResults: 1 }));
    expect(
      await failure(
        list({ InstanceId: INSTANCE, PhoneNumberTypes: ["DID"], NextToken: first.NextToken ?? "" }),
      ),
    ).toEqual({
      name: "InvalidParameterException",
      status: 400,
      message: "The NextToken is not valid for this request.",
    });
  });

  it("pages 100 numbers when MaxResults is absent (the emulator's choice)", async () => {
    await seedNumbers(Array.from({ length: 101 }, (_, i) => ({ id: `pn-${i}`, channel: "VOICE" })));
    const first = await c.send(new ListPhoneNumbersV2Command({ InstanceId: INSTANCE }));
    expect(first.ListPhoneNumbersSummaryList).toHaveLength(100);
    const rest = await list({ InstanceId: INSTANCE, NextToken: first.NextToken ?? "" });
    expect(ids(rest)).toEqual(["pn-100"]);
  });
});

describe("the seed's phone number fields", () => {
  const seedWith = (number: object) => ({
    connect: { instances: [{ id: "i-1", phoneNumbers: [{ id: "pn-1", channel: "VOICE", ...number }] }] },
  });

  it("keeps phoneNumber, countryCode and type as seeded, and no default in the state", () => {
    const given = { phoneNumber: "+33123456789", countryCode: "FR", type: "UIFN" };
    expect(stateFromSeed(seedWith(given), 0).connect.instances[0]?.phoneNumbers).toEqual([
      {
        id: "pn-1",
        channel: "VOICE",
        arn: "arn:aws:connect:us-east-1:123456789012:phone-number/pn-1",
        ...given,
      },
    ]);
    expect(stateFromSeed(seedWith({}), 0).connect.instances[0]?.phoneNumbers).toEqual([
      { id: "pn-1", channel: "VOICE", arn: "arn:aws:connect:us-east-1:123456789012:phone-number/pn-1" },
    ]);
  });

  it("refuses a phoneNumber that is not E.164, a type or countryCode outside the model's enums, and a number outside +1 without countryCode, naming the field", () => {
    const w = "seed: connect.instances[0].phoneNumbers[0]";
    expect(() => stateFromSeed(seedWith({ phoneNumber: "206-555-0100" }), 0)).toThrow(
      `${w}.phoneNumber must be an E.164 number, ^\\+[1-9]\\d{1,14}$`,
    );
    expect(() => stateFromSeed(seedWith({ type: "MOBILE" }), 0)).toThrow(
      `${w}.type must be one of TOLL_FREE, DID, UIFN, SHARED, THIRD_PARTY_TF, THIRD_PARTY_DID, SHORT_CODE`,
    );
    expect(() => stateFromSeed(seedWith({ countryCode: "XX" }), 0)).toThrow(
      `${w}.countryCode must be one of the ISO country codes of the model's PhoneNumberCountryCode (US, GB, FR…)`,
    );
    expect(() => stateFromSeed(seedWith({ phoneNumber: "+442071838750" }), 0)).toThrow(
      `${w}.countryCode is required with a phoneNumber outside +1 (the default is US)`,
    );
  });

  it("refuses one phoneNumber given to two numbers of the account, naming both", () => {
    const seed = {
      connect: {
        instances: [
          { id: "i-1", phoneNumbers: [{ id: "pn-1", channel: "VOICE", phoneNumber: "+12065550100" }] },
          { id: "i-2", phoneNumbers: [{ id: "pn-2", channel: "SMS", phoneNumber: "+12065550100" }] },
        ],
      },
    };
    expect(() => stateFromSeed(seed, 0)).toThrow(
      "seed: connect.instances[1].phoneNumbers[0].phoneNumber '+12065550100' is also connect.instances[0].phoneNumbers[0].phoneNumber",
    );
  });
});
