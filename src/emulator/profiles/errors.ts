/**
 * The error codes Customer Profiles answers here, each with the HTTP status its model gives the
 * shape. A code outside this table does not compile, so a misspelt one cannot silently answer 400.
 */
export const PROFILES_ERRORS = {
  BadRequestException: 400,
  InternalServerException: 500,
  ResourceNotFoundException: 404,
  ThrottlingException: 429,
} as const;

export type ProfilesErrorCode = keyof typeof PROFILES_ERRORS;
