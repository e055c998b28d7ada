import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { botAssociationProvider } from "../../src/bot-association/provider";
import { flowAssociationProvider } from "../../src/flow-association/provider";
import { profileObjectDeletionProvider } from "../../src/profile-object-deletion/provider";
import { securityProfileAssociationProvider } from "../../src/security-profile-association/provider";
import { workspaceAssociationProvider } from "../../src/workspace-association/provider";
import { makeContext, type Lifecycle, type ProviderContext } from "../../src/runtime/context";
import { callsOf, resetMetrics } from "../helpers/admin";
import { emulatorWith } from "../helpers/emulator";
import { ALIAS_A, ALIAS_B, INSTANCE, INSTANCE_ARN, REGION, instanceSeed } from "../helpers/seeds/base";
import { FLOW_A, SMS_ARN, SMS_ID, flowArn, voiceId } from "../helpers/seeds/flows";
import { DOMAIN, ORDER, PROFILE_A, orderKey, ordersDomain } from "../helpers/seeds/profiles";
import { agentArn } from "../helpers/seeds/security-profiles";

/*
 * `pulumi import <token> <name> <id>` (and `<Class>.get(name, id)`) call read with the id alone and
 * no properties. Each resource then derives its inputs from the id and what AWS holds, in the
 * provider's Region, and records what a create of those inputs would: a program declaring the same
 * inputs previews with no change. Everything here was associated out of band (the seed).
 */

const USER = (id: string) => `${INSTANCE_ARN}/agent/${id}`;
const ROUTING_PROFILE = `${INSTANCE_ARN}/routing-profile/rp-1`;
const AGENT = agentArn(1);
const AGENT_WITHOUT_PROFILES = agentArn(2);
const VOICE = voiceId(0);
const VOICE_WITHOUT_FLOW = voiceId(1);
/** The ProfileObjectUniqueKey of PROFILE_A's order o-1, which exists, and of o-gone, which does not. */
const ORDER_KEY = orderKey("o-1");
const GONE_KEY = orderKey("o-gone");

function seed(): object {
  return instanceSeed(
    {
      lexBots: [{ name: "OrderBot" }, { name: "Billing_Bot", region: "eu-west-2" }],
      lexV2BotAliases: [ALIAS_A, ALIAS_B],
      associatedLexBots: [{ name: "Billing_Bot", region: "eu-west-2" }],
      associatedLexV2Bots: [ALIAS_A],
      securityProfiles: ["sp-1", "sp-2", "sp-3"].map((id) => ({ id })),
      users: [{ id: "u-001", securityProfileIds: ["sp-2", "sp-1"] }, { id: "u-002" }],
      aiAgents: [{ arn: AGENT, securityProfileIds: ["sp-3", "sp-1"] }, { arn: AGENT_WITHOUT_PROFILES }],
      routingProfiles: [{ id: "rp-1" }],
      workspaces: [{ id: "ws-main" }, { id: "ws-empty" }],
      workspaceAssociations: [USER("u-002"), ROUTING_PROFILE, USER("u-001")].map((resourceArn) => ({
        workspaceId: "ws-main",
        resourceArn,
      })),
      contactFlows: [{ id: FLOW_A }],
      phoneNumbers: [
        { id: VOICE, channel: "VOICE" },
        { id: VOICE_WITHOUT_FLOW, channel: "VOICE" },
        { id: SMS_ID, channel: "SMS" },
      ],
      flowAssociations: [
        { resourceType: "VOICE_PHONE_NUMBER", resourceId: VOICE, flowId: FLOW_A },
        { resourceType: "SMS_PHONE_NUMBER", resourceId: SMS_ARN, flowId: FLOW_A },
      ],
    },
    {
      customerProfiles: {
        domains: [
          ordersDomain([
            { id: PROFILE_A, objects: [{ objectTypeName: ORDER, object: { orderId: "o-1", total: 10 } }] },
          ]),
        ],
      },
    },
  );
}

let em: RunningEmulator;

beforeAll(async () => {
  em = await emulatorWith(seed());
});
afterAll(async () => em.close());
beforeEach(async () => resetMetrics(em));
afterEach(() => {
  vi.unstubAllEnvs();
});

/** A fresh context (no shared listings between tests) on the emulator, configured with REGION. */
function context(): ProviderContext {
  return makeContext({ endpoint: em.url, region: REGION });
}

/** The same with no Region configured (the provider then takes AWS_REGION, else AWS_DEFAULT_REGION). */
function contextWithoutRegion(): ProviderContext {
  return makeContext({ endpoint: em.url });
}

/** What a program declaring `declared` hands the engine after check. */
async function checked(p: Lifecycle, declared: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = await p.check({}, declared);
  expect(r.failures ?? []).toEqual([]);
  return r.inputs as Record<string, unknown>;
}

/** Reads `id` with no properties, as `pulumi import` does. */
function imported(p: Lifecycle, id: string) {
  return p.read(id, {});
}

const NO_CHANGES = { changes: false, replaces: [], deleteBeforeReplace: false };

describe("import by id: BotAssociation", () => {
  const v1Id = `${INSTANCE}|V1|eu-west-2|Billing_Bot`;
  const v2Id = `${INSTANCE}|V2|${ALIAS_A}`;

  it("records an out-of-band Lex V1 association from one ListBots, with adoptExisting false, and a program declaring the bot previews no change", async () => {
    const p = botAssociationProvider(context());
    const inputs = {
      instanceId: INSTANCE,
      region: REGION,
      adoptExisting: false,
      lexBot: { name: "Billing_Bot", lexRegion: "eu-west-2" },
    };
    const r = await imported(p, v1Id);
    expect(r).toEqual({
      id: v1Id,
      props: { ...inputs, lexVersion: "V1", associationId: v1Id },
      inputs,
    });
    expect(await callsOf(em)).toEqual({ ListBots: 1 });
    const program = await checked(p, {
      instanceId: INSTANCE,
      lexBot: { name: "Billing_Bot", lexRegion: "eu-west-2" },
    });
    expect(await p.diff(v1Id, r.props ?? {}, program)).toEqual(NO_CHANGES);
  });

  it("records an out-of-band Lex V2 association, and a program declaring the alias previews no change", async () => {
    const p = botAssociationProvider(context());
    const inputs = {
      instanceId: INSTANCE,
      region: REGION,
      adoptExisting: false,
      lexV2Bot: { aliasArn: ALIAS_A },
    };
    const r = await imported(p, v2Id);
    expect(r).toEqual({ id: v2Id, props: { ...inputs, lexVersion: "V2", associationId: v2Id }, inputs });
    const program = await checked(p, { instanceId: INSTANCE, lexV2Bot: { aliasArn: ALIAS_A } });
    expect(await p.diff(v2Id, r.props ?? {}, program)).toEqual(NO_CHANGES);
    // A refresh of the imported state reads it back unchanged.
    expect(await botAssociationProvider(context()).read(v2Id, r.props ?? {})).toEqual({
      id: v2Id,
      props: r.props,
    });
  });

  it("answers a bot the instance does not have as gone, and an instance that does not exist likewise", async () => {
    const p = botAssociationProvider(context());
    expect(await imported(p, `${INSTANCE}|V2|${ALIAS_B}`)).toEqual({ id: "", props: {} });
    expect(await imported(p, `${INSTANCE}|V1|${REGION}|OrderBot`)).toEqual({ id: "", props: {} });
    expect(await imported(p, `no-such-instance|V2|${ALIAS_A}`)).toEqual({ id: "", props: {} });
  });

  it("refuses an id of neither form, naming both forms, and a malformed part before any call", async () => {
    const p = botAssociationProvider(context());
    await expect(imported(p, `${INSTANCE}|V3|${ALIAS_A}`)).rejects.toThrow(
      `'${INSTANCE}|V3|${ALIAS_A}' is not a BotAssociation id: expected <instanceId>|V1|<lexRegion>|<botName> or <instanceId>|V2|<aliasArn>`,
    );
    await expect(imported(p, `${INSTANCE}|V2|alias-1`)).rejects.toThrow(
      `BotAssociation ${INSTANCE}|V2|alias-1 cannot be imported: lexV2Bot.aliasArn must match arn:<partition>:lex:<region>:<account>:bot-alias/<botId>/<aliasId>`,
    );
    expect(await callsOf(em)).toEqual({});
  });

  it("takes the Region from the provider's configuration, before AWS_REGION, and from AWS_REGION when the configuration has none", async () => {
    vi.stubEnv("AWS_REGION", "eu-west-2");
    const configured = await imported(botAssociationProvider(context()), v2Id);
    expect(configured.props?.["region"]).toBe(REGION);
    vi.stubEnv("AWS_REGION", REGION);
    vi.stubEnv("AWS_DEFAULT_REGION", undefined);
    const fromEnv = await imported(botAssociationProvider(contextWithoutRegion()), v2Id);
    expect(fromEnv.props?.["region"]).toBe(REGION);
    expect(fromEnv.id).toBe(v2Id);
  });

  it("fails saying where to set a Region when none is set anywhere, before any call", async () => {
    vi.stubEnv("AWS_REGION", undefined);
    vi.stubEnv("AWS_DEFAULT_REGION", undefined);
    await expect(imported(botAssociationProvider(contextWithoutRegion()), v2Id)).rejects.toThrow(
      `BotAssociation ${v2Id}: region is not set: give the resource a region, or set stack config aws:region, or AWS_REGION`,
    );
    expect(await callsOf(em)).toEqual({});
  });
});

describe("import by id: SecurityProfileAssociation", () => {
  const userId = `${INSTANCE}|USER|${USER("u-001")}`;
  const agentId = `${INSTANCE}|AI_AGENT|${AGENT}`;

  it("records every profile a user holds, sorted, as exclusive, from one DescribeUser; the same program previews no change", async () => {
    const p = securityProfileAssociationProvider(context());
    const inputs = {
      instanceId: INSTANCE,
      region: REGION,
      entityType: "USER",
      entityArn: USER("u-001"),
      securityProfileIds: ["sp-1", "sp-2"],
      exclusive: true,
    };
    const r = await imported(p, userId);
    expect(r).toEqual({ id: userId, props: inputs, inputs });
    expect(await callsOf(em)).toEqual({ DescribeUser: 1 });
    const program = await checked(p, {
      instanceId: INSTANCE,
      entityType: "USER",
      entityArn: USER("u-001"),
      securityProfileIds: ["sp-2", "sp-1"],
      exclusive: true,
    });
    expect(await p.diff(userId, r.props ?? {}, program)).toEqual(NO_CHANGES);
    // A refresh of the imported state reads it back unchanged.
    expect(await securityProfileAssociationProvider(context()).read(userId, r.props ?? {})).toEqual(r);
  });

  it("records every profile an AI agent holds from one ListEntitySecurityProfiles; the same program previews no change", async () => {
    const p = securityProfileAssociationProvider(context());
    const inputs = {
      instanceId: INSTANCE,
      region: REGION,
      entityType: "AI_AGENT",
      entityArn: AGENT,
      securityProfileIds: ["sp-1", "sp-3"],
      exclusive: true,
    };
    const r = await imported(p, agentId);
    expect(r).toEqual({ id: agentId, props: inputs, inputs });
    expect(await callsOf(em)).toEqual({ ListEntitySecurityProfiles: 1 });
    const program = await checked(p, {
      instanceId: INSTANCE,
      entityType: "AI_AGENT",
      entityArn: AGENT,
      securityProfileIds: ["sp-3", "sp-1"],
      exclusive: true,
    });
    expect(await p.diff(agentId, r.props ?? {}, program)).toEqual(NO_CHANGES);
  });

  it("answers an AI agent with no profile, and a user that does not exist, as gone", async () => {
    const p = securityProfileAssociationProvider(context());
    expect(await imported(p, `${INSTANCE}|AI_AGENT|${AGENT_WITHOUT_PROFILES}`)).toEqual({
      id: "",
      props: {},
    });
    expect(await imported(p, `${INSTANCE}|USER|${USER("u-404")}`)).toEqual({ id: "", props: {} });
  });

  it("refuses an id of neither form, naming both forms, and an entity ARN of another instance before any call", async () => {
    const p = securityProfileAssociationProvider(context());
    await expect(imported(p, `${INSTANCE}|GROUP|${USER("u-001")}`)).rejects.toThrow(
      `'${INSTANCE}|GROUP|${USER("u-001")}' is not a SecurityProfileAssociation id: expected <instanceId>|AI_AGENT|<aiAgentArn> or <instanceId>|USER|<userArn>`,
    );
    await expect(imported(p, `${INSTANCE}|USER|not-an-arn`)).rejects.toThrow(
      `SecurityProfileAssociation ${INSTANCE}|USER|not-an-arn cannot be imported: entityArn must match arn:<partition>:connect:<region>:<account>:instance/<instanceId>/agent/<userId>`,
    );
    expect(await callsOf(em)).toEqual({});
  });
});

describe("import by id: WorkspaceAssociation", () => {
  const id = `${INSTANCE}|ws-main`;

  it("records the workspace's members, sorted, from one SearchWorkspaceAssociations; the same program previews no change", async () => {
    const p = workspaceAssociationProvider(context());
    const inputs = {
      instanceId: INSTANCE,
      workspaceId: "ws-main",
      region: REGION,
      resourceArns: [USER("u-001"), USER("u-002"), ROUTING_PROFILE],
    };
    const r = await imported(p, id);
    expect(r).toEqual({ id, props: inputs, inputs });
    expect(await callsOf(em)).toEqual({ SearchWorkspaceAssociations: 1 });
    const program = await checked(p, {
      instanceId: INSTANCE,
      workspaceId: "ws-main",
      resourceArns: [ROUTING_PROFILE, USER("u-002"), USER("u-001")],
    });
    expect(await p.diff(id, r.props ?? {}, program)).toEqual(NO_CHANGES);
    // A refresh of the imported state reads it back unchanged.
    expect(await workspaceAssociationProvider(context()).read(id, r.props ?? {})).toEqual(r);
  });

  it("answers a workspace with no member, and one that does not exist, as gone", async () => {
    const p = workspaceAssociationProvider(context());
    expect(await imported(p, `${INSTANCE}|ws-empty`)).toEqual({ id: "", props: {} });
    expect(await imported(p, `${INSTANCE}|ws-404`)).toEqual({ id: "", props: {} });
  });

  it("refuses an id without a workspace, naming the form", async () => {
    await expect(imported(workspaceAssociationProvider(context()), INSTANCE)).rejects.toThrow(
      `'${INSTANCE}' is not a WorkspaceAssociation id: expected <instanceId>|<workspaceId>`,
    );
    expect(await callsOf(em)).toEqual({});
  });
});

describe("import by id: FlowAssociation", () => {
  const voiceAssociation = `${INSTANCE}|VOICE_PHONE_NUMBER|${VOICE}`;
  const smsAssociation = `${INSTANCE}|SMS_PHONE_NUMBER|${SMS_ARN}`;

  it("records a voice number's flow as ListFlowAssociations names it; a program naming the flow by id previews no change", async () => {
    const p = flowAssociationProvider(context());
    const inputs = {
      instanceId: INSTANCE,
      resourceType: "VOICE_PHONE_NUMBER",
      resourceId: VOICE,
      region: REGION,
      flowId: flowArn(FLOW_A),
    };
    const r = await imported(p, voiceAssociation);
    expect(r).toEqual({
      id: voiceAssociation,
      props: { ...inputs, associationId: voiceAssociation },
      inputs,
    });
    expect(await callsOf(em)).toEqual({ ListFlowAssociations: 1 });
    for (const flowId of [FLOW_A, flowArn(FLOW_A)]) {
      const program = await checked(p, {
        instanceId: INSTANCE,
        resourceType: "VOICE_PHONE_NUMBER",
        resourceId: VOICE,
        flowId,
      });
      expect(await p.diff(voiceAssociation, r.props ?? {}, program)).toEqual(NO_CHANGES);
    }
    // A refresh of the imported state reads it back unchanged.
    expect(await flowAssociationProvider(context()).read(voiceAssociation, r.props ?? {})).toEqual(r);
  });

  it("records an SMS number's flow from one GetFlowAssociation", async () => {
    const p = flowAssociationProvider(context());
    const inputs = {
      instanceId: INSTANCE,
      resourceType: "SMS_PHONE_NUMBER",
      resourceId: SMS_ARN,
      region: REGION,
      flowId: flowArn(FLOW_A),
    };
    expect(await imported(p, smsAssociation)).toEqual({
      id: smsAssociation,
      props: { ...inputs, associationId: smsAssociation },
      inputs,
    });
    expect(await callsOf(em)).toEqual({ GetFlowAssociation: 1 });
  });

  it("answers a number with no flow as gone", async () => {
    const p = flowAssociationProvider(context());
    expect(await imported(p, `${INSTANCE}|VOICE_PHONE_NUMBER|${VOICE_WITHOUT_FLOW}`)).toEqual({
      id: "",
      props: {},
    });
  });

  it("refuses an id with a part missing, naming the form, and an unknown resource type before any call", async () => {
    const p = flowAssociationProvider(context());
    await expect(imported(p, `${INSTANCE}|VOICE_PHONE_NUMBER`)).rejects.toThrow(
      `'${INSTANCE}|VOICE_PHONE_NUMBER' is not a FlowAssociation id: expected <instanceId>|<resourceType>|<resourceId>`,
    );
    await expect(imported(p, `${INSTANCE}|FAX_NUMBER|${VOICE}`)).rejects.toThrow(
      `FlowAssociation ${INSTANCE}|FAX_NUMBER|${VOICE} cannot be imported: resourceType must be one of`,
    );
    expect(await callsOf(em)).toEqual({});
  });
});

describe("import by id: ProfileObjectDeletion", () => {
  const goneId = `${DOMAIN}|${PROFILE_A}|${ORDER}|${GONE_KEY}`;

  it("records an object that is absent as alreadyAbsent with the defaults, once GetDomain, SearchProfiles and ListProfileObjects show it; the same program previews no change", async () => {
    const p = profileObjectDeletionProvider(context());
    const inputs = {
      domainName: DOMAIN,
      profileId: PROFILE_A,
      objectTypeName: ORDER,
      profileObjectUniqueKey: GONE_KEY,
      region: REGION,
      ignoreMissing: true,
      verifyOnRefresh: false,
    };
    const before = Date.now();
    const r = await imported(p, goneId);
    const executedAt = Date.parse(String(r.props?.["executedAt"]));
    expect(executedAt).toBeGreaterThanOrEqual(before - 1);
    expect(executedAt).toBeLessThanOrEqual(Date.now());
    expect(r).toEqual({
      id: goneId,
      props: {
        ...inputs,
        outcome: "alreadyAbsent",
        message:
          "recorded by an import: GetDomain and SearchProfiles found the domain and the profile, and ListProfileObjects does not list the object",
        executedAt: r.props?.["executedAt"],
      },
      inputs,
    });
    expect(await callsOf(em)).toEqual({ GetDomain: 1, SearchProfiles: 1, ListProfileObjects: 1 });
    const program = await checked(p, {
      domainName: DOMAIN,
      profileId: PROFILE_A,
      objectTypeName: ORDER,
      profileObjectUniqueKey: GONE_KEY,
    });
    expect(await p.diff(goneId, r.props ?? {}, program)).toEqual(NO_CHANGES);
    // A refresh of the imported state keeps it, with no call (verifyOnRefresh is false).
    await resetMetrics(em);
    expect(await p.read(goneId, r.props ?? {})).toEqual({ id: goneId, props: r.props });
    expect(await callsOf(em)).toEqual({});
  });

  it("refuses an object that still exists, saying how to delete it, and deletes nothing", async () => {
    const id = `${DOMAIN}|${PROFILE_A}|${ORDER}|${ORDER_KEY}`;
    await expect(imported(profileObjectDeletionProvider(context()), id)).rejects.toThrow(
      `ProfileObjectDeletion ${id} cannot be imported: profile object ${ORDER_KEY} (type ${ORDER}) of profile ${PROFILE_A} ` +
        `in domain ${DOMAIN} exists in ${REGION} (ListProfileObjects lists it), so there is no deletion to import. ` +
        `Declare the ProfileObjectDeletion in the program and run pulumi up to delete it.`,
    );
    expect((await callsOf(em))["DeleteProfileObject"]).toBeUndefined();
  });

  it("refuses an object whose absence cannot be shown (a domain that is not found), naming what failed", async () => {
    const id = `no-such-domain|${PROFILE_A}|${ORDER}|${GONE_KEY}`;
    await expect(imported(profileObjectDeletionProvider(context()), id)).rejects.toThrow(
      `ProfileObjectDeletion ${id} cannot be imported: the absence of profile object ${GONE_KEY} (type ${ORDER}) of ` +
        `profile ${PROFILE_A} in domain no-such-domain could not be confirmed (GetDomain answered ResourceNotFoundException ` +
        `for domain no-such-domain in ${REGION}).`,
    );
  });

  it("refuses an id with a part missing, naming the form, and a malformed profile id before any call", async () => {
    const p = profileObjectDeletionProvider(context());
    await expect(imported(p, `${DOMAIN}|${PROFILE_A}|${ORDER}`)).rejects.toThrow(
      `'${DOMAIN}|${PROFILE_A}|${ORDER}' is not a ProfileObjectDeletion id: expected <domainName>|<profileId>|<objectTypeName>|<profileObjectUniqueKey>`,
    );
    await expect(imported(p, `${DOMAIN}|PROFILE-A|${ORDER}|${GONE_KEY}`)).rejects.toThrow(
      `ProfileObjectDeletion ${DOMAIN}|PROFILE-A|${ORDER}|${GONE_KEY} cannot be imported: profileId must match`,
    );
    expect(await callsOf(em)).toEqual({});
  });
});
