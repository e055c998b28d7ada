/** The emulator seed matching bench/programs/mixed: `instances` instances with `perInstance` aliases each. */
export function mixedSeed(instances: number, perInstance: number): object {
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  return {
    accountId: "123456789012",
    region: "us-east-1",
    connect: {
      instances: Array.from({ length: instances }, (_, k) => ({
        id: `bench-instance-${pad(k, 2)}`,
        lexV2BotAliases: Array.from(
          { length: perInstance },
          (_, i) => `arn:aws:lex:us-east-1:123456789012:bot-alias/BNCH${pad(k, 2)}${pad(i, 4)}/TSTALIASID`,
        ),
      })),
    },
  };
}
