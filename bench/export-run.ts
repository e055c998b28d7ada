import { execFile } from "node:child_process";
import * as path from "node:path";
import { AssociateBotCommand, AssociateWorkspaceCommand, ConnectClient } from "@aws-sdk/client-connect";
import { startEmulator } from "../src/emulator";
import { metricsOf, resetMetrics, setQuotas } from "../test/helpers/admin";

/** What an export of a large instance costs under Connect's quotas. */
export interface ExportRun {
  associations: number;
  seconds: number;
  calls: Record<string, number>;
  /** max over operations of (calls - burst) / rate: the least time the quotas allow when operations overlap. */
  floorSeconds: number;
  /** The same summed over operations: the floor of a reader that lists one operation after another. */
  sequentialFloorSeconds: number;
  throttled: number;
}

const ACCOUNT = "123456789012";
const REGION = "us-east-1";
const INSTANCE = "bench-export-instance";
const ARN = `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${INSTANCE}`;
const n = (k: number, w = 3) => String(k).padStart(w, "0");
/** Workspace member k: the users first, then routing profiles. */
const member = (k: number) =>
  k < SHAPE.users ? `${ARN}/agent/user-${n(k)}` : `${ARN}/routing-profile/rp-${n(k - SHAPE.users)}`;

/**
 * 500 associations: 25 Lex V1 and 25 Lex V2 bots, 150 members of 3 workspaces, 150 voice, 20 SMS,
 * 10 WhatsApp, 10 email flow associations, 80 users with one profile each, 10 AI agents with 3.
 */
const SHAPE = {
  v1: 25,
  v2: 25,
  members: 150,
  voice: 150,
  sms: 20,
  whatsapp: 10,
  email: 5,
  users: 80,
  agents: 10,
};

function seed(): object {
  const agent = (k: number) =>
    `arn:aws:wisdom:${REGION}:${ACCOUNT}:ai-agent/9f0e1d2c-3b4a-4c5d-8e6f-7a8b9c0d1e2f/0a1b2c3d-4e5f-4a6b-8c7d-${n(k, 12)}`;
  const emails = Array.from({ length: SHAPE.email }, (_, i) => `email-${i}`);
  return {
    accountId: ACCOUNT,
    region: REGION,
    connect: {
      instances: [
        {
          id: INSTANCE,
          lexBots: Array.from({ length: SHAPE.v1 }, (_, i) => ({ name: `Bot${n(i)}` })),
          lexV2BotAliases: Array.from(
            { length: SHAPE.v2 },
            (_, i) => `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/BOT${n(i, 7)}/ALIAS${n(i, 5)}`,
          ),
          contactFlows: [{ id: "flow-1" }],
          securityProfiles: [{ id: "sp-1" }, { id: "sp-2" }, { id: "sp-3" }],
          // Every Connect user has at least one security profile: 80 users, one each.
          users: Array.from({ length: SHAPE.users }, (_, i) => ({
            id: `user-${n(i)}`,
            securityProfileIds: ["sp-1"],
          })),
          routingProfiles: Array.from({ length: SHAPE.members - SHAPE.users }, (_, i) => ({
            id: `rp-${n(i)}`,
          })),
          aiAgents: Array.from({ length: SHAPE.agents }, (_, i) => ({
            arn: agent(i),
            securityProfileIds: ["sp-1", "sp-2", "sp-3"],
          })),
          workspaces: [{ id: "ws-1" }, { id: "ws-2" }, { id: "ws-3" }],
          phoneNumbers: [
            ...Array.from({ length: SHAPE.voice }, (_, i) => ({ id: `voice-${n(i)}`, channel: "VOICE" })),
            ...Array.from({ length: SHAPE.sms }, (_, i) => ({ id: `sms-${n(i)}`, channel: "SMS" })),
            ...Array.from({ length: SHAPE.whatsapp }, (_, i) => ({ id: `wa-${n(i)}`, channel: "WHATSAPP" })),
          ],
          emailAddresses: emails.map((id) => ({ id })),
          flowAssociations: [
            ...Array.from({ length: SHAPE.voice }, (_, i) => ({
              resourceType: "VOICE_PHONE_NUMBER",
              resourceId: `voice-${n(i)}`,
              flowId: "flow-1",
            })),
            ...Array.from({ length: SHAPE.sms }, (_, i) => ({
              resourceType: "SMS_PHONE_NUMBER",
              resourceId: `arn:aws:sms-voice:${REGION}:${ACCOUNT}:phone-number/sms-${n(i)}`,
              flowId: "flow-1",
            })),
            ...Array.from({ length: SHAPE.whatsapp }, (_, i) => ({
              resourceType: "WHATSAPP_MESSAGING_PHONE_NUMBER",
              resourceId: `arn:aws:social-messaging:${REGION}:${ACCOUNT}:phone-number-id/wa-${n(i)}`,
              flowId: "flow-1",
            })),
            ...emails.flatMap((id) =>
              ["INBOUND_EMAIL", "OUTBOUND_EMAIL"].map((resourceType) => ({
                resourceType,
                resourceId: id,
                flowId: "flow-1",
              })),
            ),
          ],
        },
      ],
    },
  };
}

/**
 * `connect-associations export --users --ai-agent …` of 500 associations against the emulator with
 * `--quotas aws` (2/s, burst 5 per operation) and the CLI's default pacing.
 */
export async function exportRun(root: string): Promise<ExportRun> {
  const em = await startEmulator({ seed: seed() });
  try {
    const client = new ConnectClient({
      region: REGION,
      endpoint: em.url,
      credentials: { accessKeyId: "AKIABENCH", secretAccessKey: "bench" },
    });
    for (let i = 0; i < SHAPE.v1; i++)
      await client.send(
        new AssociateBotCommand({ InstanceId: INSTANCE, LexBot: { Name: `Bot${n(i)}`, LexRegion: REGION } }),
      );
    for (let i = 0; i < SHAPE.v2; i++)
      await client.send(
        new AssociateBotCommand({
          InstanceId: INSTANCE,
          LexV2Bot: { AliasArn: `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/BOT${n(i, 7)}/ALIAS${n(i, 5)}` },
        }),
      );
    for (let i = 0; i < SHAPE.members; i += 25)
      await client.send(
        new AssociateWorkspaceCommand({
          InstanceId: INSTANCE,
          WorkspaceId: `ws-${((i / 25) % 3) + 1}`,
          ResourceArns: Array.from({ length: 25 }, (_, j) => member(i + j)),
        }),
      );
    client.destroy();
    await setQuotas(em, "aws");
    await resetMetrics(em);
    const agents =
      (seed() as { connect: { instances: { aiAgents: { arn: string }[] }[] } }).connect.instances[0]
        ?.aiAgents ?? [];
    const t0 = Date.now();
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        [
          path.join(root, "dist/cli/main.js"),
          "export",
          "--instance-id",
          INSTANCE,
          "--region",
          REGION,
          "--format",
          "json",
          "--users",
          ...agents.flatMap((a) => ["--ai-agent", a.arn]),
        ],
        {
          env: {
            ...process.env,
            AWS_ENDPOINT_URL_CONNECT: em.url,
            AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
          },
          maxBuffer: 64 * 1024 * 1024,
        },
        (e, stdout, stderr) => (e ? reject(new Error(`export failed: ${stderr}`)) : resolve(stdout)),
      ),
    );
    const seconds = (Date.now() - t0) / 1000;
    const m = await metricsOf(em);
    const throttledOf = (op: string) => m.errors[op]?.["ThrottlingException"] ?? 0;
    const floors = Object.keys(m.calls).map((op) =>
      Math.max(0, ((m.calls[op] ?? 0) - throttledOf(op) - 5) / 2),
    );
    return {
      associations: (JSON.parse(out) as { associations: unknown[] }).associations.length,
      seconds,
      calls: m.calls,
      floorSeconds: Math.max(...floors),
      sequentialFloorSeconds: floors.reduce((a, b) => a + b, 0),
      throttled: Object.keys(m.calls).reduce((k, op) => k + throttledOf(op), 0),
    };
  } finally {
    await em.close();
  }
}
