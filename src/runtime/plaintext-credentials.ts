import * as pulumiConfig from "@pulumi/pulumi/runtime/config";

/** The stack config keys that hold credentials: they must be set with `pulumi config set --secret`. */
const CREDENTIAL_KEYS = ["aws:accessKey", "aws:secretKey", "aws:token"] as const;

let checked = false;

/**
 * Program side, once per program run: refuses a credential key set in plaintext. The engine stores
 * the whole stack config as the inputs of the dynamic provider's own resource, so a plaintext
 * `aws:secretKey` would land readable in state; set as a secret it is stored encrypted. The SDK's
 * `isConfigSecret` is not in its typings, so it is looked up defensively (absent: no check).
 */
export function refusePlaintextCredentials(): void {
  if (checked) return;
  checked = true;
  const isSecret = (pulumiConfig as { isConfigSecret?: (key: string) => boolean }).isConfigSecret;
  if (typeof isSecret !== "function") return;
  for (const key of CREDENTIAL_KEYS) {
    if (pulumiConfig.getConfig(key) !== undefined && !isSecret(key)) {
      checked = false;
      throw new Error(
        `stack config ${key} is set in plaintext, so it would be stored readable in the stack's state: ` +
          `set it with pulumi config set --secret ${key} <value>`,
      );
    }
  }
}
