import type { ProviderSettings } from "../aws/settings";
import { Checker, type CheckFailure } from "../validation/checker";
import { checkedRegion } from "../validation/region";

/** The DeleteProfileObject API reference's patterns (ProfileId's, written unanchored there, is whole-value). */
export const DOMAIN_NAME = /^[a-zA-Z0-9_-]+$/;
export const OBJECT_TYPE_NAME = /^[a-zA-Z_][a-zA-Z_0-9-]*$/;
export const PROFILE_ID = /^[a-f0-9]{32}$/;

/** Checked inputs: what create, diff and update receive (region and the two flags filled in). */
export interface ProfileObjectDeletionInputs {
  domainName: string;
  profileId: string;
  objectTypeName: string;
  profileObjectUniqueKey: string;
  region: string;
  /** Any values; only their change matters. */
  triggers?: unknown;
  ignoreMissing: boolean;
  verifyOnRefresh: boolean;
}

/**
 * Validates ProfileObjectDeletion inputs against every documented constraint of
 * DeleteProfileObject (DomainName 1-64 and its pattern, ObjectTypeName 1-255 and its pattern,
 * ProfileId 32 lowercase hex characters, ProfileObjectUniqueKey 1-255) and fills the defaults
 * (ignoreMissing true, verifyOnRefresh false, region). Unknown preview values pass.
 */
export function checkProfileObjectDeletion(
  news: Record<string, unknown>,
  settings: ProviderSettings,
): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const c = new Checker();
  c.string("domainName", news["domainName"], {
    required: true,
    min: 1,
    max: 64,
    pattern: DOMAIN_NAME,
    patternHint: `${DOMAIN_NAME.source} (letters, digits, _ and -)`,
  });
  c.string("profileId", news["profileId"], {
    required: true,
    pattern: PROFILE_ID,
    patternHint: `${PROFILE_ID.source} (32 lowercase hexadecimal characters)`,
  });
  c.string("objectTypeName", news["objectTypeName"], {
    required: true,
    min: 1,
    max: 255,
    pattern: OBJECT_TYPE_NAME,
    patternHint: `${OBJECT_TYPE_NAME.source} (a letter or _ first, then letters, digits, _ and -)`,
  });
  c.string("profileObjectUniqueKey", news["profileObjectUniqueKey"], { required: true, min: 1, max: 255 });
  const region = checkedRegion(c, news["region"], settings);
  c.boolean("ignoreMissing", news["ignoreMissing"]);
  c.boolean("verifyOnRefresh", news["verifyOnRefresh"]);

  const out: Record<string, unknown> = {
    ...news,
    region,
    ignoreMissing: news["ignoreMissing"] ?? true,
    verifyOnRefresh: news["verifyOnRefresh"] ?? false,
  };
  return { inputs: c.failures.length === 0 ? out : news, failures: c.failures };
}
