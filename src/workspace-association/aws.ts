import { SearchWorkspaceAssociationsCommand } from "@aws-sdk/client-connect";
import { isAwsError, wrapAwsError } from "../aws/errors";
import { forEachPage } from "../aws/pages";
import type { ProviderContext } from "../runtime/context";

/** SearchWorkspaceAssociations' largest page (API reference: MaxResults 1-500). */
const SEARCH_PAGE = 500;

export function listingKey(region: string, instanceId: string): string {
  return `SearchWorkspaceAssociations|${region}|${instanceId}`;
}

/** The ARNs associated with one workspace, by workspace id and by workspace ARN. */
export type WorkspaceListing = Map<string, Set<string>>;

/**
 * Every workspace association of the instance: SearchWorkspaceAssociations, every page, with no
 * SearchCriteria, filtered by workspace on our side. The reference documents no FieldName for its
 * StringCondition, so a workspace criterion could be refused by AWS; the one listing per instance
 * is taken once per engine operation and shared by every read of every workspace on it. An
 * instance that no longer exists holds no association.
 */
export function instanceListing(
  ctx: ProviderContext,
  region: string,
  instanceId: string,
): Promise<WorkspaceListing> {
  return ctx.snapshots.get(listingKey(region, instanceId), async () => {
    const client = ctx.clients.connectClient(region);
    const found: WorkspaceListing = new Map();
    const add = (key: string | undefined, arn: string) => {
      if (key === undefined) return;
      let set = found.get(key);
      if (!set) found.set(key, (set = new Set()));
      set.add(arn);
    };
    try {
      await forEachPage(
        (nextToken) =>
          client.send(
            new SearchWorkspaceAssociationsCommand({
              InstanceId: instanceId,
              MaxResults: SEARCH_PAGE,
              ...(nextToken ? { NextToken: nextToken } : {}),
            }),
          ),
        (page) => {
          for (const a of page.WorkspaceAssociations ?? []) {
            if (a.ResourceArn === undefined) continue;
            add(a.WorkspaceId, a.ResourceArn);
            add(a.WorkspaceArn, a.ResourceArn);
          }
        },
      );
    } catch (e) {
      if (isAwsError(e, "ResourceNotFoundException")) return new Map();
      throw wrapAwsError(
        "SearchWorkspaceAssociations",
        `workspace associations on instance ${instanceId}`,
        e,
      );
    }
    return found;
  });
}
