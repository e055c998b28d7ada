/** An error the emulator answers in AWS's restJson1 error format. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Status codes of the error shapes in the Connect and Customer Profiles models. */
const STATUS: Record<string, number> = {
  AccessDeniedException: 403,
  BadRequestException: 400,
  ConditionalOperationFailedException: 409,
  DuplicateResourceException: 409,
  IdempotencyException: 409,
  InternalServerException: 500,
  InternalServiceException: 500,
  InvalidParameterException: 400,
  InvalidRequestException: 400,
  LimitExceededException: 429,
  ResourceConflictException: 409,
  ResourceInUseException: 409,
  ResourceNotFoundException: 404,
  ServiceQuotaExceededException: 402,
  ThrottlingException: 429,
  MissingAuthenticationTokenException: 403,
  IncompleteSignatureException: 403,
  UnknownOperationException: 404,
  SerializationException: 400,
  RequestEntityTooLargeException: 413,
};

export function awsError(code: string, message: string): AwsError {
  return new AwsError(code, STATUS[code] ?? 400, message);
}
