import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { providerText } from "../../src/runtime/entry";

const ROOT = path.resolve(__dirname, "../..");

describe("program side of the package", () => {
  it("loads no AWS SDK: a program needs only the __provider text", () => {
    const loaded = execFileSync(
      process.execPath,
      [
        "-e",
        'require("pulumi-connect-associations"); console.log(Object.keys(require.cache).filter((k) => k.includes("@aws-sdk")).length)',
      ],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(loaded.trim()).toBe("0");
  });

  it("stores a one-line __provider that resolves to the installed package's entry", () => {
    const text = providerText("BotAssociation");
    expect(text).toBe(
      'exports.handler = () => require("pulumi-connect-associations/providers/runtime").entries.BotAssociation;\n',
    );
    const m = { exports: {} as { handler?: () => { create?: unknown; configure?: unknown } } };
    new Function("exports", "require", text)(m.exports, require);
    const entry = m.exports.handler?.();
    expect(typeof entry?.create).toBe("function");
    expect(typeof entry?.configure).toBe("function");
  });
});
