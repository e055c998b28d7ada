import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SDK_LANGUAGES, generateSdk, sdkgenBinary } from "../../scripts/plugin-schema/sdk";
import { REPO_ROOT } from "../helpers/pulumi";

// sdk/ is generated from src/plugin/schema.json (npm run schema) and committed: regenerating it with
// the real SDK generator must change nothing, so a schema change without regeneration, or a hand
// edit of a generated file, fails here.

/** Every file below `dir`, by relative path, with its content. */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), fs.readFileSync(file, "utf8"));
  }
  return files;
}

describe("the generated SDKs (sdk/)", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "plugin-sdk-"));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));
  const sdkgen = sdkgenBinary(REPO_ROOT);

  for (const language of SDK_LANGUAGES) {
    it(`sdk/${language} is exactly what pulumi-sdkgen writes from the committed schema`, () => {
      const report = generateSdk(REPO_ROOT, language, path.join(out, language), sdkgen);
      // The schema binds without a diagnostic: the generator's only line is its count of files.
      expect(report).toMatch(
        new RegExp(
          `^pulumi-sdkgen: wrote \\d+ files of the ${language} SDK of connect-associations to \\S+\\n$`,
        ),
      );
      const fresh = tree(path.join(out, language));
      const committed = tree(path.join(REPO_ROOT, "sdk", language));
      expect([...committed.keys()].sort()).toEqual([...fresh.keys()].sort());
      for (const [file, text] of fresh) expect(committed.get(file), `sdk/${language}/${file}`).toBe(text);
    });
  }

  it("names the Python and Node.js packages apart from the npm package of the dynamic resources", () => {
    const nodePackage = JSON.parse(
      fs.readFileSync(path.join(REPO_ROOT, "sdk/nodejs/package.json"), "utf8"),
    ) as {
      name: string;
      pulumi: { name: string; resource: boolean };
    };
    expect(nodePackage.name).toBe("@pulumi-connect-associations/connect-associations");
    expect(nodePackage.pulumi).toMatchObject({ name: "connect-associations", resource: true });
    expect(fs.existsSync(path.join(REPO_ROOT, "sdk/python/pulumi_connect_associations/__init__.py"))).toBe(
      true,
    );
  });
});
