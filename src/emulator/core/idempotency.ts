/** How long AWS honours a ClientToken. */
export const CLIENT_TOKEN_TTL_MS = 8 * 60 * 60 * 1000;

export interface RecordedResult {
  fingerprint: string;
  body: unknown;
  at: number;
}

/**
 * ClientToken idempotency: a successful request's result is recorded under its token, and a replay
 * with the same parameters within 8 hours returns it without acting again. Failed requests are not
 * recorded, so a retry after a transient failure really runs.
 */
export class ClientTokens {
  constructor(private readonly records: Record<string, RecordedResult>) {}

  lookup(
    operation: string,
    token: string,
    fingerprint: string,
    now: number,
  ): { hit: true; body: unknown } | { hit: false; conflict: boolean } {
    const key = `${operation}:${token}`;
    const rec = this.records[key];
    if (!rec || now - rec.at > CLIENT_TOKEN_TTL_MS) return { hit: false, conflict: false };
    if (rec.fingerprint !== fingerprint) return { hit: false, conflict: true };
    return { hit: true, body: rec.body };
  }

  record(operation: string, token: string, fingerprint: string, body: unknown, now: number): void {
    // Expired tokens are dropped here rather than on lookup, so the table stays bounded by 8 hours of use.
    for (const [key, rec] of Object.entries(this.records)) {
      if (now - rec.at > CLIENT_TOKEN_TTL_MS) Reflect.deleteProperty(this.records, key);
    }
    this.records[`${operation}:${token}`] = { fingerprint, body, at: now };
  }
}

/** JSON with object keys sorted, so that equal parameters give equal text whatever their order. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * A request's parameters without its ClientToken, as recorded with the result. Kept exactly as it
 * is: fingerprints persisted with --data-dir must still match after a restart.
 */
export function fingerprint(input: Record<string, unknown>, tokenMember: string): string {
  return stable({ ...input, [tokenMember]: undefined });
}
