import type { ProviderSettings } from "./settings";

/** What a user reads when no Region is set anywhere: every place one can be given. */
export const REGION_NOT_SET =
  "region is not set: give the resource a region, or set stack config aws:region, or AWS_REGION";

/**
 * The Region a call goes to: the resource's own `region` > stack config `aws:region` > `AWS_REGION`
 * > `AWS_DEFAULT_REGION` (the order `@pulumi/aws` and the AWS CLI use). The one place that order is
 * written; every check, read and function resolves through it. An empty string counts as not set.
 */
export function resolveRegion(
  resourceRegion: string | undefined,
  settings: Pick<ProviderSettings, "region">,
): string | undefined {
  return (
    resourceRegion ||
    settings.region ||
    process.env["AWS_REGION"] ||
    process.env["AWS_DEFAULT_REGION"] ||
    undefined
  );
}

/**
 * The Region of a step that must make a call (a read of state recorded before `region` was an
 * output, a function call): resolved as above, or a clear error instead of a call to Region "".
 */
export function requireRegion(
  resourceRegion: string | undefined,
  settings: Pick<ProviderSettings, "region">,
  what: string,
): string {
  const region = resolveRegion(resourceRegion, settings);
  if (region === undefined) throw new Error(`${what}: ${REGION_NOT_SET}`);
  return region;
}
