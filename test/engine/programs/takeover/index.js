// A plain-JS program, as the other engine programs: the resources come from one JSON list in stack
// config (test:resources), each `{ kind, name, args }`, so the test states exactly what is declared;
// instanceId is added to every resource's args.
const pulumi = require("@pulumi/pulumi");
const connect = require("pulumi-connect-associations");

const cfg = new pulumi.Config("test");
const instanceId = cfg.require("instanceId");

for (const r of cfg.requireObject("resources")) {
  new connect[r.kind](r.name, { instanceId, ...r.args });
}
