import type { EmulatorState } from "../state";
import { ClientTokens } from "./idempotency";
import { LagWindow } from "./lag";
import type { Persistence } from "./persistence";

/**
 * The emulator's current state and what is bound to it: the ClientTokens recorded in it, the stale
 * copy lagged reads answer from, and its persistence. Replacing the state (reset, seed) starts the
 * first two afresh, so nothing of the old state leaks into answers about the new one.
 */
export class LiveState {
  readonly lag = new LagWindow<EmulatorState>();
  private current: EmulatorState;
  private clientTokens: ClientTokens;

  constructor(
    initial: EmulatorState,
    private readonly persistence: Persistence | undefined,
  ) {
    this.current = initial;
    this.clientTokens = new ClientTokens(initial.clientTokens);
  }

  get state(): EmulatorState {
    return this.current;
  }

  get tokens(): ClientTokens {
    return this.clientTokens;
  }

  /** Persists the state (with --data-dir), before the answer that acknowledges a change is sent. */
  save(): void {
    this.persistence?.save(this.current);
  }

  replace(next: EmulatorState): void {
    this.current = next;
    this.lag.clear();
    this.clientTokens = new ClientTokens(next.clientTokens);
    this.save();
  }
}
