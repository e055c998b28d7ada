import { fromNodeProviderChain, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import type { AwsConfig } from "./aws-config";

/**
 * The credentials the stack config asks for, built from the SDK's own providers, or undefined for
 * the SDK's default chain (no `aws:` credential key set: exactly as before these keys were read).
 *
 * - `aws:accessKey` / `aws:secretKey` / `aws:token`: those static credentials;
 * - else `aws:profile` and the shared files: the SDK's node chain with that profile (which, given a
 *   profile, skips the environment's keys, so a `prod` stack never acts with the shell's keys);
 * - then each `aws:assumeRoles` entry in order, STS AssumeRole with the previous credentials.
 *
 * The SDK caches and refreshes what these providers return; nothing here stores a credential.
 */
export function credentialsFor(
  aws: AwsConfig | undefined,
  sts: { region: string; endpoint?: string },
): AwsCredentialIdentityProvider | undefined {
  if (aws === undefined) return undefined;
  let provider: AwsCredentialIdentityProvider | undefined;
  if (aws.credentials) {
    const identity: AwsCredentialIdentity = { ...aws.credentials };
    provider = () => Promise.resolve(identity);
  } else if (aws.profile !== undefined || aws.sharedCredentialsFiles || aws.sharedConfigFiles) {
    provider = fromNodeProviderChain({
      ...(aws.profile !== undefined ? { profile: aws.profile } : {}),
      ...(aws.sharedCredentialsFiles?.[0] ? { filepath: aws.sharedCredentialsFiles[0] } : {}),
      ...(aws.sharedConfigFiles?.[0] ? { configFilepath: aws.sharedConfigFiles[0] } : {}),
    });
  }
  for (const [i, role] of (aws.assumeRoles ?? []).entries()) {
    provider = fromTemporaryCredentials({
      ...(provider ? { masterCredentials: provider } : {}),
      params: {
        RoleArn: role.roleArn,
        RoleSessionName: role.sessionName ?? `pulumi-connect-associations-${i + 1}`,
        ...(role.externalId !== undefined ? { ExternalId: role.externalId } : {}),
        ...(role.durationSeconds !== undefined ? { DurationSeconds: role.durationSeconds } : {}),
      },
      clientConfig: { region: sts.region, ...(sts.endpoint ? { endpoint: sts.endpoint } : {}) },
    });
  }
  return provider;
}
