// Every resource type, as many of each as the test's plan (stack config test:plan, JSON) lists:
// the plan names each resource and gives its args, so one program serves every reliability test.
const pulumi = require("@pulumi/pulumi");
const connect = require("pulumi-connect-associations");

const plan = new pulumi.Config("test").requireObject("plan");
const classes = {
  bots: connect.BotAssociation,
  securityProfiles: connect.SecurityProfileAssociation,
  workspaces: connect.WorkspaceAssociation,
  flows: connect.FlowAssociation,
  deletions: connect.ProfileObjectDeletion,
};

for (const [kind, Resource] of Object.entries(classes)) {
  for (const { name, args } of plan[kind] || []) new Resource(name, args);
}
