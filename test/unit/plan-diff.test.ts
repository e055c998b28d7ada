import { describe, expect, it } from "vitest";
import { planDiff } from "../../src/runtime/diff";

// A resource whose `home` and `name` force a replacement and whose `note` and `tags` are updated in
// place; its AWS identity is its home and name, so a change of `size` (also a replace key) keeps it.
const olds = { home: "h1", name: "n1", size: 1, note: "a", tags: { team: "x" }, __provider: "code-1" };
const plan = (news: Record<string, unknown>, from: Record<string, unknown> = olds) =>
  planDiff({
    olds: from,
    news,
    replaceKeys: ["home", "name", "size"],
    updateKeys: ["note", "tags"],
    identity: (p) => `${String(p["home"])}/${String(p["name"])}`,
  });
const NO_CHANGE = { changes: false, replaces: [], deleteBeforeReplace: false };
const IN_PLACE = { changes: true, replaces: [], deleteBeforeReplace: false };

describe("planDiff", () => {
  it("plans no change when every property and the provider code are the same", () => {
    expect(plan({ ...olds })).toEqual(NO_CHANGE);
  });

  it("compares values, not references: an equal nested object is no change", () => {
    expect(plan({ ...olds, tags: { team: "x" } })).toEqual(NO_CHANGE);
  });

  it("replaces, creating the new one first, when a replace key changes the AWS identity", () => {
    expect(plan({ ...olds, name: "n2" })).toEqual({
      changes: true,
      replaces: ["name"],
      deleteBeforeReplace: false,
    });
  });

  it("replaces, deleting the old one first, when a replace key changes but the AWS identity stays", () => {
    expect(plan({ ...olds, size: 2 })).toEqual({
      changes: true,
      replaces: ["size"],
      deleteBeforeReplace: true,
    });
  });

  it("lists every changed replace key, in the order the keys are declared", () => {
    const news = { __provider: "code-1", tags: { team: "x" }, note: "a", size: 3, name: "n2", home: "h2" };
    expect(plan(news)).toEqual({
      changes: true,
      replaces: ["home", "name", "size"],
      deleteBeforeReplace: false,
    });
  });

  it("counts a replace key present on one side only as changed", () => {
    const { size: _, ...withoutSize } = olds;
    expect(plan(olds, withoutSize)).toEqual({ changes: true, replaces: ["size"], deleteBeforeReplace: true });
  });

  it("updates in place, with nothing deleted first, when only update keys change", () => {
    expect(plan({ ...olds, note: "b", tags: { team: "y" } })).toEqual(IN_PLACE);
  });

  it("replaces when replace and update keys change together, naming only the replace keys", () => {
    expect(plan({ ...olds, note: "b", size: 2 })).toEqual({
      changes: true,
      replaces: ["size"],
      deleteBeforeReplace: true,
    });
  });

  it("plans a change with no replacement when only __provider changes, so state gets the new code", () => {
    expect(plan({ ...olds, __provider: "code-2" })).toEqual(IN_PLACE);
  });

  it("ignores a property that is neither a replace nor an update key", () => {
    expect(plan({ ...olds, unrelated: "anything" })).toEqual(NO_CHANGE);
  });
});
