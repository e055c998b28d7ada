import type { ProviderContext } from "./context";

/** An ARN of something inside a Connect instance (or the instance itself): its account is field 5. */
const INSTANCE_SCOPED = /^arn:aws[a-z-]*:connect:[a-z0-9-]+:(\d{12}):instance\//;

/** Every instance-scoped Connect ARN among the inputs, with the property that holds it. */
function instanceScopedArns(
  inputs: Record<string, unknown>,
): { property: string; arn: string; account: string }[] {
  const found: { property: string; arn: string; account: string }[] = [];
  const visit = (property: string, v: unknown) => {
    if (typeof v === "string") {
      const m = INSTANCE_SCOPED.exec(v);
      if (m?.[1]) found.push({ property, arn: v, account: m[1] });
    } else if (Array.isArray(v)) v.forEach((x, i) => visit(`${property}[${i}]`, x));
  };
  for (const [k, v] of Object.entries(inputs)) if (k !== "__provider") visit(k, v);
  return found;
}

/**
 * Refuses to act in the wrong account, before any mutating call (create, update, delete):
 *
 * - with stack config `aws:allowedAccountIds` / `aws:forbiddenAccountIds`, the caller's account
 *   (STS GetCallerIdentity, once per provider process and settings) must be allowed / not forbidden;
 * - whatever the config, an instance-scoped ARN among the inputs (a user, routing profile, phone
 *   number or instance ARN) must belong to the caller's account: Connect acts on the caller's
 *   account, so an ARN of another one is a mistake that would otherwise surface as a confusing AWS
 *   error, or act on a same-named resource.
 *
 * Nothing is asked of STS when neither applies. The errors name the account and the key or property;
 * no credential is ever part of them.
 */
export async function guardAccount(ctx: ProviderContext, props: Record<string, unknown>): Promise<void> {
  const aws = ctx.settings.aws;
  const arns = instanceScopedArns(props);
  if (!aws?.allowedAccountIds && !aws?.forbiddenAccountIds && arns.length === 0) return;
  const region =
    typeof props["region"] === "string" && props["region"] ? props["region"] : ctx.settings.region;
  if (!region) return;
  const { account, arn } = await ctx.clients.callerIdentity(region);
  if (aws?.allowedAccountIds && !aws.allowedAccountIds.includes(account))
    throw new Error(
      `The stack's AWS credentials act in account ${account} (${arn}), which stack config aws:allowedAccountIds ` +
        `(${aws.allowedAccountIds.join(", ")}) does not allow. Nothing was changed in AWS.`,
    );
  if (aws?.forbiddenAccountIds?.includes(account))
    throw new Error(
      `The stack's AWS credentials act in account ${account} (${arn}), which stack config aws:forbiddenAccountIds ` +
        `forbids. Nothing was changed in AWS.`,
    );
  const foreign = arns.find((a) => a.account !== account);
  if (foreign)
    throw new Error(
      `${foreign.property} is ${foreign.arn}, in account ${foreign.account}, but the stack's AWS credentials act in ` +
        `account ${account}: Amazon Connect would look for it in account ${account}. Use the ARN from account ${account}, ` +
        `or credentials of account ${foreign.account}. Nothing was changed in AWS.`,
    );
}
