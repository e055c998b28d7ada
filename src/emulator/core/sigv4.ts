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
 * Reads the credential scope, as AWS does to route a request to a service and Region. Signatures
 * are not verified (the emulator holds no secrets), but an unsigned request is refused.
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
