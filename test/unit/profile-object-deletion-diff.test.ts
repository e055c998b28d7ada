import { describe, expect, it } from "vitest";
import { makeContext } from "../../src/runtime/context";
import { profileObjectDeletionProvider } from "../../src/profile-object-deletion/provider";
import { canonicalJson } from "../../src/profile-object-deletion/triggers";
import { UNKNOWN } from "../../src/validation/unknown";

const olds = {
  domainName: "customers",
  profileId: "0123456789abcdef0123456789abcdef",
  objectTypeName: "Order",
  profileObjectUniqueKey: "k1",
  region: "us-east-1",
  ignoreMissing: true,
  verifyOnRefresh: false,
  triggers: { ticket: "T-1", at: [1, { b: 2, a: 1 }] },
  outcome: "deleted",
  message: "OK",
  executedAt: "2024-01-01T00:00:00.000Z",
  __provider: "code",
};
const { outcome: _o, message: _m, executedAt: _e, ...inputs } = olds;

async function diff(news: Record<string, unknown>) {
  return profileObjectDeletionProvider(makeContext({ region: "us-east-1" })).diff("id", olds, news);
}

describe("ProfileObjectDeletion diff", () => {
  it("sees no change when triggers are equal as JSON, whatever their key order", async () => {
    expect(await diff({ ...inputs, triggers: { at: [1, { a: 1, b: 2 }], ticket: "T-1" } })).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  it("replaces on changed triggers; same object, so deleteBeforeReplace as planDiff rules", async () => {
    expect(await diff({ ...inputs, triggers: { ticket: "T-2" } })).toEqual({
      changes: true,
      replaces: ["triggers"],
      deleteBeforeReplace: true,
    });
    expect((await diff({ ...inputs, triggers: undefined })).replaces).toEqual(["triggers"]);
    expect((await diff({ ...inputs, triggers: UNKNOWN })).replaces).toEqual(["triggers"]);
  });

  it("replaces on a new target, creating first since it names another object", async () => {
    expect(await diff({ ...inputs, profileObjectUniqueKey: "k2" })).toEqual({
      changes: true,
      replaces: ["profileObjectUniqueKey"],
      deleteBeforeReplace: false,
    });
  });

  it("updates in place when only ignoreMissing or verifyOnRefresh change", async () => {
    expect(await diff({ ...inputs, ignoreMissing: false, verifyOnRefresh: true })).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });
});

describe("canonicalJson", () => {
  it("sorts object keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }, 3], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1},3]}');
    expect(canonicalJson(undefined)).toBeUndefined();
    expect(canonicalJson("x")).toBe('"x"');
  });
});
