import { awsError } from "./errors";

/** What the emulator reads from a SigV4 `Authorization` header: the credential scope. */
export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

const SCOPE = /Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/aws4_request/;

/**
 * Reads the credential scope, as AWS does to route a request to a service and Region, and the
 * access key that picks the caller's account. Signatures are not verified (the secret keys are
 * never read), but an unsigned request is refused.
 */
export function credentialScope(authorization: string | undefined): CredentialScope {
  if (!authorization) {
    throw awsError("MissingAuthenticationTokenException", "Missing Authentication Token");
  }
  if (!authorization.startsWith("AWS4-HMAC-SHA256 ")) {
    throw awsError(
      "IncompleteSignatureException",
      "Authorization header requires the AWS4-HMAC-SHA256 scheme.",
    );
  }
  const m = SCOPE.exec(authorization);
  if (!m || !/Signature=[0-9a-f]+/.test(authorization) || !/SignedHeaders=/.test(authorization)) {
    throw awsError(
      "IncompleteSignatureException",
      "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.",
    );
  }
  return { accessKeyId: m[1] ?? "", date: m[2] ?? "", region: m[3] ?? "", service: m[4] ?? "" };
}

/**
 * The session token of temporary credentials, which SigV4 sends in `X-Amz-Security-Token`; undefined
 * for an access key's request.
 */
export function securityToken(
  headers: Readonly<Record<string, string | string[] | undefined>> | undefined,
): string | undefined {
  const v = headers?.["x-amz-security-token"];
  return typeof v === "string" ? v : undefined;
}
