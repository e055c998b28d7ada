import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/aws/settings";
import { checkFlowAssociation } from "../../src/flow-association/check";
import { UNKNOWN } from "../../src/validation/unknown";

const settings = { ...DEFAULT_SETTINGS, region: "us-east-1" };
const SMS_ARN = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-abc";
const FLOW_ARN = "arn:aws:connect:us-east-1:123456789012:instance/i-1/contact-flow/f-1";

function failures(news: Record<string, unknown>): string[] {
  return checkFlowAssociation(news, settings).failures.map((f) => `${f.property}: ${f.reason}`);
}

const voice = { instanceId: "i-1", resourceId: "pn-1", flowId: "f-1", resourceType: "VOICE_PHONE_NUMBER" };

describe("checkFlowAssociation", () => {
  it("accepts a voice number by id and fills the region from aws:region", () => {
    expect(checkFlowAssociation(voice, settings)).toEqual({
      inputs: { ...voice, region: "us-east-1" },
      failures: [],
    });
  });

  it("accepts IDs or ARNs for the instance, the voice number and the flow", () => {
    expect(
      failures({
        instanceId: "arn:aws:connect:us-east-1:123456789012:instance/i-1",
        resourceId: "arn:aws:connect:us-east-1:123456789012:phone-number/pn-1",
        flowId: FLOW_ARN,
        resourceType: "VOICE_PHONE_NUMBER",
      }),
    ).toEqual([]);
  });

  it("accepts an instance-scoped phone-number ARN for a voice number", () => {
    expect(
      failures({
        instanceId: "i-1",
        resourceId: "arn:aws:connect:us-east-1:123456789012:instance/i-1/phone-number/pn-1",
        flowId: "f-1",
        resourceType: "VOICE_PHONE_NUMBER",
      }),
    ).toEqual([]);
  });

  it("names resourceType and lists every value when the type is unknown", () => {
    expect(failures({ ...voice, resourceType: "SMS_NUMBER" })).toEqual([
      "resourceType: resourceType must be one of VOICE_PHONE_NUMBER, SMS_PHONE_NUMBER, WHATSAPP_MESSAGING_PHONE_NUMBER, INBOUND_EMAIL, OUTBOUND_EMAIL, ANALYTICS_CONNECTOR, got 'SMS_NUMBER'",
    ]);
  });

  it("names resourceId and flowId once each when they are empty", () => {
    expect(failures({ ...voice, resourceId: "", flowId: "" })).toEqual([
      "resourceId: resourceId must not be empty",
      "flowId: flowId must not be empty",
    ]);
  });

  it("requires the End User Messaging ARN for SMS numbers, as the reference names them", () => {
    expect(failures({ ...voice, resourceType: "SMS_PHONE_NUMBER", resourceId: SMS_ARN })).toEqual([]);
    expect(failures({ ...voice, resourceType: "SMS_PHONE_NUMBER", resourceId: "phone-abc" })).toEqual([
      "resourceId: resourceId must match arn:<partition>:sms-voice:<region>:<account>:phone-number/<id> (an End User Messaging SMS number ARN), got 'phone-abc'",
    ]);
  });

  it("refuses a voice resourceId that is an SMS number ARN", () => {
    expect(failures({ ...voice, resourceId: SMS_ARN })).toEqual([
      `resourceId: resourceId must match a phone number id, arn:<partition>:connect:<region>:<account>:phone-number/<id> or …:instance/<instanceId>/phone-number/<id>, got '${SMS_ARN}'`,
    ]);
  });

  it("enforces the documented bounds at their edges: instanceId 1-100, ContactFlowId <= 500", () => {
    expect(failures({ ...voice, instanceId: "i".repeat(100), flowId: "f".repeat(500) })).toEqual([]);
    expect(failures({ ...voice, instanceId: "i".repeat(101), flowId: "f".repeat(501) })).toEqual([
      "instanceId: instanceId must be at most 100 characters long, got 101",
      "flowId: flowId must be at most 500 characters long, got 501",
    ]);
  });

  it("lets preview's unknown values through, whatever the property", () => {
    const news = {
      instanceId: UNKNOWN,
      resourceId: UNKNOWN,
      flowId: UNKNOWN,
      resourceType: UNKNOWN,
      region: UNKNOWN,
    };
    expect(checkFlowAssociation(news, settings)).toEqual({ inputs: news, failures: [] });
  });

  it("says how to set the region when none is given anywhere", () => {
    const saved = [process.env["AWS_REGION"], process.env["AWS_DEFAULT_REGION"]];
    delete process.env["AWS_REGION"];
    delete process.env["AWS_DEFAULT_REGION"];
    try {
      expect(checkFlowAssociation(voice, DEFAULT_SETTINGS).failures).toEqual([
        {
          property: "region",
          reason:
            "region is not set: give the resource a region, or set stack config aws:region, or AWS_REGION",
        },
      ]);
    } finally {
      if (saved[0] !== undefined) process.env["AWS_REGION"] = saved[0];
      if (saved[1] !== undefined) process.env["AWS_DEFAULT_REGION"] = saved[1];
    }
  });
});
