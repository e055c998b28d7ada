import { errorStatuses } from "../core/model";
import { CONNECT_MODEL, type ConnectModelErrorCode } from "../models";

/**
 * The error codes Connect answers: the error shapes of its model, each with the HTTP status the model
 * gives the shape (`error.httpStatusCode`). A code outside the model does not compile, so a misspelt
 * one cannot silently answer 400.
 */
export type ConnectErrorCode = ConnectModelErrorCode;

export const CONNECT_ERRORS = errorStatuses(CONNECT_MODEL) as Readonly<Record<ConnectErrorCode, number>>;
