import { DescribePhoneNumberCommand, type ConnectClient } from "@aws-sdk/client-connect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { connectClient, emulatorWith } from "../helpers/emulator";
import { failure } from "../helpers/failure";
import { INSTANCE, INSTANCE_ARN } from "../helpers/seeds/base";
import { SMS_ARN, WHATSAPP_ARN, flowSeed, voiceArn, voiceId } from "../helpers/seeds/flows";

let em: RunningEmulator;
let c: ConnectClient;

beforeEach(async () => {
  em = await emulatorWith(flowSeed({ voiceNumbers: 3 }));
  c = connectClient(em);
});
afterEach(async () => em.close());

const describeNumber = (PhoneNumberId: string, client = c) =>
  client.send(new DescribePhoneNumberCommand({ PhoneNumberId }));

describe("DescribePhoneNumber", () => {
  const claimed = {
    PhoneNumberId: voiceId(1),
    PhoneNumberArn: voiceArn(voiceId(1)),
    TargetArn: INSTANCE_ARN,
    InstanceId: INSTANCE,
    PhoneNumberStatus: { Status: "CLAIMED" },
  };

  it("describes a voice number by id, by ARN and by its instance-scoped ARN alike", async () => {
    for (const id of [voiceId(1), voiceArn(voiceId(1)), `${INSTANCE_ARN}/phone-number/${voiceId(1)}`]) {
      expect((await describeNumber(id)).ClaimedPhoneNumberSummary).toEqual(claimed);
    }
  });

  it("answers ResourceNotFoundException 404 for an unknown number, an SMS or WhatsApp number, or another Region", async () => {
    expect(await failure(describeNumber("pn-999"))).toEqual({
      name: "ResourceNotFoundException",
      status: 404,
      message: "Phone number not found: pn-999",
    });
    for (const arn of [SMS_ARN, WHATSAPP_ARN]) {
      expect((await failure(describeNumber(arn))).name).toBe("ResourceNotFoundException");
    }
    expect((await failure(describeNumber(voiceId(1), connectClient(em, "eu-west-2")))).status).toBe(404);
  });
});
