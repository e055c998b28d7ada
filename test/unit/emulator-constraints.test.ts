import { describe, expect, it } from "vitest";
import { int, list, str, struct, violations } from "../../src/emulator/core/constraints";

describe("emulator constraint vocabulary", () => {
  const shape = struct(
    {
      Name: str({ required: true, min: 2, max: 4, pattern: /^[a-z]+$/ }),
      Kind: str({ enum: ["A", "B"] }),
      Size: int({ min: 1, max: 3 }),
      Items: list(str({ max: 1 }), { min: 1, max: 2 }),
      One: str(),
      Two: str(),
    },
    { exactlyOneOf: ["One", "Two"] },
  );

  it("accepts values at the bounds", () => {
    expect(violations(shape, { Name: "ab", Kind: "B", Size: 3, Items: ["x", "y"], One: "1" }, "")).toEqual(
      [],
    );
  });

  it("words each violation as AWS does, naming the member path", () => {
    expect(
      violations(
        shape,
        { Name: "ABCDE", Kind: "C", Size: 0, Items: ["xy", "y", "z"], One: "1", Two: "2" },
        "",
      ),
    ).toEqual([
      "Value 'ABCDE' at 'name' failed to satisfy constraint: Member must have length less than or equal to 4",
      "Value 'ABCDE' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z]+$",
      "Value 'C' at 'kind' failed to satisfy constraint: Member must satisfy enum value set: [A, B]",
      "Value '0' at 'size' failed to satisfy constraint: Member must have value greater than or equal to 1",
      "Value at 'items' failed to satisfy constraint: Member must have length less than or equal to 2",
      "Value 'xy' at 'items.1.member' failed to satisfy constraint: Member must have length less than or equal to 1",
      "Exactly one of One, Two must be provided; got 2",
    ]);
  });

  it("reports missing required members and wrong types", () => {
    expect(violations(shape, { Size: "3", Items: "x", Two: "2" }, "")).toEqual([
      "Value null at 'name' failed to satisfy constraint: Member must not be null",
      "Value at 'size' failed to satisfy constraint: Member must be an integer",
      "Value at 'items' failed to satisfy constraint: Member must be a list",
    ]);
  });
});
