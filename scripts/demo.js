#!/usr/bin/env node
// `npm run demo`: the root project's `local` stack against connect-emulator, end to end:
// provision the CLI, start the seeded emulator, `pulumi up`, show outputs and the emulator's state,
// show that a second preview is clean, then tear everything down.
"use strict";
const { execFileSync, spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const http = require("node:http");
const os = require("node:os");
const path = require("node:path");
const readline = require("node:readline");

const root = path.resolve(__dirname, "..");
const stackFilePath = path.join(root, "Pulumi.local.yaml");
const stackFile = fs.readFileSync(stackFilePath, "utf8");

/** What the emulator holds, by kind: what the demo's resources made (or left). */
function printState(state) {
  const list = (items) => (items.length ? items.join(", ") : "none");
  for (const inst of state.connect.instances) {
    console.log(`instance ${inst.id}`);
    console.log(
      `  Lex V1 bots:          ${list(inst.associatedLexBots.map((b) => `${b.name} (${b.region})`))}`,
    );
    console.log(`  Lex V2 bot aliases:   ${list(inst.associatedLexV2Bots)}`);
    for (const a of inst.aiAgents)
      console.log(
        `  AI agent profiles:    ${list(a.securityProfileIds)}  (${a.arn.split("/").slice(-1)[0]})`,
      );
    for (const u of inst.users) console.log(`  user ${u.id} profiles: ${list(u.securityProfileIds)}`);
    console.log(
      `  workspace members:    ${list(inst.workspaceAssociations.map((w) => `${w.workspaceId} ← ${w.resourceArn.split("/").slice(-2).join("/")}`))}`,
    );
    console.log(
      `  flow associations:    ${list(inst.flowAssociations.map((f) => `${f.resourceArn.split("/").pop()} → ${f.flowArn.split("/").pop()}`))}`,
    );
  }
  for (const d of state.customerProfiles.domains) {
    const objects = d.profiles.flatMap((p) =>
      p.objects.map((o) => `${o.objectTypeName} ${JSON.stringify(o.object)}`),
    );
    console.log(`profiles domain ${d.name}: ${list(objects)}`);
  }
}

function step(text) {
  process.stdout.write(`\n=== ${text}\n`);
}

async function main() {
  step("Pulumi CLI (scripts/ensure-pulumi)");
  const pulumi = execFileSync(path.join(root, "scripts/ensure-pulumi"), {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  })
    .trim()
    .split("\n")
    .pop();
  console.log(pulumi);

  step("connect-emulator on a free port, seeded from examples/contact-center/emulator-seed.json");
  // Port 0: the emulator picks a free port and prints it, so the demo never fails on a busy 4599.
  const emulator = spawn(process.execPath, [
    path.join(root, "dist/emulator/cli.js"),
    "--port",
    "0",
    "--seed",
    path.join(root, "examples/contact-center/emulator-seed.json"),
  ]);
  emulator.stderr.pipe(process.stderr);
  const firstLine = await new Promise((resolve, reject) => {
    readline.createInterface({ input: emulator.stdout }).once("line", resolve);
    emulator.once("exit", (code) => reject(new Error(`connect-emulator exited with ${code}`)));
  });
  console.log(firstLine);
  const endpoint = firstLine.replace("connect-emulator listening on ", "");

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pca-demo-"));
  const env = {
    ...process.env,
    PATH: `${path.dirname(pulumi)}:${process.env.PATH}`,
    PULUMI_BACKEND_URL: `file://${tmp}`,
    PULUMI_HOME: path.join(tmp, ".pulumi"),
    PULUMI_CONFIG_PASSPHRASE: "local-demo",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    // The emulator needs a SigV4 scope, not a real key: never send real credentials to it.
    AWS_ACCESS_KEY_ID: "AKIALOCALDEMO0000000",
    AWS_SECRET_ACCESS_KEY: "local-demo-secret",
  };
  delete env.AWS_SESSION_TOKEN;
  delete env.AWS_PROFILE;
  const run = (args, opts = {}) => {
    const r = spawnSync(pulumi, [...args, "--non-interactive"], {
      cwd: root,
      env,
      stdio: opts.capture ? "pipe" : "inherit",
      encoding: "utf8",
    });
    if (r.status !== 0)
      throw new Error(
        `pulumi ${args.join(" ")} failed with exit code ${r.status}${opts.capture ? `\n${r.stderr}` : ""}`,
      );
    return r.stdout;
  };
  // A new connection each time (agent: false): the pulumi runs block this process (spawnSync), and a
  // kept-alive socket that the emulator closed meanwhile would be reused and fail.
  const emulatorJson = (p) =>
    new Promise((resolve, reject) => {
      http
        .get(`${endpoint}/_emulator/${p}`, { agent: false }, (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (d) => (body += d));
          res.on("end", () => {
            try {
              resolve(JSON.parse(body));
            } catch (e) {
              reject(e);
            }
          });
        })
        .on("error", reject);
    });

  try {
    step("pulumi stack select local --create");
    run(["stack", "select", "local", "--create"]);
    // This run's emulator address; the stack file is restored at the end.
    step(`pulumi config set connect:endpoint ${endpoint} (and connect:profilesEndpoint)`);
    run(["config", "set", "connect:endpoint", endpoint]);
    run(["config", "set", "connect:profilesEndpoint", endpoint]);
    step("pulumi up (stack local)");
    run(["up", "--yes"]);
    step("stack outputs");
    console.log(run(["stack", "output", "--json"], { capture: true }).trim());
    step("emulator state after up");
    printState(await emulatorJson("state"));
    console.log(`API calls: ${JSON.stringify((await emulatorJson("metrics")).calls)}`);
    step("second preview: expect no changes");
    run(["preview", "--expect-no-changes"]);
    step("pulumi destroy");
    run(["destroy", "--yes", "--skip-preview"]);
    step("emulator state after destroy (a deletion is not undone; profiles the stack did not manage stay)");
    printState(await emulatorJson("state"));
    // --preserve-config: `stack rm` otherwise deletes Pulumi.local.yaml, the committed stack file.
    run(["stack", "rm", "local", "--yes", "--preserve-config"], { capture: true });
  } finally {
    // `stack select --create` writes this run's encryption salt into the committed stack file.
    fs.writeFileSync(stackFilePath, stackFile);
    emulator.kill("SIGTERM");
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  step("demo finished");
}

main().catch((e) => {
  console.error(`demo failed: ${e.message}`);
  process.exit(1);
});
