/** Resources per unit of bench/programs/mixed: a bot, a flow, an AI agent's profiles, a workspace. */
export const RESOURCES_PER_UNIT = 4;

/** The emulator seed matching bench/programs/mixed with `units` units, 25 units an instance. */
export function mixedSeed(units: number): object {
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  const instances = Math.ceil(units / 25);
  return {
    accountId: "123456789012",
    region: "us-east-1",
    connect: {
      instances: Array.from({ length: instances }, (_, k) => {
        const us = Array.from({ length: Math.min(25, units - k * 25) }, (_, i) => k * 25 + i);
        return {
          id: `bench-instance-${pad(k, 2)}`,
          lexV2BotAliases: us.map(
            (u) => `arn:aws:lex:us-east-1:123456789012:bot-alias/BNCH${pad(u, 6)}/TSTALIASID`,
          ),
          phoneNumbers: us.map((u) => ({ id: `pn-${pad(u, 4)}`, channel: "VOICE" })),
          contactFlows: [{ id: "cf-main" }, { id: "cf-alt" }],
          securityProfiles: [{ id: "sp-a" }, { id: "sp-b" }, { id: "sp-c" }],
          aiAgents: us.map((u) => ({
            arn: `arn:aws:wisdom:us-east-1:123456789012:ai-agent/bench-assistant/agent-${pad(u, 4)}`,
          })),
          workspaces: us.map((u) => ({ id: `ws-${pad(u, 4)}` })),
          users: us.flatMap((u) => ["a", "b", "c"].map((x) => ({ id: `u-${pad(u, 4)}-${x}` }))),
        };
      }),
    },
  };
}
