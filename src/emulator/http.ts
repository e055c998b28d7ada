import { randomUUID } from "node:crypto";
import type * as http from "node:http";
import { AwsError, awsError } from "./core/errors";
import type { ApiCall, Outcome } from "./core/pipeline";

/** Largest request body accepted; AWS's front ends refuse far smaller bodies for these APIs. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** An answer in AWS's restJson1 form. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonReply(status: number, body: unknown): Reply {
  return {
    status,
    headers: { "content-type": "application/json" },
    body: body === undefined ? "" : JSON.stringify(body),
  };
}

function errorReply(err: AwsError): Reply {
  return {
    status: err.status,
    headers: { "content-type": "application/json", "x-amzn-errortype": err.code },
    body: JSON.stringify({ Message: err.message }),
  };
}

function send(res: http.ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, {
    "x-amzn-requestid": randomUUID(),
    ...reply.headers,
    "content-length": Buffer.byteLength(reply.body),
  });
  res.end(reply.body);
}

/** What answers the requests: the admin API, the AWS APIs, and the log of the latter. */
export interface Handlers {
  admin(method: string, path: string, body: string): Reply;
  api(call: ApiCall): Outcome;
  /** Called with one JSON object per API request, for `--log json`. */
  log?: ((entry: object) => void) | undefined;
}

/** The server's request listener: reads the body, refusing one over MAX_BODY_BYTES, then answers. */
export function requestListener(handlers: Handlers): http.RequestListener {
  return (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        if (!refused) {
          refused = true;
          const message = `Request body larger than ${MAX_BODY_BYTES} bytes`;
          send(res, errorReply(awsError("RequestEntityTooLargeException", message)));
        }
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => {
      if (refused) return;
      void answer(handlers, req, res, Buffer.concat(chunks).toString("utf8"));
    });
    req.on("error", () => res.destroy());
  };
}

/** Answers one request: admin or API, with the API's injected delay and dropped connections. */
async function answer(
  handlers: Handlers,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: string,
): Promise<void> {
  const started = Date.now();
  let url: URL;
  try {
    url = new URL(req.url ?? "/", "http://emulator");
  } catch {
    send(res, errorReply(awsError("SerializationException", "Malformed request URL")));
    return;
  }
  const method = req.method ?? "GET";
  const isAdmin = url.pathname.startsWith("/_emulator/");
  let reply: Reply;
  let delivery: Omit<Outcome, "result"> = {};
  try {
    if (isAdmin) {
      reply = handlers.admin(method, url.pathname, body);
    } else {
      const outcome = handlers.api({
        method,
        url,
        authorization: req.headers.authorization,
        headers: req.headers,
        body,
      });
      reply = outcome.reply ?? jsonReply(outcome.status ?? 200, outcome.result);
      delivery = outcome;
    }
  } catch (e) {
    reply = errorReply(e instanceof AwsError ? e : awsError("InternalServiceException", String(e)));
  }
  if (!isAdmin && handlers.log) {
    handlers.log({
      at: new Date(started).toISOString(),
      method: req.method,
      path: url.pathname,
      status: reply.status,
      ms: Date.now() - started,
    });
  }
  if (delivery.delayMs) await new Promise((r) => setTimeout(r, delivery.delayMs));
  if (delivery.dropBefore || delivery.dropAfter) {
    req.socket.destroy();
    return;
  }
  send(res, reply);
}
