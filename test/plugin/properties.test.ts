import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { describe, expect, it } from "vitest";
import { fromStruct, pick, toStruct, unwrapSecrets, wrapSecrets } from "../../src/plugin/properties";
import { ENGINE_UNKNOWN, secret } from "./client";

/* The conversions between the engine's property values and the lifecycles' plain values. */

describe("unwrapSecrets / wrapSecrets", () => {
  it("unwraps secrets at any depth, recording each outermost path, and wraps them back on those paths", () => {
    const engine = {
      instanceId: "i-1",
      lexBot: { name: secret("OrderBot"), lexRegion: "us-east-1" },
      resourceArns: ["a", secret("b")],
      triggers: secret({ build: secret("7") }),
    };
    const { value, secrets } = unwrapSecrets(engine);
    expect(value).toEqual({
      instanceId: "i-1",
      lexBot: { name: "OrderBot", lexRegion: "us-east-1" },
      resourceArns: ["a", "b"],
      triggers: { build: "7" },
    });
    expect(secrets).toEqual([["lexBot", "name"], ["resourceArns", 1], ["triggers"]]);
    expect(wrapSecrets(value, secrets)).toEqual({
      instanceId: "i-1",
      lexBot: { name: secret("OrderBot"), lexRegion: "us-east-1" },
      resourceArns: ["a", secret("b")],
      triggers: secret({ build: "7" }),
    });
  });

  it("wraps nothing where the result has no value at a secret's path; properties the result gained stay plain", () => {
    const out = wrapSecrets({ flowId: "f", associationId: "x" }, [
      ["externalId"],
      ["lexBot", "name"],
      ["flowId"],
    ]);
    expect(out).toEqual({ flowId: secret("f"), associationId: "x" });
  });

  it("leaves the engine's unknown value as the lifecycles' unknown string, and keeps it secret when it was", () => {
    const { value, secrets } = unwrapSecrets({ a: ENGINE_UNKNOWN, b: secret(ENGINE_UNKNOWN) });
    expect(value).toEqual({ a: ENGINE_UNKNOWN, b: ENGINE_UNKNOWN });
    expect(wrapSecrets(value, secrets)).toEqual({ a: ENGINE_UNKNOWN, b: secret(ENGINE_UNKNOWN) });
  });
});

describe("toStruct / fromStruct", () => {
  it("round-trips nested values and leaves undefined properties out (null in lists)", () => {
    const s = toStruct({
      a: 1,
      b: "x",
      c: [true, undefined, { d: null }],
      e: undefined,
      f: { g: undefined },
    });
    expect(s).toBeInstanceOf(Struct);
    expect(fromStruct(s)).toEqual({ a: 1, b: "x", c: [true, null, { d: null }], f: {} });
  });

  it("an absent Struct is no properties", () => {
    expect(fromStruct(undefined)).toEqual({});
  });
});

describe("pick", () => {
  it("keeps only the named properties that are present", () => {
    expect(pick({ a: 1, b: undefined, c: 3, d: 4 }, ["a", "b", "c"])).toEqual({ a: 1, c: 3 });
  });
});
