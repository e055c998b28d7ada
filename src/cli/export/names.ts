import type { FlowAssociationResourceType } from "../../flow-association/resource-types";

/** The word a flow association's name starts with, per resource type. */
const FLOW_WORD: Record<FlowAssociationResourceType, string> = {
  VOICE_PHONE_NUMBER: "voice",
  SMS_PHONE_NUMBER: "sms",
  WHATSAPP_MESSAGING_PHONE_NUMBER: "whatsapp",
  INBOUND_EMAIL: "inbound-email",
  OUTBOUND_EMAIL: "outbound-email",
  ANALYTICS_CONNECTOR: "analytics-connector",
};

export function flowWord(type: FlowAssociationResourceType): string {
  return FLOW_WORD[type];
}

/** The last path segment of an ARN (`…/bot-alias/BOT/ALIAS` → `ALIAS`), or an id as it is. */
export function lastSegment(idOrArn: string): string {
  return idOrArn.split(/[/:]/).pop() || idOrArn;
}

/** A logical name of letters, digits, `.`, `_` and `-` only: what a person can read and type. */
export function slug(...parts: string[]): string {
  return parts
    .join("-")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Makes names unique in the order given: the first keeps its name, a later one with the same name
 * gets `-2`, `-3`, … The order is the inventory's stable order, so the same instance gives the same
 * names on every export.
 */
export function uniqueNames(wanted: readonly string[]): string[] {
  const taken = new Set<string>();
  return wanted.map((name) => {
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name}-${n}`;
    taken.add(candidate);
    return candidate;
  });
}
