/**
 * Listings shared by every read of one engine operation. The engine sends only a few reads at a
 * time (parallelism 4 × cores by default), so batching concurrent reads cannot bring a refresh of N
 * associations down to one listing; a snapshot taken once and reused by every later read can.
 *
 * A snapshot lives as long as the provider process's context, which `configure` replaces at the
 * start of each engine operation, so none outlives an operation. A write through the provider
 * drops the snapshots it touches, so a later read in the same operation lists again.
 */
export class Snapshots {
  private readonly taken = new Map<string, Promise<unknown>>();

  /** The snapshot under `key`, taken with `load` the first time it is asked for. */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    let p = this.taken.get(key) as Promise<T> | undefined;
    if (!p) {
      p = load();
      this.taken.set(key, p);
      // A failed listing is not kept: the next read tries again. Only this very listing is
      // forgotten: after a drop, a newer one may be stored under the key, and it stays.
      const loading = p;
      loading.catch(() => {
        if (this.taken.get(key) === loading) this.taken.delete(key);
      });
    }
    return p;
  }

  drop(key: string): void {
    this.taken.delete(key);
  }
}
