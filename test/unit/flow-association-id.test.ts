import { describe, expect, it } from "vitest";
import { formatFlowAssociationId, normalisedId, parseFlowAssociationId } from "../../src/flow-association/id";

const SMS_ARN = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-abc";

describe("FlowAssociation id", () => {
  it("round-trips instance, type and resource as given, ARNs included", () => {
    const key = { instanceId: "i-1", resourceType: "SMS_PHONE_NUMBER", resourceId: SMS_ARN };
    const id = formatFlowAssociationId(key);
    expect(id).toBe(`i-1|SMS_PHONE_NUMBER|${SMS_ARN}`);
    expect(parseFlowAssociationId(id)).toEqual(key);
  });

  it("refuses an id that is not three parts", () => {
    expect(() => parseFlowAssociationId("i-1|pn-1")).toThrow(
      "'i-1|pn-1' is not a FlowAssociation id: expected <instanceId>|<resourceType>|<resourceId>",
    );
  });
});

describe("normalisedId", () => {
  it("reduces instance, phone number and flow ARNs to their ids, and leaves ids alone", () => {
    expect(normalisedId("arn:aws:connect:us-east-1:123456789012:instance/i-1")).toBe("i-1");
    expect(normalisedId("arn:aws:connect:us-east-1:123456789012:phone-number/pn-1")).toBe("pn-1");
    expect(normalisedId("arn:aws:connect:us-east-1:123456789012:instance/i-1/contact-flow/f-1")).toBe("f-1");
    expect(normalisedId(SMS_ARN)).toBe("phone-abc");
    expect(normalisedId("pn-1")).toBe("pn-1");
  });

  it("reduces an instance-scoped phone-number ARN to the same id as the account-scoped one", () => {
    expect(normalisedId("arn:aws:connect:us-east-1:123456789012:instance/i-1/phone-number/pn-1")).toBe(
      "pn-1",
    );
  });
});
