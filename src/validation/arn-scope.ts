import type { Checker } from "./checker";
import { isUnknown } from "./unknown";

/** `arn:<partition>:<service>:<region>:<account>:<resource>`: the fields an ARN's scope is read from. */
const ARN = /^arn:aws[a-z-]*:([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:(.*)$/;

/** The resource's own scope: its instance (id or ARN) and its resolved Region. */
export interface OwnScope {
  instanceId: unknown;
  region: unknown;
}

function instanceOf(resource: string): string | undefined {
  return /^instance\/([^/]+)/.exec(resource)?.[1];
}

/**
 * What the inputs alone show about ARNs that cannot belong to this resource: an ARN whose Region is
 * not the resource's Region, a Connect ARN inside another instance than `instanceId`, or ARNs of
 * two different accounts (the instance's ARN counts when given). Each is certain to fail at AWS
 * (or act elsewhere), so it fails `pulumi preview` naming the property and both values. Unknown
 * preview values and non-ARN values pass (their own shape rules are checked elsewhere). Whether
 * the account is the caller's needs a call: the account guard checks that before any change.
 */
export function checkArnScope(
  c: Checker,
  own: OwnScope,
  arns: readonly { property: string; value: unknown }[],
): void {
  const known = (v: unknown): v is string => typeof v === "string" && !isUnknown(v);
  const region = known(own.region) ? own.region : undefined;
  const instanceArn = known(own.instanceId) ? ARN.exec(own.instanceId) : null;
  const instance = known(own.instanceId)
    ? instanceArn
      ? instanceOf(instanceArn[4] ?? "")
      : own.instanceId
    : undefined;
  let account: { value: string; property: string } | undefined =
    instanceArn?.[3] !== undefined ? { value: instanceArn[3], property: "instanceId" } : undefined;
  if (instanceArn && region && instanceArn[2] && instanceArn[2] !== region)
    c.fail("instanceId", `instanceId is in Region ${instanceArn[2]}, but the resource's Region is ${region}`);
  for (const { property, value } of arns) {
    if (!known(value)) continue;
    const m = ARN.exec(value);
    if (!m) continue;
    const [, service, arnRegion, arnAccount, resource = ""] = m;
    if (region && arnRegion && arnRegion !== region)
      c.fail(property, `${property} is in Region ${arnRegion}, but the resource's Region is ${region}`);
    const inInstance = service === "connect" ? instanceOf(resource) : undefined;
    if (instance && inInstance && inInstance !== instance)
      c.fail(
        property,
        `${property} belongs to instance ${inInstance}, but the resource's instanceId is ${instance}`,
      );
    if (arnAccount) {
      if (account && account.value !== arnAccount)
        c.fail(
          property,
          `${property} is in account ${arnAccount}, but ${account.property} is in account ${account.value}`,
        );
      account ??= { value: arnAccount, property };
    }
  }
}
