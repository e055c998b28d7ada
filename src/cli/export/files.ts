import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "../io";

/** The files of a generated program, by name in its folder. */
export type ProgramFiles = Record<string, string>;

/** Files the export owns: refused if present, unless --force. */
export function ownedFiles(stack: string): string[] {
  return ["index.ts", `Pulumi.${stack}.yaml`];
}

/** Refuses, before any AWS call, to overwrite a program's own files without --force. */
export function checkWritable(dir: string, stack: string, force: boolean): void {
  if (force) return;
  const present = ownedFiles(stack).filter((f) => fs.existsSync(path.join(dir, f)));
  if (present.length > 0)
    throw new UsageError(
      `${present.join(" and ")} already exist in ${dir}: give --force to overwrite, or another --out`,
    );
}

/** The project's name: that of an existing Pulumi.yaml, else one made from the folder's name. */
export function projectName(dir: string): string {
  const file = path.join(dir, "Pulumi.yaml");
  if (fs.existsSync(file)) {
    const m = /^name:\s*["']?([^"'\s#]+)/m.exec(fs.readFileSync(file, "utf8"));
    if (m?.[1]) return m[1];
  }
  const base = path
    .basename(path.resolve(dir))
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "");
  return base || "connect-associations";
}

/**
 * The scaffolding a folder needs to run the program, for the files it lacks: Pulumi.yaml (a
 * TypeScript Node.js project), package.json and tsconfig.json. An existing one is kept as it is.
 */
export function scaffolding(dir: string, project: string, packageVersion: string): ProgramFiles {
  const files: ProgramFiles = {
    "Pulumi.yaml": [
      `name: ${project}`,
      "description: Amazon Connect associations taken over by connect-associations export",
      "runtime:",
      "  name: nodejs",
      "  options:",
      "    typescript: true",
      "main: index.ts",
      "",
    ].join("\n"),
    "package.json": `${JSON.stringify(
      {
        name: project,
        private: true,
        dependencies: {
          "@pulumi/pulumi": "^3.139.0",
          "pulumi-connect-associations": `^${packageVersion}`,
        },
        devDependencies: { "@types/node": "^20.0.0", typescript: "^5.0.0" },
      },
      null,
      2,
    )}\n`,
    "tsconfig.json": `${JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          target: "ES2022",
          module: "node16",
          moduleResolution: "node16",
          skipLibCheck: true,
          types: ["node"],
        },
        files: ["index.ts"],
      },
      null,
      2,
    )}\n`,
  };
  return Object.fromEntries(Object.entries(files).filter(([name]) => !fs.existsSync(path.join(dir, name))));
}

/** The stack's config file: the Region and the instance the program reads. */
export function stackConfig(project: string, region: string, instanceId: string): string {
  return [
    "config:",
    `  aws:region: ${region}`,
    `  ${project}:instanceId: ${JSON.stringify(instanceId)}`,
    "",
  ].join("\n");
}

/** Writes every file into `dir` (created if missing); each through a rename, so none is left half written. */
export function writeFiles(dir: string, files: ProgramFiles): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const target = path.join(dir, name);
    const tmp = `${target}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, target);
  }
}
