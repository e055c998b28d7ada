import { findFlow, findResource, LIST_FLOW_ASSOCIATION_RESOURCE_TYPES } from "./connect/flow-resources";
import { FilingError, fileProfileObject, findObjectType } from "./profiles/store";
import type { DomainState, EmulatorState, InstanceState, PhoneNumberState } from "./state";

/** A seed file problem, naming the field that is wrong. */
export class SeedError extends Error {}

type Obj = Record<string, unknown>;

function obj(v: unknown, where: string): Obj {
  if (typeof v !== "object" || v === null || Array.isArray(v))
    throw new SeedError(`seed: ${where} must be an object`);
  return v as Obj;
}
function arr(v: unknown, where: string): unknown[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new SeedError(`seed: ${where} must be an array`);
  return v;
}
function text(v: unknown, where: string): string {
  if (typeof v !== "string" || v.length === 0)
    throw new SeedError(`seed: ${where} must be a non-empty string`);
  return v;
}
function optText(v: unknown, where: string): string | undefined {
  return v === undefined ? undefined : text(v, where);
}

const CHANNELS = ["VOICE", "SMS", "WHATSAPP"] as const;

/**
 * Builds the emulator state from a seed document (the `--seed` file or `POST /_emulator/seed`).
 * ARNs are derived from ids where the seed gives none, in the forms Connect uses.
 */
export function stateFromSeed(seed: unknown, now: number): EmulatorState {
  const root = obj(seed, "the document");
  const accountId = optText(root["accountId"], "accountId") ?? "123456789012";
  if (!/^\d{12}$/.test(accountId)) throw new SeedError("seed: accountId must be 12 digits");
  const region = optText(root["region"], "region") ?? "us-east-1";
  const connect = root["connect"] === undefined ? {} : obj(root["connect"], "connect");
  const instances = arr(connect["instances"], "connect.instances").map((raw, i) =>
    instanceFromSeed(raw, `connect.instances[${i}]`, accountId, region, now),
  );
  const ids = new Set<string>();
  for (const inst of instances) {
    if (ids.has(inst.id)) throw new SeedError(`seed: connect.instances: duplicate id '${inst.id}'`);
    ids.add(inst.id);
  }
  const profiles =
    root["customerProfiles"] === undefined ? {} : obj(root["customerProfiles"], "customerProfiles");
  const domains = arr(profiles["domains"], "customerProfiles.domains").map((raw, i) =>
    domainFromSeed(raw, `customerProfiles.domains[${i}]`, region),
  );
  return { accountId, region, connect: { instances }, customerProfiles: { domains }, clientTokens: {} };
}

function instanceFromSeed(
  raw: unknown,
  where: string,
  accountId: string,
  defaultRegion: string,
  now: number,
): InstanceState {
  const o = obj(raw, where);
  const id = text(o["id"], `${where}.id`);
  const region = optText(o["region"], `${where}.region`) ?? defaultRegion;
  const arn = optText(o["arn"], `${where}.arn`) ?? `arn:aws:connect:${region}:${accountId}:instance/${id}`;
  const sub = (kind: string) => (id2: string) => `${arn}/${kind}/${id2}`;
  const entities = (key: string, kind: string) =>
    arr(o[key], `${where}.${key}`).map((e, j) => {
      const eo = obj(e, `${where}.${key}[${j}]`);
      const eid = text(eo["id"], `${where}.${key}[${j}].id`);
      const name = optText(eo["name"], `${where}.${key}[${j}].name`);
      return {
        id: eid,
        arn: optText(eo["arn"], `${where}.${key}[${j}].arn`) ?? sub(kind)(eid),
        ...(name === undefined ? {} : { name }),
      };
    });
  const users = arr(o["users"], `${where}.users`).map((e, j) => {
    const eo = obj(e, `${where}.users[${j}]`);
    const uid = text(eo["id"], `${where}.users[${j}].id`);
    return {
      id: uid,
      arn: optText(eo["arn"], `${where}.users[${j}].arn`) ?? sub("agent")(uid),
      securityProfileIds: arr(eo["securityProfileIds"], `${where}.users[${j}].securityProfileIds`).map(
        (s, k) => text(s, `${where}.users[${j}].securityProfileIds[${k}]`),
      ),
    };
  });
  const phoneNumbers: PhoneNumberState[] = arr(o["phoneNumbers"], `${where}.phoneNumbers`).map((e, j) => {
    const w = `${where}.phoneNumbers[${j}]`;
    const eo = obj(e, w);
    const pid = text(eo["id"], `${w}.id`);
    const channel = text(eo["channel"], `${w}.channel`);
    if (!(CHANNELS as readonly string[]).includes(channel))
      throw new SeedError(`seed: ${w}.channel must be one of ${CHANNELS.join(", ")}`);
    const service = channel === "VOICE" ? "connect" : channel === "SMS" ? "sms-voice" : "social-messaging";
    const kind = channel === "WHATSAPP" ? "phone-number-id" : "phone-number";
    return {
      id: pid,
      channel: channel as PhoneNumberState["channel"],
      arn: optText(eo["arn"], `${w}.arn`) ?? `arn:aws:${service}:${region}:${accountId}:${kind}/${pid}`,
    };
  });
  const inst: InstanceState = {
    id,
    arn,
    region,
    lexBots: arr(o["lexBots"], `${where}.lexBots`).map((e, j) => {
      const eo = obj(e, `${where}.lexBots[${j}]`);
      return {
        name: text(eo["name"], `${where}.lexBots[${j}].name`),
        region: optText(eo["region"], `${where}.lexBots[${j}].region`) ?? region,
      };
    }),
    lexV2BotAliases: arr(o["lexV2BotAliases"], `${where}.lexV2BotAliases`).map((e, j) => {
      const w = `${where}.lexV2BotAliases[${j}]`;
      if (typeof e === "string") return { arn: text(e, w), usableFrom: now };
      const eo = obj(e, w);
      const delay = eo["propagationDelayMs"] ?? 0;
      if (typeof delay !== "number" || delay < 0)
        throw new SeedError(`seed: ${w}.propagationDelayMs must be a number >= 0`);
      return { arn: text(eo["arn"], `${w}.arn`), usableFrom: now + delay };
    }),
    associatedLexBots: [],
    associatedLexV2Bots: [],
    securityProfiles: entities("securityProfiles", "security-profile"),
    users,
    aiAgents: arr(o["aiAgents"], `${where}.aiAgents`).map((e, j) => {
      const w = `${where}.aiAgents[${j}]`;
      const eo = obj(e, w);
      return {
        arn: text(eo["arn"], `${w}.arn`),
        securityProfileIds: arr(eo["securityProfileIds"], `${w}.securityProfileIds`).map((s, k) =>
          text(s, `${w}.securityProfileIds[${k}]`),
        ),
      };
    }),
    routingProfiles: entities("routingProfiles", "routing-profile"),
    workspaces: entities("workspaces", "workspace"),
    workspaceAssociations: [],
    phoneNumbers,
    contactFlows: entities("contactFlows", "contact-flow"),
    emailAddresses: entities("emailAddresses", "email-address"),
    analyticsConnectors: entities("analyticsConnectors", "analytics-connector"),
    flowAssociations: [],
  };
  inst.flowAssociations = arr(o["flowAssociations"], `${where}.flowAssociations`).map((e, j) =>
    flowAssociationFromSeed(inst, e, `${where}.flowAssociations[${j}]`),
  );
  return inst;
}

const SEEDED_FLOW_TYPES: readonly string[] = [...LIST_FLOW_ASSOCIATION_RESOURCE_TYPES, "SMS_PHONE_NUMBER"];

/** An association that exists before any call: resource and flow by id or ARN, kept by ARN. */
function flowAssociationFromSeed(
  inst: InstanceState,
  raw: unknown,
  w: string,
): InstanceState["flowAssociations"][number] {
  const eo = obj(raw, w);
  const resourceType = text(eo["resourceType"], `${w}.resourceType`);
  if (!SEEDED_FLOW_TYPES.includes(resourceType))
    throw new SeedError(`seed: ${w}.resourceType must be one of ${SEEDED_FLOW_TYPES.join(", ")}`);
  const resourceId = text(eo["resourceId"], `${w}.resourceId`);
  const resource = findResource(inst, resourceType, resourceId);
  if (!resource)
    throw new SeedError(`seed: ${w}.resourceId '${resourceId}' is no ${resourceType} of the instance`);
  const flowId = text(eo["flowId"], `${w}.flowId`);
  const flow = findFlow(inst, flowId);
  if (!flow) throw new SeedError(`seed: ${w}.flowId '${flowId}' is no contact flow of the instance`);
  return { resourceType, resourceArn: resource.arn, flowArn: flow.arn };
}

function domainFromSeed(raw: unknown, where: string, defaultRegion: string): DomainState {
  const o = obj(raw, where);
  const domain: DomainState = {
    name: text(o["name"], `${where}.name`),
    region: optText(o["region"], `${where}.region`) ?? defaultRegion,
    objectTypes: arr(o["objectTypes"], `${where}.objectTypes`).map((e, j) => {
      const w = `${where}.objectTypes[${j}]`;
      const eo = obj(e, w);
      return {
        name: text(eo["name"], `${w}.name`),
        profileKeyField: text(eo["profileKeyField"], `${w}.profileKeyField`),
        uniqueKeyField: text(eo["uniqueKeyField"], `${w}.uniqueKeyField`),
      };
    }),
    profiles: [],
  };
  const seeded = arr(o["profiles"], `${where}.profiles`).map((e, j) => {
    const w = `${where}.profiles[${j}]`;
    const eo = obj(e, w);
    const id = text(eo["id"], `${w}.id`);
    domain.profiles.push({ id, objects: [] });
    return { id, objects: arr(eo["objects"], `${w}.objects`), where: w };
  });
  // Every profile exists before any object is filed, through the same logic as PutProfileObject.
  for (const p of seeded)
    p.objects.forEach((e, k) => seedObject(domain, p.id, e, `${p.where}.objects[${k}]`));
  return domain;
}

/**
 * Files one seeded object. Its profile key field may be left out (the enclosing profile's id is
 * filled in); one that names another profile is refused, since the object would not be where the
 * seed shows it.
 */
function seedObject(domain: DomainState, profileId: string, raw: unknown, where: string): void {
  const eo = obj(raw, where);
  const typeName = text(eo["objectTypeName"], `${where}.objectTypeName`);
  const object = { ...obj(eo["object"], `${where}.object`) };
  const type = findObjectType(domain, typeName);
  if (!type) throw new SeedError(`seed: ${where}.objectTypeName: no object type '${typeName}' in the domain`);
  const given = object[type.profileKeyField];
  if (given === undefined) object[type.profileKeyField] = profileId;
  else if (given !== profileId)
    throw new SeedError(
      `seed: ${where}.object.${type.profileKeyField} must be the enclosing profile's id '${profileId}', got ${JSON.stringify(given)}`,
    );
  try {
    fileProfileObject(domain, typeName, object);
  } catch (e) {
    if (e instanceof FilingError) throw new SeedError(`seed: ${where}: ${e.message}`);
    throw e;
  }
}
