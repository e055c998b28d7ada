import { errorStatuses } from "../core/model";
import { CUSTOMER_PROFILES_MODEL, type ProfilesModelErrorCode } from "../models";

/**
 * The error codes Customer Profiles answers: the error shapes of its model, each with the HTTP status
 * the model gives the shape (`error.httpStatusCode`). A code outside the model does not compile, so a
 * misspelt one cannot silently answer 400.
 */
export type ProfilesErrorCode = ProfilesModelErrorCode;

export const PROFILES_ERRORS = errorStatuses(CUSTOMER_PROFILES_MODEL) as Readonly<
  Record<ProfilesErrorCode, number>
>;
