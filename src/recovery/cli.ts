#!/usr/bin/env node
import * as fs from "node:fs";
import { recoverInterruptedCreates, type PreviewJson, type StackExport } from "./interrupted-creates";

const USAGE = `Usage: node node_modules/pulumi-connect-associations/dist/recovery/cli.js STATE.json [PREVIEW.json] > RECOVERED.json

Records the creates an interrupted pulumi up may have applied without recording them, so that
pulumi refresh can verify them against AWS. STATE.json: pulumi stack export --file STATE.json.
PREVIEW.json (optional): pulumi preview --json > PREVIEW.json, to cover a killed provider process,
which leaves no pending create behind. Then: pulumi stack import --file RECOVERED.json,
pulumi refresh --yes, pulumi up --yes. See "Recovering from an interrupted pulumi up" in the README.
`;

function readJson<T>(file: string): T {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

function main(args: string[]): number {
  const [stateFile, previewFile, ...extra] = args;
  if (!stateFile || stateFile === "-h" || stateFile === "--help" || extra.length > 0) {
    process.stderr.write(USAGE);
    return stateFile === "-h" || stateFile === "--help" ? 0 : 2;
  }
  const state = readJson<StackExport>(stateFile);
  if (!state.deployment) throw new Error(`${stateFile}: not a pulumi stack export (no deployment)`);
  const preview = previewFile ? readJson<PreviewJson>(previewFile) : undefined;
  const r = recoverInterruptedCreates(state, preview);
  process.stdout.write(`${JSON.stringify(r.stack, null, 2)}\n`);
  for (const x of r.recorded) process.stderr.write(`recorded ${x.urn} as ${x.id} (${x.from})\n`);
  for (const x of r.skipped) process.stderr.write(`skipped ${x.urn}: ${x.reason}\n`);
  process.stderr.write(`${r.recorded.length} recorded; now pulumi stack import, pulumi refresh, pulumi up\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`recover: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
