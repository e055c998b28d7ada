import * as pulumi from "@pulumi/pulumi";
import { providerText, typeToken } from "../runtime/entry";
import { refusePlaintextCredentials } from "../runtime/plaintext-credentials";

/** The inputs of a {@link SecurityProfileAssociation}: an entity and the security profiles it holds. */
export interface SecurityProfileAssociationArgs {
  /** The Amazon Connect instance: its id (1-100 characters). */
  instanceId: pulumi.Input<string>;
  /** `"AI_AGENT"` (a Q in Connect AI agent) or `"USER"` (a Connect user). */
  entityType: pulumi.Input<"AI_AGENT" | "USER">;
  /**
   * The entity: `arn:<partition>:wisdom:<region>:<account>:ai-agent/<assistantId>/<aiAgentId>` for an
   * AI agent, `arn:<partition>:connect:<region>:<account>:instance/<instanceId>/agent/<userId>` for a
   * user of this instance.
   */
  entityArn: pulumi.Input<string>;
  /**
   * The security profile ids this resource manages on the entity: at least one, none twice, at most
   * 10 for a user. Order does not matter.
   */
  securityProfileIds: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * false (the default): manage only the listed profiles and leave the entity's others alone.
   * true: the entity has exactly the listed profiles; any other is removed, and shows as drift on
   * refresh.
   */
  exclusive?: pulumi.Input<boolean>;
  /** The instance's Region; defaults to the provider's Region (stack config `aws:region`; `connect-associations:region` for the provider plugin), then `AWS_REGION`. */
  region?: pulumi.Input<string>;
}

/**
 * Security profiles on an Amazon Connect AI agent or user, managed additively (the default) or
 * exclusively. `@pulumi/aws` and aws-native cannot attach a security profile to an AI agent at all,
 * and for users offer only the whole list on the user resource.
 *
 * | step | AI_AGENT | USER |
 * |---|---|---|
 * | preview / check | no AWS call: entity type, ARN shape, ≥ 1 id, no id twice, ≤ 10 for a user; ids sorted, so a reordering is no change | same |
 * | create / update | reads first: `ListEntitySecurityProfiles` (every page), then only the difference: `AssociateSecurityProfiles`, then `DisassociateSecurityProfiles`, 10 profiles per call; none when the agent already holds them | reads first: `DescribeUser`, then one `UpdateUserSecurityProfiles` with the merged list (profiles it does not manage are kept unless `exclusive`); none when the user already holds them |
 * | refresh / read | `ListEntitySecurityProfiles` (one listing per entity per operation) | `DescribeUser` (likewise) |
 * | delete | `DisassociateSecurityProfiles` of the managed profiles still attached, 10 per call | one `UpdateUserSecurityProfiles` without them |
 *
 * - Replaced when `instanceId`, `entityType`, `entityArn` or `region` change; `securityProfileIds`
 *   and `exclusive` change in place (added / removed only).
 * - A failure part-way (say the second of three calls) records exactly what is attached and fails
 *   naming that call's profiles and the AWS error; the next `pulumi up` does only what is left.
 * - Outputs: `securityProfileIds` is what is really attached of the managed ids (with `exclusive`, all
 *   the entity has, so a stray shows as drift). None left → refresh drops the resource.
 * - Tolerated AWS errors: on delete, ResourceNotFoundException for the entity or instance (gone);
 *   on associate, ResourceConflictException (already associated) and, on disassociate,
 *   ResourceNotFoundException (not associated), each checked against a fresh listing.
 * - A user must keep at least one security profile: removing this resource's profiles when the user
 *   has no other fails saying so, before any write.
 * - Id: `<instanceId>|AI_AGENT|<aiAgentArn>` or `<instanceId>|USER|<userArn>`.
 *
 * @example
 * ```ts
 * new connect.SecurityProfileAssociation("triage-agent-profiles", {
 *   instanceId: "11111111-2222-3333-4444-555555555555",
 *   entityType: "AI_AGENT",
 *   entityArn:
 *     "arn:aws:wisdom:us-east-1:123456789012:ai-agent/9f0e1d2c-3b4a-4c5d-8e6f-7a8b9c0d1e2f/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
 *   securityProfileIds: ["a1b2c3d4-0000-4000-8000-000000000001"],
 * });
 * ```
 */
export class SecurityProfileAssociation extends pulumi.CustomResource {
  /** The Amazon Connect instance's id. */
  declare readonly instanceId: pulumi.Output<string>;
  /** The Region the instance lives in (the resource's `region`, else the stack's). */
  declare readonly region: pulumi.Output<string>;
  /** `"AI_AGENT"` or `"USER"`. */
  declare readonly entityType: pulumi.Output<"AI_AGENT" | "USER">;
  /** The AI agent's or user's ARN. */
  declare readonly entityArn: pulumi.Output<string>;
  /** The managed ids really attached, sorted (with `exclusive`: every profile the entity has). */
  declare readonly securityProfileIds: pulumi.Output<string[]>;
  /** Whether the entity holds exactly `securityProfileIds` (profiles added out of band are removed). */
  declare readonly exclusive: pulumi.Output<boolean>;

  /**
   * Declares the association; `pulumi up` creates it and `pulumi destroy` removes it.
   *
   * @param name The resource's name, unique among the stack's SecurityProfileAssociation resources.
   * @param args The resource's inputs; see {@link SecurityProfileAssociationArgs}.
   * @param opts Standard Pulumi resource options (`dependsOn`, `parent`, `protect`, …).
   */
  constructor(name: string, args: SecurityProfileAssociationArgs, opts?: pulumi.CustomResourceOptions) {
    refusePlaintextCredentials();
    super(
      typeToken("SecurityProfileAssociation"),
      name,
      {
        instanceId: args.instanceId,
        entityType: args.entityType,
        entityArn: args.entityArn,
        securityProfileIds: args.securityProfileIds,
        exclusive: args.exclusive,
        region: args.region,
        __provider: providerText("SecurityProfileAssociation"),
      },
      opts,
    );
  }
}
