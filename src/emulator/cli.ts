#!/usr/bin/env node
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { SeedError } from "./seed";
import { parseFaultConfig, type FaultConfig } from "./core/faults";
import { startEmulator } from "./server";

const HELP = `Usage: connect-emulator [options]

A loopback emulator of the Amazon Connect and Customer Profiles APIs used by
pulumi-connect-associations, and of STS's GetCallerIdentity and AssumeRole.
Point the AWS SDK at it with AWS_ENDPOINT_URL_CONNECT /
AWS_ENDPOINT_URL_CUSTOMER_PROFILES / AWS_ENDPOINT_URL_STS (any credentials with
a single-account seed; a seeded account's access keys with the accounts form).

Options:
  --host HOST        address to listen on (default 127.0.0.1)
  --port N           port to listen on; 0 picks a free one (default 0)
  --seed FILE        JSON seed file (format in docs/emulator.md)
  --data-dir DIR     persist state in DIR after every mutation; reload it at start
  --quotas off|aws   per-operation throttling: off, or Connect's defaults (2/s, burst 5)
  --faults FILE      inject faults from the start: JSON as for PUT /_emulator/faults
                     ({"seed": 1, "rules": [{"operation": "*", "kind": "throttle", "rate": 0.1}]};
                     kinds throttle, internal, reset-before, reset-after, latency, lag)
  --log json         one JSON line per API request on stderr
  --version          the version of pulumi-connect-associations it comes with
  -h, --help         this text

The first line printed is "connect-emulator listening on http://HOST:PORT".
It stops on SIGTERM or SIGINT, and, when started through npm (npx, npm exec,
npm run), when the process npm started it under is gone.
Admin endpoints (unsigned): GET /_emulator/state, POST /_emulator/reset,
POST /_emulator/seed, GET|DELETE /_emulator/metrics, GET|PUT /_emulator/quotas,
GET|PUT /_emulator/faults.
`;

function parse(): ReturnType<typeof parseOptions> {
  try {
    return parseOptions();
  } catch (e) {
    // Node's own wording names the option; the hint says where the valid ones are.
    throw new Error(`${(e as Error).message}; see connect-emulator --help`);
  }
}

function parseOptions() {
  return parseArgs({
    options: {
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "0" },
      seed: { type: "string" },
      "data-dir": { type: "string" },
      quotas: { type: "string", default: "off" },
      log: { type: "string" },
      faults: { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean" },
    },
    strict: true,
  });
}

async function main(): Promise<void> {
  const { values } = parse();
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (values.version) {
    process.stdout.write(`connect-emulator ${packageVersion()}\n`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0-65535, got ${values.port}`);
  if (values.quotas !== "off" && values.quotas !== "aws")
    throw new Error(`--quotas must be off or aws, got ${values.quotas}`);
  if (values.log !== undefined && values.log !== "json")
    throw new Error(`--log must be json, got ${values.log}`);
  let seed: unknown;
  if (values.seed) {
    try {
      seed = JSON.parse(fs.readFileSync(values.seed, "utf8"));
    } catch (e) {
      throw new Error(`--seed ${values.seed}: ${(e as Error).message}`);
    }
  }
  let faults: FaultConfig | undefined;
  if (values.faults) {
    try {
      faults = parseFaultConfig(JSON.parse(fs.readFileSync(values.faults, "utf8")));
    } catch (e) {
      throw new Error(`--faults ${values.faults}: ${(e as Error).message}`);
    }
  }
  const emulator = await startEmulator({
    host: values.host,
    port,
    seed,
    quotas: values.quotas,
    ...(values["data-dir"] ? { dataDir: values["data-dir"] } : {}),
    ...(faults ? { faults } : {}),
    ...(values.log ? { log: (entry: object) => process.stderr.write(`${JSON.stringify(entry)}\n`) } : {}),
  });
  process.stdout.write(`connect-emulator listening on ${emulator.url}\n`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  stopWithNpmParent(stop);
}

/** The package's version, from the package.json two folders up (dist/emulator/ or src/emulator/). */
function packageVersion(): string {
  const file = path.join(__dirname, "..", "..", "package.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

/**
 * `npx connect-emulator` runs `npm exec`, which starts `sh -c connect-emulator …`, which starts this
 * process. A SIGTERM to npm reaches the shell, and dash dies without passing it on: this process
 * would be left listening, holding its port (the next run fails on it). So when npm started it
 * (npm sets npm_command), the parent is watched, and this process stops when it is gone, as it
 * does on SIGTERM. Started any other way (a service manager, `connect-emulator &`), it outlives
 * its parent as a server should.
 */
function stopWithNpmParent(stop: () => void): void {
  if (process.env["npm_command"] === undefined) return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      stop();
    }
  }, 250);
  timer.unref();
}

main().catch((e: unknown) => {
  process.stderr.write(`connect-emulator: ${e instanceof SeedError ? e.message : (e as Error).message}\n`);
  process.exit(2);
});
