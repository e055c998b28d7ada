import type { RecordedResult } from "./core/idempotency";

/** A Lex V1 bot known to the account, or associated with an instance. */
export interface LexBotRef {
  name: string;
  region: string;
}

/** A Lex V2 bot alias known to the account. */
export interface LexV2AliasState {
  arn: string;
  /**
   * Epoch ms from which Connect may use the alias: before it, AssociateBot answers
   * InvalidRequestException, as AWS does while the Lex resource policy propagates.
   */
  usableFrom: number;
}

export interface NamedEntity {
  id: string;
  arn: string;
  name?: string;
}

export interface UserState extends NamedEntity {
  securityProfileIds: string[];
}

export interface PhoneNumberState extends NamedEntity {
  channel: "VOICE" | "SMS" | "WHATSAPP";
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
  aiAgents: { arn: string }[];
  routingProfiles: NamedEntity[];
  workspaces: NamedEntity[];
  phoneNumbers: PhoneNumberState[];
  contactFlows: NamedEntity[];
}

export interface ProfileObjectState {
  objectTypeName: string;
  uniqueKey: string;
  object: Record<string, unknown>;
}

export interface DomainState {
  name: string;
  /** A Customer Profiles domain lives in one Region, as a Connect instance does. */
  region: string;
  objectTypes: { name: string; profileKeyField: string; uniqueKeyField: string }[];
  profiles: { id: string; objects: ProfileObjectState[] }[];
}

/** The whole emulator state: plain JSON, so it can be served, persisted and reseeded as is. */
export interface EmulatorState {
  accountId: string;
  region: string;
  connect: { instances: InstanceState[] };
  customerProfiles: { domains: DomainState[] };
  clientTokens: Record<string, RecordedResult>;
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
