import { ACCOUNT, ALIAS_A, ALIAS_B, INSTANCE, INSTANCE_ARN, REGION, baseSeed } from "../helpers/seeds/base";
import { EMAIL_ARN, FLOW_A, SMS_ARN, flowSeed, voiceArn, voiceId } from "../helpers/seeds/flows";
import { DOMAIN, ORDER, PROFILE_A, orderKey, profilesSeed } from "../helpers/seeds/profiles";
import {
  AGENT,
  AGENT_WITH_STRAY,
  STRAY,
  USER_ID,
  securityProfilesSeed,
  sp,
} from "../helpers/seeds/security-profiles";
import { UNKNOWN_USER_ARN, WS_MAIN, userArn, userArns, workspaceSeed } from "../helpers/seeds/workspaces";
import { CONNECT, CUSTOMER_PROFILES, type Model } from "./model";

type Input = Record<string, unknown>;

/** One operation's conformance fixture: valid requests against CONFORMANCE_SEED, and what to page. */
export interface Fixture {
  model: Model;
  /** Calls made (in order) after each reset, before the case: the state a valid request needs. */
  setup?: [operation: string, input: Input][];
  /** Valid requests; each one's constraints are broken one at a time. */
  valid: Input[];
  /** Requests naming an instance, domain or entity that does not exist. */
  unknown: Input[];
  /** For a paginated operation: the request to page, and how many items it lists in all. */
  paging?: { input: Input; total: number; setup?: [operation: string, input: Input][] };
}

/** Lex V2 aliases beyond the base seed's, to page ListBots. */
const MORE_ALIASES = Array.from(
  { length: 9 },
  (_, i) => `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/PAGEBOT00${i}/TSTALIASID`,
);

interface SeedDoc {
  connect: { instances: Record<string, unknown>[] };
  customerProfiles?: unknown;
}

/** The seed helpers' instances merged into one (lists of the same kind joined), and the profiles seed's domain. */
function conformanceSeed(): object {
  const parts = [
    baseSeed(),
    securityProfilesSeed(),
    workspaceSeed(30),
    flowSeed({ voiceNumbers: 12, preAssociated: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] }),
  ] as SeedDoc[];
  const instance: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part.connect.instances[0] ?? {})) {
      const had = instance[k];
      instance[k] = Array.isArray(had) && Array.isArray(v) ? [...(had as unknown[]), ...v] : v;
    }
  }
  instance["lexV2BotAliases"] = [...(instance["lexV2BotAliases"] as unknown[]), ...MORE_ALIASES];
  return {
    accountId: ACCOUNT,
    region: REGION,
    connect: { instances: [instance] },
    customerProfiles: (profilesSeed() as SeedDoc).customerProfiles,
  };
}

export const CONFORMANCE_SEED = conformanceSeed();

const UNKNOWN_INSTANCE = "00000000-0000-4000-8000-000000000000";
const UNKNOWN_DOMAIN = "no-such-domain";
const inst = { InstanceId: INSTANCE };
const agent = { ...inst, EntityType: "AI_AGENT" };
const order = { DomainName: DOMAIN, ObjectTypeName: ORDER };

/** DisassociateFlow and GetFlowAssociation: the inbound email address pointed at flow A. */
const EMAIL_FLOW: Fixture = {
  model: CONNECT,
  setup: [
    ["AssociateFlow", { ...inst, ResourceId: EMAIL_ARN, FlowId: FLOW_A, ResourceType: "INBOUND_EMAIL" }],
  ],
  valid: [{ ...inst, ResourceId: EMAIL_ARN, ResourceType: "INBOUND_EMAIL" }],
  unknown: [{ InstanceId: UNKNOWN_INSTANCE, ResourceId: EMAIL_ARN, ResourceType: "INBOUND_EMAIL" }],
};

/** Every operation the conformance tier covers, with its fixture. */
export const FIXTURES: Record<string, Fixture> = {
  AssociateBot: {
    model: CONNECT,
    valid: [
      { ...inst, LexV2Bot: { AliasArn: ALIAS_A } },
      { ...inst, LexBot: { Name: "OrderBot", LexRegion: REGION }, ClientToken: "conformance-token" },
    ],
    unknown: [{ InstanceId: UNKNOWN_INSTANCE, LexV2Bot: { AliasArn: ALIAS_A } }],
  },
  DisassociateBot: {
    model: CONNECT,
    setup: [
      ["AssociateBot", { ...inst, LexV2Bot: { AliasArn: ALIAS_A } }],
      ["AssociateBot", { ...inst, LexBot: { Name: "OrderBot", LexRegion: REGION } }],
    ],
    valid: [
      { ...inst, LexV2Bot: { AliasArn: ALIAS_A } },
      { ...inst, LexBot: { Name: "OrderBot", LexRegion: REGION } },
    ],
    unknown: [{ InstanceId: UNKNOWN_INSTANCE, LexV2Bot: { AliasArn: ALIAS_A } }],
  },
  ListBots: {
    model: CONNECT,
    valid: [{ ...inst, LexVersion: "V2" }],
    unknown: [{ InstanceId: UNKNOWN_INSTANCE, LexVersion: "V2" }],
    paging: {
      setup: [ALIAS_A, ALIAS_B, ...MORE_ALIASES].map((a) => [
        "AssociateBot",
        { ...inst, LexV2Bot: { AliasArn: a } },
      ]),
      input: { ...inst, LexVersion: "V2" },
      total: 11,
    },
  },
  AssociateSecurityProfiles: {
    model: CONNECT,
    valid: [{ ...agent, EntityArn: AGENT, SecurityProfiles: [{ Id: sp(1) }] }],
    unknown: [
      { ...agent, InstanceId: UNKNOWN_INSTANCE, EntityArn: AGENT, SecurityProfiles: [{ Id: sp(1) }] },
    ],
  },
  DisassociateSecurityProfiles: {
    model: CONNECT,
    valid: [{ ...agent, EntityArn: AGENT_WITH_STRAY, SecurityProfiles: [{ Id: STRAY }] }],
    unknown: [
      {
        ...agent,
        InstanceId: UNKNOWN_INSTANCE,
        EntityArn: AGENT_WITH_STRAY,
        SecurityProfiles: [{ Id: STRAY }],
      },
    ],
  },
  ListEntitySecurityProfiles: {
    model: CONNECT,
    valid: [{ ...agent, EntityArn: AGENT_WITH_STRAY }],
    unknown: [{ ...agent, InstanceId: UNKNOWN_INSTANCE, EntityArn: AGENT_WITH_STRAY }],
    paging: {
      setup: [
        [
          "AssociateSecurityProfiles",
          {
            ...agent,
            EntityArn: AGENT,
            SecurityProfiles: Array.from({ length: 10 }, (_, i) => ({ Id: sp(i + 1) })),
          },
        ],
      ],
      input: { ...agent, EntityArn: AGENT },
      total: 10,
    },
  },
  DescribeUser: {
    model: CONNECT,
    valid: [{ ...inst, UserId: USER_ID }],
    unknown: [
      { InstanceId: UNKNOWN_INSTANCE, UserId: USER_ID },
      { ...inst, UserId: "no-such-user" },
    ],
  },
  UpdateUserSecurityProfiles: {
    model: CONNECT,
    valid: [{ ...inst, UserId: USER_ID, SecurityProfileIds: [sp(1), sp(2)] }],
    unknown: [{ InstanceId: UNKNOWN_INSTANCE, UserId: USER_ID, SecurityProfileIds: [sp(1)] }],
  },
  AssociateWorkspace: {
    model: CONNECT,
    valid: [
      { ...inst, WorkspaceId: WS_MAIN, ResourceArns: [userArn(1)] },
      { ...inst, WorkspaceId: WS_MAIN, ResourceArns: [userArn(2), UNKNOWN_USER_ARN] },
    ],
    unknown: [{ InstanceId: UNKNOWN_INSTANCE, WorkspaceId: WS_MAIN, ResourceArns: [userArn(1)] }],
  },
  DisassociateWorkspace: {
    model: CONNECT,
    setup: [["AssociateWorkspace", { ...inst, WorkspaceId: WS_MAIN, ResourceArns: [userArn(1)] }]],
    valid: [{ ...inst, WorkspaceId: WS_MAIN, ResourceArns: [userArn(1), userArn(2)] }],
    unknown: [{ InstanceId: UNKNOWN_INSTANCE, WorkspaceId: WS_MAIN, ResourceArns: [userArn(1)] }],
  },
  SearchWorkspaceAssociations: {
    model: CONNECT,
    setup: [["AssociateWorkspace", { ...inst, WorkspaceId: WS_MAIN, ResourceArns: userArns(1, 3) }]],
    valid: [
      { ...inst },
      {
        ...inst,
        MaxResults: 2,
        SearchCriteria: {
          StringCondition: { FieldName: "resourceType", Value: "USER", ComparisonType: "EXACT" },
        },
      },
    ],
    unknown: [{ InstanceId: UNKNOWN_INSTANCE }],
    paging: {
      setup: [
        ["AssociateWorkspace", { ...inst, WorkspaceId: WS_MAIN, ResourceArns: userArns(1, 25) }],
        ["AssociateWorkspace", { ...inst, WorkspaceId: WS_MAIN, ResourceArns: userArns(26, 30) }],
      ],
      input: { ...inst },
      total: 30,
    },
  },
  AssociateFlow: {
    model: CONNECT,
    valid: [{ ...inst, ResourceId: SMS_ARN, FlowId: FLOW_A, ResourceType: "SMS_PHONE_NUMBER" }],
    unknown: [
      { InstanceId: UNKNOWN_INSTANCE, ResourceId: SMS_ARN, FlowId: FLOW_A, ResourceType: "SMS_PHONE_NUMBER" },
    ],
  },
  DisassociateFlow: EMAIL_FLOW,
  GetFlowAssociation: EMAIL_FLOW,
  ListFlowAssociations: {
    model: CONNECT,
    // An SMS number's flow too: FlowAssociationSummary.ResourceType (ListFlowAssociationResourceType)
    // has no SMS_PHONE_NUMBER, so a listing must not report one.
    setup: [
      ["AssociateFlow", { ...inst, ResourceId: SMS_ARN, FlowId: FLOW_A, ResourceType: "SMS_PHONE_NUMBER" }],
    ],
    valid: [{ ...inst }, { ...inst, ResourceType: "VOICE_PHONE_NUMBER", MaxResults: 3 }],
    unknown: [{ InstanceId: UNKNOWN_INSTANCE }],
    paging: { input: { ...inst }, total: 10 },
  },
  BatchGetFlowAssociation: {
    model: CONNECT,
    valid: [{ ...inst, ResourceIds: [voiceArn(voiceId(0))], ResourceType: "VOICE_PHONE_NUMBER" }],
    unknown: [{ InstanceId: UNKNOWN_INSTANCE, ResourceIds: [voiceArn(voiceId(0))] }],
  },
  AssociatePhoneNumberContactFlow: {
    model: CONNECT,
    valid: [{ ...inst, PhoneNumberId: voiceId(11), ContactFlowId: FLOW_A }],
    unknown: [{ InstanceId: UNKNOWN_INSTANCE, PhoneNumberId: voiceId(11), ContactFlowId: FLOW_A }],
  },
  DisassociatePhoneNumberContactFlow: {
    model: CONNECT,
    valid: [{ ...inst, PhoneNumberId: voiceId(0) }],
    unknown: [{ InstanceId: UNKNOWN_INSTANCE, PhoneNumberId: voiceId(0) }],
  },
  DescribePhoneNumber: {
    model: CONNECT,
    valid: [{ PhoneNumberId: voiceId(0) }],
    unknown: [{ PhoneNumberId: "no-such-number" }],
  },
  ListPhoneNumbersV2: {
    model: CONNECT,
    valid: [
      { ...inst },
      { TargetArn: INSTANCE_ARN, MaxResults: 5 },
      { PhoneNumberTypes: ["DID"], PhoneNumberCountryCodes: ["US"], PhoneNumberPrefix: "+1555" },
    ],
    unknown: [
      { InstanceId: UNKNOWN_INSTANCE },
      { TargetArn: `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${UNKNOWN_INSTANCE}` },
    ],
    // The 12 voice numbers and the SMS number (imported from End User Messaging); not the WhatsApp one.
    paging: { input: { ...inst }, total: 13 },
  },
  ListUsers: {
    model: CONNECT,
    valid: [{ ...inst }, { ...inst, MaxResults: 5 }],
    unknown: [{ InstanceId: UNKNOWN_INSTANCE }],
    // The security-profile seed's user and the workspace seed's 30.
    paging: { input: { ...inst }, total: 31 },
  },
  PutProfileObject: {
    model: CUSTOMER_PROFILES,
    valid: [{ ...order, Object: JSON.stringify({ customerId: PROFILE_A, orderId: "o-9", total: 9 }) }],
    unknown: [
      {
        ...order,
        DomainName: UNKNOWN_DOMAIN,
        Object: JSON.stringify({ customerId: PROFILE_A, orderId: "o-9" }),
      },
    ],
  },
  ListProfileObjects: {
    model: CUSTOMER_PROFILES,
    valid: [
      { ...order, ProfileId: PROFILE_A },
      {
        ...order,
        ProfileId: PROFILE_A,
        MaxResults: 1,
        ObjectFilter: { KeyName: "orderId", Values: ["o-1"] },
      },
    ],
    unknown: [{ ...order, DomainName: UNKNOWN_DOMAIN, ProfileId: PROFILE_A }],
  },
  DeleteProfileObject: {
    model: CUSTOMER_PROFILES,
    valid: [{ ...order, ProfileId: PROFILE_A, ProfileObjectUniqueKey: orderKey("o-1") }],
    unknown: [
      { ...order, DomainName: UNKNOWN_DOMAIN, ProfileId: PROFILE_A, ProfileObjectUniqueKey: orderKey("o-1") },
    ],
  },
  GetDomain: {
    model: CUSTOMER_PROFILES,
    valid: [{ DomainName: DOMAIN }],
    unknown: [{ DomainName: UNKNOWN_DOMAIN }],
  },
  SearchProfiles: {
    model: CUSTOMER_PROFILES,
    valid: [
      { DomainName: DOMAIN, KeyName: "_profileId", Values: [PROFILE_A] },
      {
        DomainName: DOMAIN,
        KeyName: "_profileId",
        Values: [PROFILE_A],
        AdditionalSearchKeys: [{ KeyName: "_profileId", Values: [PROFILE_A] }],
        LogicalOperator: "AND",
        MaxResults: 5,
      },
    ],
    unknown: [{ DomainName: UNKNOWN_DOMAIN, KeyName: "_profileId", Values: [PROFILE_A] }],
  },
};
