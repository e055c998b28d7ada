import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/aws/settings";
import { checkFlowAssociation } from "../../src/flow-association/check";
import { checkSecurityProfileAssociation } from "../../src/security-profile-association/check";
import { checkWorkspaceAssociation } from "../../src/workspace-association/check";

const settings = { ...DEFAULT_SETTINGS, region: "us-west-2" };
const I = "11111111-2222-3333-4444-555555555555";
const user = (instance: string, region = "us-west-2", account = "123456789012") =>
  `arn:aws:connect:${region}:${account}:instance/${instance}/agent/u-1`;

describe("ARN inputs that contradict the resource's own instance, Region or account fail preview", () => {
  it("names a workspace member of another instance, with both instances", () => {
    const r = checkWorkspaceAssociation(
      { instanceId: I, workspaceId: "ws-1", resourceArns: [user(I), user("other-instance")] },
      settings,
    );
    expect(r.failures).toEqual([
      {
        property: "resourceArns[1]",
        reason: `resourceArns[1] belongs to instance other-instance, but the resource's instanceId is ${I}`,
      },
    ]);
  });

  it("names a user ARN of another Region than the resource's, with both Regions", () => {
    const r = checkSecurityProfileAssociation(
      { instanceId: I, entityType: "USER", entityArn: user(I, "eu-west-1"), securityProfileIds: ["sp-1"] },
      settings,
    );
    expect(r.failures).toEqual([
      {
        property: "entityArn",
        reason: "entityArn is in Region eu-west-1, but the resource's Region is us-west-2",
      },
    ]);
  });

  it("names ARNs of two accounts, with both accounts", () => {
    const r = checkFlowAssociation(
      {
        instanceId: `arn:aws:connect:us-west-2:111111111111:instance/${I}`,
        resourceType: "VOICE_PHONE_NUMBER",
        resourceId: "arn:aws:connect:us-west-2:222222222222:phone-number/pn-1",
        flowId: "f-1",
      },
      settings,
    );
    expect(r.failures).toEqual([
      {
        property: "resourceId",
        reason: "resourceId is in account 222222222222, but instanceId is in account 111111111111",
      },
    ]);
  });

  it("accepts ARNs of the resource's own instance, Region and account, and unknown preview values", () => {
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    expect(
      checkWorkspaceAssociation(
        { instanceId: I, workspaceId: "ws-1", resourceArns: [user(I), unknown] },
        settings,
      ).failures,
    ).toEqual([]);
  });
});
