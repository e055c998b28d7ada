import { describe, expect, it, vi } from "vitest";
import { checkAndDiff } from "../../src/runtime/diff";

const ARN = "arn:aws:connect:us-east-1:123456789012:instance/i-1/queue/q-1";
// A resource naming its queue by id or by ARN (the same queue), whose `kind` also forces a
// replacement, with `labels` updated in place and the queue as its AWS identity.
const spec = {
  replaceKeys: ["queue", "kind"],
  updateKeys: ["labels"],
  identity: (p: Record<string, unknown>) => String(p["queue"]),
};
// Reduces the queue to its id and sorts the labels' keys: what the normalise of a real resource does.
const normalise = (p: Record<string, unknown>) => ({
  ...p,
  queue: String(p["queue"]).split("/").pop(),
  labels: Object.fromEntries(Object.entries((p["labels"] ?? {}) as Record<string, string>).sort()),
});
const noCheck = () => ({ inputs: {}, failures: [] });
const NO_CHANGE = { changes: false, replaces: [], deleteBeforeReplace: false };

describe("checkAndDiff", () => {
  it("check passes the new inputs alone to the resource's check, and answers with its inputs and failures", async () => {
    const result = { inputs: { queue: "q-1" }, failures: [{ property: "labels", reason: "too many" }] };
    const check = vi.fn(() => result);
    const { check: lifecycleCheck } = checkAndDiff({ ...spec, check });
    expect(await lifecycleCheck({ queue: "old" }, { queue: "q-1" })).toEqual(result);
    expect(check.mock.calls).toEqual([[{ queue: "q-1" }]]);
  });

  it("check reports a nested, indexed or combined property as a resource-level failure, so the engine never prints value {<nil>}", async () => {
    const failures = [
      { property: "queue", reason: "queue must not be empty" },
      { property: "labels.team", reason: "labels.team must be a string, got number" },
      { property: "tags[2]", reason: "tags[2] must not be empty" },
      { property: "queue | kind", reason: "exactly one of queue, kind is required, got none" },
    ];
    const { check } = checkAndDiff({ ...spec, check: () => ({ inputs: {}, failures }) });
    expect((await check({}, {})).failures).toEqual([
      { property: "queue", reason: "queue must not be empty" },
      { property: "", reason: "labels.team must be a string, got number" },
      { property: "", reason: "tags[2] must not be empty" },
      { property: "", reason: "exactly one of queue, kind is required, got none" },
    ]);
  });

  it("diff normalises both sides: the old id and the new ARN of one queue are no change", async () => {
    const { diff } = checkAndDiff({ ...spec, check: noCheck, normalise });
    expect(await diff("id", { queue: "q-1", __provider: "c" }, { queue: ARN, __provider: "c" })).toEqual(
      NO_CHANGE,
    );
    expect(await diff("id", { queue: ARN, __provider: "c" }, { queue: "q-1", __provider: "c" })).toEqual(
      NO_CHANGE,
    );
  });

  it("diff normalises both sides: labels in another key order are no change", async () => {
    const { diff } = checkAndDiff({ ...spec, check: noCheck, normalise });
    const olds = { queue: "q-1", labels: { a: "1", b: "2" }, __provider: "c" };
    expect(await diff("id", olds, { ...olds, labels: { b: "2", a: "1" } })).toEqual(NO_CHANGE);
  });

  it("without normalise, diff compares the inputs as given: the id and the ARN of one queue are a replacement", async () => {
    const { diff } = checkAndDiff({ ...spec, check: noCheck });
    expect(await diff("id", { queue: "q-1", __provider: "c" }, { queue: ARN, __provider: "c" })).toEqual({
      changes: true,
      replaces: ["queue"],
      deleteBeforeReplace: false,
    });
  });

  it("diff judges the identity on normalised inputs: a queue renamed from ARN to another id is replaced, new one first", async () => {
    const { diff } = checkAndDiff({ ...spec, check: noCheck, normalise });
    expect(await diff("id", { queue: ARN, __provider: "c" }, { queue: "q-2", __provider: "c" })).toEqual({
      changes: true,
      replaces: ["queue"],
      deleteBeforeReplace: false,
    });
  });

  it("diff judges the identity on normalised inputs: a new kind on the same queue, spelt as its ARN, is replaced old one first", async () => {
    const { diff } = checkAndDiff({ ...spec, check: noCheck, normalise });
    const olds = { queue: "q-1", kind: "voice", __provider: "c" };
    expect(await diff("id", olds, { ...olds, queue: ARN, kind: "chat" })).toEqual({
      changes: true,
      replaces: ["kind"],
      deleteBeforeReplace: true,
    });
  });

  it("diff updates in place for a changed label, and for a new __provider alone", async () => {
    const { diff } = checkAndDiff({ ...spec, check: noCheck, normalise });
    const olds = { queue: "q-1", labels: { a: "1" }, __provider: "c" };
    const inPlace = { changes: true, replaces: [], deleteBeforeReplace: false };
    expect(await diff("id", olds, { ...olds, labels: { a: "2" } })).toEqual(inPlace);
    expect(await diff("id", olds, { ...olds, __provider: "c2" })).toEqual(inPlace);
  });
});
