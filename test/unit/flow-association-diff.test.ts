import { describe, expect, it } from "vitest";
import { makeContext } from "../../src/runtime/context";
import { flowAssociationProvider } from "../../src/flow-association/provider";
import { UNKNOWN } from "../../src/validation/unknown";

const ACCOUNT = "123456789012";
const base = {
  instanceId: "i-1",
  resourceId: "pn-1",
  flowId: "f-1",
  resourceType: "VOICE_PHONE_NUMBER",
  region: "us-east-1",
  __provider: "p",
};
const diff = (olds: Record<string, unknown>, news: Record<string, unknown>) =>
  flowAssociationProvider(makeContext({ region: "us-east-1" })).diff("id", olds, news);

describe("FlowAssociation diff (no AWS call)", () => {
  it("sees no change between the ID and the ARN of the same instance, number and flow", async () => {
    const news = {
      ...base,
      instanceId: `arn:aws:connect:us-east-1:${ACCOUNT}:instance/i-1`,
      resourceId: `arn:aws:connect:us-east-1:${ACCOUNT}:phone-number/pn-1`,
      flowId: `arn:aws:connect:us-east-1:${ACCOUNT}:instance/i-1/contact-flow/f-1`,
    };
    expect(await diff(base, news)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
  });

  it("updates flowId in place", async () => {
    expect(await diff(base, { ...base, flowId: "f-2" })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("replaces, creating first, when the resource changes", async () => {
    expect(await diff(base, { ...base, resourceId: "pn-2" })).toEqual({
      changes: true,
      replaces: ["resourceId"],
      deleteBeforeReplace: false,
    });
    expect(await diff(base, { ...base, resourceType: "INBOUND_EMAIL" })).toEqual({
      changes: true,
      replaces: ["resourceType"],
      deleteBeforeReplace: false,
    });
  });

  it("treats an unknown flowId in preview as a possible in-place change", async () => {
    expect(await diff(base, { ...base, flowId: UNKNOWN })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("records new provider code with no AWS change", async () => {
    expect(await diff(base, { ...base, __provider: "q" })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });
});
