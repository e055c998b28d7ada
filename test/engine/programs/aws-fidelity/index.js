// A plain-JS program so the engine tests measure the engine and the provider, not a TypeScript
// compile; it uses the package exactly as a user's program does. Every resource comes from a JSON
// list in stack config (test:securityProfiles, test:flows, test:bots, test:workspaces,
// test:deletions), one resource per entry, named by its `name`; an absent list declares none.
const pulumi = require("@pulumi/pulumi");
const connect = require("pulumi-connect-associations");

const cfg = new pulumi.Config("test");
const instanceId = cfg.get("instanceId");
const list = (key) => cfg.getObject(key) || [];

for (const s of list("securityProfiles")) {
  new connect.SecurityProfileAssociation(s.name, {
    instanceId,
    entityType: s.entityType,
    entityArn: s.entityArn,
    securityProfileIds: s.securityProfileIds,
  });
}

for (const f of list("flows")) {
  new connect.FlowAssociation(f.name, {
    instanceId,
    resourceId: f.resourceId,
    resourceType: f.resourceType,
    flowId: f.flowId,
  });
}

for (const b of list("bots")) {
  new connect.BotAssociation(b.name, { instanceId, lexV2Bot: { aliasArn: b.aliasArn } });
}

for (const w of list("workspaces")) {
  new connect.WorkspaceAssociation(w.name, {
    instanceId,
    workspaceId: w.workspaceId,
    resourceArns: w.resourceArns,
  });
}

for (const d of list("deletions")) {
  new connect.ProfileObjectDeletion(d.name, {
    domainName: d.domainName,
    profileId: d.profileId,
    objectTypeName: d.objectTypeName,
    profileObjectUniqueKey: d.profileObjectUniqueKey,
  });
}
