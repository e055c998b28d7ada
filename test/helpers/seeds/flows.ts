import { ACCOUNT, INSTANCE_ARN, REGION, instanceSeed } from "./base";

/** Contact flows of the flow-association seed, and their ARNs (the form the emulator reports). */
export const FLOW_A = "flow-a";
export const FLOW_B = "flow-b";
export const FLOW_C = "flow-c";
export const flowArn = (id: string): string => `${INSTANCE_ARN}/contact-flow/${id}`;

/** Voice numbers `pn-000`, `pn-001`…; their Connect ARNs. */
export const voiceId = (i: number): string => `pn-${String(i).padStart(3, "0")}`;
export const voiceArn = (id: string): string => `arn:aws:connect:${REGION}:${ACCOUNT}:phone-number/${id}`;
/** End User Messaging numbers: named by ARN in the AssociateFlow family. */
export const SMS_ID = "phone-sms0000001";
export const SMS_ARN = `arn:aws:sms-voice:${REGION}:${ACCOUNT}:phone-number/${SMS_ID}`;
export const WHATSAPP_ID = "phone-number-id-wa01";
export const WHATSAPP_ARN = `arn:aws:social-messaging:${REGION}:${ACCOUNT}:phone-number-id/${WHATSAPP_ID}`;
export const EMAIL_ID = "email-0001";
export const EMAIL_ARN = `${INSTANCE_ARN}/email-address/${EMAIL_ID}`;
export const CONNECTOR_ID = "connector-0001";

/**
 * One instance with `voiceNumbers` voice numbers, an SMS and a WhatsApp number, an email address,
 * an analytics connector and flows A, B, C; `preAssociated` voice numbers (by index) start pointed
 * at flow B, as if set up outside the stack.
 */
export function flowSeed(opts: { voiceNumbers?: number; preAssociated?: readonly number[] } = {}): object {
  const count = opts.voiceNumbers ?? 10;
  return instanceSeed({
    contactFlows: [{ id: FLOW_A }, { id: FLOW_B }, { id: FLOW_C }],
    phoneNumbers: [
      ...Array.from({ length: count }, (_, i) => ({ id: voiceId(i), channel: "VOICE" })),
      { id: SMS_ID, channel: "SMS" },
      { id: WHATSAPP_ID, channel: "WHATSAPP" },
    ],
    emailAddresses: [{ id: EMAIL_ID }],
    analyticsConnectors: [{ id: CONNECTOR_ID }],
    flowAssociations: (opts.preAssociated ?? []).map((i) => ({
      resourceType: "VOICE_PHONE_NUMBER",
      resourceId: voiceId(i),
      flowId: FLOW_B,
    })),
  });
}
