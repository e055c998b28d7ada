import { awsError, type ErrorCode } from "./errors";

/**
 * One page of `items`. The token is opaque to callers and bound to the query that produced it, so a
 * token replayed against another query is refused, as AWS refuses it.
 */
export function page<T>(
  items: readonly T[],
  opts: {
    maxResults: number | undefined;
    nextToken: string | undefined;
    defaultMax: number;
    query: string;
    errorCode: ErrorCode;
  },
): { items: T[]; nextToken: string | undefined } {
  let offset = 0;
  if (opts.nextToken !== undefined) {
    offset = decode(opts.nextToken, opts.query, opts.errorCode);
  }
  const size = opts.maxResults ?? opts.defaultMax;
  const slice = items.slice(offset, offset + size);
  const next = offset + size < items.length ? encode(offset + size, opts.query) : undefined;
  return { items: slice, nextToken: next };
}

function encode(offset: number, query: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: query })).toString("base64url");
}

function decode(token: string, query: string, errorCode: ErrorCode): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as {
      o?: unknown;
      q?: unknown;
    };
    if (typeof parsed.o === "number" && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.q === query) {
      return parsed.o;
    }
  } catch {
    // fall through to the error below
  }
  throw awsError(errorCode, "The NextToken is not valid for this request.");
}
