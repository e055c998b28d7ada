import * as net from "node:net";
import * as os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { emulatorWith } from "../helpers/emulator";
import { REPO_ROOT, type StackExport } from "../helpers/pulumi";
import type { EmulatorState } from "../../src/emulator/state";
import { compareStateWithEmulator } from "../helpers/state-compare";
import { mixedPlan, mixedSeed, plannedCount } from "./mixed-plan";
import { mixedStack } from "./mixed-stack";
import { CredentialedTestStack, LEAK_CANARIES } from "./secret-env-stack";

/*
 * With AWS credentials (key, secret, session token) in the CLI's environment and a secret in the
 * stack config, which the provider receives decrypted in configure, the state of a stack holding
 * every resource type must hold none of them, no endpoint URL and no absolute path of this machine.
 *
 * The endpoints come from AWS_ENDPOINT_URL_CONNECT / _CUSTOMER_PROFILES here: the Pulumi engine
 * itself records the whole stack config as the inputs of the default `pulumi-nodejs` provider
 * (secrets encrypted), so an endpoint set in stack config is in state whatever a provider does. The
 * last test pins that engine behaviour, so that the README's advice stays true.
 */

const SECRET_CONFIG = "canary-stack-secret-5d1e08";
const PROVIDER_TYPE = "pulumi:providers:pulumi-nodejs";
const plan = mixedPlan();

let em: RunningEmulator;
let stack: CredentialedTestStack;
let baseline: EmulatorState;

interface Exported {
  deployment: { resources?: { type: string; inputs?: Record<string, unknown> }[] };
}

beforeAll(async () => {
  em = await emulatorWith(mixedSeed());
  baseline = structuredClone(em.state());
  stack = await mixedStack(em, plan, new CredentialedTestStack(em.url), { endpointsInConfig: false });
  await stack.run([
    "config",
    "set",
    "--secret",
    "--config-file",
    stack.configFile,
    "connect:apiToken",
    SECRET_CONFIG,
  ]);
  await stack.up();
});

afterAll(async () => {
  await stack?.remove();
  await em?.close();
});

/** Everything that must not be in state, by name. */
function forbidden(): Record<string, string> {
  return {
    ...LEAK_CANARIES,
    secretConfig: SECRET_CONFIG,
    endpoint: em.url,
    loopback: "127.0.0.1",
    repoRoot: REPO_ROOT,
    home: `${os.homedir()}/`,
    tmp: `${os.tmpdir()}/`,
    stackFolder: stack.tmp,
  };
}

function leaks(text: string): string[] {
  const found = Object.entries(forbidden())
    .filter(([, v]) => text.includes(v))
    .map(([k]) => k);
  if (/https?:\/\//.test(text)) found.push("a URL");
  return found;
}

describe("no secret, endpoint or machine path in state", () => {
  it(`pulumi stack export of ${plannedCount(plan)} resources of every type holds none of them`, async () => {
    const r = await stack.run(["stack", "export"]);
    const exported = JSON.parse(r.stdout) as Exported;
    // The stack really holds every resource type, as the emulator does.
    expect(new Set(exported.deployment.resources?.map((x) => x.type.split(":").pop()))).toEqual(
      new Set([
        "Stack",
        "pulumi-nodejs",
        "BotAssociation",
        "SecurityProfileAssociation",
        "WorkspaceAssociation",
        "FlowAssociation",
        "ProfileObjectDeletion",
      ]),
    );
    expect(compareStateWithEmulator(exported as StackExport, em.state(), baseline)).toEqual({
      orphans: [],
      missing: [],
      duplicates: [],
    });
    expect(leaks(r.stdout)).toEqual([]);
  });

  it("with --show-secrets, no resource of ours holds any of them either: nothing secret was stored, encrypted or not", async () => {
    const r = await stack.run(["stack", "export", "--show-secrets"]);
    const ours = (JSON.parse(r.stdout) as Exported).deployment.resources?.filter(
      (x) => x.type !== PROVIDER_TYPE,
    );
    expect(ours).toHaveLength(plannedCount(plan) + 1);
    expect(leaks(JSON.stringify(ours))).toEqual([]);
  });

  it("the engine keeps stack config in the default provider's inputs, a secret only as ciphertext", async () => {
    const r = await stack.run(["stack", "export"]);
    const provider = (JSON.parse(r.stdout) as Exported).deployment.resources?.find(
      (x) => x.type === PROVIDER_TYPE,
    );
    const token = provider?.inputs?.["connect:apiToken"] as Record<string, unknown> | undefined;
    expect([provider?.inputs?.["aws:region"], Object.keys(token ?? {}).sort()]).toEqual([
      "us-east-1",
      ["4dabf18193072939515e22adb298388d", "ciphertext"],
    ]);
  });
});

describe("connect-emulator binds loopback unless told otherwise", () => {
  it("listens on 127.0.0.1 by default, and on no other interface", async () => {
    const e = await startEmulator();
    try {
      expect(e.url).toBe(`http://127.0.0.1:${e.port}`);
      const others = Object.values(os.networkInterfaces())
        .flat()
        .filter((a) => a !== undefined && !a.internal && a.family === "IPv4")
        .map((a) => a?.address ?? "");
      const reachable = await Promise.all(
        others.map(
          (address) =>
            new Promise<string | undefined>((resolve) => {
              const s = net.connect({ host: address, port: e.port });
              s.once("connect", () => (s.destroy(), resolve(address)));
              s.once("error", () => resolve(undefined));
            }),
        ),
      );
      expect(reachable.filter((a) => a !== undefined)).toEqual([]);
    } finally {
      await e.close();
    }
  });

  it("listens where --host / host says when told", async () => {
    const e = await startEmulator({ host: "0.0.0.0" });
    try {
      expect(e.url).toBe(`http://0.0.0.0:${e.port}`);
    } finally {
      await e.close();
    }
  });
});
