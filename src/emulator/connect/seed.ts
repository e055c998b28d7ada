import { arr, obj, optTags, optText, SeedError, text, visibility, type Obj } from "../core/seed-fields";
import {
  EVERYTHING_VISIBLE,
  type EmulatorState,
  type InstanceState,
  type LexV2AliasState,
  type NamedEntity,
  type PhoneNumberState,
} from "../state";
import { findFlow, findResource, LIST_FLOW_ASSOCIATION_RESOURCE_TYPES } from "./flow-resources";
import {
  DEFAULT_COUNTRY_CODE,
  E164,
  PHONE_NUMBER_COUNTRY_CODES,
  PHONE_NUMBER_TYPES,
  type SeededPhoneNumber,
} from "./phone-numbers";
import { USERNAME_MAX, USERNAME_MIN, type SeededUser } from "./users";

const CHANNELS = ["VOICE", "SMS", "WHATSAPP"] as const;

/**
 * The seed's `connect` part: its instances, with their entities and flow associations. ARNs are
 * derived from ids where the seed gives none, in the forms Connect uses.
 */
export function connectFromSeed(
  raw: unknown,
  accountId: string,
  region: string,
  now: number,
): EmulatorState["connect"] {
  const connect = raw === undefined ? {} : obj(raw, "connect");
  const instances = arr(connect["instances"], "connect.instances").map((e, i) =>
    instanceFromSeed(e, `connect.instances[${i}]`, accountId, region, now),
  );
  const ids = new Set<string>();
  const e164 = new Map<string, string>();
  instances.forEach((inst, i) => {
    if (ids.has(inst.id)) throw new SeedError(`seed: connect.instances: duplicate id '${inst.id}'`);
    ids.add(inst.id);
    (inst.phoneNumbers as SeededPhoneNumber[]).forEach((p, j) => {
      if (p.phoneNumber === undefined) return;
      const w = `connect.instances[${i}].phoneNumbers[${j}].phoneNumber`;
      const other = e164.get(p.phoneNumber);
      if (other !== undefined) throw new SeedError(`seed: ${w} '${p.phoneNumber}' is also ${other}`);
      e164.set(p.phoneNumber, w);
    });
  });
  return { instances };
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
  /**
   * An `{ id, arn?, name?, tags?, visibleAfterMs? }` entry; `tagged` says whether this kind may carry
   * tags.
   */
  const entity = (eo: Obj, w: string, kind: string, tagged: boolean): NamedEntity => {
    const eid = text(eo["id"], `${w}.id`);
    const name = optText(eo["name"], `${w}.name`);
    const tags = tagged ? optTags(eo["tags"], `${w}.tags`) : undefined;
    return {
      id: eid,
      arn: optText(eo["arn"], `${w}.arn`) ?? sub(kind)(eid),
      ...(name === undefined ? {} : { name }),
      ...(tags === undefined ? {} : { tags }),
      ...visibility(eo, w, now),
    };
  };
  const entities = (key: string, kind: string, tagged = false) =>
    arr(o[key], `${where}.${key}`).map((e, j) =>
      entity(obj(e, `${where}.${key}[${j}]`), `${where}.${key}[${j}]`, kind, tagged),
    );
  const usernames = new Set<string>();
  const users = arr(o["users"], `${where}.users`).map((e, j): SeededUser => {
    const w = `${where}.users[${j}]`;
    const eo = obj(e, w);
    const user = entity(eo, w, "agent", true);
    const username = optText(eo["username"], `${w}.username`);
    checkUsername(
      username ?? user.id,
      username === undefined ? `${w}.id (the default username)` : `${w}.username`,
      usernames,
    );
    return {
      ...user,
      securityProfileIds: arr(eo["securityProfileIds"], `${w}.securityProfileIds`).map((s, k) =>
        text(s, `${w}.securityProfileIds[${k}]`),
      ),
      ...(username === undefined ? {} : { username }),
    };
  });
  const phoneNumbers = arr(o["phoneNumbers"], `${where}.phoneNumbers`).map((e, j) =>
    phoneNumberFromSeed(e, `${where}.phoneNumbers[${j}]`, accountId, region, now),
  );
  const inst: InstanceState = {
    id,
    arn,
    region,
    lexBots: arr(o["lexBots"], `${where}.lexBots`).map((e, j) => {
      const eo = obj(e, `${where}.lexBots[${j}]`);
      return {
        name: text(eo["name"], `${where}.lexBots[${j}].name`),
        region: optText(eo["region"], `${where}.lexBots[${j}].region`) ?? region,
        ...visibility(eo, `${where}.lexBots[${j}]`, now),
      };
    }),
    lexV2BotAliases: arr(o["lexV2BotAliases"], `${where}.lexV2BotAliases`).map((e, j) =>
      lexV2AliasFromSeed(e, `${where}.lexV2BotAliases[${j}]`, now),
    ),
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
        ...visibility(eo, w, now),
      };
    }),
    routingProfiles: entities("routingProfiles", "routing-profile", true),
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
  preAssociate(inst, o, where);
  return inst;
}

/** A number of the instance; its ARN, where the seed gives none, is that of the service behind its channel. */
function phoneNumberFromSeed(
  raw: unknown,
  w: string,
  accountId: string,
  region: string,
  now: number,
): PhoneNumberState {
  const eo = obj(raw, w);
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
    ...phoneNumberDetails(eo, w),
    ...visibility(eo, w, now),
  };
}

/**
 * A number's optional `phoneNumber` (E.164, the model's PhoneNumber pattern), `countryCode` (a
 * PhoneNumberCountryCode; required with a phoneNumber outside +1, which defaults to US) and `type` (a
 * PhoneNumberType), kept only when given: the defaults are filled in when the number is answered.
 */
function phoneNumberDetails(eo: Obj, w: string): Omit<SeededPhoneNumber, keyof PhoneNumberState> {
  const phoneNumber = optText(eo["phoneNumber"], `${w}.phoneNumber`);
  if (phoneNumber !== undefined && !E164.regex.test(phoneNumber))
    throw new SeedError(`seed: ${w}.phoneNumber must be an E.164 number, ${E164.text}`);
  const countryCode = optEnum(
    eo["countryCode"],
    `${w}.countryCode`,
    PHONE_NUMBER_COUNTRY_CODES,
    "the ISO country codes of the model's PhoneNumberCountryCode (US, GB, FR…)",
  );
  if (countryCode === undefined && phoneNumber !== undefined && !phoneNumber.startsWith("+1"))
    throw new SeedError(
      `seed: ${w}.countryCode is required with a phoneNumber outside +1 (the default is ${DEFAULT_COUNTRY_CODE})`,
    );
  const type = optEnum(eo["type"], `${w}.type`, PHONE_NUMBER_TYPES);
  return {
    ...(phoneNumber === undefined ? {} : { phoneNumber }),
    ...(countryCode === undefined ? {} : { countryCode }),
    ...(type === undefined ? {} : { type }),
  };
}

/** An optional value of an enum of the model; `what` names the values in the message (default: all of them). */
function optEnum(
  v: unknown,
  where: string,
  values: readonly string[],
  what = values.join(", "),
): string | undefined {
  const value = optText(v, where);
  if (value !== undefined && !values.includes(value))
    throw new SeedError(`seed: ${where} must be one of ${what}`);
  return value;
}

/** A username within the model's AgentUsername bounds, unique in its instance (as Connect's are). */
function checkUsername(username: string, where: string, taken: Set<string>): void {
  const length = [...username].length;
  if (length < USERNAME_MIN || length > USERNAME_MAX)
    throw new SeedError(`seed: ${where} must be ${USERNAME_MIN}-${USERNAME_MAX} characters, as a username`);
  if (taken.has(username)) throw new SeedError(`seed: ${where}: username '${username}' is another user's`);
  taken.add(username);
}

/**
 * An alias by ARN, or `{ arn, propagationDelayMs?, visibleAfterMs? }`: one Connect may use only after
 * a while, or one that does not exist yet.
 */
function lexV2AliasFromSeed(raw: unknown, w: string, now: number): LexV2AliasState {
  if (typeof raw === "string") return { arn: text(raw, w), usableFrom: now };
  const eo = obj(raw, w);
  const delay = eo["propagationDelayMs"] ?? 0;
  if (typeof delay !== "number" || delay < 0)
    throw new SeedError(`seed: ${w}.propagationDelayMs must be a number >= 0`);
  return { arn: text(eo["arn"], `${w}.arn`), usableFrom: now + delay, ...visibility(eo, w, now) };
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
  const resource = findResource(inst, resourceType, resourceId, EVERYTHING_VISIBLE);
  if (!resource)
    throw new SeedError(`seed: ${w}.resourceId '${resourceId}' is no ${resourceType} of the instance`);
  const flowId = text(eo["flowId"], `${w}.flowId`);
  const flow = findFlow(inst, flowId, EVERYTHING_VISIBLE);
  if (!flow) throw new SeedError(`seed: ${w}.flowId '${flowId}' is no contact flow of the instance`);
  return { resourceType, resourceArn: resource.arn, flowArn: flow.arn };
}

/**
 * Seed-only, no AWS API input: bots and workspace members associated before any call (set up
 * outside the stack), as `AssociateBot` and `AssociateWorkspace` would have left them, so that a
 * stack can be tested taking them over. `associatedLexBots` are `{ name, region? }` of the
 * instance's `lexBots`, `associatedLexV2Bots` ARNs of its `lexV2BotAliases`, and
 * `workspaceAssociations` `{ workspaceId, resourceArn }` of its workspaces and its users or
 * routing profiles (by ARN); none twice.
 */
function preAssociate(inst: InstanceState, o: Obj, where: string): void {
  const once = (key: string, w: string, seen: Set<string>) => {
    if (seen.has(key)) throw new SeedError(`seed: ${w} is given twice`);
    seen.add(key);
  };
  const bots = new Set<string>();
  inst.associatedLexBots = arr(o["associatedLexBots"], `${where}.associatedLexBots`).map((e, j) => {
    const w = `${where}.associatedLexBots[${j}]`;
    const eo = obj(e, w);
    const name = text(eo["name"], `${w}.name`);
    const region = optText(eo["region"], `${w}.region`) ?? inst.region;
    if (!inst.lexBots.some((b) => b.name === name && b.region === region))
      throw new SeedError(
        `seed: ${w} names Lex bot ${name} (${region}), which is none of the instance's lexBots`,
      );
    once(`${region}|${name}`, w, bots);
    return { name, region };
  });
  inst.associatedLexV2Bots = arr(o["associatedLexV2Bots"], `${where}.associatedLexV2Bots`).map((e, j) => {
    const w = `${where}.associatedLexV2Bots[${j}]`;
    const aliasArn = text(e, w);
    if (!inst.lexV2BotAliases.some((a) => a.arn === aliasArn))
      throw new SeedError(`seed: ${w} '${aliasArn}' is none of the instance's lexV2BotAliases`);
    once(aliasArn, w, bots);
    return aliasArn;
  });
  const members = new Set<string>();
  inst.workspaceAssociations = arr(o["workspaceAssociations"], `${where}.workspaceAssociations`).map(
    (e, j) => {
      const w = `${where}.workspaceAssociations[${j}]`;
      const eo = obj(e, w);
      const workspaceId = text(eo["workspaceId"], `${w}.workspaceId`);
      if (!inst.workspaces.some((ws) => ws.id === workspaceId))
        throw new SeedError(`seed: ${w}.workspaceId '${workspaceId}' is no workspace of the instance`);
      const resourceArn = text(eo["resourceArn"], `${w}.resourceArn`);
      const resourceType = inst.users.some((u) => u.arn === resourceArn)
        ? "USER"
        : inst.routingProfiles.some((r) => r.arn === resourceArn)
          ? "ROUTING_PROFILE"
          : undefined;
      if (resourceType === undefined)
        throw new SeedError(
          `seed: ${w}.resourceArn '${resourceArn}' is no user or routing profile of the instance`,
        );
      once(`${workspaceId}|${resourceArn}`, w, members);
      return { workspaceId, resourceArn, resourceType };
    },
  );
}
