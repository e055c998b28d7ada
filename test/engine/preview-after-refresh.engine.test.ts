import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { emulatorWith } from "../helpers/emulator";
import { flowTable, repoint } from "../helpers/flow-emulator";
import { REPO_ROOT, TestStack, pulumiBinary } from "../helpers/pulumi";
import { INSTANCE, REGION } from "../helpers/seeds/base";
import {
  FLOW_A,
  FLOW_B,
  FLOW_C,
  SMS_ARN,
  flowArn,
  flowSeed,
  voiceArn,
  voiceId,
} from "../helpers/seeds/flows";

// Drift, as a user meets it: `pulumi refresh` records what AWS holds, and the `pulumi preview --diff`
// that follows must say what `up` will change. The engine shows an update's diff from the recorded
// inputs to the program's, so read returns the inputs that AWS implies (@pulumi/pulumi >= 3.216).
let em: RunningEmulator;
let stack: TestStack;

beforeAll(async () => {
  pulumiBinary();
  em = await emulatorWith(flowSeed({ voiceNumbers: 2 }));
  stack = new TestStack(path.join(REPO_ROOT, "test/engine/programs/flows"));
  await stack.init({
    "aws:region": REGION,
    "connect:endpoint": em.url,
    "test:instanceId": INSTANCE,
    "test:voiceCount": "1",
    "test:flowId": FLOW_A,
    "test:smsNumberArn": SMS_ARN,
    "test:smsFlowId": FLOW_B,
  });
  await stack.up();
});

afterAll(async () => {
  await stack?.remove();
  await em?.close();
});

/** The lines of a `--diff` output that show a property change (`~ key: old => new`). */
const changedLines = (stdout: string) =>
  stdout
    .split("\n")
    .filter((l) => l.includes("=>"))
    .map((l) => l.trim().replace(/\s+/g, " "));

describe.sequential("preview after a refresh that found drift", () => {
  it("refresh records the flow AWS holds, in the inputs too", async () => {
    await repoint(em, voiceId(0), FLOW_C);
    await stack.refresh();
    const voice = (await stack.exportState()).deployment.resources?.find((r) =>
      r.urn.endsWith(`::voice-${voiceId(0)}`),
    );
    expect(voice?.outputs?.["flowId"]).toBe(flowArn(FLOW_C));
    // The program names its flow by id: the recorded inputs name the drifted one the same way.
    expect(voice?.inputs?.["flowId"]).toBe(FLOW_C);
  });

  it(`preview --diff shows flowId: "${FLOW_C}" => "${FLOW_A}" on the drifted number and nothing else`, async () => {
    const r = await stack.preview(["--diff"]);
    expect(r.stdout).toMatch(/~ pulumi-nodejs:dynamic\/connect:FlowAssociation: \(update\)/);
    expect(changedLines(r.stdout)).toEqual([`~ flowId : "${FLOW_C}" => "${FLOW_A}"`]);
  });

  it("up points the number back, and the next preview shows no change", async () => {
    await stack.up();
    expect(flowTable(em)[voiceArn(voiceId(0))]).toBe(flowArn(FLOW_A));
    await stack.preview(["--expect-no-changes"]);
  });
});
