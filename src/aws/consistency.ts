/**
 * Retries `attempt` while `isTransient` says its error is AWS's eventual consistency talking (for
 * example InvalidRequestException right after a Lex alias was made, while its resource policy
 * propagates), with capped exponential backoff, for at most `timeoutSeconds`.
 */
export async function retryForConsistency<T>(
  attempt: () => Promise<T>,
  isTransient: (e: unknown) => boolean,
  timeoutSeconds: number,
): Promise<T> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  let delay = 250;
  for (;;) {
    try {
      return await attempt();
    } catch (e) {
      if (!isTransient(e) || Date.now() + delay > deadline) throw e;
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 5000);
    }
  }
}
