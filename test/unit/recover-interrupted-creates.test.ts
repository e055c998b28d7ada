import { describe, expect, it } from "vitest";
import { recoverInterruptedCreates, type StackExport } from "../../src/cli/recover/interrupted-creates";
import { UNKNOWN } from "../../src/validation/unknown";

const PROVIDER = "urn:pulumi:s::p::pulumi:providers:pulumi-nodejs::default::0b5c";
const BOT = "pulumi-nodejs:dynamic/connect:BotAssociation";
const urn = (type: string, name: string) => `urn:pulumi:s::p::${type}::${name}`;
const botInputs = {
  __provider: "exports.handler = …",
  instanceId: "inst-1",
  region: "us-east-1",
  adoptExisting: false,
  lexBot: { name: "OrderBot", lexRegion: "eu-west-2" },
};

function checkpoint(pending: { type: string; resource: Record<string, unknown> }[]): StackExport {
  return {
    version: 3,
    deployment: {
      manifest: { time: "t" },
      resources: [{ urn: PROVIDER, type: "pulumi:providers:pulumi-nodejs", custom: true, id: "0b5c" }],
      pending_operations: pending as never,
    },
  };
}

describe("recoverInterruptedCreates", () => {
  it("turns a pending create into a resource with the id and outputs its create would have recorded", () => {
    const r = recoverInterruptedCreates(
      checkpoint([
        {
          type: "creating",
          resource: { urn: urn(BOT, "b"), type: BOT, custom: true, provider: PROVIDER, inputs: botInputs },
        },
      ]),
    );
    expect(r.recorded).toEqual([{ urn: urn(BOT, "b"), id: "inst-1|V1|eu-west-2|OrderBot", from: "pending" }]);
    expect(r.stack.deployment.pending_operations).toEqual([]);
    expect(r.stack.deployment.resources?.[1]).toEqual({
      urn: urn(BOT, "b"),
      type: BOT,
      custom: true,
      provider: PROVIDER,
      id: "inst-1|V1|eu-west-2|OrderBot",
      inputs: botInputs,
      outputs: { ...botInputs, lexVersion: "V1", associationId: "inst-1|V1|eu-west-2|OrderBot" },
    });
  });

  it("leaves other providers' pending creates, and pending deletes, for pulumi refresh to handle", () => {
    const other = {
      type: "creating",
      resource: { urn: urn("aws:s3/bucket:Bucket", "x"), type: "aws:s3/bucket:Bucket" },
    };
    const deleting = { type: "deleting", resource: { urn: urn(BOT, "old"), type: BOT, id: "i|V2|a" } };
    const r = recoverInterruptedCreates(checkpoint([other, deleting]));
    expect([r.recorded, r.stack.deployment.pending_operations]).toEqual([[], [other, deleting]]);
  });

  it("records a create the preview plans once, and skips one whose inputs are still unknown", () => {
    const flow = "pulumi-nodejs:dynamic/connect:FlowAssociation";
    const flowInputs = {
      instanceId: "i",
      resourceId: "pn-1",
      resourceType: "VOICE_PHONE_NUMBER",
      flowId: "f",
      region: "us-east-1",
    };
    const planned = {
      urn: urn(flow, "f"),
      type: flow,
      custom: true,
      provider: PROVIDER,
      inputs: flowInputs,
      created: "0001",
    };
    const unknown = { ...planned, urn: urn(flow, "g"), inputs: { ...flowInputs, flowId: UNKNOWN } };
    const r = recoverInterruptedCreates(checkpoint([]), {
      steps: [
        { op: "create", urn: planned.urn, newState: planned },
        { op: "create", urn: planned.urn, newState: planned },
        { op: "create", urn: unknown.urn, newState: unknown },
        { op: "same", urn: PROVIDER },
      ],
    });
    expect(r.recorded).toEqual([{ urn: planned.urn, id: "i|VOICE_PHONE_NUMBER|pn-1", from: "preview" }]);
    expect(r.skipped).toEqual([
      { urn: unknown.urn, reason: "its inputs or provider are not known until other resources exist" },
    ]);
    expect(r.stack.deployment.resources?.[1]?.outputs).toEqual({
      ...flowInputs,
      associationId: "i|VOICE_PHONE_NUMBER|pn-1",
    });
    expect(r.stack.deployment.resources?.[1]).not.toHaveProperty("created");
  });

  it("records an interrupted deletion with verifyOnRefresh, so that the refresh looks for the object", () => {
    const pod = "pulumi-nodejs:dynamic/connect:ProfileObjectDeletion";
    const inputs = {
      domainName: "d",
      profileId: "p",
      objectTypeName: "Order",
      profileObjectUniqueKey: "k|1",
      region: "us-east-1",
      ignoreMissing: false,
      verifyOnRefresh: false,
    };
    const r = recoverInterruptedCreates(
      checkpoint([{ type: "creating", resource: { urn: urn(pod, "e"), type: pod, inputs } }]),
    );
    const outputs = r.stack.deployment.resources?.[1]?.outputs ?? {};
    expect([
      r.recorded[0]?.id,
      outputs["verifyOnRefresh"],
      outputs["outcome"],
      outputs["ignoreMissing"],
    ]).toEqual(["d|p|Order|k|1", true, "deleted", false]);
  });
});
