/**
 * The id of a WorkspaceAssociation: `<instanceId>|<workspaceId>`. An instance id or ARN never holds
 * `|`, so the id splits at its first `|` whatever the workspace id holds.
 */
export function formatWorkspaceAssociationId(instanceId: string, workspaceId: string): string {
  return `${instanceId}|${workspaceId}`;
}

export function parseWorkspaceAssociationId(id: string): { instanceId: string; workspaceId: string } {
  const at = id.indexOf("|");
  if (at <= 0 || at === id.length - 1)
    throw new Error(`'${id}' is not a WorkspaceAssociation id: expected <instanceId>|<workspaceId>`);
  return { instanceId: id.slice(0, at), workspaceId: id.slice(at + 1) };
}
