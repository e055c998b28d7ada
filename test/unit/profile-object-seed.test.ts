import { describe, expect, it } from "vitest";
import { SeedError, stateFromSeed } from "../../src/emulator/seed";
import { profileObjectUniqueKey } from "../../src/emulator/profiles/store";

const PROFILE = "0123456789abcdef0123456789abcdef";

function seed(objects: unknown[], extra: object = {}): object {
  return {
    customerProfiles: {
      domains: [
        {
          name: "customers",
          objectTypes: [{ name: "Order", profileKeyField: "customerId", uniqueKeyField: "orderId" }],
          profiles: [{ id: PROFILE, objects }],
          ...extra,
        },
      ],
    },
  };
}

describe("seeded profile objects", () => {
  it("files each object like PutProfileObject, filling in the profile key and the seed's Region", () => {
    const state = stateFromSeed(seed([{ objectTypeName: "Order", object: { orderId: 42 } }]), 0);
    expect(state.customerProfiles.domains).toEqual([
      {
        name: "customers",
        region: "us-east-1",
        createdAt: 0,
        objectTypes: [{ name: "Order", profileKeyField: "customerId", uniqueKeyField: "orderId" }],
        profiles: [
          {
            id: PROFILE,
            objects: [
              {
                objectTypeName: "Order",
                uniqueKey: profileObjectUniqueKey("Order", "42"),
                object: { orderId: 42, customerId: PROFILE },
              },
            ],
          },
        ],
      },
    ]);
  });

  it("keeps one object when two seeded objects share a unique key, as a second put replaces the first", () => {
    const state = stateFromSeed(
      seed([
        { objectTypeName: "Order", object: { orderId: "o-1", v: 1 } },
        { objectTypeName: "Order", object: { orderId: "o-1", v: 2 } },
      ]),
      0,
    );
    expect(state.customerProfiles.domains[0]?.profiles[0]?.objects.map((o) => o.object["v"])).toEqual([2]);
  });

  it("refuses an object whose profile key names another profile", () => {
    expect(() =>
      stateFromSeed(
        seed([{ objectTypeName: "Order", object: { orderId: "o-1", customerId: "f".repeat(32) } }]),
        0,
      ),
    ).toThrow(
      new SeedError(
        `seed: customerProfiles.domains[0].profiles[0].objects[0].object.customerId must be the enclosing profile's id '${PROFILE}', got "${"f".repeat(32)}"`,
      ),
    );
  });

  it("refuses an unknown object type and an object without its unique key, naming the entry", () => {
    expect(() => stateFromSeed(seed([{ objectTypeName: "Case", object: {} }]), 0)).toThrow(
      "seed: customerProfiles.domains[0].profiles[0].objects[0].objectTypeName: no object type 'Case' in the domain",
    );
    expect(() => stateFromSeed(seed([{ objectTypeName: "Order", object: { total: 1 } }]), 0)).toThrow(
      "seed: customerProfiles.domains[0].profiles[0].objects[0]: Object of type Order needs a string or number in orderId (its unique key)",
    );
  });
});
