import type { CliIo } from "../io";

/**
 * Progress on stderr while an export reads: what it is listing, what it found, and for the calls
 * made once per item (DescribeUser, GetFlowAssociation) how long is left at the paced rate.
 */
export class Progress {
  private readonly started = Date.now();
  private calls = 0;

  /**
   * @param io where the lines go (stderr)
   * @param rate the paced rate of one operation, calls a second, for the time-left estimates
   * @param burst the calls one operation may make at once before the rate applies
   */
  constructor(
    private readonly io: CliIo,
    private readonly rate: number,
    private readonly burst: number,
  ) {}

  /** One AWS call made (pages and per-item calls alike). */
  called(): void {
    this.calls++;
  }

  get callCount(): number {
    return this.calls;
  }

  listing(what: string): void {
    this.io.err(`listing ${what}...\n`);
  }

  found(what: string, count: number, unit: string): void {
    this.io.err(`  ${what}: ${count} ${unit}\n`);
  }

  /** Seconds `n` calls of one operation take at the paced rate, the burst aside. */
  secondsFor(n: number): number {
    return Math.max(0, n - this.burst) / this.rate;
  }

  /** Announces `total` calls of `operation`, one per item, with the time they will take. */
  perItem(operation: string, total: number): (done: number) => void {
    if (total === 0) return () => undefined;
    this.io.err(
      `  ${operation} x ${total}: about ${Math.ceil(this.secondsFor(total))} s at ${this.rate} calls/s\n`,
    );
    let last = Date.now();
    return (done) => {
      const now = Date.now();
      if (done === total || now - last < 5000) return;
      last = now;
      const left = Math.ceil((total - done) / this.rate);
      this.io.err(`  ${operation} ${done}/${total}, about ${left} s left\n`);
    };
  }

  elapsedSeconds(): number {
    return (Date.now() - this.started) / 1000;
  }
}
