import { DEFAULT_SETTINGS } from "../../src/aws/settings";
import { describe, expect, it } from "vitest";
import { checkSecurityProfileAssociation } from "../../src/security-profile-association/check";
import { UNKNOWN } from "../../src/validation/unknown";
import { AGENT, USER_ARN } from "../helpers/seeds/security-profiles";
import { INSTANCE } from "../helpers/seeds/base";

const settings = { ...DEFAULT_SETTINGS, region: "us-east-1" };
const agent = {
  instanceId: INSTANCE,
  entityType: "AI_AGENT",
  entityArn: AGENT,
  securityProfileIds: ["b", "a"],
};
const check = (news: Record<string, unknown>) => checkSecurityProfileAssociation(news, settings);

describe("SecurityProfileAssociation check", () => {
  it("sorts the ids and fills in region and exclusive", () => {
    expect(check(agent)).toEqual({
      inputs: { ...agent, securityProfileIds: ["a", "b"], region: "us-east-1", exclusive: false },
      failures: [],
    });
  });

  it("accepts a user of the instance by ARN", () => {
    expect(check({ ...agent, entityType: "USER", entityArn: USER_ARN }).failures).toEqual([]);
  });

  it("rejects each rule naming the property", () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { ...agent, entityType: "QUEUE" },
        "entityType",
        "entityType must be one of AI_AGENT, USER, got 'QUEUE'",
      ],
      [
        { ...agent, securityProfileIds: [] },
        "securityProfileIds",
        "securityProfileIds must list at least 1 security profile id, got none",
      ],
      [
        { ...agent, securityProfileIds: "a" },
        "securityProfileIds",
        "securityProfileIds must be a list of security profile ids",
      ],
      [
        { ...agent, securityProfileIds: ["a", "b", "a"] },
        "securityProfileIds",
        "securityProfileIds must not repeat an id, got 'a' twice",
      ],
      [
        { ...agent, securityProfileIds: ["a", ""] },
        "securityProfileIds[1]",
        "securityProfileIds[1] must not be empty",
      ],
      [
        {
          ...agent,
          entityType: "USER",
          entityArn: USER_ARN,
          securityProfileIds: Array.from({ length: 11 }, (_, i) => `p${i}`),
        },
        "securityProfileIds",
        "securityProfileIds may list at most 10 ids for a USER (a user holds 1-10 security profiles), got 11",
      ],
      [
        { ...agent, entityArn: "arn:aws:wisdom:us-east-1:123456789012:assistant/x" },
        "entityArn",
        "entityArn must match arn:<partition>:wisdom:<region>:<account>:ai-agent/<assistantId>/<aiAgentId>, got 'arn:aws:wisdom:us-east-1:123456789012:assistant/x'",
      ],
      [
        { ...agent, entityType: "USER" },
        "entityArn",
        `entityArn must match arn:<partition>:connect:<region>:<account>:instance/<instanceId>/agent/<userId>, got '${AGENT.slice(0, 80)}…' (${AGENT.length} characters)`,
      ],
      [
        { ...agent, entityType: "USER", entityArn: USER_ARN.replace(INSTANCE, "other-instance") },
        "entityArn",
        `entityArn belongs to instance other-instance, but the resource's instanceId is ${INSTANCE}`,
      ],
      [{ ...agent, exclusive: "yes" }, "exclusive", "exclusive must be a boolean, got string"],
      [{ ...agent, instanceId: undefined }, "instanceId", "instanceId is required"],
    ];
    for (const [news, property, reason] of cases)
      expect(check(news).failures).toEqual([{ property, reason }]);
  });

  it("lets preview's unknown values through: the whole list, one id, the entity", () => {
    for (const news of [
      { ...agent, securityProfileIds: UNKNOWN },
      { ...agent, securityProfileIds: ["a", UNKNOWN] },
      { ...agent, entityArn: UNKNOWN, entityType: UNKNOWN, instanceId: UNKNOWN },
    ])
      expect(check(news).failures).toEqual([]);
    expect(check({ ...agent, securityProfileIds: ["b", UNKNOWN] }).inputs["securityProfileIds"]).toEqual([
      "b",
      UNKNOWN,
    ]);
  });
});
