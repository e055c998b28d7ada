import { describe, expect, it } from "vitest";
import { securityProfileAssociationProvider } from "../../src/security-profile-association/provider";
import { makeContext } from "../../src/runtime/context";
import {
  formatSecurityProfileAssociationId,
  parseSecurityProfileAssociationId,
} from "../../src/security-profile-association/id";
import { observedProfiles, planProfiles, userProfileList } from "../../src/security-profile-association/plan";
import { AGENT, USER_ARN } from "../helpers/seeds/security-profiles";

describe("SecurityProfileAssociation planning", () => {
  it("adds only what is missing and removes only what it managed before, or everything else when exclusive", () => {
    expect(planProfiles(["x", "a", "b"], ["b", "c"], ["a", "b"], false)).toEqual({
      add: ["c"],
      remove: ["a"],
    });
    expect(planProfiles(["x", "a", "b"], ["b", "c"], ["a", "b"], true)).toEqual({
      add: ["c"],
      remove: ["x", "a"],
    });
    expect(planProfiles(["a", "b"], ["a", "b"], ["a", "b"], false)).toEqual({ add: [], remove: [] });
  });

  it("outputs the managed ids attached, sorted, and with exclusive every attached id", () => {
    expect(observedProfiles(["x", "c", "a"], ["a", "b", "c"], false)).toEqual(["a", "c"]);
    expect(observedProfiles(["x", "c", "a"], ["a", "b", "c"], true)).toEqual(["a", "c", "x"]);
  });

  it("writes a user's merged list keeping unmanaged profiles, and makes no call when nothing changes", () => {
    expect(userProfileList(["kept", "a"], { add: ["b"], remove: ["a"] }, "user u")).toEqual(["kept", "b"]);
    expect(userProfileList(["kept"], { add: [], remove: [] }, "user u")).toBeUndefined();
  });

  it("refuses a user list of more than 10 or of none, saying why", () => {
    const eleven = Array.from({ length: 10 }, (_, i) => `p${i}`);
    expect(() => userProfileList(eleven, { add: ["new"], remove: [] }, "user u")).toThrow(
      "user u would hold 11 security profiles (p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, new), but Amazon Connect allows a user at most 10",
    );
    expect(() => userProfileList(["a"], { add: [], remove: ["a"] }, "user u")).toThrow(
      "Cannot remove security profiles a from user u: they are all it has, and Amazon Connect requires a user to keep at least one security profile.",
    );
  });

  it("round-trips ids of both entity types and rejects anything else", () => {
    for (const [type, arn] of [
      ["AI_AGENT", AGENT],
      ["USER", USER_ARN],
    ] as const) {
      const id = formatSecurityProfileAssociationId("inst", type, arn);
      expect(id).toBe(`inst|${type}|${arn}`);
      expect(parseSecurityProfileAssociationId(id)).toEqual({
        instanceId: "inst",
        entityType: type,
        entityArn: arn,
      });
    }
    expect(() => parseSecurityProfileAssociationId("inst|QUEUE|arn")).toThrow(
      "'inst|QUEUE|arn' is not a SecurityProfileAssociation id: expected <instanceId>|AI_AGENT|<aiAgentArn> or <instanceId>|USER|<userArn>",
    );
  });
});

describe("SecurityProfileAssociation diff", () => {
  const p = securityProfileAssociationProvider(makeContext());
  const base = {
    instanceId: "i",
    region: "us-east-1",
    entityType: "AI_AGENT",
    entityArn: AGENT,
    securityProfileIds: ["a", "b"],
    exclusive: false,
    __provider: "v1",
  };

  it("is no change for the same (sorted) ids, and an in-place update when ids or exclusive change", async () => {
    expect(await p.diff("id", base, base)).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
    for (const news of [
      { ...base, securityProfileIds: ["a", "c"] },
      { ...base, exclusive: true },
    ])
      expect(await p.diff("id", base, news)).toEqual({
        changes: true,
        replaces: [],
        deleteBeforeReplace: false,
      });
  });

  it("replaces, creating the new one first, when the entity or instance changes", async () => {
    expect(await p.diff("id", base, { ...base, entityArn: AGENT.replace("0001", "0002") })).toEqual({
      changes: true,
      replaces: ["entityArn"],
      deleteBeforeReplace: false,
    });
    expect((await p.diff("id", base, { ...base, instanceId: "j" })).replaces).toEqual(["instanceId"]);
  });
});
