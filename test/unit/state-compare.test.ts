import { describe, expect, it } from "vitest";
import { emptyState, type EmulatorState, type InstanceState } from "../../src/emulator/state";
import type { StackExport } from "../helpers/pulumi";
import { compareStateWithEmulator } from "../helpers/state-compare";

const T = "pulumi-nodejs:dynamic/connect:";
const AGENT = "arn:aws:wisdom:us-east-1:123456789012:ai-agent/a/b";
const USER = "arn:aws:connect:us-east-1:123456789012:instance/i-1/agent/u-1";

function instance(over: Partial<InstanceState>): InstanceState {
  return {
    id: "i-1",
    arn: "arn:aws:connect:us-east-1:123456789012:instance/i-1",
    region: "us-east-1",
    lexBots: [],
    lexV2BotAliases: [],
    associatedLexBots: [],
    associatedLexV2Bots: [],
    securityProfiles: [],
    users: [],
    aiAgents: [],
    routingProfiles: [],
    workspaces: [],
    workspaceAssociations: [],
    phoneNumbers: [],
    contactFlows: [],
    emailAddresses: [],
    analyticsConnectors: [],
    flowAssociations: [],
    ...over,
  };
}

function emulator(over: Partial<InstanceState>, objects: string[] = []): EmulatorState {
  const s = emptyState();
  s.connect.instances = [instance(over)];
  s.customerProfiles.domains = [
    {
      name: "d",
      region: "us-east-1",
      objectTypes: [],
      profiles: [
        {
          id: "p",
          objects: objects.map((uniqueKey) => ({ objectTypeName: "Order", uniqueKey, object: {} })),
        },
      ],
    },
  ];
  return s;
}

const stack = (...resources: [string, Record<string, unknown>][]): StackExport => ({
  deployment: {
    resources: resources.map(([type, outputs], n) => ({ urn: `u${n}`, type: T + type, outputs })),
  },
});

describe("compareStateWithEmulator", () => {
  it("agrees when every association of every type is held once on both sides (ID or ARN alike)", () => {
    const em = emulator(
      {
        associatedLexV2Bots: ["alias-a"],
        aiAgents: [{ arn: AGENT, securityProfileIds: ["sp-1"] }],
        workspaceAssociations: [{ workspaceId: "ws-1", resourceArn: USER, resourceType: "USER" }],
        flowAssociations: [
          {
            resourceType: "VOICE_PHONE_NUMBER",
            resourceArn: "arn:aws:connect:us-east-1:1:phone-number/pn-1",
            flowArn: "arn:aws:connect:us-east-1:1:instance/i-1/contact-flow/f-1",
          },
        ],
      },
      ["k-2"],
    );
    const state = stack(
      ["BotAssociation", { associationId: "i-1|V2|alias-a" }],
      ["SecurityProfileAssociation", { instanceId: "i-1", entityArn: AGENT, securityProfileIds: ["sp-1"] }],
      ["WorkspaceAssociation", { instanceId: "i-1", workspaceId: "ws-1", resourceArns: [USER] }],
      [
        "FlowAssociation",
        {
          instanceId: "arn:aws:connect:us-east-1:1:instance/i-1",
          resourceType: "VOICE_PHONE_NUMBER",
          resourceId: "pn-1",
          flowId: "f-1",
        },
      ],
      [
        "ProfileObjectDeletion",
        { domainName: "d", profileId: "p", objectTypeName: "Order", profileObjectUniqueKey: "k-1" },
      ],
    );
    expect(compareStateWithEmulator(state, em)).toEqual({ orphans: [], missing: [], duplicates: [] });
  });

  it("lists an orphan, a missing association, a deleted object that exists, and duplicates", () => {
    const em = emulator(
      {
        associatedLexV2Bots: ["alias-a", "alias-b", "alias-b"],
        users: [{ id: "u-1", arn: USER, securityProfileIds: ["sp-kept"] }],
      },
      ["k-1"],
    );
    const state = stack(
      ["BotAssociation", { associationId: "i-1|V2|alias-a" }],
      ["BotAssociation", { associationId: "i-1|V2|alias-a" }],
      ["WorkspaceAssociation", { instanceId: "i-1", workspaceId: "ws-1", resourceArns: [USER] }],
      [
        "ProfileObjectDeletion",
        { domainName: "d", profileId: "p", objectTypeName: "Order", profileObjectUniqueKey: "k-1" },
      ],
    );
    const baseline = emulator({ users: [{ id: "u-1", arn: USER, securityProfileIds: ["sp-kept"] }] });
    expect(compareStateWithEmulator(state, em, baseline)).toEqual({
      orphans: ["bot|i-1|V2|alias-b"],
      missing: [`ws|i-1|ws-1|${USER}`, "object|d|p|Order|k-1"],
      duplicates: ["bot|i-1|V2|alias-a", "bot|i-1|V2|alias-b"],
    });
  });
});
