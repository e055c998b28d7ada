/**
 * Listings shared by every read of one engine operation, and by the read every create starts with.
 * The engine sends only a few reads at a time (parallelism 4 × cores by default), so batching
 * concurrent reads cannot bring a refresh of N associations down to one listing; a snapshot taken
 * once and reused by every later read can.
 *
 * A snapshot is of a whole instance (and resource type or Lex version), while each resource of a
 * stack owns its own slot in it (a bot, a resource's flow, a workspace's members). So a write
 * through the provider does not drop the snapshot: {@link Snapshots.write} brings the entry of its
 * own slot up to date in place, and N creates in one operation take one listing, not one per
 * create. The other slots stay as listed: no other resource of the stack writes them.
 *
 * A snapshot lives as long as the provider process's context, which `configure` replaces at the
 * start of each engine operation, so none outlives an operation.
 */
export class Snapshots {
  private readonly taken = new Map<string, Promise<unknown>>();

  /** The snapshot under `key`, taken with `load` the first time it is asked for. */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    let p = this.taken.get(key) as Promise<T> | undefined;
    if (!p) {
      p = load();
      this.keep(key, p);
    }
    return p;
  }

  /**
   * Runs `write`, a mutating AWS call for one slot of the snapshot under `key`, then edits that
   * snapshot in place with `change` to what the write made AWS hold. The snapshot may still be
   * being taken: `change` then runs once it is, before any later reader gets it, since the listing
   * may have read the slot before the write landed. When no snapshot is taken, nothing is: the next
   * read lists AWS, which holds the write. A write that fails may or may not have been applied (a
   * connection dropped after AWS acted), so it drops the snapshot instead: a later read lists
   * again rather than trust an entry that may be wrong.
   */
  async write<T, R>(
    key: string,
    write: () => Promise<R>,
    change: (snapshot: T, result: R) => void,
  ): Promise<R> {
    let result: R;
    try {
      result = await write();
    } catch (e) {
      this.drop(key);
      throw e;
    }
    this.change<T>(key, (snapshot) => change(snapshot, result));
    return result;
  }

  /**
   * Edits the snapshot under `key` in place, if one is taken or being taken (see
   * {@link Snapshots.write}); for writes whose success is known only item by item.
   */
  change<T>(key: string, change: (snapshot: T) => void): void {
    const p = this.taken.get(key) as Promise<T> | undefined;
    if (p === undefined) return;
    // Chained rather than applied to the value later readers await, so that a reader taking the
    // snapshot after this call gets it changed, whether or not the listing had finished.
    this.keep(
      key,
      p.then((snapshot) => {
        change(snapshot);
        return snapshot;
      }),
    );
  }

  /** Forgets the snapshot under `key`: the next read lists again. */
  drop(key: string): void {
    this.taken.delete(key);
  }

  private keep(key: string, p: Promise<unknown>): void {
    this.taken.set(key, p);
    // A failed listing is not kept: the next read tries again. Only this very listing is
    // forgotten: after a drop, a newer one may be stored under the key, and it stays.
    p.catch(() => {
      if (this.taken.get(key) === p) this.taken.delete(key);
    });
  }
}
