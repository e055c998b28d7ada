// Benchmark program: `perInstance` Lex V2 bot associations on each of `instances` instances, with
// ids and ARNs derived the same way as bench/fixtures.ts derives the emulator's seed.
const pulumi = require("@pulumi/pulumi");
const connect = require("pulumi-connect-associations");

const cfg = new pulumi.Config("bench");
const instances = cfg.requireNumber("instances");
const perInstance = cfg.requireNumber("perInstance");
const pad = (n, w) => String(n).padStart(w, "0");

for (let k = 0; k < instances; k++) {
  const instanceId = `bench-instance-${pad(k, 2)}`;
  for (let i = 0; i < perInstance; i++) {
    new connect.BotAssociation(`bot-${k}-${i}`, {
      instanceId,
      lexV2Bot: {
        aliasArn: `arn:aws:lex:us-east-1:123456789012:bot-alias/BNCH${pad(k, 2)}${pad(i, 4)}/TSTALIASID`,
      },
    });
  }
}
