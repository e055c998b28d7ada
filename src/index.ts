export { BotAssociation } from "./resources/bot-association";
export type { BotAssociationArgs, LexBotArgs, LexV2BotArgs } from "./resources/bot-association";
export { ProfileObjectDeletion } from "./resources/profile-object-deletion";
export type { ProfileObjectDeletionArgs } from "./resources/profile-object-deletion";
