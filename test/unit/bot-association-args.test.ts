import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/pulumi";
import { diagnosticsOf, USER_COMPILER_OPTIONS } from "../helpers/typecheck";

// The fixture is a program against the published types (node_modules/pulumi-connect-associations →
// dist/*.d.ts): every `@ts-expect-error` in it must meet an error, and nothing else may fail.
const FIXTURE = path.join(REPO_ROOT, "test/unit/types/bot-association-args.ts");

describe("BotAssociationArgs at the type level", () => {
  it("marks three programs as errors: both lexBot and lexV2Bot, neither, and neither through a typed variable", () => {
    const expected = fs
      .readFileSync(FIXTURE, "utf8")
      .split("\n")
      .filter((l) => l.startsWith("// @ts-expect-error"));
    expect(expected).toEqual([
      "// @ts-expect-error lexBot and lexV2Bot together",
      "// @ts-expect-error neither lexBot nor lexV2Bot",
      "// @ts-expect-error neither lexBot nor lexV2Bot",
    ]);
  });

  it("does not compile with both or neither, and compiles with exactly one (strict, node16)", () => {
    expect(diagnosticsOf([FIXTURE], USER_COMPILER_OPTIONS)).toBe("");
  });

  it("does the same under exactOptionalPropertyTypes", () => {
    expect(diagnosticsOf([FIXTURE], { ...USER_COMPILER_OPTIONS, exactOptionalPropertyTypes: true })).toBe("");
  });

  it("names the offending properties in the compiler's message when both are given", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bot-args-"));
    fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    try {
      const file = path.join(dir, "both.ts");
      fs.writeFileSync(
        file,
        fs
          .readFileSync(FIXTURE, "utf8")
          .split("\n")
          .filter((l) => !l.startsWith("// @ts-expect-error"))
          .join("\n"),
      );
      const diagnostics = diagnosticsOf([file], USER_COMPILER_OPTIONS);
      expect(diagnostics.match(/error TS\d+/g)).toHaveLength(3);
      expect(diagnostics).toContain("lexV2Bot");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
