import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../src/aws/settings";
import { checkProfileObjectDeletion } from "../../src/profile-object-deletion/check";
import { UNKNOWN } from "../../src/validation/unknown";

const settings = { ...DEFAULT_SETTINGS, region: "us-east-1" };
const PROFILE = "0123456789abcdef0123456789abcdef";
const valid = {
  domainName: "customers",
  profileId: PROFILE,
  objectTypeName: "Order",
  profileObjectUniqueKey: "k1",
};

function failures(news: Record<string, unknown>): string[] {
  return checkProfileObjectDeletion(news, settings).failures.map((f) => `${f.property}: ${f.reason}`);
}

describe("checkProfileObjectDeletion", () => {
  it("accepts a target and fills region, ignoreMissing true and verifyOnRefresh false", () => {
    expect(checkProfileObjectDeletion(valid, settings)).toEqual({
      inputs: { ...valid, region: "us-east-1", ignoreMissing: true, verifyOnRefresh: false },
      failures: [],
    });
  });

  it("keeps triggers of any shape and explicit flags as given", () => {
    const news = { ...valid, triggers: [{ ticket: 7 }, "x"], ignoreMissing: false, verifyOnRefresh: true };
    expect(checkProfileObjectDeletion(news, settings).inputs).toEqual({ ...news, region: "us-east-1" });
  });

  it("names profileId and its rule when it is not 32 lowercase hexadecimal characters", () => {
    expect(failures({ ...valid, profileId: "0123456789ABCDEF0123456789ABCDEF" })).toEqual([
      "profileId: profileId must match ^[a-f0-9]{32}$ (32 lowercase hexadecimal characters), got '0123456789ABCDEF0123456789ABCDEF'",
    ]);
    expect(failures({ ...valid, profileId: `${PROFILE}0` })).toHaveLength(1);
  });

  it("names domainName and objectTypeName with their documented patterns", () => {
    expect(failures({ ...valid, domainName: "my.domain", objectTypeName: "9Order" })).toEqual([
      "domainName: domainName must match ^[a-zA-Z0-9_-]+$ (letters, digits, _ and -), got 'my.domain'",
      "objectTypeName: objectTypeName must match ^[a-zA-Z_][a-zA-Z_0-9-]*$ (a letter or _ first, then letters, digits, _ and -), got '9Order'",
    ]);
  });

  it("enforces every documented length bound at its edge", () => {
    expect(
      failures({
        ...valid,
        domainName: "d".repeat(64),
        objectTypeName: "O".repeat(255),
        profileObjectUniqueKey: "k".repeat(255),
      }),
    ).toEqual([]);
    expect(
      failures({
        ...valid,
        domainName: "d".repeat(65),
        objectTypeName: "O".repeat(256),
        profileObjectUniqueKey: "k".repeat(256),
      }),
    ).toEqual([
      "domainName: domainName must be at most 64 characters long, got 65",
      "objectTypeName: objectTypeName must be at most 255 characters long, got 256",
      "profileObjectUniqueKey: profileObjectUniqueKey must be at most 255 characters long, got 256",
    ]);
    expect(failures({ ...valid, profileObjectUniqueKey: "" })).toEqual([
      "profileObjectUniqueKey: profileObjectUniqueKey must not be empty",
    ]);
  });

  it("requires the four target properties and boolean flags", () => {
    expect(failures({ ignoreMissing: "yes", verifyOnRefresh: 1 })).toEqual([
      "domainName: domainName is required",
      "profileId: profileId is required",
      "objectTypeName: objectTypeName is required",
      "profileObjectUniqueKey: profileObjectUniqueKey is required",
      "ignoreMissing: ignoreMissing must be a boolean, got string",
      "verifyOnRefresh: verifyOnRefresh must be a boolean, got number",
    ]);
  });

  it("lets preview's unknown values through, triggers included", () => {
    const news = {
      domainName: UNKNOWN,
      profileId: UNKNOWN,
      objectTypeName: UNKNOWN,
      profileObjectUniqueKey: UNKNOWN,
      triggers: UNKNOWN,
      ignoreMissing: UNKNOWN,
      region: UNKNOWN,
    };
    expect(checkProfileObjectDeletion(news, settings)).toEqual({
      inputs: { ...news, verifyOnRefresh: false },
      failures: [],
    });
  });

  it("fails naming region when neither the resource, aws:region nor AWS_REGION give one", () => {
    const saved = [process.env["AWS_REGION"], process.env["AWS_DEFAULT_REGION"]];
    delete process.env["AWS_REGION"];
    delete process.env["AWS_DEFAULT_REGION"];
    try {
      expect(checkProfileObjectDeletion(valid, DEFAULT_SETTINGS).failures).toEqual([
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
