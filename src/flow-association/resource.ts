import * as pulumi from "@pulumi/pulumi";
import { providerText, typeToken } from "../runtime/entry";
import { refusePlaintextCredentials } from "../runtime/plaintext-credentials";
import type { FlowAssociationResourceType } from "./resource-types";

/** The inputs of a {@link FlowAssociation}: a resource of the instance and the flow it starts. */
export interface FlowAssociationArgs {
  /** The Amazon Connect instance: its id or ARN (1-100 characters). Part of the identity. */
  instanceId: pulumi.Input<string>;
  /**
   * The resource that starts the flow. Part of the identity.
   * - `VOICE_PHONE_NUMBER`: the Connect phone number's id or ARN;
   * - `SMS_PHONE_NUMBER`: the End User Messaging SMS number ARN (`arn:…:sms-voice:…:phone-number/<id>`);
   * - `WHATSAPP_MESSAGING_PHONE_NUMBER`: the End User Messaging Social number ARN
   *   (`arn:…:social-messaging:…:phone-number-id/<id>`);
   * - `INBOUND_EMAIL` / `OUTBOUND_EMAIL`: the email address's id or ARN;
   * - `ANALYTICS_CONNECTOR`: the connector's id or ARN.
   */
  resourceId: pulumi.Input<string>;
  /** The flow: its id or ARN (at most 500 characters). Changed in place, with no moment without a flow. */
  flowId: pulumi.Input<string>;
  /** What `resourceId` is. Part of the identity. */
  resourceType: pulumi.Input<FlowAssociationResourceType>;
  /** The instance's Region; defaults to the provider's Region (stack config `aws:region`; `connect-associations:region` for the provider plugin), then `AWS_REGION`. */
  region?: pulumi.Input<string>;
}

/**
 * Points an Amazon Connect resource (voice, SMS or WhatsApp number, email address, analytics
 * connector) at a flow.
 *
 * | step | AWS call | notes |
 * |---|---|---|
 * | preview / check | none | resource type enum, ID-or-ARN shapes per type, lengths |
 * | create | reads first, as refresh does (the shared listing; SMS: `GetFlowAssociation`), then `AssociatePhoneNumberContactFlow` (voice), else `AssociateFlow`, only when the resource points at another flow or none | already pointing at this flow (by ID or ARN): recorded with no write; otherwise takes the resource over from whatever flow it had; not-found / invalid-request retried up to `connect:consistencyTimeoutSeconds` (a new number, flow or instance still propagating) |
 * | refresh / read | one `ListFlowAssociations` listing (pages of 1000) per instance and type per operation, shared by every read and create and kept in step with this provider's writes; SMS: `GetFlowAssociation` | another flow → `flowId` shows it (drift); none → removed from state |
 * | update (`flowId`) | the create call with the new flow | never disassociates first: the resource is never without a flow |
 * | delete | `BatchGetFlowAssociation` (voice) or `GetFlowAssociation`, then `DisassociatePhoneNumberContactFlow` / `DisassociateFlow` | only while the resource still points at this flow; re-pointed by someone else → left in place, with a warning; `ResourceNotFoundException` (already gone) is success |
 *
 * Replaced when `instanceId`, `resourceId`, `resourceType` or `region` change; an ID and the ARN of
 * the same thing (instance, resource or flow) are never a change.
 * Id (and `associationId`): `<instanceId>|<resourceType>|<resourceId>`, as given at create.
 *
 * A Node dynamic resource (type `pulumi-nodejs:dynamic/connect:FlowAssociation`) whose `__provider` is
 * a fixed one-line entry into this package.
 *
 * @example
 * ```ts
 * new connect.FlowAssociation("main-line", {
 *   instanceId: "11111111-2222-3333-4444-555555555555",
 *   resourceId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
 *   resourceType: "VOICE_PHONE_NUMBER",
 *   flowId: "ffffffff-0000-1111-2222-333333333333",
 * });
 * ```
 */
export class FlowAssociation extends pulumi.CustomResource {
  /** The Amazon Connect instance, as given (id or ARN). */
  declare readonly instanceId: pulumi.Output<string>;
  /** The resource, as given (id or ARN). */
  declare readonly resourceId: pulumi.Output<string>;
  /** The flow the resource points at: after a refresh, the one AWS reports. */
  declare readonly flowId: pulumi.Output<string>;
  /** What `resourceId` is. */
  declare readonly resourceType: pulumi.Output<FlowAssociationResourceType>;
  /** The Region the instance lives in (the resource's `region`, else the stack's). */
  declare readonly region: pulumi.Output<string>;
  /** Same as the resource id. */
  declare readonly associationId: pulumi.Output<string>;

  /**
   * Declares the association; `pulumi up` creates it and `pulumi destroy` removes it.
   *
   * @param name The resource's name, unique among the stack's FlowAssociation resources.
   * @param args The resource's inputs; see {@link FlowAssociationArgs}.
   * @param opts Standard Pulumi resource options (`dependsOn`, `parent`, `protect`, …).
   */
  constructor(name: string, args: FlowAssociationArgs, opts?: pulumi.CustomResourceOptions) {
    refusePlaintextCredentials();
    super(
      typeToken("FlowAssociation"),
      name,
      {
        instanceId: args.instanceId,
        resourceId: args.resourceId,
        flowId: args.flowId,
        resourceType: args.resourceType,
        region: args.region,
        associationId: undefined,
        __provider: providerText("FlowAssociation"),
      },
      opts,
    );
  }
}
