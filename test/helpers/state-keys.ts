import type { EmulatorState, InstanceState } from "../../src/emulator/state";

/**
 * Per resource type, the facts one resource's outputs claim, and the same facts as the emulator
 * holds them, as comparable keys. Connect lets most things be named by ID or ARN: keys use the
 * id (an ARN's last path segment), so the two forms of one thing are one key.
 */
export interface Extractor {
  /**
   * `present`: the resource claims its keys exist (associations). `absent`: it claims they do not
   * (ProfileObjectDeletion: the object it deleted).
   */
  claims: "present" | "absent";
  fromState: (outputs: Record<string, unknown>) => string[];
  fromEmulator: (state: EmulatorState) => string[];
}

const idOf = (idOrArn: unknown): string => {
  const s = String(idOrArn);
  return s.startsWith("arn:") ? s.slice(s.lastIndexOf("/") + 1) : s;
};
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const perInstance = (s: EmulatorState, f: (i: InstanceState) => string[]): string[] =>
  s.connect.instances.flatMap(f);

export const EXTRACTORS: Record<string, Extractor> = {
  "pulumi-nodejs:dynamic/connect:BotAssociation": {
    claims: "present",
    fromState: (o) => [`bot|${String(o["associationId"])}`],
    fromEmulator: (s) =>
      perInstance(s, (i) => [
        ...i.associatedLexBots.map((b) => `bot|${i.id}|V1|${b.region}|${b.name}`),
        ...i.associatedLexV2Bots.map((a) => `bot|${i.id}|V2|${a}`),
      ]),
  },
  // One key per (entity, profile): the resource manages profiles of an entity, not the entity.
  "pulumi-nodejs:dynamic/connect:SecurityProfileAssociation": {
    claims: "present",
    fromState: (o) =>
      strings(o["securityProfileIds"]).map(
        (sp) => `sp|${idOf(o["instanceId"])}|${String(o["entityArn"])}|${sp}`,
      ),
    fromEmulator: (s) =>
      perInstance(s, (i) =>
        [...i.aiAgents, ...i.users].flatMap((e) =>
          e.securityProfileIds.map((sp) => `sp|${i.id}|${e.arn}|${sp}`),
        ),
      ),
  },
  "pulumi-nodejs:dynamic/connect:WorkspaceAssociation": {
    claims: "present",
    fromState: (o) =>
      strings(o["resourceArns"]).map(
        (arn) => `ws|${idOf(o["instanceId"])}|${String(o["workspaceId"])}|${arn}`,
      ),
    fromEmulator: (s) =>
      perInstance(s, (i) =>
        i.workspaceAssociations.map((a) => `ws|${i.id}|${a.workspaceId}|${a.resourceArn}`),
      ),
  },
  // The flow is part of the key: a resource pointed at another flow than state says is a mismatch.
  "pulumi-nodejs:dynamic/connect:FlowAssociation": {
    claims: "present",
    fromState: (o) => [
      `flow|${idOf(o["instanceId"])}|${String(o["resourceType"])}|${idOf(o["resourceId"])}|${idOf(o["flowId"])}`,
    ],
    fromEmulator: (s) =>
      perInstance(s, (i) =>
        i.flowAssociations.map(
          (a) => `flow|${i.id}|${a.resourceType}|${idOf(a.resourceArn)}|${idOf(a.flowArn)}`,
        ),
      ),
  },
  "pulumi-nodejs:dynamic/connect:ProfileObjectDeletion": {
    claims: "absent",
    fromState: (o) => [
      `object|${String(o["domainName"])}|${String(o["profileId"])}|${String(o["objectTypeName"])}|${String(o["profileObjectUniqueKey"])}`,
    ],
    fromEmulator: (s) =>
      s.customerProfiles.domains.flatMap((d) =>
        d.profiles.flatMap((p) =>
          p.objects.map((ob) => `object|${d.name}|${p.id}|${ob.objectTypeName}|${ob.uniqueKey}`),
        ),
      ),
  },
};
