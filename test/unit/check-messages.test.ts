import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/aws/settings";
import { botAssociation } from "../../src/bot-association/provider";
import { checkFlowAssociation } from "../../src/flow-association/check";
import { makeContext } from "../../src/runtime/context";
import { Checker, forEngine, shown } from "../../src/validation/checker";
import { checkWorkspaceAssociation } from "../../src/workspace-association/check";

const settings = { ...DEFAULT_SETTINGS, region: "us-east-1" };
const I = "8c2d3f4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
const userArn = (n: number) => `arn:aws:connect:us-east-1:123456789012:instance/${I}/agent/u-${n}`;

describe("check failure messages", () => {
  it("give one message per property: the first rule broken (an empty string is 'must not be empty', not also a pattern)", () => {
    const c = new Checker();
    c.string("flowId", "", { required: true, min: 1, max: 500, pattern: /^cf-\d+$/ });
    c.string("queueId", "x".repeat(501), { min: 1, max: 500, pattern: /^q-\d+$/ });
    c.fail("flowId", "flowId is in Region eu-west-1, but the resource's Region is us-east-1");
    expect(c.failures).toEqual([
      { property: "flowId", reason: "flowId must not be empty" },
      { property: "queueId", reason: "queueId must be at most 500 characters long, got 501" },
    ]);
  });

  it("cut a long value after 80 characters and give its length, counting characters as the rules do", () => {
    expect(shown("a".repeat(80))).toBe(`'${"a".repeat(80)}'`);
    expect(shown("a".repeat(81))).toBe(`'${"a".repeat(80)}…' (81 characters)`);
    // 81 emoji: 162 UTF-16 units, never cut inside one.
    expect(shown("😀".repeat(81))).toBe(`'${"😀".repeat(80)}…' (81 characters)`);
    const r = checkFlowAssociation(
      {
        instanceId: I,
        resourceType: "VOICE_PHONE_NUMBER",
        resourceId: "pn-1",
        flowId: `bad flow ${"f".repeat(300)}`,
      },
      settings,
    );
    expect(r.failures).toEqual([
      {
        property: "flowId",
        reason: `flowId must match a flow id or arn:<partition>:connect:<region>:<account>:instance/<instanceId>/contact-flow/<flowId>, got 'bad flow ${"f".repeat(71)}…' (309 characters)`,
      },
    ]);
  });

  it("name every repeated ARN in one message", () => {
    const r = checkWorkspaceAssociation(
      { instanceId: I, workspaceId: "ws-1", resourceArns: [userArn(1), userArn(2), userArn(1), userArn(2)] },
      settings,
    );
    expect(r.failures).toEqual([
      {
        property: "resourceArns",
        reason: `resourceArns must not repeat an ARN: '${userArn(1)}', '${userArn(2)}' appear more than once`,
      },
    ]);
  });

  it("reach the engine with a top-level property, or none for a nested one, whose reason names the path", async () => {
    const { check } = botAssociation.lifecycle(makeContext(settings));
    const r = await check({}, { instanceId: I, lexBot: { name: "Order Bot" }, lexV2Bot: { aliasArn: "" } });
    expect(r.failures).toEqual([
      { property: "", reason: "exactly one of lexBot, lexV2Bot may be set, got lexBot and lexV2Bot" },
      {
        property: "",
        reason:
          "lexBot.name must match letters with single underscores between them (a Lex bot name), got 'Order Bot'",
      },
      { property: "", reason: "lexV2Bot.aliasArn must not be empty" },
    ]);
    expect((await check({}, { instanceId: "", lexV2Bot: {} })).failures).toEqual([
      { property: "instanceId", reason: "instanceId must not be empty" },
      { property: "", reason: "lexV2Bot.aliasArn is required" },
    ]);
    expect(forEngine({ property: "region", reason: "r" })).toEqual({ property: "region", reason: "r" });
  });
});
