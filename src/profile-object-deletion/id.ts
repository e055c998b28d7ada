/**
 * The id of a ProfileObjectDeletion: `<domainName>|<profileId>|<objectTypeName>|<profileObjectUniqueKey>`.
 * `|` appears in no domain name, profile id or object type name (their documented patterns exclude
 * it); the unique key, which has no documented pattern, comes last, so it may hold `|` itself.
 */
export interface ProfileObjectTarget {
  domainName: string;
  profileId: string;
  objectTypeName: string;
  profileObjectUniqueKey: string;
}

export function formatProfileObjectDeletionId(t: ProfileObjectTarget): string {
  return `${t.domainName}|${t.profileId}|${t.objectTypeName}|${t.profileObjectUniqueKey}`;
}

export function parseProfileObjectDeletionId(id: string): ProfileObjectTarget {
  const [domainName, profileId, objectTypeName, ...key] = id.split("|");
  const profileObjectUniqueKey = key.join("|");
  if (!domainName || !profileId || !objectTypeName || !profileObjectUniqueKey) {
    throw new Error(
      `'${id}' is not a ProfileObjectDeletion id: expected <domainName>|<profileId>|<objectTypeName>|<profileObjectUniqueKey>`,
    );
  }
  return { domainName, profileId, objectTypeName, profileObjectUniqueKey };
}
