/**
 * The AWS error code of an SDK v3 error (its `name`), or of an {@link AwsCallError} wrapping one;
 * undefined for anything else.
 */
export function awsErrorCode(e: unknown): string | undefined {
  if (e instanceof AwsCallError) return e.code;
  if (e && typeof e === "object" && "$metadata" in e && "name" in e && typeof e.name === "string")
    return e.name;
  return undefined;
}

export function isAwsError(e: unknown, ...codes: string[]): boolean {
  const code = awsErrorCode(e);
  return code !== undefined && codes.includes(code);
}

/**
 * The endpoint answered something that is not AWS (an HTML page, a proxy's error): `answer` says
 * the endpoint, the HTTP status and the first bytes of the body (see ./answers.ts). It carries no
 * AWS error code, so nothing tolerates or retries it as one.
 */
export class NotAwsAnswerError extends Error {
  constructor(
    readonly operation: string,
    readonly answer: string,
    cause: unknown,
  ) {
    super(`${operation}: ${answer}`, { cause });
    this.name = "NotAwsAnswerError";
  }
}

/**
 * Wraps an AWS failure once, with the operation, the target and the AWS code, so the message under
 * the resource in `pulumi up` says what was being done to what.
 */
export class AwsCallError extends Error {
  constructor(
    readonly operation: string,
    readonly target: string,
    readonly code: string | undefined,
    cause: unknown,
    hint?: string,
  ) {
    const detail =
      cause instanceof NotAwsAnswerError
        ? cause.answer
        : cause instanceof Error
          ? cause.message
          : String(cause);
    super(
      `${operation} for ${target} failed${code ? ` with ${code}` : ""}: ${detail}${hint ? `. ${hint}` : ""}`,
      { cause },
    );
  }

  /** The same failure, with what the user can do about it appended to the message. */
  withHint(hint: string): AwsCallError {
    return new AwsCallError(this.operation, this.target, this.code, this.cause, hint);
  }
}

export function wrapAwsError(operation: string, target: string, e: unknown): Error {
  if (e instanceof AwsCallError) return e;
  return new AwsCallError(operation, target, awsErrorCode(e), e);
}
