export { BotAssociation } from "./resources/bot-association";
export type { BotAssociationArgs, LexBotArgs, LexV2BotArgs } from "./resources/bot-association";
export { SecurityProfileAssociation } from "./resources/security-profile-association";
export type { SecurityProfileAssociationArgs } from "./resources/security-profile-association";
export { WorkspaceAssociation } from "./resources/workspace-association";
export type { WorkspaceAssociationArgs } from "./resources/workspace-association";
export { FlowAssociation } from "./resources/flow-association";
export type { FlowAssociationArgs, FlowAssociationResourceType } from "./resources/flow-association";
export { getFlowAssociations } from "./functions/get-flow-associations";
export type {
  FlowAssociationSummary,
  GetFlowAssociationsArgs,
  GetFlowAssociationsResult,
  ListFlowAssociationResourceType,
} from "./functions/get-flow-associations";
export { ProfileObjectDeletion } from "./resources/profile-object-deletion";
export type { ProfileObjectDeletionArgs } from "./resources/profile-object-deletion";
