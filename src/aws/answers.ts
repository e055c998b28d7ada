import { STATUS_CODES } from "node:http";
import type { BuildMiddleware, DeserializeMiddleware, MetadataBearer, MiddlewareStack } from "@smithy/types";
import { NotAwsAnswerError } from "./errors";

/** How many bytes of a body that is not AWS's the message quotes. */
const BODY_START = 200;

interface RawResponse {
  statusCode?: number;
  headers?: Record<string, string | undefined>;
  body?: unknown;
}

/** The whole body as bytes, from whatever the HTTP handler gave (a stream, or bytes already). */
async function bytesOf(body: unknown): Promise<Uint8Array> {
  if (body instanceof Uint8Array) return body;
  if (typeof body === "string") return Buffer.from(body);
  if (body && typeof body === "object" && Symbol.asyncIterator in body) {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks);
  }
  return new Uint8Array();
}

/**
 * An SDK error that is not an AWS answer: an HTML page (`HtmlAnswer`, above), a body that does not
 * parse (a proxy's text: `SyntaxError … Deserialization error`) or an error body that names no AWS
 * error (`Unknown`).
 */
function notAws(e: unknown): e is Error & { $response: RawResponse } {
  if (!(e instanceof Error) || !("$response" in e)) return false;
  return (
    ["SyntaxError", "Unknown", "HtmlAnswer"].includes(e.name) || e.message.includes("Deserialization error")
  );
}

function describeAnswer(endpoint: string, response: RawResponse): string {
  const status = response.statusCode ?? 0;
  const type = Object.entries(response.headers ?? {}).find(([k]) => k.toLowerCase() === "content-type")?.[1];
  const body = response.body instanceof Uint8Array ? response.body : new Uint8Array();
  const start = Buffer.from(body.subarray(0, BODY_START)).toString("utf8").replace(/\s+/g, " ").trim();
  const what = [type, `${body.length} bytes`].filter(Boolean).join(", ");
  const quoted =
    body.length === 0 ? "an empty body" : `${JSON.stringify(start)}${body.length > BODY_START ? "…" : ""}`;
  return (
    `${endpoint} answered HTTP ${status} ${STATUS_CODES[status] ?? ""}`.trimEnd() +
    ` (${what}), not an AWS API answer: ${quoted}`
  );
}

/**
 * Makes an answer that is not AWS's (a captive portal, a proxy's error page, a wrong endpoint) fail
 * with the operation, the endpoint, the HTTP status and the first bytes of the body, instead of the
 * SDK's `SyntaxError: Unexpected token '<'` or `UnknownError`. Two middlewares: one next to the
 * HTTP handler keeps the bytes of every body that is not JSON or not a success (the SDK's error
 * keeps the response, but not its consumed stream), one outside the retries turns the final error
 * into a {@link NotAwsAnswerError}. AWS's own errors pass untouched.
 */
export function explainNonAwsAnswers<I extends object, O extends MetadataBearer>(client: {
  middlewareStack: MiddlewareStack<I, O>;
}): void {
  const keepBody: DeserializeMiddleware<I, O> = (next) => async (args) => {
    const out = await next(args);
    const response = out.response as RawResponse;
    const type = Object.entries(response.headers ?? {}).find(
      ([k]) => k.toLowerCase() === "content-type",
    )?.[1];
    if ((response.statusCode ?? 0) >= 300 || !/json|xml/i.test(type ?? ""))
      response.body = await bytesOf(response.body);
    // A success with a web page is never AWS's, and an operation whose output has no member
    // would not even parse it: a captive portal would make AssociateBot "succeed".
    if ((response.statusCode ?? 0) < 300 && /html/i.test(type ?? ""))
      throw Object.assign(new Error("an HTML page answered an AWS API call"), {
        name: "HtmlAnswer",
        $response: response,
      });
    return out;
  };
  const explain: BuildMiddleware<I, O> = (next, context) => async (args) => {
    try {
      return await next(args);
    } catch (e) {
      if (!notAws(e)) throw e;
      const r = args.request as { protocol?: string; hostname?: string; port?: number; path?: string };
      const endpoint = `${r.protocol ?? "https:"}//${r.hostname ?? ""}${r.port ? `:${r.port}` : ""}${r.path ?? ""}`;
      const operation = (context.commandName ?? "").replace(/Command$/, "");
      throw new NotAwsAnswerError(operation, describeAnswer(endpoint, e.$response), e);
    }
  };
  client.middlewareStack.add(keepBody, {
    step: "deserialize",
    priority: "low",
    name: "connectAssociationsKeepBody",
  });
  client.middlewareStack.add(explain, {
    step: "build",
    priority: "high",
    name: "connectAssociationsExplainNonAws",
  });
}
