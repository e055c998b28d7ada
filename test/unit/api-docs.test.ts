import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import * as ts from "typescript";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/pulumi";

// The API reference is what `npm run docs` makes from the TSDoc of src/index.ts's exports.
describe("API reference", () => {
  it("documents every export of src/index.ts, with an @example on each class and function", () => {
    const entry = path.join(REPO_ROOT, "src/index.ts");
    const program = ts.createProgram([entry], { strict: true, module: ts.ModuleKind.Node16, noEmit: true });
    const checker = program.getTypeChecker();
    const sf = program.getSourceFile(entry);
    const moduleSymbol = sf && checker.getSymbolAtLocation(sf);
    if (!moduleSymbol) throw new Error("src/index.ts has no module symbol");
    const missing: string[] = [];
    const exported = checker.getExportsOfModule(moduleSymbol);
    for (const alias of exported) {
      const s = alias.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(alias) : alias;
      if (ts.displayPartsToString(s.getDocumentationComment(checker)).trim() === "")
        missing.push(`${s.name}: no summary`);
      const needsExample = (s.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Function)) !== 0;
      if (needsExample && !s.getJsDocTags(checker).some((t) => t.name === "example"))
        missing.push(`${s.name}: no @example`);
    }
    expect(exported.length).toBe(21);
    expect(missing).toEqual([]);
  });

  it("npm run docs (TypeDoc) builds with zero warnings", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "api-docs-"));
    const typedoc = path.join(REPO_ROOT, "node_modules/typedoc/bin/typedoc");
    // The committed typedoc.json, with only the output folder moved out of the repository.
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [typedoc, "--out", out], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(`${stdout}${stderr}`).not.toMatch(/warning|error/i);
    expect(fs.existsSync(path.join(out, "classes", "BotAssociation.html"))).toBe(true);
    expect(fs.existsSync(path.join(out, "functions", "getFlowAssociations.html"))).toBe(true);
    fs.rmSync(out, { recursive: true, force: true });
  }, 120_000);
});
