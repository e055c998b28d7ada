import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ts from "typescript";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/pulumi";
import { diagnosticsOf, USER_COMPILER_OPTIONS } from "../helpers/typecheck";

// Every ```ts block of the README is a whole module that a user could paste into index.ts: it
// imports what it uses. Each is checked as its own file against the package's published types
// (node_modules/pulumi-connect-associations → package.json exports → dist/*.d.ts), with node16
// module resolution so that the `exports` map is what resolves it.
function tsBlocks(markdown: string): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  const re = /^```ts\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
    blocks.push({ line: markdown.slice(0, m.index).split("\n").length, code: m[1] ?? "" });
  }
  return blocks;
}

describe("README.md TypeScript examples", () => {
  const blocks = tsBlocks(fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8"));

  it("include the quick start and the program of 'Using it in your project'", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const b of blocks) expect(b.code).toContain('from "pulumi-connect-associations"');
  });

  it("type-check against the package's published types, each as its own module", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "readme-ts-"));
    fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    const files = blocks.map((b) => {
      // Named by README line, so a diagnostic points at the block.
      const file = path.join(dir, `README.md-line-${b.line}.ts`);
      fs.writeFileSync(file, b.code);
      return file;
    });
    const diagnostics = diagnosticsOf(files, {
      ...USER_COMPILER_OPTIONS,
      // Each block is a module of its own, even one with no import.
      moduleDetection: ts.ModuleDetectionKind.Force,
    });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(diagnostics.split(dir + path.sep).join("")).toBe("");
  });
});
