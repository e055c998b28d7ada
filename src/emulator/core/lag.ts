/**
 * Eventual-consistency lag (fault kind `lag`): a lagged mutation is applied at once, but for `lagMs`
 * afterwards every read operation answers from a copy of the state taken just before it, so a
 * just-made association is not found yet and a just-removed one is still listed, as with AWS's
 * read-after-write lag. Writes always see the real state. While a window is open, later lagged
 * mutations extend it and keep the older copy: reads catch up only once no window is open.
 */
export class LagWindow<S> {
  private stale: S | undefined;
  private until = 0;

  /** Call before applying a lagged mutation. */
  open(state: S, now: number, lagMs: number): void {
    if (this.stale === undefined || now >= this.until) this.stale = structuredClone(state);
    this.until = Math.max(this.until, now + lagMs);
  }

  /** The state a read operation sees at `now`. */
  view(state: S, now: number): S {
    if (this.stale !== undefined && now < this.until) return this.stale;
    this.stale = undefined;
    return state;
  }

  clear(): void {
    this.stale = undefined;
    this.until = 0;
  }
}
