import * as fs from "node:fs";
import { EXIT, UsageError, type CliIo } from "../io";
import { recoverInterruptedCreates, type PreviewJson, type StackExport } from "./interrupted-creates";

export const RECOVER_USAGE = `Usage: connect-associations recover STATE.json [PREVIEW.json] > RECOVERED.json

Records the creates an interrupted pulumi up may have applied without recording them, so that
pulumi refresh can verify them against AWS. STATE.json: pulumi stack export --file STATE.json.
PREVIEW.json (optional): pulumi preview --json > PREVIEW.json, to cover a killed provider process,
which leaves no pending create behind. Then: pulumi stack import --file RECOVERED.json,
pulumi refresh --yes, pulumi up --yes. See docs/recovery.md.
`;

function readJson<T>(file: string): T {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch (e) {
    throw new UsageError(`${file}: ${(e as Error).message}`);
  }
}

/** `connect-associations recover STATE.json [PREVIEW.json]`: the file-in / file-out form. */
export function recoverFiles(args: string[], io: CliIo): number {
  const [stateFile, previewFile, ...extra] = args;
  if (stateFile === "-h" || stateFile === "--help") {
    io.out(RECOVER_USAGE);
    return EXIT.ok;
  }
  if (!stateFile || extra.length > 0)
    throw new UsageError("recover takes STATE.json and optionally PREVIEW.json");
  const state = readJson<StackExport>(stateFile);
  if (!state.deployment) throw new UsageError(`${stateFile}: not a pulumi stack export (no deployment)`);
  const preview = previewFile ? readJson<PreviewJson>(previewFile) : undefined;
  const r = recoverInterruptedCreates(state, preview);
  io.out(`${JSON.stringify(r.stack, null, 2)}\n`);
  for (const x of r.recorded) io.err(`recorded ${x.urn} as ${x.id} (${x.from})\n`);
  for (const x of r.skipped) io.err(`skipped ${x.urn}: ${x.reason}\n`);
  io.err(`${r.recorded.length} recorded; now pulumi stack import, pulumi refresh, pulumi up\n`);
  return EXIT.ok;
}
