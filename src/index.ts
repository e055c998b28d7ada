export { BotAssociation } from "./resources/bot-association";
export type { BotAssociationArgs, LexBotArgs, LexV2BotArgs } from "./resources/bot-association";
