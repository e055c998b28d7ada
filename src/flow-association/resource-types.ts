/**
 * What a flow can be associated with: AssociateFlow's `FlowAssociationResourceType` values plus
 * `VOICE_PHONE_NUMBER`, which only `ListFlowAssociationResourceType` has (voice numbers are
 * associated through AssociatePhoneNumberContactFlow).
 */
export type FlowAssociationResourceType =
  | "VOICE_PHONE_NUMBER"
  | "SMS_PHONE_NUMBER"
  | "WHATSAPP_MESSAGING_PHONE_NUMBER"
  | "INBOUND_EMAIL"
  | "OUTBOUND_EMAIL"
  | "ANALYTICS_CONNECTOR";

/**
 * The types ListFlowAssociations and BatchGetFlowAssociation take (`ListFlowAssociationResourceType`):
 * every type a flow can be associated with but SMS numbers.
 */
export type ListFlowAssociationResourceType = Exclude<FlowAssociationResourceType, "SMS_PHONE_NUMBER">;

/**
 * The same types as a list, for checks and listings: the program side, the check and the provider
 * all read them from this file. The compiler holds the list and the union together (below).
 */
export const FLOW_RESOURCE_TYPES = [
  "VOICE_PHONE_NUMBER",
  "SMS_PHONE_NUMBER",
  "WHATSAPP_MESSAGING_PHONE_NUMBER",
  "INBOUND_EMAIL",
  "OUTBOUND_EMAIL",
  "ANALYTICS_CONNECTOR",
] as const satisfies readonly FlowAssociationResourceType[];

// Fails to compile when a member of the union is missing from the list.
type Missing = Exclude<FlowAssociationResourceType, (typeof FLOW_RESOURCE_TYPES)[number]>;
export const FLOW_RESOURCE_TYPES_COMPLETE: [Missing] extends [never] ? true : never = true;

/** The listable types as a list. */
export const LISTABLE_FLOW_RESOURCE_TYPES: readonly ListFlowAssociationResourceType[] =
  FLOW_RESOURCE_TYPES.filter((t): t is ListFlowAssociationResourceType => t !== "SMS_PHONE_NUMBER");
