/**
 * The error codes Connect answers here, each with the HTTP status its model gives the shape. A code
 * outside this table does not compile, so a misspelt one cannot silently answer 400.
 */
export const CONNECT_ERRORS = {
  AccessDeniedException: 403,
  ConditionalOperationFailedException: 409,
  DuplicateResourceException: 409,
  InternalServiceException: 500,
  InvalidParameterException: 400,
  InvalidRequestException: 400,
  ResourceConflictException: 409,
  ResourceNotFoundException: 404,
  ServiceQuotaExceededException: 402,
  ThrottlingException: 429,
} as const;

export type ConnectErrorCode = keyof typeof CONNECT_ERRORS;
