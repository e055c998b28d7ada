/**
 * The errors STS answers here, with their HTTP statuses: AWS's common errors of the query protocol
 * (which no operation of the model lists), in `<ErrorResponse>` XML. `Sender`: the caller's fault.
 */
const STS_ERRORS = {
  AccessDenied: 403,
  ExpiredToken: 403,
  InvalidAction: 400,
  InvalidClientTokenId: 403,
  ValidationError: 400,
  InternalFailure: 500,
} as const;

export type StsErrorCode = keyof typeof STS_ERRORS;

export class StsError extends Error {
  readonly status: number;
  readonly type: "Sender" | "Receiver";

  constructor(
    readonly code: StsErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STS_ERRORS[code];
    this.type = this.status >= 500 ? "Receiver" : "Sender";
  }
}
