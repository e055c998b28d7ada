import { AwsCallError, awsErrorCode } from "./errors";

/**
 * The answers Amazon Connect documents for a resource that was just created and has not
 * propagated yet ("Amazon Connect eventual consistency", API reference: calls may answer
 * ResourceNotFoundException or InvalidRequestException for seconds to minutes after a create).
 */
export const PROPAGATION_CODES: readonly string[] = ["ResourceNotFoundException", "InvalidRequestException"];

/** Exponential backoff, capped, with jitter so that many resources do not retry in step. */
export function backoff(attempt: number): number {
  const ceiling = Math.min(250 * 2 ** attempt, 5000);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/**
 * Runs a create or update call (`attempt`, which throws {@link AwsCallError}s) and retries it while
 * AWS answers one of `codes` about a referenced entity that may still be propagating, for at most
 * `timeoutSeconds` (stack config `connect:consistencyTimeoutSeconds`). The calls go through the
 * client, so through its pacing. After the deadline the last error is thrown, saying that `entity`
 * may not exist or may still be propagating. Reads and deletes never wait: they do not call this.
 */
export async function ridePropagation<T>(
  attempt: () => Promise<T>,
  opts: { timeoutSeconds: number; entity: string; codes?: readonly string[] },
): Promise<T> {
  const codes = opts.codes ?? PROPAGATION_CODES;
  const deadline = Date.now() + opts.timeoutSeconds * 1000;
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      const code = awsErrorCode(e);
      if (code === undefined || !codes.includes(code)) throw e;
      const delay = backoff(n);
      if (Date.now() + delay > deadline) {
        const hint =
          `${opts.entity} may not exist (check its id, Region and account), or may still be propagating: ` +
          `AWS kept answering ${code} for ${opts.timeoutSeconds}s (stack config connect:consistencyTimeoutSeconds)`;
        throw e instanceof AwsCallError ? e.withHint(hint) : e;
      }
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
