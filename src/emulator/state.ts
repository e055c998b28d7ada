import type { RecordedResult } from "./core/idempotency";

/**
 * A seeded entity that may still be propagating: until `visibleFrom` (epoch ms: the time its seed was
 * loaded plus the seed's `visibleAfterMs`) every AWS API treats it as not existing yet. Absent: it
 * exists from the start. The API references name no error for a resource still propagating, only
 * ResourceNotFoundException ("The specified resource was not found.") for one that does not exist,
 * which every operation here models; answering that one is the emulator's choice (docs/emulator.md,
 * Propagation).
 */
export interface Propagating {
  visibleFrom?: number;
}

/** Whether `e` exists for an API call at `now`. */
export function visibleAt(e: Propagating, now: number): boolean {
  return e.visibleFrom === undefined || now >= e.visibleFrom;
}

/** For the seed loader, which reads its own entities whether or not they are visible yet. */
export const EVERYTHING_VISIBLE = Number.POSITIVE_INFINITY;

/** A Lex V1 bot known to the account, or associated with an instance. */
export interface LexBotRef extends Propagating {
  name: string;
  region: string;
}

/** A Lex V2 bot alias known to the account. */
export interface LexV2AliasState extends Propagating {
  arn: string;
  /**
   * Epoch ms from which Connect may use the alias: before it, AssociateBot answers
   * InvalidRequestException, as AWS does while the Lex resource policy propagates.
   */
  usableFrom: number;
}

export interface NamedEntity extends Propagating {
  id: string;
  arn: string;
  name?: string;
  /** Seeded tags (users and routing profiles), served by SearchWorkspaceAssociations' SearchFilter. */
  tags?: Record<string, string>;
}

export interface UserState extends NamedEntity {
  securityProfileIds: string[];
}

/** A Q in Connect AI agent known to the instance, with the security profiles associated with it. */
export interface AiAgentState extends Propagating {
  arn: string;
  securityProfileIds: string[];
}

export interface PhoneNumberState extends NamedEntity {
  channel: "VOICE" | "SMS" | "WHATSAPP";
}

/** One user or routing profile associated with a workspace (AssociateWorkspace). */
export interface WorkspaceAssociationState {
  workspaceId: string;
  resourceArn: string;
  resourceType: "USER" | "ROUTING_PROFILE";
}

/**
 * Which flow a resource points at. One table per instance for every resource type, voice numbers
 * included: AssociatePhoneNumberContactFlow and the AssociateFlow family read and write the same
 * rows, as in Connect. Resources and flows are kept by ARN (the form every API accepts).
 */
export interface FlowAssociationState {
  resourceType: string;
  resourceArn: string;
  flowArn: string;
}

export interface InstanceState {
  id: string;
  arn: string;
  region: string;
  lexBots: LexBotRef[];
  lexV2BotAliases: LexV2AliasState[];
  associatedLexBots: LexBotRef[];
  associatedLexV2Bots: string[];
  securityProfiles: NamedEntity[];
  users: UserState[];
  aiAgents: AiAgentState[];
  routingProfiles: NamedEntity[];
  workspaces: NamedEntity[];
  workspaceAssociations: WorkspaceAssociationState[];
  phoneNumbers: PhoneNumberState[];
  contactFlows: NamedEntity[];
  emailAddresses: NamedEntity[];
  analyticsConnectors: NamedEntity[];
  flowAssociations: FlowAssociationState[];
}

export interface ProfileObjectState {
  objectTypeName: string;
  uniqueKey: string;
  object: Record<string, unknown>;
}

export interface DomainState extends Propagating {
  name: string;
  /** A Customer Profiles domain lives in one Region, as a Connect instance does. */
  region: string;
  /** Epoch ms at which the domain came to exist (its seed's load time plus any visibleAfterMs). */
  createdAt?: number;
  objectTypes: ({ name: string; profileKeyField: string; uniqueKeyField: string } & Propagating)[];
  profiles: ({ id: string; objects: ProfileObjectState[] } & Propagating)[];
}

/** The whole emulator state: plain JSON, so it can be served, persisted and reseeded as is. */
export interface EmulatorState {
  accountId: string;
  region: string;
  connect: { instances: InstanceState[] };
  customerProfiles: { domains: DomainState[] };
  clientTokens: Record<string, RecordedResult>;
}

/** An access key of an account (the seed's accounts form). */
export interface AccessKeyState {
  accessKeyId: string;
  /** Kept as seeded; never read (signatures are not verified). */
  secretAccessKey: string;
  /** The IAM user the key belongs to; absent: the user `emulator`. */
  userName?: string;
}

/** An IAM role of an account that STS AssumeRole can assume. */
export interface RoleState {
  arn: string;
  /** The accounts the role's trust policy lets assume it. */
  trustedAccountIds: string[];
  /** The trust policy's `sts:ExternalId` condition, when it has one. */
  externalId?: string;
  /** IAM's MaxSessionDuration, in seconds (IAM's default: 3600). */
  maxSessionDuration: number;
}

/** One account of the accounts form: its services' state, its access keys and its roles. */
export interface AccountState extends EmulatorState {
  accessKeys: AccessKeyState[];
  roles: RoleState[];
}

/** Temporary credentials issued by AssumeRole: they act in the role's account until `expiration`. */
export interface SessionState {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch ms. */
  expiration: number;
  accountId: string;
  roleArn: string;
  sessionName: string;
}

/** The state of a seed in the accounts form: each account under its id, and the issued sessions. */
export interface AccountsState {
  accounts: Record<string, AccountState>;
  sessions: SessionState[];
}

/**
 * Everything the emulator holds, as GET /_emulator/state serves it and --data-dir persists it: one
 * account's state (the seed's single-account form), or every account's (its accounts form).
 */
export type EmulatorDocument = EmulatorState | AccountsState;

export function isAccountsState(doc: EmulatorDocument): doc is AccountsState {
  return "accounts" in doc;
}

export function emptyState(): EmulatorState {
  return {
    accountId: "123456789012",
    region: "us-east-1",
    connect: { instances: [] },
    customerProfiles: { domains: [] },
    clientTokens: {},
  };
}
