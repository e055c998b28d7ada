import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/pulumi";

// The committed stack files must say what their program reads: a key the program requires and
// the file lacks fails `pulumi up` only in that environment, and a key the program ignores is a
// setting someone believes in. Read as text: top-level keys of `config:` are two-space indented.
function configKeys(stackFile: string): string[] {
  const text = fs.readFileSync(path.join(REPO_ROOT, stackFile), "utf8");
  return [...text.matchAll(/^ {2}([\w-]+:[\w-]+):/gm)].map((m) => m[1] ?? "").sort();
}

function configValue(stackFile: string, key: string): string | undefined {
  const text = fs.readFileSync(path.join(REPO_ROOT, stackFile), "utf8");
  return new RegExp(`^ {2}${key}: (.+)$`, "m").exec(text)?.[1]?.replace(/^"|"$/g, "");
}

/**
 * The keys a program reads, split by whether they are required: `config.require*` / `config.get*`
 * in TypeScript and Python (the same spelling in both SDKs), and a Pulumi YAML program's `config:`
 * block (a key with a `default:` is optional).
 */
function programKeys(programFile: string): { required: string[]; optional: string[] } {
  const text = fs.readFileSync(path.join(REPO_ROOT, programFile), "utf8");
  if (programFile.endsWith("Pulumi.yaml")) {
    const block = /^config:\n((?: {2}.*\n)+)/m.exec(text)?.[1] ?? "";
    const entries = block.split(/^(?= {2}[\w-]+:)/m).filter((e) => e.trim() !== "");
    const name = (e: string) => /^ {2}([\w-]+):/.exec(e)?.[1] ?? "";
    return {
      required: entries
        .filter((e) => !/^ {4}default:/m.test(e))
        .map(name)
        .sort(),
      optional: entries
        .filter((e) => /^ {4}default:/m.test(e))
        .map(name)
        .sort(),
    };
  }
  const read = [
    ...text.matchAll(
      /config\.(require|get)(?:Object|Number|Boolean|Secret|Int|Float|Bool)?(?:<[^>]*>)?\("([\w-]+)"\)/g,
    ),
  ];
  const pick = (kind: string) =>
    [...new Set(read.filter((m) => m[1] === kind).map((m) => m[2] ?? ""))].sort();
  return { required: pick("require"), optional: pick("get") };
}

/** The file that says what an example's program reads: its index.ts, __main__.py or (YAML) Pulumi.yaml. */
function programFileOf(programDir: string): string {
  const found = ["index.ts", "__main__.py"].find((f) => fs.existsSync(path.join(REPO_ROOT, programDir, f)));
  return `${programDir}/${found ?? "Pulumi.yaml"}`;
}

const projectName = (programDir: string) =>
  /^name: (\S+)$/m.exec(fs.readFileSync(path.join(REPO_ROOT, programDir, "Pulumi.yaml"), "utf8"))?.[1] ?? "";

const ROOT_STACKS = ["Pulumi.local.yaml", "Pulumi.dev.yaml", "Pulumi.prod.yaml"];
const EXAMPLE_DIRS = fs
  .readdirSync(path.join(REPO_ROOT, "examples"))
  .filter((d) => fs.existsSync(path.join(REPO_ROOT, "examples", d, "Pulumi.local.yaml")))
  .sort();

describe("committed stack files", () => {
  it.each(ROOT_STACKS)(
    "%s sets every key examples/contact-center requires, and only keys it reads",
    (file) => {
      const { required, optional } = programKeys("examples/contact-center/index.ts");
      const own = configKeys(file)
        .filter((k) => k.startsWith(`${projectName(".")}:`))
        .map((k) => k.slice(k.indexOf(":") + 1));
      expect(required.filter((k) => !own.includes(k))).toEqual([]);
      expect(own.filter((k) => !required.includes(k) && !optional.includes(k))).toEqual([]);
    },
  );

  it("local points both services at the emulator's loopback port; dev and prod name no endpoint", () => {
    expect(configValue("Pulumi.local.yaml", "connect:endpoint")).toBe("http://127.0.0.1:4599");
    expect(configValue("Pulumi.local.yaml", "connect:profilesEndpoint")).toBe("http://127.0.0.1:4599");
    for (const file of ["Pulumi.dev.yaml", "Pulumi.prod.yaml"])
      expect(configKeys(file).filter((k) => k.startsWith("connect:") && /endpoint/i.test(k))).toEqual([]);
  });

  it.each([
    ["Pulumi.dev.yaml", "111111111111", "us-east-1"],
    ["Pulumi.prod.yaml", "222222222222", "eu-west-2"],
  ])("%s uses placeholder account %s and its own Region %s in every ARN", (file, account, region) => {
    expect(configValue(file, "aws:region")).toBe(region);
    const text = fs.readFileSync(path.join(REPO_ROOT, file), "utf8");
    const arns = [...text.matchAll(/arn:aws:([\w-]+):([\w-]*):(\d+):/g)];
    expect(arns.length).toBeGreaterThan(0);
    expect([...new Set(arns.map((m) => `${m[2] ?? ""} ${m[3] ?? ""}`))]).toEqual([`${region} ${account}`]);
  });

  it.each(EXAMPLE_DIRS)("examples/%s/Pulumi.local.yaml sets exactly the keys its program reads", (dir) => {
    const programDir = `examples/${dir}`;
    const { required, optional } = programKeys(programFileOf(programDir));
    const own = configKeys(`${programDir}/Pulumi.local.yaml`)
      .filter((k) => k.startsWith(`${projectName(programDir)}:`))
      .map((k) => k.slice(k.indexOf(":") + 1));
    expect(own.sort()).toEqual([...required, ...optional].sort());
  });
});
