import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { emulatorThroughput } from "./emulator-throughput";
import { exportRun } from "./export-run";
import { engineOverhead, lifecycleCalls, quotaRun, stateSize } from "./engine-runs";
import { pulumiBinary } from "../test/helpers/pulumi";

/*
 * `npm run bench`: prints the figures of bench/RESULTS.md; `npm run bench -- --write` also rewrites
 * that file. Figures, never assertions: speed is judged by reading them against the targets.
 */
const root = path.resolve(__dirname, "../..");
const lines: string[] = [];
const out = (s = "") => {
  lines.push(s);
  console.log(s);
};
const f = (n: number, d = 2) => n.toFixed(d);

/** Section 6: `connect-associations export` of 500 associations under Connect's quotas. */
async function exportSection(): Promise<void> {
  const x = await exportRun(root);
  out(
    "## 6. `connect-associations export` of 500 associations, emulator `--quotas aws` (2/s, burst 5 per operation)",
  );
  out();
  out(
    "Bots, workspace members, flows of every type, users' profiles (`--users`: one DescribeUser per user) and 10 AI agents' profiles; the listings of different operations run side by side, each paced to its own quota.",
  );
  out();
  out(
    "| associations | time | quota floor (operations overlapping) | floor if read one operation after another | 429s | calls |",
  );
  out("|---|---|---|---|---|---|");
  const calls = Object.entries(x.calls)
    .sort()
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  out(
    `| ${x.associations} | ${f(x.seconds)} s | ${f(x.floorSeconds)} s | ${f(x.sequentialFloorSeconds)} s | ${x.throttled} | ${calls} |`,
  );
  out();
}

async function main(): Promise<void> {
  process.env["AWS_ACCESS_KEY_ID"] ??= "AKIABENCH";
  process.env["AWS_SECRET_ACCESS_KEY"] ??= "bench";
  // `npm run bench -- --only export`: that section alone, printed, RESULTS.md untouched.
  if (process.argv.includes("--only")) {
    await exportSection();
    return;
  }
  pulumiBinary();
  out("# Benchmark results");
  out();
  out(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${f(os.totalmem() / 2 ** 30, 0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}.`,
  );
  out("Reproduce: `npm run bench` (add `-- --write` to rewrite this file).");
  out();

  out(
    "## 1. Quota run: `pulumi up` of 100 mixed associations (25 each of bots, voice flows, AI-agent profiles, workspaces), emulator `--quotas aws` (2/s, burst 5 per operation)",
  );
  out();
  out(
    "The engine runs at most `--parallel` resource operations at once (default 8), and a create waiting for its operation's token holds one of them, so the figure depends on it.",
  );
  out();
  out(
    "| `--parallel` | first→last AWS call | quota floor | ratio (target ≤ 1.15) | failed resources | 429s answered | calls |",
  );
  out("|---|---|---|---|---|---|---|");
  for (const parallel of [8, 32, 128]) {
    const q = await quotaRun(root, 100, parallel);
    const calls = Object.entries(q.calls)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
    out(
      `| ${q.parallel} | ${f(q.seconds)} s | ${f(q.floorSeconds)} s | ${f(q.ratio)} | ${q.failed} | ${q.throttled} | ${calls} |`,
    );
  }
  out();

  const l = await lifecycleCalls(root, 40);
  out(`## 2. API calls for ${l.resources} mixed associations on one instance (10 of each kind)`);
  out();
  out(
    "Update changes every resource in place: another flow, one more security profile, one more workspace user.",
  );
  out();
  out("| operation | create | update | refresh | destroy | minimum the APIs allow |");
  out("|---|---|---|---|---|---|");
  const MINIMA: Record<string, string> = {
    AssociateBot: "1 per bot created",
    DisassociateBot: "1 per bot destroyed",
    ListBots: "one listing per (instance, Lex version): 1 page for 10",
    AssociatePhoneNumberContactFlow: "1 per number created or re-pointed",
    DisassociatePhoneNumberContactFlow: "1 per number destroyed",
    ListFlowAssociations: "one listing per (instance, type): 1 page for 10",
    BatchGetFlowAssociation: "0 (we spend 1 per delete to leave a number someone re-pointed alone)",
    ListEntitySecurityProfiles: "1 per AI agent read (create reads once to send only the difference)",
    AssociateSecurityProfiles: "1 per 10 profiles added",
    DisassociateSecurityProfiles: "1 per 10 profiles removed",
    SearchWorkspaceAssociations: "one listing per instance",
    AssociateWorkspace: "1 per 25 ARNs added",
    DisassociateWorkspace: "1 per 25 ARNs removed",
  };
  const ops = [...new Set([l.create, l.update, l.refresh, l.destroy].flatMap((c) => Object.keys(c)))].sort();
  for (const op of ops) {
    const cell = (c: Record<string, number>) => String(c[op] ?? 0);
    out(
      `| ${op} | ${cell(l.create)} | ${cell(l.update)} | ${cell(l.refresh)} | ${cell(l.destroy)} | ${MINIMA[op] ?? ""} |`,
    );
  }
  const total = (c: Record<string, number>) => Object.values(c).reduce((x, y) => x + y, 0);
  out(
    `| **all, per resource** | ${f(total(l.create) / l.resources)} | ${f(total(l.update) / l.resources)} | ${f(total(l.refresh) / l.resources, 3)} | ${f(total(l.destroy) / l.resources)} | |`,
  );
  out();

  const s = await stateSize(root, 500);
  out("## 3. State size");
  out();
  out(
    "| `__provider` per resource (inputs + outputs copies; target ≤ 1 KB) | `pulumi stack export`, 500 resources |",
  );
  out("|---|---|");
  out(
    `| ${f(l.providerBytesPerResource, 0)} bytes | ${f(s.bytes / 1024, 0)} KiB (${f(s.bytes / s.resources, 0)} bytes a resource) |`,
  );
  out();

  const e = await engineOverhead(root, 200);
  out(
    "## 4. Engine overhead: `pulumi up` of 200 associations ÷ 200 no-op dynamic resources (quotas and pacing off)",
  );
  out();
  out("| associations | no-op | ratio (target ≤ 1.25) |");
  out("|---|---|---|");
  out(`| ${f(e.associations)} s | ${f(e.noop)} s | ${f(e.ratio)} |`);
  out();

  const t = await emulatorThroughput(root, 16, 5);
  out("## 5. Emulator: ListBots at 16 concurrent keep-alive connections for 5 s (separate process)");
  out();
  out("| requests/s (target ≥ 3,000) | p50 | p99 (target < 20 ms) | requests | non-200 |");
  out("|---|---|---|---|---|");
  out(`| ${f(t.perSecond, 0)} | ${f(t.p50Ms)} ms | ${f(t.p99Ms)} ms | ${t.requests} | ${t.non200} |`);

  out();
  await exportSection();

  if (process.argv.includes("--write"))
    fs.writeFileSync(path.join(root, "bench/RESULTS.md"), `${lines.join("\n")}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
