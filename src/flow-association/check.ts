import type { ProviderSettings } from "../aws/settings";
import { Checker, type CheckFailure } from "../validation/checker";
import { checkArnScope } from "../validation/arn-scope";
import { checkedRegion } from "../validation/region";
import { FLOW_RESOURCE_TYPES, type FlowAssociationResourceType } from "./resource-types";

/** A type a flow can be associated with (the checked form of `resourceType`). */
export type FlowResourceType = FlowAssociationResourceType;

const ID = "[^|\\s/:]+";
const ARN_HEAD = "arn:aws[a-z-]*:([a-z-]+):[a-z0-9-]+:\\d{12}:";

/** An instance id, or an instance ARN (Connect takes both). */
export const INSTANCE_ID = new RegExp(`^${ID}$|^arn:aws[a-z-]*:connect:[a-z0-9-]+:\\d{12}:instance/${ID}$`);

/**
 * resourceId shapes per type. The reference says SMS and WhatsApp numbers are named by their End
 * User Messaging ARN; voice numbers by id or Connect phone-number ARN (AssociatePhoneNumberContactFlow).
 * The shapes of the ARNs, and ID or ARN for email addresses and analytics connectors, are this
 * project's rules where the reference only says "identifier".
 */
const RESOURCE_ID: Record<FlowResourceType, { pattern: RegExp; hint: string }> = {
  VOICE_PHONE_NUMBER: {
    // Connect names a claimed number by an account-scoped ARN (ClaimPhoneNumber's PhoneNumberArn)
    // and, in instance contexts, by an instance-scoped one; both end with the number's id.
    pattern: new RegExp(
      `^${ID}$|^arn:aws[a-z-]*:connect:[a-z0-9-]+:\\d{12}:(instance/${ID}/)?phone-number/${ID}$`,
    ),
    hint: "a phone number id, arn:<partition>:connect:<region>:<account>:phone-number/<id> or …:instance/<instanceId>/phone-number/<id>",
  },
  SMS_PHONE_NUMBER: {
    pattern: new RegExp(`^arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:\\d{12}:phone-number/${ID}$`),
    hint: "arn:<partition>:sms-voice:<region>:<account>:phone-number/<id> (an End User Messaging SMS number ARN)",
  },
  WHATSAPP_MESSAGING_PHONE_NUMBER: {
    pattern: new RegExp(`^arn:aws[a-z-]*:social-messaging:[a-z0-9-]+:\\d{12}:phone-number-id/${ID}$`),
    hint: "arn:<partition>:social-messaging:<region>:<account>:phone-number-id/<id> (an End User Messaging Social number ARN)",
  },
  INBOUND_EMAIL: {
    pattern: new RegExp(`^${ID}$|^${ARN_HEAD}\\S*/${ID}$`),
    hint: "an email address id or its ARN",
  },
  OUTBOUND_EMAIL: {
    pattern: new RegExp(`^${ID}$|^${ARN_HEAD}\\S*/${ID}$`),
    hint: "an email address id or its ARN",
  },
  ANALYTICS_CONNECTOR: {
    pattern: new RegExp(`^${ID}$|^${ARN_HEAD}\\S*/${ID}$`),
    hint: "an analytics connector id or its ARN",
  },
};

/** A flow id, or a flow ARN. */
export const FLOW_ID = new RegExp(
  `^${ID}$|^arn:aws[a-z-]*:connect:[a-z0-9-]+:\\d{12}:instance/${ID}/contact-flow/${ID}$`,
);

/** Checked inputs: what create, diff and update receive (region filled in). */
export interface FlowAssociationInputs {
  instanceId: string;
  resourceId: string;
  flowId: string;
  resourceType: FlowResourceType;
  region: string;
}

/**
 * Validates FlowAssociation inputs: the documented constraints (InstanceId 1-100, ContactFlowId
 * <= 500, the resource type enums), plus the ID-or-ARN shapes above. Unknown preview values pass.
 */
export function checkFlowAssociation(
  news: Record<string, unknown>,
  settings: ProviderSettings,
): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const c = new Checker();
  c.string("instanceId", news["instanceId"], {
    required: true,
    min: 1,
    max: 100,
    pattern: INSTANCE_ID,
    patternHint: "an instance id or arn:<partition>:connect:<region>:<account>:instance/<id>",
  });
  const type = c.string("resourceType", news["resourceType"], { required: true, enum: FLOW_RESOURCE_TYPES });
  const shape = type === undefined ? undefined : RESOURCE_ID[type as FlowResourceType];
  c.string("resourceId", news["resourceId"], {
    required: true,
    min: 1,
    ...(shape ? { pattern: shape.pattern, patternHint: shape.hint } : {}),
  });
  c.string("flowId", news["flowId"], {
    required: true,
    min: 1,
    max: 500,
    pattern: FLOW_ID,
    patternHint:
      "a flow id or arn:<partition>:connect:<region>:<account>:instance/<instanceId>/contact-flow/<flowId>",
  });
  const region = checkedRegion(c, news["region"], settings);
  checkArnScope(c, { instanceId: news["instanceId"], region }, [
    { property: "resourceId", value: news["resourceId"] },
    { property: "flowId", value: news["flowId"] },
  ]);
  return { inputs: c.failures.length === 0 ? { ...news, region } : news, failures: c.failures };
}
