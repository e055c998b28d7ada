import { spawn } from "node:child_process";
import * as http from "node:http";
import * as path from "node:path";
import * as readline from "node:readline";

export interface ThroughputResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  non200: number;
}

const SIGNED =
  "AWS4-HMAC-SHA256 Credential=AKIABENCH/20261121/us-east-1/connect/aws4_request, SignedHeaders=host, Signature=00";

/**
 * ListBots against a separate emulator process at `connections` concurrent keep-alive connections
 * for `seconds`: requests per second and latency percentiles, as a client sees them.
 */
export async function emulatorThroughput(
  root: string,
  connections = 16,
  seconds = 5,
): Promise<ThroughputResult> {
  const proc = spawn(process.execPath, [
    path.join(root, "dist/emulator/cli.js"),
    "--port",
    "0",
    "--seed",
    path.join(root, "examples/contact-center/emulator-seed.json"),
  ]);
  try {
    const line = await new Promise<string>((resolve) =>
      readline.createInterface({ input: proc.stdout }).once("line", resolve),
    );
    const url = new URL(line.replace("connect-emulator listening on ", ""));
    const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
    const latencies: number[] = [];
    let non200 = 0;
    const deadline = Date.now() + seconds * 1000;
    const one = () =>
      new Promise<void>((resolve, reject) => {
        const t0 = process.hrtime.bigint();
        const req = http.request(
          {
            host: url.hostname,
            port: url.port,
            agent,
            method: "GET",
            path: "/instance/8c2d3f4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f/bots?lexVersion=V2&maxResults=25",
            headers: { authorization: SIGNED },
          },
          (res) => {
            res.resume();
            res.on("end", () => {
              if (res.statusCode !== 200) non200++;
              latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
              resolve();
            });
          },
        );
        req.on("error", reject);
        req.end();
      });
    const started = Date.now();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < deadline) await one();
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    agent.destroy();
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
    return {
      requests: latencies.length,
      seconds: elapsed,
      perSecond: latencies.length / elapsed,
      p50Ms: pct(0.5),
      p99Ms: pct(0.99),
      non200,
    };
  } finally {
    proc.kill("SIGTERM");
  }
}
