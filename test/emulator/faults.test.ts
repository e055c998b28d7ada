import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as readline from "node:readline";
import { AssociateBotCommand, ConnectClient, ListBotsCommand } from "@aws-sdk/client-connect";
import { DeleteProfileObjectCommand } from "@aws-sdk/client-customer-profiles";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { faultsOf, resetEmulator, setFaults } from "../helpers/admin";
import { connectClient, emulatorWith, TEST_CREDENTIALS, adminRequest } from "../helpers/emulator";
import { DOMAIN, ORDER, PROFILE_A, orderKey, profilesClient, profilesSeed } from "../helpers/seeds/profiles";
import { ALIAS_A, INSTANCE, REGION, baseSeed } from "../helpers/seeds/base";

const CLI = path.resolve(__dirname, "../../dist/emulator/cli.js");

let em: RunningEmulator;
beforeEach(async () => {
  const connectPart = baseSeed() as { connect: object };
  em = await emulatorWith({ ...(profilesSeed() as object), connect: connectPart.connect });
});
afterEach(async () => em.close());

const errorName = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => "ok",
    (e: Error) => e.name,
  );

const v2Aliases = async (c: ConnectClient): Promise<string[]> =>
  ((await c.send(new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V2" }))).LexBots ?? []).map(
    (b) => b.LexV2Bot?.AliasArn ?? "",
  );

describe("fault injection", () => {
  it("answers an injected 500 with each service's own error shape", async () => {
    await setFaults(em, {
      seed: 3,
      rules: [{ operation: "*", kind: "internal", rate: 1 }],
    });
    const connect = await errorName(
      connectClient(em).send(new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V2" })),
    );
    const profiles = await errorName(
      profilesClient(em).send(
        new DeleteProfileObjectCommand({
          DomainName: DOMAIN,
          ProfileId: PROFILE_A,
          ObjectTypeName: ORDER,
          ProfileObjectUniqueKey: orderKey("o-1"),
        }),
      ),
    );
    expect([connect, profiles]).toEqual(["InternalServiceException", "InternalServerException"]);
  });

  it("lag: a just-made association is not listed for lagMs, then is", async () => {
    await setFaults(em, {
      seed: 3,
      rules: [{ operation: "AssociateBot", kind: "lag", rate: 1, lagMs: 400 }],
    });
    const c = connectClient(em);
    await c.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: ALIAS_A } }));
    expect(await v2Aliases(c)).toEqual([]);
    // The write path sees the real state: associating again is a conflict, not a second association.
    expect(
      await errorName(
        c.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: ALIAS_A } })),
      ),
    ).toBe("ResourceConflictException");
    await new Promise((r) => setTimeout(r, 450));
    expect(await v2Aliases(c)).toEqual([ALIAS_A]);
    expect(em.state().connect.instances[0]?.associatedLexV2Bots).toEqual([ALIAS_A]);
  });

  it("refuses a fault configuration with an unknown kind, naming the rule", async () => {
    const res = await adminRequest(em, "PUT", "/_emulator/faults", {
      seed: 1,
      rules: [{ operation: "*", kind: "explode", rate: 0.5 }],
    });
    expect([res.status, res.headers.get("x-amzn-errortype"), await res.json()]).toEqual([
      400,
      "InvalidRequestException",
      {
        Message: "rules[0].kind must be one of throttle, internal, reset-before, reset-after, latency, lag",
      },
    ]);
    expect(await faultsOf(em)).toEqual({ seed: 1, rules: [] });
  });
});

describe("connect-emulator --faults FILE", () => {
  it("injects the file's faults from the first call, and reset restores them", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emu-faults-"));
    const seedFile = path.join(dir, "seed.json");
    const faultsFile = path.join(dir, "faults.json");
    const faults = { seed: 9, rules: [{ operation: "ListBots", kind: "throttle", rate: 1, times: 1 }] };
    fs.writeFileSync(seedFile, JSON.stringify(baseSeed()));
    fs.writeFileSync(faultsFile, JSON.stringify(faults));
    const proc = spawn(process.execPath, [CLI, "--seed", seedFile, "--faults", faultsFile]);
    try {
      const first = await new Promise<string>((resolve, reject) => {
        readline.createInterface({ input: proc.stdout }).once("line", resolve);
        proc.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
      });
      const url = first.replace("connect-emulator listening on ", "");
      const c = new ConnectClient({
        region: REGION,
        endpoint: url,
        credentials: TEST_CREDENTIALS,
        maxAttempts: 1,
      });
      const list = () => errorName(c.send(new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V2" })));
      expect([await list(), await list()]).toEqual(["ThrottlingException", "ok"]);
      await resetEmulator({ url });
      expect(await faultsOf({ url })).toEqual(faults);
      expect(await list()).toBe("ThrottlingException");
    } finally {
      proc.kill("SIGTERM");
    }
  });

  it("exits 2 naming the file and the bad rule", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emu-faults-"));
    const faultsFile = path.join(dir, "faults.json");
    fs.writeFileSync(
      faultsFile,
      JSON.stringify({ seed: 1, rules: [{ operation: "*", kind: "lag", rate: 2 }] }),
    );
    const proc = spawn(process.execPath, [CLI, "--faults", faultsFile]);
    let err = "";
    proc.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const code = await new Promise((resolve) => proc.once("exit", resolve));
    expect([code, err]).toEqual([
      2,
      `connect-emulator: --faults ${faultsFile}: rules[0].rate must be a number from 0 to 1\n`,
    ]);
  });
});
