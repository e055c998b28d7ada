import * as fs from "node:fs";
import { EXIT, UsageError, type CliIo } from "../io";
import { recoverInterruptedCreates, type PreviewJson, type StackExport } from "./interrupted-creates";
import { parseStackArgs, recoverStack } from "./stack";

export const RECOVER_USAGE = `Usage: connect-associations recover --stack NAME [--cwd DIR] [--dry-run]
       connect-associations recover STATE.json [PREVIEW.json] > RECOVERED.json

Records the creates an interrupted pulumi up may have applied without recording them, so that
pulumi refresh can verify them against AWS. See docs/recovery.md.

--stack NAME runs the whole recovery through the pulumi CLI on PATH, in the project folder (the
current one, or --cwd DIR), with the caller's environment (passphrase, backend): deletes the empty
.attrs sidecars a kill can leave on a file backend, pulumi cancel when the stack's lock is held by a
pulumi of this machine that no longer runs (any other lock stops it), pulumi stack export,
pulumi preview --json, records the interrupted creates, pulumi stack import, pulumi refresh.
Each step and its pulumi command is printed on stderr; then run pulumi up.
  --dry-run  only say what it would do: export and preview run (they only read), nothing changes

STATE.json [PREVIEW.json]: the file form. STATE.json: pulumi stack export --file STATE.json.
PREVIEW.json (optional): pulumi preview --json > PREVIEW.json, to cover a killed provider process,
which leaves no pending create behind. Then: pulumi stack import --file RECOVERED.json,
pulumi refresh --yes, pulumi up --yes.

Exit codes: 0 done, 1 a pulumi step failed (named, with the CLI's last lines of error), 2 bad arguments.
`;

/**
 * `connect-associations recover`: the stack form when any argument is an option (`--stack NAME`,
 * see recoverStack), else the file form (recoverFiles).
 */
export async function recover(args: string[], io: CliIo): Promise<number> {
  if (!args.some((a) => a.startsWith("-"))) return recoverFiles(args, io);
  const opts = parseStackArgs(args, process.cwd());
  if (opts === "help") {
    io.out(RECOVER_USAGE);
    return EXIT.ok;
  }
  return recoverStack(opts, io);
}

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
  if (!stateFile || extra.length > 0)
    throw new UsageError("recover takes --stack NAME, or STATE.json and optionally PREVIEW.json");
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
