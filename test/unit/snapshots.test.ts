import { describe, expect, it } from "vitest";
import { Snapshots } from "../../src/runtime/snapshots";

/** A listing the test answers when it wants: `load` counts how often a listing was taken. */
function deferredListing(items: string[]) {
  let loads = 0;
  let answer: (v: Set<string>) => void = () => undefined;
  const load = () => {
    loads++;
    return new Promise<Set<string>>((resolve) => {
      answer = resolve;
    });
  };
  return { load, loads: () => loads, answer: () => answer(new Set(items)) };
}

const added = (slot: string) => (s: Set<string>) => void s.add(slot);

describe("Snapshots", () => {
  it("keeps one listing per key for every reader, and a successful write changes its slot in place", async () => {
    const snaps = new Snapshots();
    let loads = 0;
    const load = async () => {
      loads++;
      return new Set(["a"]);
    };
    expect([...(await snaps.get("k", load))]).toEqual(["a"]);
    expect(await snaps.write("k", async () => "written", added("b"))).toBe("written");
    expect([...(await snaps.get("k", load))]).toEqual(["a", "b"]);
    expect(loads).toBe(1);
  });

  it("applies a write that lands while the listing is still being taken before any later reader gets it", async () => {
    const snaps = new Snapshots();
    // The listing read the slot before the write landed: it does not hold "b".
    const listing = deferredListing(["a"]);
    const early = snaps.get("k", listing.load);
    await snaps.write("k", async () => undefined, added("b"));
    const late = snaps.get("k", listing.load);
    listing.answer();
    expect([...(await late)]).toEqual(["a", "b"]);
    // The same object: a reader that asked before the write sees it too once the write has landed.
    expect(await early).toBe(await late);
    expect(listing.loads()).toBe(1);
  });

  it("drops the snapshot when a write fails, so the next reader lists again instead of trusting the entry", async () => {
    const snaps = new Snapshots();
    let loads = 0;
    const load = async () => new Set([`listing ${++loads}`]);
    await snaps.get("k", load);
    await expect(
      snaps.write(
        "k",
        async () => {
          throw new Error("connection reset");
        },
        added("b"),
      ),
    ).rejects.toThrow("connection reset");
    expect([...(await snaps.get("k", load))]).toEqual(["listing 2"]);
  });

  it("takes no listing for a write when none was taken: the next reader lists AWS, which holds the write", async () => {
    const snaps = new Snapshots();
    let changes = 0;
    await snaps.write(
      "k",
      async () => undefined,
      () => changes++,
    );
    expect(changes).toBe(0);
    expect([...(await snaps.get("k", async () => new Set(["from AWS"])))]).toEqual(["from AWS"]);
  });

  it("forgets a listing that failed, even with a write chained on it, and lists again for the next reader", async () => {
    const snaps = new Snapshots();
    let fail = true;
    const load = async () => {
      if (fail) throw new Error("throttled");
      return new Set(["a"]);
    };
    const first = snaps.get("k", load);
    snaps.change("k", added("b"));
    await expect(first).rejects.toThrow("throttled");
    await new Promise((r) => setImmediate(r));
    fail = false;
    // A fresh listing of AWS, which holds the write: no change is replayed on it.
    expect([...(await snaps.get("k", load))]).toEqual(["a"]);
  });
});
