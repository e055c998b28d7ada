import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  AssociatePhoneNumberContactFlowCommand,
  DisassociateBotCommand,
  type ConnectClient,
} from "@aws-sdk/client-connect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorState, RunningEmulator } from "../../src/emulator";
import type { InstanceState } from "../../src/emulator/state";
import { accountsOf, metricsOf } from "./admin";
import { connectClient, emulatorWith } from "./emulator";
import { REPO_ROOT, TestStack, type RunResult, type StackExport, type StateResource } from "./pulumi";
import { ACCOUNT, ALIAS_A, ALIAS_B, INSTANCE, INSTANCE_ARN, REGION, instanceSeed } from "./seeds/base";
import { AUDITED_ROLE, DEV, DEV_KEY, EXTERNAL_ID, PROD, accountsSeed, aliasOf } from "./seeds/accounts";
import { ORDER, PROFILE_A, orderKey, ordersDomain } from "./seeds/profiles";
import { agentArn } from "./seeds/security-profiles";
import { LOCAL_EMULATOR_URL } from "./stack-file";

/*
 * The provider plugin `connect-associations` driven from YAML and Python programs: the language
 * hosts and SDK generator of `scripts/ensure-pulumi yaml python sdkgen`, the plugin tarball of
 * `npm run plugin` installed into a PULUMI_HOME of the test file's own, and the generated Python
 * SDK installed into a folder of the test file's own.
 */

export const PLUGIN_NAME = "connect-associations";
export const PLUGIN_VERSION = (
  JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }
).version;

/** The type token of one of the plugin's resources. */
export const tokenOf = (kind: string): string => `${PLUGIN_NAME}:index:${kind}`;

export interface LanguageTools {
  /** The `pulumi` CLI. */
  pulumi: string;
  /** Its folder, which also holds pulumi-language-yaml, pulumi-language-python(-exec) and pulumi-sdkgen. */
  bin: string;
  /** A virtualenv holding the `pulumi` Python package of the CLI's version. */
  venv: string;
}

let tools: LanguageTools | undefined;

/**
 * The CLI with the YAML and Python hosts beside it, found or built by scripts/ensure-pulumi (the
 * global setup has built them already; this only reads the cache). Never skipped: a failure throws.
 */
export function languageTools(): LanguageTools {
  if (!tools) {
    const out = execFileSync(path.join(REPO_ROOT, "scripts/ensure-pulumi"), ["yaml", "python", "sdkgen"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    const pulumi = out.trim().split("\n").pop() ?? "";
    if (!path.isAbsolute(pulumi) || !fs.existsSync(pulumi))
      throw new Error(`scripts/ensure-pulumi yaml python sdkgen printed no usable CLI path: '${pulumi}'`);
    const bin = path.dirname(pulumi);
    const venvFile = path.join(bin, "python-venv.path");
    if (!fs.existsSync(venvFile)) throw new Error(`no python-venv.path beside ${pulumi}`);
    const venv = fs.readFileSync(venvFile, "utf8").trim();
    tools = { pulumi, bin, venv };
  }
  return tools;
}

/** Pulumi's names for this machine's platform, as in the tarball's name. */
function platform(): string {
  const osName = { linux: "linux", darwin: "darwin", win32: "windows" }[process.platform as string];
  const arch = { x64: "amd64", arm64: "arm64" }[process.arch as string];
  if (!osName || !arch) throw new Error(`no plugin tarball is built for ${process.platform}/${process.arch}`);
  return `${osName}-${arch}`;
}

/** The tarball `npm run plugin` writes for this machine (the global setup runs it). */
export function pluginTarball(): string {
  const file = path.join(
    REPO_ROOT,
    "dist/plugin",
    `pulumi-resource-${PLUGIN_NAME}-v${PLUGIN_VERSION}-${platform()}.tar.gz`,
  );
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run plugin`);
  return file;
}

/** Runs a command, failing with its whole output. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, cwd = REPO_ROOT): Promise<RunResult> {
  return new Promise((resolve, reject) =>
    execFile(cmd, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(" ")} failed: ${err.message}\n${stdout}\n${stderr}`));
      else resolve({ code: 0, stdout, stderr });
    }),
  );
}

/**
 * A PULUMI_HOME of a test file's own, with the plugin installed as users install it (`pulumi
 * plugin install resource connect-associations <version> --file <tarball>`), and, for Python
 * programs, a folder with the generated SDK pip-installed (with parver and semver from PyPI).
 */
export class PluginWorkspace {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "pca-plugin-"));
  readonly home = path.join(this.dir, "home");
  readonly site = path.join(this.dir, "site");

  /** The environment every command of this workspace runs with (the CLI, the hosts, the venv first on PATH). */
  env(): NodeJS.ProcessEnv {
    const t = languageTools();
    return {
      // The old Python host ignores runtime.options.virtualenv and runs the first python3 on PATH.
      PATH: `${path.join(t.venv, "bin")}:${t.bin}:${process.env["PATH"] ?? ""}`,
      HOME: process.env["HOME"] ?? this.dir,
      PULUMI_HOME: this.home,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PYTHONPATH: this.site,
      // Python writes no .pyc into sdk/ or the program folders.
      PYTHONDONTWRITEBYTECODE: "1",
      NO_COLOR: "1",
    };
  }

  /** `pulumi plugin install` of the tarball; answers the plugin's folder in PULUMI_HOME. */
  async installPlugin(): Promise<string> {
    const t = languageTools();
    await run(
      t.pulumi,
      ["plugin", "install", "resource", PLUGIN_NAME, PLUGIN_VERSION, "--file", pluginTarball()],
      this.env(),
    );
    return path.join(this.home, "plugins", `resource-${PLUGIN_NAME}-v${PLUGIN_VERSION}`);
  }

  /**
   * The generated SDK (sdk/python) pip-installed into `site` (installed, not only put on the path:
   * it reads its own version from its metadata), beside the venv's `pulumi`.
   */
  async installPythonSdk(): Promise<void> {
    const env = this.env();
    const pip = ["-m", "pip", "install", "--disable-pip-version-check", "--no-input", "--quiet"];
    // Built from a copy: pip would leave build/ and *.egg-info in the committed SDK folder.
    const copy = path.join(this.dir, "sdk-python");
    fs.cpSync(path.join(REPO_ROOT, "sdk/python"), copy, { recursive: true });
    await run("python3", [...pip, "--target", this.site, "--no-deps", copy], env);
    await run("python3", [...pip, "--target", this.site, "parver", "semver"], env);
  }

  stack(programDir: string, extraEnv: NodeJS.ProcessEnv = {}): PluginStack {
    return new PluginStack(this, programDir, extraEnv);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * One stack of a YAML or Python program using the plugin: TestStack's own backend, passphrase and
 * AWS test keys, with the workspace's PULUMI_HOME (the plugin installed) and PATH (the hosts).
 */
export class PluginStack extends TestStack {
  constructor(
    readonly workspace: PluginWorkspace,
    programDir: string,
    readonly extraEnv: NodeJS.ProcessEnv = {},
  ) {
    super(programDir);
  }

  override env(): NodeJS.ProcessEnv {
    return { ...super.env(), ...this.workspace.env(), ...this.extraEnv };
  }

  /**
   * Creates the stack with `config`. The plugin's own pacing is lifted unless the test sets it:
   * these tests are not about Connect's quota.
   */
  override async init(config: Record<string, string>): Promise<void> {
    fs.mkdirSync(path.join(this.tmp, "backend"), { recursive: true });
    // run() names the stack (--stack), which stack init takes as the name to create.
    await this.run(["stack", "init"]);
    const all = {
      [`${PLUGIN_NAME}:rateLimits`]: JSON.stringify({ "*": { rate: 10000, burst: 10000 } }),
      ...config,
    };
    for (const [k, v] of Object.entries(all)) await this.setConfig(k, v);
  }

  setSecret(key: string, value: string): Promise<RunResult> {
    return this.run(["config", "set", "--secret", "--config-file", this.configFile, key, value]);
  }

  /** `pulumi preview --diff`: every changed property as `old => new`. */
  previewDiff(): Promise<RunResult> {
    return this.preview(["--diff"]);
  }

  /** `pulumi import` of one resource, no code written (the old hosts cannot generate it). */
  importResource(token: string, name: string, id: string, extra: string[] = []): Promise<RunResult> {
    return this.run(
      this.withConfig([
        "import",
        token,
        name,
        id,
        "--generate-code=false",
        "--yes",
        "--skip-preview",
        ...extra,
      ]),
    );
  }

  async exportText(showSecrets = false): Promise<string> {
    return (await this.run(["stack", "export", ...(showSecrets ? ["--show-secrets"] : [])])).stdout;
  }
}

/* The seed of both languages' tests: one instance holding something of every kind to associate. */

export const V1_BOT = "OrderBot";
export const SUPERVISOR = "u-supervisor";
export const AGENT_USER = "u-agent";
export const userArn = (id: string): string => `${INSTANCE_ARN}/agent/${id}`;
export const ROUTING_PROFILE_ARN = `${INSTANCE_ARN}/routing-profile/rp-supervisors`;
export const WORKSPACE = "ws-supervisors";
export const FLOW_MAIN = "cf-main";
export const FLOW_AFTER_HOURS = "cf-after-hours";
export const contactFlowArn = (id: string): string => `${INSTANCE_ARN}/contact-flow/${id}`;
export const MAIN_NUMBER = "pn-main";
export const SPARE_NUMBER = "pn-spare";
export const phoneNumberArn = (id: string): string =>
  `arn:aws:connect:${REGION}:${ACCOUNT}:phone-number/${id}`;
/** An AI agent holding no security profile. */
export const AI_AGENT = agentArn(1);
export const ERASED_ORDER = "o-erase";
export const KEPT_ORDER = "o-keep";
export { ALIAS_A, ALIAS_B, INSTANCE, INSTANCE_ARN, PROFILE_A, ORDER, orderKey };

export function pluginSeed(): object {
  return instanceSeed(
    {
      lexBots: [{ name: V1_BOT }],
      lexV2BotAliases: [ALIAS_A, ALIAS_B],
      securityProfiles: [{ id: "sp-agent" }, { id: "sp-supervisor" }, { id: "sp-reports" }],
      users: [
        { id: SUPERVISOR, securityProfileIds: ["sp-agent"] },
        { id: AGENT_USER, securityProfileIds: ["sp-agent"] },
      ],
      aiAgents: [{ arn: AI_AGENT }],
      routingProfiles: [{ id: "rp-supervisors" }],
      workspaces: [{ id: WORKSPACE }],
      contactFlows: [{ id: FLOW_MAIN }, { id: FLOW_AFTER_HOURS }],
      phoneNumbers: [
        { id: MAIN_NUMBER, channel: "VOICE" },
        { id: SPARE_NUMBER, channel: "VOICE" },
      ],
    },
    {
      customerProfiles: {
        domains: [
          ordersDomain([
            {
              id: PROFILE_A,
              objects: [
                { objectTypeName: ORDER, object: { orderId: ERASED_ORDER, total: 10 } },
                { objectTypeName: ORDER, object: { orderId: KEPT_ORDER, total: 20 } },
              ],
            },
          ]),
        ],
      },
    },
  );
}

/** A program folder of test/engine/programs. */
export const programDir = (name: string): string => path.join(REPO_ROOT, "test/engine/programs", name);

/* The engine scenarios both languages run, each on its own emulator (in this process). */

const SLOW = 300_000;

function instanceOf(state: EmulatorState): InstanceState {
  const i = state.connect.instances[0];
  if (!i) throw new Error("the seed has an instance");
  return i;
}

/** What the emulator holds of every kind the plugin manages, in terms a test states exactly. */
export function associationsIn(state: EmulatorState): object {
  const i = instanceOf(state);
  return {
    lexV1: i.associatedLexBots.map((b) => `${b.region} ${b.name}`),
    lexV2: i.associatedLexV2Bots,
    userProfiles: Object.fromEntries(i.users.map((u) => [u.id, [...u.securityProfileIds].sort()])),
    aiAgentProfiles: i.aiAgents.map((a) => [...a.securityProfileIds].sort()),
    workspaceMembers: i.workspaceAssociations.map((w) => `${w.workspaceId} ${w.resourceArn}`).sort(),
    flows: Object.fromEntries(i.flowAssociations.map((f) => [f.resourceArn, f.flowArn])),
    orders: (state.customerProfiles.domains[0]?.profiles[0]?.objects ?? []).map(
      (o) => (o.object as { orderId: string }).orderId,
    ),
  };
}

/** pluginSeed as associationsIn reads it. */
export const SEEDED = {
  lexV1: [],
  lexV2: [],
  userProfiles: { [SUPERVISOR]: ["sp-agent"], [AGENT_USER]: ["sp-agent"] },
  aiAgentProfiles: [[]],
  workspaceMembers: [],
  flows: {},
  orders: [ERASED_ORDER, KEPT_ORDER],
};

/** The plugin's resources in a stack's state, by name. */
export async function pluginResources(
  stack: TestStack,
): Promise<Record<string, StateResource & { protect?: boolean }>> {
  const all = (await stack.exportState()).deployment.resources ?? [];
  return Object.fromEntries(
    all
      .filter((r) => r.type.startsWith(`${PLUGIN_NAME}:`))
      .map((r) => [r.urn.slice(r.urn.lastIndexOf("::") + 2), r]),
  );
}

/** Absolute paths of this machine that must never reach a stack's state. */
function machinePaths(ws: PluginWorkspace): string[] {
  return [REPO_ROOT, ws.dir, os.tmpdir(), os.homedir()];
}

/** Where in `doc` (a JSON path) a string contains one of `needles`, and what it contains. */
function pathsNaming(doc: unknown, needles: string[], at = "$"): string[] {
  if (typeof doc === "string") return needles.some((n) => doc.includes(n)) ? [`${at}: ${doc}`] : [];
  if (Array.isArray(doc)) return doc.flatMap((v, i) => pathsNaming(v, needles, `${at}[${i}]`));
  if (doc && typeof doc === "object")
    return Object.entries(doc).flatMap(([k, v]) => pathsNaming(v, needles, `${at}.${k}`));
  return [];
}

export interface LifecycleProgram {
  /** "YAML" or "Python", for the tests' names. */
  language: string;
  /** Its folder under test/engine/programs. */
  program: string;
  /** Its project name: the namespace of its own config keys. */
  project: string;
  /**
   * The key a nested object's property has in the stack's outputs: the schema's name in YAML; the
   * SDK's attribute name in Python, whose output types export as dicts keyed that way.
   */
  outputKey: (schemaName: string) => string;
}

/**
 * The program declaring one of each resource (plugin-yaml, plugin-python): up with its exact
 * outputs and associations, a clean preview, an update shown `old => new`, a replace naming its
 * property, refresh after out-of-band changes, destroy back to the seed.
 */
export function describeLifecycle(ws: PluginWorkspace, p: LifecycleProgram): void {
  describe.sequential(
    `a ${p.language} program using the plugin, every resource and getFlowAssociations`,
    () => {
      let em: RunningEmulator;
      let stack: PluginStack;
      let seeded: InstanceState;
      const connect = () => connectClient(em);

      beforeAll(async () => {
        em = await emulatorWith(pluginSeed());
        seeded = structuredClone(instanceOf(em.state()));
        stack = ws.stack(programDir(p.program));
        await stack.init({
          [`${PLUGIN_NAME}:region`]: REGION,
          [`${PLUGIN_NAME}:endpoint`]: em.url,
          [`${p.project}:ordersAliasArn`]: ALIAS_A,
          [`${p.project}:mainFlowId`]: FLOW_MAIN,
          [`${p.project}:erasedOrderKey`]: orderKey(ERASED_ORDER),
        });
      }, SLOW);

      afterAll(async () => {
        await stack?.remove();
        await em?.close();
      });

      it(
        "up creates the six resources; outputs and the emulator's associations are exactly the declared ones",
        async () => {
          const r = await stack.up();
          // Six resources and the stack (the default provider is not counted).
          expect(r.stdout).toContain("+ 7 created");
          expect(await stack.outputs()).toEqual({
            ordersBot: `${INSTANCE}|V2|${ALIAS_A}`,
            ordersBotVersion: "V2",
            orderBotV1: `${INSTANCE}|V1|${REGION}|${V1_BOT}`,
            orderBotV1Lex: { name: V1_BOT, [p.outputKey("lexRegion")]: REGION },
            supervisorProfiles: ["sp-reports", "sp-supervisor"],
            workspaceMembers: [userArn(SUPERVISOR), ROUTING_PROFILE_ARN],
            mainLine: `${INSTANCE}|VOICE_PHONE_NUMBER|${MAIN_NUMBER}`,
            mainLineFlow: FLOW_MAIN,
            erasure: "deleted",
            // pn-spare starts no flow, so only the main line is found, both named by ARN as AWS does.
            routing: [
              {
                [p.outputKey("resourceId")]: phoneNumberArn(MAIN_NUMBER),
                [p.outputKey("flowId")]: contactFlowArn(FLOW_MAIN),
                [p.outputKey("resourceType")]: "VOICE_PHONE_NUMBER",
              },
            ],
          });
          expect(associationsIn(em.state())).toEqual({
            lexV1: [`${REGION} ${V1_BOT}`],
            lexV2: [ALIAS_A],
            // Additive: the supervisor keeps sp-agent.
            userProfiles: {
              [SUPERVISOR]: ["sp-agent", "sp-reports", "sp-supervisor"],
              [AGENT_USER]: ["sp-agent"],
            },
            aiAgentProfiles: [[]],
            workspaceMembers: [`${WORKSPACE} ${userArn(SUPERVISOR)}`, `${WORKSPACE} ${ROUTING_PROFILE_ARN}`],
            flows: { [phoneNumberArn(MAIN_NUMBER)]: contactFlowArn(FLOW_MAIN) },
            orders: [KEPT_ORDER],
          });
          // The inputs and outputs of every resource, the default provider's included. (The
          // language SDK's own record of the program's call stack, sourcePosition / stackTrace,
          // names the Python venv's files, relative to the project but outside it here.)
          const recorded = ((await stack.exportState()).deployment.resources ?? []).map((r) => ({
            urn: r.urn,
            inputs: r.inputs,
            outputs: r.outputs,
          }));
          expect(pathsNaming(recorded, machinePaths(ws))).toEqual([]);
        },
        SLOW,
      );

      it(
        "the next preview shows no changes",
        async () => {
          const r = await stack.preview(["--expect-no-changes"]);
          expect(r.code).toBe(0);
        },
        SLOW,
      );

      it(
        "a new flowId previews as an update shown old => new, and up re-points the number in place",
        async () => {
          await stack.setConfig(`${p.project}:mainFlowId`, FLOW_AFTER_HOURS);
          const preview = await stack.previewDiff();
          expect(preview.stdout).toContain(`~ flowId: "${FLOW_MAIN}" => "${FLOW_AFTER_HOURS}"`);
          expect(preview.stdout).toContain("~ 1 to update");
          await stack.up();
          expect((await stack.outputs())["mainLineFlow"]).toBe(FLOW_AFTER_HOURS);
          expect(associationsIn(em.state())).toMatchObject({
            flows: { [phoneNumberArn(MAIN_NUMBER)]: contactFlowArn(FLOW_AFTER_HOURS) },
          });
        },
        SLOW,
      );

      it(
        "a new Lex V2 alias previews as a replace naming lexV2Bot, and up swaps the association",
        async () => {
          await stack.setConfig(`${p.project}:ordersAliasArn`, ALIAS_B);
          const preview = await stack.preview();
          expect(preview.stdout).toMatch(
            /\+-\s+connect-associations:index:BotAssociation\s+orders-bot\s+replace\s+\[diff: ~lexV2Bot\]/,
          );
          expect(preview.stdout).toContain("+-1 to replace");
          await stack.up();
          expect((await stack.outputs())["ordersBot"]).toBe(`${INSTANCE}|V2|${ALIAS_B}`);
          expect(associationsIn(em.state())).toMatchObject({ lexV2: [ALIAS_B] });
        },
        SLOW,
      );

      it(
        "refresh after out-of-band changes drops the disassociated bot and records the number's other flow; up restores both",
        async () => {
          await connect().send(
            new DisassociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: ALIAS_B } }),
          );
          await connect().send(
            new AssociatePhoneNumberContactFlowCommand({
              InstanceId: INSTANCE,
              PhoneNumberId: MAIN_NUMBER,
              ContactFlowId: FLOW_MAIN,
            }),
          );
          const r = await stack.refresh();
          expect(r.stdout).toMatch(
            /-\s+connect-associations:index:BotAssociation\s+orders-bot\s+deleted\s+\([\d.]+s\)\s*$/m,
          );
          expect(r.stdout).toMatch(
            /~\s+connect-associations:index:FlowAssociation\s+main-line\s+updated\s+\([\d.]+s\)\s+\[diff: ~flowId\]/,
          );
          const state = await pluginResources(stack);
          expect(state["orders-bot"]).toBeUndefined();
          expect(state["main-line"]?.outputs?.["flowId"]).toBe(contactFlowArn(FLOW_MAIN));

          await stack.up();
          expect(associationsIn(em.state())).toMatchObject({
            lexV2: [ALIAS_B],
            flows: { [phoneNumberArn(MAIN_NUMBER)]: contactFlowArn(FLOW_AFTER_HOURS) },
          });
          expect((await stack.preview(["--expect-no-changes"])).code).toBe(0);
        },
        SLOW,
      );

      it(
        "destroy leaves the instance as seeded (the erased order stays erased) and no resource in state",
        async () => {
          await stack.destroy();
          expect(instanceOf(em.state())).toEqual(seeded);
          expect(associationsIn(em.state())).toEqual({ ...SEEDED, orders: [KEPT_ORDER] });
          expect((await stack.exportState()).deployment.resources ?? []).toEqual([]);
        },
        SLOW,
      );
    },
  );
}

export interface ImportCase {
  kind: string;
  name: string;
  id: string;
}

export interface ImportProgram {
  language: string;
  /** A program declaring exactly the imported resources, protected. */
  program: string;
  /** Makes the associations out of band, through the AWS SDK. */
  outOfBand: (connect: ConnectClient) => Promise<void>;
  imports: ImportCase[];
  /** The emulator (associationsIn) once outOfBand ran. */
  afterOutOfBand: object;
}

/**
 * `pulumi import` of associations made out of band: recorded (protected) with no change in AWS,
 * the program declaring them previews clean, and destroy (once unprotected) removes them.
 */
export function describeImport(ws: PluginWorkspace, p: ImportProgram): void {
  describe.sequential(`pulumi import into a ${p.language} program's stack`, () => {
    let em: RunningEmulator;
    let stack: PluginStack;
    let seeded: InstanceState;

    beforeAll(async () => {
      em = await emulatorWith(pluginSeed());
      seeded = structuredClone(instanceOf(em.state()));
      stack = ws.stack(programDir(p.program));
      await stack.init({ [`${PLUGIN_NAME}:region`]: REGION, [`${PLUGIN_NAME}:endpoint`]: em.url });
      await p.outOfBand(connectClient(em));
    }, SLOW);

    afterAll(async () => {
      await stack?.remove();
      await em?.close();
    });

    it(
      `pulumi import of ${p.imports.map((c) => c.kind).join(" and ")} made out of band records each by its id, protected, changing nothing in AWS`,
      async () => {
        expect(associationsIn(em.state())).toEqual(p.afterOutOfBand);
        for (const c of p.imports) await stack.importResource(tokenOf(c.kind), c.name, c.id);
        const state = await pluginResources(stack);
        expect(
          Object.fromEntries(Object.entries(state).map(([name, r]) => [name, [r.type, r.id, r.protect]])),
        ).toEqual(Object.fromEntries(p.imports.map((c) => [c.name, [tokenOf(c.kind), c.id, true]])));
        expect(associationsIn(em.state())).toEqual(p.afterOutOfBand);
      },
      SLOW,
    );

    it(
      "the program declaring them previews with no changes",
      async () => {
        const r = await stack.preview(["--expect-no-changes"]);
        expect(r.code).toBe(0);
      },
      SLOW,
    );

    it(
      "once unprotected, destroy removes them: the instance is as seeded",
      async () => {
        await stack.run(["state", "unprotect", "--all", "--yes"]);
        await stack.destroy();
        expect(instanceOf(em.state())).toEqual(seeded);
      },
      SLOW,
    );
  });
}

/** The secret marker of Pulumi's state format: an object with it is a secret value. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
/** The value under SECRET_SIG that marks a secret (as opposed to another special value). */
const SECRET_VALUE_SIG = "1b47061264138c4ac30d75fd1eb44270";

/**
 * Two explicit `connect-associations` providers in one program (plugin-*-accounts): dev's
 * credentials from the shell, and the same credentials assuming prod's Audited role with an
 * external id set as a secret. Each bot lands in its own account; the secret is ciphertext in state.
 */
export function describeTwoAccounts(ws: PluginWorkspace, p: Omit<LifecycleProgram, "outputKey">): void {
  describe.sequential(`a ${p.language} program with two explicit providers in two accounts`, () => {
    let em: RunningEmulator;
    let stack: PluginStack;
    const bots = async () => {
      const accounts = await accountsOf(em);
      return {
        [DEV]: accounts[DEV]?.connect.instances[0]?.associatedLexV2Bots,
        [PROD]: accounts[PROD]?.connect.instances[0]?.associatedLexV2Bots,
      };
    };

    beforeAll(async () => {
      em = await emulatorWith(accountsSeed());
      stack = ws.stack(programDir(p.program), {
        AWS_ACCESS_KEY_ID: DEV_KEY.accessKeyId,
        AWS_SECRET_ACCESS_KEY: DEV_KEY.secretAccessKey,
      });
      await stack.init({ [`${p.project}:endpoint`]: em.url });
      await stack.setSecret(`${p.project}:externalId`, EXTERNAL_ID);
    }, SLOW);

    afterAll(async () => {
      await stack?.remove();
      await em?.close();
    });

    it(
      "up associates dev's alias in dev's account and prod's in prod's, through the assumed role",
      async () => {
        await stack.up();
        expect(await stack.outputs()).toEqual({
          devBot: `${INSTANCE}|V2|${aliasOf(DEV)}`,
          prodBot: `${INSTANCE}|V2|${aliasOf(PROD)}`,
        });
        expect(await bots()).toEqual({ [DEV]: [aliasOf(DEV)], [PROD]: [aliasOf(PROD)] });
        // The role was assumed with dev's key, so the external id reached the prod provider.
        const calls = (await metricsOf(em)).accounts ?? {};
        expect(calls[DEV]?.calls["AssumeRole"]).toBe(1);
      },
      SLOW,
    );

    it(
      "the secret external id is ciphertext in pulumi stack export, in the prod provider's inputs",
      async () => {
        const text = await stack.exportText();
        expect(text).not.toContain(EXTERNAL_ID);
        const providers = ((JSON.parse(text) as StackExport).deployment.resources ?? []).filter(
          (r) => r.type === `pulumi:providers:${PLUGIN_NAME}` && r.urn.endsWith("::prod"),
        );
        expect(providers.length).toBe(1);
        // The engine keeps the whole list secret, the one secret value in it lifted to the property.
        const ciphertext = { [SECRET_SIG]: SECRET_VALUE_SIG, ciphertext: expect.any(String) as unknown };
        expect(providers[0]?.inputs?.["assumeRoles"]).toEqual(ciphertext);
        expect(providers[0]?.outputs?.["assumeRoles"]).toEqual(ciphertext);
        // --show-secrets decrypts it (as plaintext JSON under the same marker): what the program declared.
        const shown = JSON.parse(await stack.exportText(true)) as StackExport;
        const prod = (shown.deployment.resources ?? []).find((r) => r.urn === providers[0]?.urn);
        const plain = prod?.inputs?.["assumeRoles"] as { plaintext?: string } | undefined;
        // The Python SDK sends a provider's non-string inputs JSON-encoded (so does state, then).
        const decoded: unknown = JSON.parse(plain?.plaintext ?? "null");
        expect(typeof decoded === "string" ? JSON.parse(decoded) : decoded).toEqual([
          {
            roleArn: AUDITED_ROLE,
            sessionName: `${p.language.toLowerCase()}-engine-test`,
            externalId: EXTERNAL_ID,
          },
        ]);
      },
      SLOW,
    );

    it(
      "the next preview shows no changes; destroy removes both, each in its own account",
      async () => {
        expect((await stack.preview(["--expect-no-changes"])).code).toBe(0);
        await stack.destroy();
        expect(await bots()).toEqual({ [DEV]: [], [PROD]: [] });
      },
      SLOW,
    );
  });
}

export interface ExampleProgram {
  /** The folder under examples/. */
  dir: string;
  outputs: Record<string, unknown>;
  /** contactCenterAssociations once up ran. */
  expectedAfterUp: object;
}

/** The contact centre's seed (examples/contact-center/emulator-seed.json), which the examples' local stacks name. */
export const CC_INSTANCE = "8c2d3f4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
export const CC_INSTANCE_ARN = `arn:aws:connect:us-east-1:123456789012:instance/${CC_INSTANCE}`;
export const CC_ORDERS_ALIAS = "arn:aws:lex:us-east-1:123456789012:bot-alias/ORDERSBOT1/LIVEALIAS1";

export function contactCenterSeed(): object {
  return JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, "examples/contact-center/emulator-seed.json"), "utf8"),
  ) as object;
}

/** What the contact centre's instance holds of the associations the examples make. */
export function contactCenterAssociations(state: EmulatorState): object {
  const i = instanceOf(state);
  return {
    lexV1: i.associatedLexBots.map((b) => `${b.region} ${b.name}`),
    lexV2: i.associatedLexV2Bots,
    supervisor: i.users.find((u) => u.id === "u-supervisor")?.securityProfileIds,
    workspaceMembers: i.workspaceAssociations.map((w) => `${w.workspaceId} ${w.resourceArn}`).sort(),
    flows: Object.fromEntries(i.flowAssociations.map((f) => [f.resourceArn, f.flowArn])),
    orders: (state.customerProfiles.domains[0]?.profiles[0]?.objects ?? []).map(
      (o) => (o.object as { orderId: string }).orderId,
    ),
  };
}

/** A committed example's `local` stack (its Pulumi.local.yaml), run as its README says, on the contact centre's seed. */
export function describeExample(ws: PluginWorkspace, ex: ExampleProgram): void {
  describe.sequential(`examples/${ex.dir}: its local stack`, () => {
    let em: RunningEmulator;
    let stack: PluginStack;

    beforeAll(async () => {
      em = await emulatorWith(contactCenterSeed());
      stack = ws.stack(path.join(REPO_ROOT, "examples", ex.dir));
      await stack.init({});
      const text = fs.readFileSync(path.join(REPO_ROOT, "examples", ex.dir, "Pulumi.local.yaml"), "utf8");
      if (!text.includes(LOCAL_EMULATOR_URL))
        throw new Error(`examples/${ex.dir}/Pulumi.local.yaml names no ${LOCAL_EMULATOR_URL}`);
      // The file users run, with the test's own emulator in place of port 4599.
      fs.writeFileSync(stack.configFile, text.split(LOCAL_EMULATOR_URL).join(em.url));
      await stack.setConfig(
        `${PLUGIN_NAME}:rateLimits`,
        JSON.stringify({ "*": { rate: 10000, burst: 10000 } }),
      );
    }, SLOW);

    afterAll(async () => {
      await stack?.remove();
      await em?.close();
    });

    it(
      "up gives the documented outputs, then destroy leaves no resource",
      async () => {
        await stack.up();
        expect(await stack.outputs()).toEqual(ex.outputs);
        expect(contactCenterAssociations(em.state())).toEqual(ex.expectedAfterUp);
        await stack.destroy();
        expect((await stack.exportState()).deployment.resources ?? []).toEqual([]);
      },
      SLOW,
    );
  });
}

/** The README's one fenced block of `lang` holding `mark`. */
export function readmeBlock(lang: string, mark: string): string {
  const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
  const blocks = [...readme.matchAll(new RegExp("^```" + lang + "\\n([\\s\\S]*?)^```$", "gm"))]
    .map((m) => m[1] ?? "")
    .filter((b) => b.includes(mark));
  if (blocks.length !== 1)
    throw new Error(`README.md has ${blocks.length} \`\`\`${lang} blocks with ${mark}`);
  return blocks[0] ?? "";
}

export interface ReadmeProgram {
  /** What the test names it by. */
  title: string;
  /** The program folder's files, the README's block among them. */
  files: Record<string, string>;
  /** The program's own config keys (the default provider's are added). */
  config: Record<string, string>;
  outputs: Record<string, unknown>;
}

/** A program of the README's section, as a user would paste it, up and destroyed on the contact centre's seed. */
export function describeReadmeProgram(ws: PluginWorkspace, p: ReadmeProgram): void {
  describe.sequential(`README.md, From Python, Go, .NET or YAML: ${p.title}`, () => {
    let em: RunningEmulator;
    let stack: PluginStack;
    const dir = path.join(ws.dir, `readme-${p.title.replace(/\W+/g, "-")}`);

    beforeAll(async () => {
      fs.mkdirSync(dir);
      for (const [name, text] of Object.entries(p.files)) fs.writeFileSync(path.join(dir, name), text);
      em = await emulatorWith(contactCenterSeed());
      stack = ws.stack(dir);
      await stack.init({
        [`${PLUGIN_NAME}:region`]: REGION,
        [`${PLUGIN_NAME}:endpoint`]: em.url,
        ...p.config,
      });
    }, SLOW);

    afterAll(async () => {
      await stack?.remove();
      await em?.close();
    });

    it(
      "up gives the outputs the README's program exports; destroy leaves no resource",
      async () => {
        await stack.up();
        expect(await stack.outputs()).toEqual(p.outputs);
        await stack.destroy();
        expect((await stack.exportState()).deployment.resources ?? []).toEqual([]);
      },
      SLOW,
    );
  });
}
