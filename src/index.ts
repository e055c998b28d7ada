export { BotAssociation } from "./bot-association/resource";
export type {
  BotAssociationArgs,
  BotAssociationBaseArgs,
  BotAssociationLexBotArgs,
  BotAssociationLexV2BotArgs,
  LexBotArgs,
  LexV2BotArgs,
} from "./bot-association/resource";
export { SecurityProfileAssociation } from "./security-profile-association/resource";
export type { SecurityProfileAssociationArgs } from "./security-profile-association/resource";
export { WorkspaceAssociation } from "./workspace-association/resource";
export type { WorkspaceAssociationArgs } from "./workspace-association/resource";
export { FlowAssociation } from "./flow-association/resource";
export type { FlowAssociationArgs } from "./flow-association/resource";
export type {
  FlowAssociationResourceType,
  ListFlowAssociationResourceType,
} from "./flow-association/resource-types";
export { getFlowAssociations } from "./flow-association/get-flow-associations";
export type {
  FlowAssociationSummary,
  GetFlowAssociationsArgs,
  GetFlowAssociationsResult,
} from "./flow-association/get-flow-associations";
export { ProfileObjectDeletion } from "./profile-object-deletion/resource";
export type { ProfileObjectDeletionArgs } from "./profile-object-deletion/resource";
