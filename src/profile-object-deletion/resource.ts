import * as pulumi from "@pulumi/pulumi";
import { providerText, typeToken } from "../runtime/entry";
import { refusePlaintextCredentials } from "../runtime/plaintext-credentials";

/** The inputs of a {@link ProfileObjectDeletion}: the object to delete and when to delete it again. */
export interface ProfileObjectDeletionArgs {
  /** The Customer Profiles domain (1-64 characters: letters, digits, `_` and `-`). */
  domainName: pulumi.Input<string>;
  /** The profile that holds the object: 32 lowercase hexadecimal characters. */
  profileId: pulumi.Input<string>;
  /** The object's profile object type (1-255 characters; a letter or `_` first, then letters, digits, `_`, `-`). */
  objectTypeName: pulumi.Input<string>;
  /** The object's ProfileObjectUniqueKey, as PutProfileObject or ListProfileObjects gave it (1-255 characters). */
  profileObjectUniqueKey: pulumi.Input<string>;
  /**
   * Any values: a change (compared as JSON) runs the deletion again, for example a ticket number
   * of a new erasure request for the same object.
   */
  triggers?: pulumi.Input<unknown>;
  /** Record an object that is already gone as `alreadyAbsent` instead of failing. Default true. */
  ignoreMissing?: pulumi.Input<boolean>;
  /**
   * Let `pulumi refresh` check (ListProfileObjects) whether the object exists again; if it does,
   * refresh drops this resource from state so that the next `pulumi up` deletes the object again.
   * Default false (refresh then makes no AWS call).
   */
  verifyOnRefresh?: pulumi.Input<boolean>;
  /** The domain's Region; defaults to the provider's Region (stack config `aws:region`; `connect-associations:region` for the provider plugin), then `AWS_REGION`. */
  region?: pulumi.Input<string>;
}

/**
 * Deletes one Customer Profiles profile object, once: a command resource, for erasure requests run
 * from the program that runs the contact centre.
 *
 * | step | AWS call | notes |
 * |---|---|---|
 * | preview / check | none | every documented constraint of DeleteProfileObject; no deletion ever runs during preview |
 * | create | `DeleteProfileObject`; on not-found `GetDomain`, `SearchProfiles`, `ListProfileObjects` | `ResourceNotFoundException` ("does not exist, or access was denied") → `outcome: "alreadyAbsent"` only when the domain and profile are readable and the object is not listed, and `ignoreMissing` (default); otherwise a failure naming the object and what to check; a not-found on the SDK's retry after a dropped connection or 5xx counts as this run's own deletion (`deleted`) |
 * | refresh / read | none; `ListProfileObjects` (the profile's objects of that type, every page) with `verifyOnRefresh` | an object that exists again → removed from state, so the next `pulumi up` deletes it again |
 * | update | none | only `ignoreMissing` / `verifyOnRefresh` change in place |
 * | delete | none | removing the resource does **not** restore the data: a deleted object is gone for good |
 *
 * Replaced (which runs the deletion again) when `domainName`, `profileId`, `objectTypeName`,
 * `profileObjectUniqueKey`, `region` or `triggers` change.
 * Id: `<domainName>|<profileId>|<objectTypeName>|<profileObjectUniqueKey>`. The resource records a
 * deletion, not something that exists: the provider plugin's `pulumi import` records only a deletion
 * in effect (an object shown absent, as `alreadyAbsent`) and never deletes.
 *
 * A Node dynamic resource (type `pulumi-nodejs:dynamic/connect:ProfileObjectDeletion`) whose
 * `__provider` is a fixed one-line entry into this package.
 *
 * @example
 * ```ts
 * new connect.ProfileObjectDeletion("erase-order-1234", {
 *   domainName: "customers",
 *   profileId: "0123456789abcdef0123456789abcdef",
 *   objectTypeName: "Order",
 *   profileObjectUniqueKey: "6JdV0s7mQk0v8m8Jk3zQv0Jc2w0yX9b1c1T8cQm7s2A",
 *   triggers: { erasureRequest: "GDPR-2024-0042" },
 * });
 * ```
 */
export class ProfileObjectDeletion extends pulumi.CustomResource {
  /** The Customer Profiles domain. */
  declare readonly domainName: pulumi.Output<string>;
  /** The profile that held the object. */
  declare readonly profileId: pulumi.Output<string>;
  /** The object's profile object type. */
  declare readonly objectTypeName: pulumi.Output<string>;
  /** The deleted object's ProfileObjectUniqueKey. */
  declare readonly profileObjectUniqueKey: pulumi.Output<string>;
  /** The `triggers` value of the last run. */
  declare readonly triggers: pulumi.Output<unknown>;
  /** Whether an object already gone counts as done. */
  declare readonly ignoreMissing: pulumi.Output<boolean>;
  /** Whether `pulumi refresh` checks that the object is still absent. */
  declare readonly verifyOnRefresh: pulumi.Output<boolean>;
  /** The Region the domain lives in (the resource's `region`, else the stack's). */
  declare readonly region: pulumi.Output<string>;
  /** `"deleted"`, or `"alreadyAbsent"` when the object was already gone (with `ignoreMissing`). */
  declare readonly outcome: pulumi.Output<"deleted" | "alreadyAbsent">;
  /** DeleteProfileObject's `Message`, or AWS's not-found message. */
  declare readonly message: pulumi.Output<string>;
  /** When the deletion ran (ISO 8601). */
  declare readonly executedAt: pulumi.Output<string>;

  /**
   * Declares the deletion; `pulumi up` runs it.
   *
   * @param name The resource's name, unique among the stack's ProfileObjectDeletion resources.
   * @param args The resource's inputs; see {@link ProfileObjectDeletionArgs}.
   * @param opts Standard Pulumi resource options (`dependsOn`, `parent`, `protect`, …).
   */
  constructor(name: string, args: ProfileObjectDeletionArgs, opts?: pulumi.CustomResourceOptions) {
    refusePlaintextCredentials();
    super(
      typeToken("ProfileObjectDeletion"),
      name,
      {
        domainName: args.domainName,
        profileId: args.profileId,
        objectTypeName: args.objectTypeName,
        profileObjectUniqueKey: args.profileObjectUniqueKey,
        triggers: args.triggers,
        ignoreMissing: args.ignoreMissing,
        verifyOnRefresh: args.verifyOnRefresh,
        region: args.region,
        outcome: undefined,
        message: undefined,
        executedAt: undefined,
        __provider: providerText("ProfileObjectDeletion"),
      },
      opts,
    );
  }
}
