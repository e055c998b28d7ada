/**
 * An error from create or update that still records what really exists. The Node dynamic provider
 * turns an error carrying `id` and `properties` into a partial failure: the engine keeps the
 * resource in state with these outputs, and the next `pulumi up` updates from there instead of
 * starting over. The dynamic provider sends `properties` as they are, so `__provider` is put back
 * here: without it a later refresh or destroy could not load the provider.
 */
export class PartialFailure extends Error {
  readonly properties: Record<string, unknown>;

  constructor(
    message: string,
    readonly id: string,
    outputs: Record<string, unknown>,
    inputs: Record<string, unknown>,
    readonly reasons: string[] = [message],
  ) {
    super(message);
    this.properties = { ...outputs, __provider: inputs["__provider"] };
  }
}
