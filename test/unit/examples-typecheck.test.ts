import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/pulumi";
import { diagnosticsOfProject } from "../helpers/typecheck";

// Each example is type-checked under its own tsconfig.json (what ts-node uses when Pulumi runs it),
// against the package's published types through node_modules/pulumi-connect-associations.
const EXAMPLES = fs
  .readdirSync(path.join(REPO_ROOT, "examples"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(REPO_ROOT, "examples", d.name, "index.ts")))
  .map((d) => d.name)
  .sort();

describe("examples/ programs", () => {
  it("are the contact centre and one per resource and function", () => {
    expect(EXAMPLES).toEqual([
      "bot-association",
      "contact-center",
      "flow-association",
      "get-flow-associations",
      "profile-object-deletion",
      "security-profile-association",
      "workspace-association",
    ]);
  });

  it("each has the tsconfig.json the README recommends (module and moduleResolution node16)", () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    const block = /^```json\n(\{\n  "compilerOptions"[\s\S]*?)^```$/m.exec(readme)?.[1];
    expect(block).toBeDefined();
    const recommended: unknown = JSON.parse(block ?? "");
    expect(
      (recommended as { compilerOptions: Record<string, string> }).compilerOptions["moduleResolution"],
    ).toBe("node16");
    for (const name of EXAMPLES)
      expect([
        name,
        JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "examples", name, "tsconfig.json"), "utf8")),
      ]).toEqual([name, recommended]);
  });

  it.each(EXAMPLES)("%s type-checks under its own tsconfig.json", (name) => {
    expect(diagnosticsOfProject(path.join(REPO_ROOT, "examples", name, "tsconfig.json"))).toBe("");
  });
});
