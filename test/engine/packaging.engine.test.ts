import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator";
import { callsOf, resetMetrics } from "../helpers/admin";
import {
  makeConsumer,
  packTarball,
  tscOf,
  typeCheck,
  type PackageManager,
  type Packed,
} from "../helpers/consumer";
import { REPO_ROOT, TestStack } from "../helpers/pulumi";

// What a user meets: the package installed from its tarball into a project of their own (npm's
// hoisted layout and pnpm's symlinked one), a TypeScript program with every resource and the
// function, and the real CLI. This is where the serialized provider entry must find the package
// in the consumer's node_modules, with no link or path from this repository to help it.
const PROGRAM = path.join(REPO_ROOT, "test/engine/programs/consumer");
const SEED = JSON.parse(
  fs.readFileSync(path.join(REPO_ROOT, "examples/contact-center/emulator-seed.json"), "utf8"),
) as object;
const I = "8c2d3f4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
const IARN = `arn:aws:connect:us-east-1:123456789012:instance/${I}`;
const AI_AGENT =
  "arn:aws:wisdom:us-east-1:123456789012:ai-agent/9f0e1d2c-3b4a-4c5d-8e6f-7a8b9c0d1e2f/0a1b2c3d-4e5f-4a6b-8c7d-000000000001";
const ALIAS = "arn:aws:lex:us-east-1:123456789012:bot-alias/ORDERSBOT1/LIVEALIAS1";
// The seeded order o-1001's ProfileObjectUniqueKey in the emulator.
const ORDER_KEY = "6Hclb5CcITGzuBY-8n6Ih9641jCcBxwWQ3pvf_LkW2E";
const INSTALL_TIMEOUT = 600_000;
/**
 * The TypeScript majors a user's project may hold: the previous one at this repository's version,
 * and the current one within @pulumi/pulumi's peer range (typescript < 7), pinned so that a new
 * release cannot change the test unannounced.
 */
const TYPESCRIPT_6 = "6.0.3";
const EXAMPLES = fs
  .readdirSync(path.join(REPO_ROOT, "examples"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(REPO_ROOT, "examples", d.name, "tsconfig.json")))
  .map((d) => d.name)
  .sort();
const CLI_TIMEOUT = 240_000;

let packed: Packed;
const packDir = fs.mkdtempSync(path.join(os.tmpdir(), "pca-pack-"));
beforeAll(async () => {
  packed = await packTarball(packDir);
}, INSTALL_TIMEOUT);
afterAll(() => fs.rmSync(packDir, { recursive: true, force: true }));

describe("the packed tarball", () => {
  it("holds package.json, README.md, LICENSE and dist only (code, types, maps and the emulator's AWS models): no test, source or example", () => {
    expect(packed.files.filter((f) => !f.startsWith("dist/"))).toEqual([
      "LICENSE",
      "README.md",
      "package.json",
    ]);
    expect(packed.files.filter((f) => !/\.(js|d\.ts|js\.map)$/.test(f))).toEqual([
      "LICENSE",
      "README.md",
      "dist/emulator/models/connect.json",
      "dist/emulator/models/customer-profiles.json",
      "dist/emulator/models/sts.json",
      "package.json",
    ]);
    expect(packed.files).toContain("dist/index.d.ts");
    expect(packed.files).toContain("dist/providers/runtime.js");
    expect(packed.files).toContain("dist/emulator/cli.js");
  });

  it("carries every source map's sources inline, so no map points at a file left out", () => {
    const maps = packed.files.filter((f) => f.endsWith(".js.map"));
    expect(maps.length).toBe(packed.files.filter((f) => f.endsWith(".js")).length);
    const incomplete = maps.filter((f) => {
      const map = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, f), "utf8")) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      return map.sourcesContent?.length !== map.sources.length || map.sourcesContent.some((c) => !c);
    });
    expect(incomplete).toEqual([]);
  });
});

/**
 * The stack as a user runs it: the AWS SDK's NodeVersionSupportWarning left on (TestStack turns it
 * off for every other test), since the package does not silence it (README, "Node.js 20 and the AWS SDK's notice").
 */
class UserStack extends TestStack {
  override env(): NodeJS.ProcessEnv {
    const { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: _, ...env } = super.env();
    return env;
  }
}

/** Where `request` resolves for a module in folder `from`, as the program and the dynamic provider resolve it. */
function realResolve(request: string, from: string): string {
  return fs.realpathSync(createRequire(path.join(from, "index.js")).resolve(request));
}

describe.sequential.each<PackageManager>(["npm", "pnpm"])("the packed package installed with %s", (pm) => {
  let dir: string;
  let installOutput: string;
  let em: RunningEmulator;
  let stack: TestStack;
  const calls = () => callsOf(em);
  const resources = async () =>
    ((await stack.exportState()).deployment.resources ?? [])
      .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/connect:"))
      .map((r) => `${r.type.split(":").pop() ?? ""} ${r.id ?? ""}`)
      .sort();
  const instance = () => {
    const i = em.state().connect.instances[0];
    if (!i) throw new Error("the seed has an instance");
    return i;
  };

  beforeAll(async () => {
    const started = Date.now();
    ({ dir, installOutput } = await makeConsumer(PROGRAM, packed.tarball, pm));
    console.log(
      `packaging: ${pm} install of the consumer took ${Math.round((Date.now() - started) / 1000)} s`,
    );
    em = await startEmulator({ seed: SEED, quotas: "off" });
    stack = new UserStack(dir);
    await stack.init({
      "aws:region": "us-east-1",
      "connect:endpoint": em.url,
      "connect:profilesEndpoint": em.url,
      "consumer:instanceId": I,
      "consumer:aiAgentArn": AI_AGENT,
      "consumer:objectKey": ORDER_KEY,
    });
  }, INSTALL_TIMEOUT);

  afterAll(async () => {
    await stack?.remove();
    await em?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("resolves the provider entry, the dynamic provider and one shared @pulumi/pulumi from the program's folder", () => {
    const root = fs.realpathSync(dir);
    const runtime = realResolve("pulumi-connect-associations/providers/runtime", dir);
    expect(path.relative(root, runtime)).toMatch(/^node_modules\/.*dist\/providers\/runtime\.js$/);
    expect(path.relative(root, realResolve("@pulumi/pulumi/cmd/dynamic-provider", dir))).toMatch(
      /^node_modules\/.*@pulumi\/pulumi\/cmd\/dynamic-provider\/index\.js$/,
    );
    // The package's peer must be the program's own copy: a second @pulumi/pulumi would register
    // resources with a runtime that the program never connected to the engine.
    const packageDir = path.dirname(realResolve("pulumi-connect-associations/package.json", dir));
    expect(realResolve("@pulumi/pulumi", packageDir)).toBe(realResolve("@pulumi/pulumi", dir));
  });

  it("installs without a warning about this package (no install script, nothing missing)", () => {
    const ours = installOutput
      .split("\n")
      .filter((l) => /warn/i.test(l) && l.includes("pulumi-connect-associations"));
    expect(ours).toEqual([]);
  });

  it("installs the connect-emulator binary, which answers --help", () => {
    const help = execFileSync(path.join(dir, "node_modules/.bin/connect-emulator"), ["--help"], {
      encoding: "utf8",
    });
    expect(help.split("\n")[0]).toBe("Usage: connect-emulator [options]");
  });

  it(
    "type-checks the program and its emulator helper against the tarball's types: TypeScript 5 with node16 (the README's settings) and node10 (Pulumi's template), TypeScript 6 with node16",
    async () => {
      expect(await typeCheck(dir)).toBe("");
      expect(await typeCheck(dir, ["--module", "commonjs", "--moduleResolution", "node10"])).toBe("");
      expect(await typeCheck(dir, [], await tscOf(TYPESCRIPT_6))).toBe("");
    },
    INSTALL_TIMEOUT,
  );

  it(
    "type-checks every example under its own tsconfig.json with TypeScript 5 and TypeScript 6",
    async () => {
      const ts6 = await tscOf(TYPESCRIPT_6);
      const failures: Record<string, string> = {};
      for (const name of EXAMPLES) {
        const example = path.join(dir, "examples", name);
        fs.mkdirSync(example, { recursive: true });
        for (const f of ["index.ts", "tsconfig.json"])
          fs.copyFileSync(path.join(REPO_ROOT, "examples", name, f), path.join(example, f));
        const ts5 = path.join(dir, "node_modules/typescript/bin/tsc");
        for (const [major, tsc] of [
          ["5", ts5],
          ["6", ts6],
        ] as const) {
          const out = await typeCheck(example, [], tsc);
          if (out !== "") failures[`${name} (TypeScript ${major})`] = out;
        }
      }
      expect(EXAMPLES.length).toBe(7);
      expect(failures).toEqual({});
    },
    INSTALL_TIMEOUT,
  );

  it(
    "preview plans the five creates and calls no AWS API",
    async () => {
      const r = await stack.preview();
      const creates = r.stdout
        .split("\n")
        .flatMap(
          (l) =>
            /\+\s+pulumi-nodejs:dynamic\/connect:(\w+)\s+(\S+)\s+create/.exec(l)?.slice(1, 3).join(" ") ?? [],
        )
        .sort();
      expect(creates).toEqual([
        "BotAssociation orders-bot",
        "FlowAssociation main-line",
        "ProfileObjectDeletion erasure",
        "SecurityProfileAssociation triage-agent",
        "WorkspaceAssociation supervisors",
      ]);
      expect(await calls()).toEqual({});
    },
    CLI_TIMEOUT,
  );

  it(
    "up creates every resource, and getFlowAssociations reads the new association; on Node.js < 22 the AWS SDK's NodeVersionSupportWarning shows, not silenced",
    async () => {
      const r = await stack.up();
      // The AWS SDK's notice about Node.js < 22, shown as the SDK prints it: once by each process
      // that made an AWS client (the program, for getFlowAssociations, and the provider).
      const diagnostics = r.stdout.slice(r.stdout.indexOf("Diagnostics:"));
      const notices = diagnostics.match(/\(node:\d+\) Warning: NodeVersionSupportWarning/g) ?? [];
      expect(notices).toHaveLength(Number(process.versions.node.split(".")[0]) < 22 ? 2 : 0);
      expect(await stack.outputs()).toEqual({
        ids: {
          bot: `${I}|V2|${ALIAS}`,
          agentProfiles: `${I}|AI_AGENT|${AI_AGENT}`,
          workspace: `${I}|ws-supervisors`,
          mainLine: `${I}|VOICE_PHONE_NUMBER|pn-main`,
          erasure: `customers|0123456789abcdef0123456789abcdef|Order|${ORDER_KEY}`,
        },
        erasureOutcome: "deleted",
        mainLineFlows: {
          associations: [
            {
              resourceId: "arn:aws:connect:us-east-1:123456789012:phone-number/pn-main",
              flowId: `${IARN}/contact-flow/cf-main`,
              resourceType: "VOICE_PHONE_NUMBER",
            },
          ],
        },
      });
      expect(instance().associatedLexV2Bots).toEqual([ALIAS]);
      expect(instance().aiAgents[0]?.securityProfileIds).toEqual(["sp-agent", "sp-ai-triage"]);
    },
    CLI_TIMEOUT,
  );

  it(
    "refresh reads every resource through the installed provider and finds nothing changed",
    async () => {
      const before = await resources();
      await resetMetrics(em);
      await stack.refresh();
      expect(await resources()).toEqual(before);
      expect(await calls()).toEqual({
        ListBots: 1,
        ListEntitySecurityProfiles: 1,
        SearchWorkspaceAssociations: 1,
        ListFlowAssociations: 1,
        ListProfileObjects: 1,
      });
    },
    CLI_TIMEOUT,
  );

  it(
    "destroy removes every association and leaves the stack empty",
    async () => {
      await stack.destroy();
      expect(await resources()).toEqual([]);
      expect(instance().associatedLexV2Bots).toEqual([]);
      expect(instance().aiAgents[0]?.securityProfileIds).toEqual(["sp-agent"]);
      expect(instance().workspaceAssociations).toEqual([]);
      expect(instance().flowAssociations).toEqual([]);
    },
    CLI_TIMEOUT,
  );
});
