import { REGION_NOT_SET, resolveRegion } from "../aws/region";
import type { ProviderSettings } from "../aws/settings";
import { REGION, REGION_HINT } from "./aws";
import type { Checker } from "./checker";
import { isUnknown } from "./unknown";

/**
 * Checks a resource's optional `region` and resolves it (see {@link resolveRegion}), recording a
 * failure when none is set anywhere. Unknown preview values pass as they are.
 */
export function checkedRegion(c: Checker, raw: unknown, settings: ProviderSettings): unknown {
  c.string("region", raw, { pattern: REGION, patternHint: REGION_HINT });
  const region = isUnknown(raw) ? raw : resolveRegion(raw as string | undefined, settings);
  if (region === undefined) c.fail("region", REGION_NOT_SET);
  return region;
}
