import { INSTANCE, REGION } from "./base";

/**
 * A seed in the accounts form: a dev and a prod account, each with an access key of its own, one
 * Connect instance (same id in both) and a Lex V2 alias of its own account; prod's roles trust dev
 * (Deployer, and Audited with an ExternalId) or only prod (ProdOnly).
 */
export const DEV = "111111111111";
export const PROD = "222222222222";
export const DEV_KEY = { accessKeyId: "AKIADEVEMULATOR00001", secretAccessKey: "dev-secret" };
export const PROD_KEY = { accessKeyId: "AKIAPRODEMULATOR0001", secretAccessKey: "prod-secret" };
/** An access key of prod's IAM user `deployer`. */
export const PROD_USER_KEY = { accessKeyId: "AKIAPRODDEPLOYER0001", secretAccessKey: "deployer-secret" };
export const DEPLOYER_ROLE = `arn:aws:iam::${PROD}:role/Deployer`;
export const PROD_ONLY_ROLE = `arn:aws:iam::${PROD}:role/ops/ProdOnly`;
export const AUDITED_ROLE = `arn:aws:iam::${PROD}:role/Audited`;
export const EXTERNAL_ID = "audit-2026";
export const aliasOf = (account: string): string =>
  `arn:aws:lex:${REGION}:${account}:bot-alias/ABCDEFGHIJ/KLMNOPQRST`;

export function accountsSeed(): object {
  return {
    region: REGION,
    accounts: [
      {
        accountId: DEV,
        accessKeys: [DEV_KEY],
        connect: { instances: [{ id: INSTANCE, lexV2BotAliases: [aliasOf(DEV)] }] },
      },
      {
        accountId: PROD,
        accessKeys: [PROD_KEY, { ...PROD_USER_KEY, userName: "deployer" }],
        roles: [
          { arn: DEPLOYER_ROLE, trustedAccountIds: [DEV, PROD], maxSessionDuration: 43200 },
          { arn: PROD_ONLY_ROLE },
          { arn: AUDITED_ROLE, trustedAccountIds: [DEV], externalId: EXTERNAL_ID },
        ],
        connect: { instances: [{ id: INSTANCE, lexV2BotAliases: [aliasOf(PROD)] }] },
        customerProfiles: { domains: [{ name: "prod-domain" }] },
      },
    ],
  };
}
