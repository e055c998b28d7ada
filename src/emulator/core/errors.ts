import { CONNECT_ERRORS, type ConnectErrorCode } from "../connect/errors";
import { PROFILES_ERRORS, type ProfilesErrorCode } from "../profiles/errors";

/**
 * Errors of AWS's front end, answered before a request reaches either service (signature,
 * credentials, routing, body), and by the admin API.
 */
const FRONT_END_ERRORS = {
  ExpiredTokenException: 403,
  IncompleteSignatureException: 403,
  MissingAuthenticationTokenException: 403,
  RequestEntityTooLargeException: 413,
  SerializationException: 400,
  UnknownOperationException: 404,
  UnrecognizedClientException: 403,
} as const;

/** Whether `code` is one of AWS's front end's, which no service model lists. */
export function isFrontEndError(code: string): boolean {
  return code in FRONT_END_ERRORS;
}

/** Every error code the emulator can answer. */
export type ErrorCode = keyof typeof FRONT_END_ERRORS | ConnectErrorCode | ProfilesErrorCode;

// The status is looked up by code alone, so a code both services have must have one status in both
// models.
for (const [code, status] of Object.entries(PROFILES_ERRORS)) {
  const other = (CONNECT_ERRORS as Record<string, number>)[code];
  if (other !== undefined && other !== status)
    throw new Error(`${code} is ${other} in Connect's model and ${status} in Customer Profiles'`);
}

const STATUS: Readonly<Record<ErrorCode, number>> = {
  ...FRONT_END_ERRORS,
  ...CONNECT_ERRORS,
  ...PROFILES_ERRORS,
};

/** An error the emulator answers in AWS's restJson1 error format, with its code's status. */
export class AwsError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export function awsError(code: ErrorCode, message: string): AwsError {
  return new AwsError(code, message);
}
