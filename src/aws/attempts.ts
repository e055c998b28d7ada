import type { MetadataBearer, MiddlewareStack } from "@smithy/types";

/**
 * What the attempts of one SDK call ended with, seen from inside the SDK's retry loop.
 *
 * DeleteProfileObject has no ClientToken. When an attempt's connection drops (or AWS answers 5xx)
 * the deletion may have been applied, and the SDK's retry then gets ResourceNotFoundException for
 * an object this very call removed. Knowing that an earlier attempt's outcome is unknown lets the
 * caller count that not-found as its own deletion. A 4xx answer (throttling included) means the
 * attempt was not applied, so it does not count.
 */
export interface AttemptLog {
  /** An attempt ended without a definite answer: no HTTP status, or 5xx. */
  outcomeUnknown: boolean;
}

interface WithMetadata {
  $metadata?: { httpStatusCode?: number };
}

function unknownOutcome(e: unknown): boolean {
  const status = (e as WithMetadata | undefined)?.$metadata?.httpStatusCode;
  return status === undefined || status >= 500;
}

/** Adds a middleware inside the retry loop of `command` (finalizeRequest, after retryMiddleware). */
export function logAttempts<I extends object, O extends MetadataBearer>(command: {
  middlewareStack: MiddlewareStack<I, O>;
}): AttemptLog {
  const log: AttemptLog = { outcomeUnknown: false };
  command.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (e) {
        if (unknownOutcome(e)) log.outcomeUnknown = true;
        throw e;
      }
    },
    { step: "finalizeRequest", priority: "low", name: "attemptLog" },
  );
  return log;
}
