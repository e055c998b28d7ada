/** Per-operation call and error counts, and the first and last call times, for `GET /_emulator/metrics`. */
export class Metrics {
  calls: Record<string, number> = {};
  errors: Record<string, Record<string, number>> = {};
  firstCallAt: Record<string, number> = {};
  lastCallAt: Record<string, number> = {};

  call(operation: string, at: number): void {
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
    this.firstCallAt[operation] ??= at;
    this.lastCallAt[operation] = at;
  }

  error(operation: string, code: string): void {
    const byCode = (this.errors[operation] ??= {});
    byCode[code] = (byCode[code] ?? 0) + 1;
  }

  reset(): void {
    this.calls = {};
    this.errors = {};
    this.firstCallAt = {};
    this.lastCallAt = {};
  }

  toJSON(): object {
    return {
      calls: this.calls,
      errors: this.errors,
      firstCallAt: this.firstCallAt,
      lastCallAt: this.lastCallAt,
    };
  }
}
