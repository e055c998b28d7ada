import { describe, expect, it } from "vitest";
import {
  formatProfileObjectDeletionId,
  parseProfileObjectDeletionId,
} from "../../src/profile-object-deletion/id";

const target = {
  domainName: "customers",
  profileId: "0123456789abcdef0123456789abcdef",
  objectTypeName: "Order",
  profileObjectUniqueKey: "abc",
};

describe("ProfileObjectDeletion id", () => {
  it("joins domain, profile, type and unique key with |", () => {
    expect(formatProfileObjectDeletionId(target)).toBe(
      "customers|0123456789abcdef0123456789abcdef|Order|abc",
    );
  });

  it("round-trips a unique key that itself contains |", () => {
    const t = { ...target, profileObjectUniqueKey: "a|b||c" };
    expect(parseProfileObjectDeletionId(formatProfileObjectDeletionId(t))).toEqual(t);
  });

  it("refuses an id with fewer than four fields, saying the expected form", () => {
    expect(() => parseProfileObjectDeletionId("customers|0123|Order")).toThrow(
      "'customers|0123|Order' is not a ProfileObjectDeletion id: expected <domainName>|<profileId>|<objectTypeName>|<profileObjectUniqueKey>",
    );
  });
});
