import { isAccountsState, type EmulatorDocument, type EmulatorState } from "../state";
import { ClientTokens } from "./idempotency";
import { LagWindow } from "./lag";
import type { Persistence } from "./persistence";

/**
 * The emulator's current state and what is bound to it: the ClientTokens recorded in each account,
 * the stale copies lagged reads answer from, and its persistence. Replacing the state (reset, seed)
 * starts the lag afresh, so nothing of the old state leaks into answers about the new one.
 */
export class LiveState {
  private current: EmulatorDocument;
  private lags = new Map<string, LagWindow<EmulatorState>>();

  constructor(
    initial: EmulatorDocument,
    private readonly persistence: Persistence | undefined,
  ) {
    this.current = initial;
  }

  /** Everything the emulator holds: what GET /_emulator/state serves and --data-dir persists. */
  get document(): EmulatorDocument {
    return this.current;
  }

  /** The single account's state; with the seed's accounts form, its first account's. */
  get state(): EmulatorState {
    const doc = this.current;
    if (!isAccountsState(doc)) return doc;
    const first = Object.values(doc.accounts)[0];
    if (!first) throw new Error("emulator: the accounts form holds no account");
    return first;
  }

  /** One account's state; undefined when the emulator holds no such account. */
  account(accountId: string): EmulatorState | undefined {
    const doc = this.current;
    if (!isAccountsState(doc)) return doc.accountId === accountId ? doc : undefined;
    return doc.accounts[accountId];
  }

  /** The ClientTokens recorded in an account (ClientTokens are per account, as in AWS). */
  tokens(account: EmulatorState): ClientTokens {
    return new ClientTokens(account.clientTokens);
  }

  /** An account's read-after-write lag window. */
  lag(accountId: string): LagWindow<EmulatorState> {
    let window = this.lags.get(accountId);
    if (!window) {
      window = new LagWindow<EmulatorState>();
      this.lags.set(accountId, window);
    }
    return window;
  }

  /** Persists the state (with --data-dir), before the answer that acknowledges a change is sent. */
  save(): void {
    this.persistence?.save(this.current);
  }

  replace(next: EmulatorDocument): void {
    this.current = next;
    this.lags.clear();
    this.save();
  }
}
