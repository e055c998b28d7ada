import * as pulumi from "@pulumi/pulumi";
import { providerText, typeToken } from "../runtime/entry";
import { refusePlaintextCredentials } from "../runtime/plaintext-credentials";

/** The inputs of a {@link WorkspaceAssociation}: a workspace and the users and routing profiles that use it. */
export interface WorkspaceAssociationArgs {
  /** The Amazon Connect instance: its id (1-100 characters). */
  instanceId: pulumi.Input<string>;
  /** The workspace's id (1-256 characters). */
  workspaceId: pulumi.Input<string>;
  /**
   * The users and routing profiles that get the workspace, by ARN: at least one, any number (sent
   * 25 per call), no ARN twice; order does not matter.
   */
  resourceArns: pulumi.Input<pulumi.Input<string>[]>;
  /** The instance's Region; defaults to the provider's Region (stack config `aws:region`; `connect-associations:region` for the provider plugin), then `AWS_REGION`. */
  region?: pulumi.Input<string>;
}

/**
 * Gives users and routing profiles an Amazon Connect workspace: the set of `resourceArns`
 * associated with one workspace, managed as a set.
 *
 * | step | AWS call | notes |
 * |---|---|---|
 * | preview / check | none | instanceId 1-100, workspaceId 1-256, resourceArns non-empty, no duplicates, each a user or routing-profile ARN |
 * | create | reads first: `SearchWorkspaceAssociations` (the operation's listing of the instance), then `AssociateWorkspace` for the ARNs the workspace does not have yet, 25 per call; a fresh `SearchWorkspaceAssociations` when an item fails | an ARN already associated counts as associated (and becomes managed) with no write: all of them → no `AssociateWorkspace` call |
 * | refresh / read | `SearchWorkspaceAssociations` (every page, one listing per instance per operation, shared with every create and kept in step with this provider's writes, filtered by workspace here) | outputs keep the managed ARNs still associated; none left → removed from state |
 * | update | `AssociateWorkspace` for added ARNs, then `DisassociateWorkspace` for removed ones, 25 per call | set difference from the ARNs recorded as associated |
 * | delete | `DisassociateWorkspace`, 25 per call | an ARN not associated, or a workspace / instance that is gone, is success |
 *
 * Per-item failures: AWS answers each ARN on its own (its `FailedList`). When some ARNs fail, the
 * step fails with every failed ARN, its ErrorCode and ErrorMessage, while state records exactly the
 * ARNs that were associated; the next `pulumi up` retries only the others. Whatever per-item code
 * AWS gives (its model: a three-digit `WorkspaceErrorCode`), an ARN that a fresh
 * `SearchWorkspaceAssociations` shows already associated (when adding) or not associated (when
 * removing) counts as done. On create and update, ARNs that failed (a user just created may not be
 * visible yet) are sent again until `connect:consistencyTimeoutSeconds`; delete never waits.
 *
 * Replaced when `instanceId`, `workspaceId` or `region` change; `resourceArns` changes in place.
 * Id: `<instanceId>|<workspaceId>`.
 *
 * A Node dynamic resource (type `pulumi-nodejs:dynamic/connect:WorkspaceAssociation`) whose
 * `__provider` is a fixed one-line entry into this package.
 *
 * @example
 * ```ts
 * new connect.WorkspaceAssociation("supervisors-workspace", {
 *   instanceId: "11111111-2222-3333-4444-555555555555",
 *   workspaceId: "a1b2c3d4-workspace",
 *   resourceArns: [
 *     "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555/agent/0f0e0d0c-user",
 *     "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555/routing-profile/9a8b7c6d-rp",
 *   ],
 * });
 * ```
 */
export class WorkspaceAssociation extends pulumi.CustomResource {
  /** The Amazon Connect instance's id. */
  declare readonly instanceId: pulumi.Output<string>;
  /** The workspace's id. */
  declare readonly workspaceId: pulumi.Output<string>;
  /** The Region the instance lives in (the resource's `region`, else the stack's). */
  declare readonly region: pulumi.Output<string>;
  /** The managed ARNs really associated, sorted. */
  declare readonly resourceArns: pulumi.Output<string[]>;

  /**
   * Declares the association; `pulumi up` creates it and `pulumi destroy` removes it.
   *
   * @param name The resource's name, unique among the stack's WorkspaceAssociation resources.
   * @param args The resource's inputs; see {@link WorkspaceAssociationArgs}.
   * @param opts Standard Pulumi resource options (`dependsOn`, `parent`, `protect`, …).
   */
  constructor(name: string, args: WorkspaceAssociationArgs, opts?: pulumi.CustomResourceOptions) {
    refusePlaintextCredentials();
    super(
      typeToken("WorkspaceAssociation"),
      name,
      {
        instanceId: args.instanceId,
        workspaceId: args.workspaceId,
        resourceArns: args.resourceArns,
        region: args.region,
        __provider: providerText("WorkspaceAssociation"),
      },
      opts,
    );
  }
}
