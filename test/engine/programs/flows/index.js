// A plain-JS program so the engine tests measure the engine and the provider, not a TypeScript
// compile; it uses the package exactly as a user's program does.
const pulumi = require("@pulumi/pulumi");
const connect = require("pulumi-connect-associations");

const cfg = new pulumi.Config("test");
const instanceId = cfg.require("instanceId");
const flowId = cfg.require("flowId");
const numberId = (i) => `pn-${String(i).padStart(3, "0")}`;

// Voice numbers pn-000 … pn-<voiceCount-1>; pn-000 may point at another flow (firstFlowId).
for (let i = 0; i < cfg.requireNumber("voiceCount"); i++) {
  new connect.FlowAssociation(`voice-${numberId(i)}`, {
    instanceId,
    resourceId: numberId(i),
    resourceType: "VOICE_PHONE_NUMBER",
    flowId: i === 0 ? cfg.get("firstFlowId") || flowId : flowId,
  });
}

const sms = new connect.FlowAssociation("sms", {
  instanceId,
  resourceId: cfg.get("smsNumberArn") ?? "",
  resourceType: cfg.get("smsResourceType") || "SMS_PHONE_NUMBER",
  flowId: cfg.require("smsFlowId"),
});
exports.smsId = sms.id;

// getFlowAssociations over pn-000 … pn-<lookupCount-1>, only when asked (it calls AWS on every run).
const lookupCount = cfg.getNumber("lookupCount") || 0;
if (lookupCount > 0) {
  exports.lookupFound = connect
    .getFlowAssociations({
      instanceId,
      resourceIds: Array.from({ length: lookupCount }, (_, i) => numberId(i)),
      resourceType: "VOICE_PHONE_NUMBER",
    })
    .then((r) => r.associations.length);
}
