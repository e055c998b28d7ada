/** The seed most tests start from: one instance with Lex V1 bots and Lex V2 aliases to associate. */
export const ACCOUNT = "123456789012";
export const REGION = "us-east-1";
export const INSTANCE = "11111111-2222-3333-4444-555555555555";
export const INSTANCE_ARN = `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${INSTANCE}`;
export const ALIAS_A = `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/ABCDEFGHIJ/KLMNOPQRST`;
export const ALIAS_B = `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/ABCDEFGHIJ/UVWXYZ0123`;
export const ALIAS_SLOW = `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/SLOWBOT000/TSTALIASID`;

/** A seed of ACCOUNT in REGION with one Connect instance, INSTANCE, holding `instance`'s collections. */
export function instanceSeed(instance: object, rest: object = {}): object {
  return {
    accountId: ACCOUNT,
    region: REGION,
    connect: { instances: [{ id: INSTANCE, ...instance }] },
    ...rest,
  };
}

export function baseSeed(opts: { slowAliasDelayMs?: number } = {}): object {
  return instanceSeed({
    lexBots: [{ name: "OrderBot" }, { name: "Billing_Bot", region: "eu-west-2" }],
    lexV2BotAliases: [
      ALIAS_A,
      ALIAS_B,
      { arn: ALIAS_SLOW, propagationDelayMs: opts.slowAliasDelayMs ?? 1500 },
    ],
  });
}
