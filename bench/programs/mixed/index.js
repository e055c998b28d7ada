// Benchmark program: `units` groups of four associations (a Lex V2 bot, a voice number's flow, an AI
// agent's security profiles, a workspace's users), 25 groups an instance, with ids and ARNs derived
// the same way as bench/fixtures.ts derives the emulator's seed.
const pulumi = require("@pulumi/pulumi");
const connect = require("pulumi-connect-associations");

const cfg = new pulumi.Config("bench");
const units = cfg.requireNumber("units");
// Variant "b" changes every resource in place: another flow, one more profile, one more user.
const b = cfg.get("variant") === "b";
const pad = (n, w) => String(n).padStart(w, "0");
const ACCOUNT = "123456789012";
const REGION = "us-east-1";

for (let u = 0; u < units; u++) {
  const k = Math.floor(u / 25);
  const instanceId = `bench-instance-${pad(k, 2)}`;
  const instanceArn = `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${instanceId}`;
  new connect.BotAssociation(`bot-${u}`, {
    instanceId,
    lexV2Bot: { aliasArn: `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/BNCH${pad(u, 6)}/TSTALIASID` },
  });
  new connect.FlowAssociation(`line-${u}`, {
    instanceId,
    resourceId: `pn-${pad(u, 4)}`,
    resourceType: "VOICE_PHONE_NUMBER",
    flowId: b ? "cf-alt" : "cf-main",
  });
  new connect.SecurityProfileAssociation(`agent-profiles-${u}`, {
    instanceId,
    entityType: "AI_AGENT",
    entityArn: `arn:aws:wisdom:${REGION}:${ACCOUNT}:ai-agent/bench-assistant/agent-${pad(u, 4)}`,
    securityProfileIds: b ? ["sp-a", "sp-b", "sp-c"] : ["sp-a", "sp-b"],
  });
  new connect.WorkspaceAssociation(`workspace-${u}`, {
    instanceId,
    workspaceId: `ws-${pad(u, 4)}`,
    resourceArns: [`${instanceArn}/agent/u-${pad(u, 4)}-a`, `${instanceArn}/agent/u-${pad(u, 4)}-b`].concat(
      b ? [`${instanceArn}/agent/u-${pad(u, 4)}-c`] : [],
    ),
  });
}
