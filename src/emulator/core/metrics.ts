/** Call and error counts of one account. */
export interface AccountMetrics {
  calls: Record<string, number>;
  errors: Record<string, Record<string, number>>;
}

/**
 * Per-operation call and error counts, and the first and last call times, for
 * `GET /_emulator/metrics`; and the same counts per account (the account the caller's credentials
 * act in), shown once a call was counted.
 */
export class Metrics {
  calls: Record<string, number> = {};
  errors: Record<string, Record<string, number>> = {};
  firstCallAt: Record<string, number> = {};
  lastCallAt: Record<string, number> = {};
  accounts: Record<string, AccountMetrics> = {};

  call(operation: string, at: number, accountId?: string): void {
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
    this.firstCallAt[operation] ??= at;
    this.lastCallAt[operation] = at;
    if (accountId !== undefined) {
      const calls = this.of(accountId).calls;
      calls[operation] = (calls[operation] ?? 0) + 1;
    }
  }

  error(operation: string, code: string, accountId?: string): void {
    count(this.errors, operation, code);
    if (accountId !== undefined) count(this.of(accountId).errors, operation, code);
  }

  reset(): void {
    this.calls = {};
    this.errors = {};
    this.firstCallAt = {};
    this.lastCallAt = {};
    this.accounts = {};
  }

  private of(accountId: string): AccountMetrics {
    return (this.accounts[accountId] ??= { calls: {}, errors: {} });
  }

  toJSON(): object {
    return {
      calls: this.calls,
      errors: this.errors,
      firstCallAt: this.firstCallAt,
      lastCallAt: this.lastCallAt,
      ...(Object.keys(this.accounts).length === 0 ? {} : { accounts: this.accounts }),
    };
  }
}

function count(errors: Record<string, Record<string, number>>, operation: string, code: string): void {
  const byCode = (errors[operation] ??= {});
  byCode[code] = (byCode[code] ?? 0) + 1;
}
