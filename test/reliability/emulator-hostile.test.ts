import * as http from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, type RunningEmulator } from "../../src/emulator";
import { emulatorWith } from "../helpers/emulator";
import { INSTANCE, REGION, baseSeed } from "../helpers/seeds/base";

/*
 * 10,000 malformed requests: bad JSON, wrong member types, unknown paths and methods, missing or
 * garbled signatures, oversized bodies. Each must get a 4xx in AWS's error format, the server must
 * keep serving, and its state must not change.
 */

const COUNT = 10_000;
const scope = (service: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIAHOSTILE/20261121/${REGION}/${service}/aws4_request, SignedHeaders=host, Signature=ab12`;

interface HostileRequest {
  method: string;
  path: string;
  authorization?: string | undefined;
  body?: string | undefined;
}

const jsonJunk = fc.oneof(
  fc.string({ maxLength: 40 }).filter((s) => {
    try {
      const v: unknown = JSON.parse(s);
      return typeof v !== "object" || v === null || Array.isArray(v);
    } catch {
      return true;
    }
  }),
  fc.constantFrom("{", "}", "[1,2]", '"x"', "null", "true", "{,}", '{"a":}', "\u0000"),
);
const wrongTypes = fc
  .record({
    InstanceId: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 })),
    LexBot: fc.oneof(
      fc.string({ maxLength: 5 }),
      fc.integer(),
      fc.record({ Name: fc.integer(), LexRegion: fc.boolean() }),
    ),
    LexV2Bot: fc.oneof(
      fc.integer(),
      fc.record({ AliasArn: fc.oneof(fc.integer(), fc.string({ maxLength: 150, minLength: 101 })) }),
    ),
  })
  .map((o) => JSON.stringify(o));
const badPath = fc.oneof(
  fc.constantFrom(
    "/",
    "/instance",
    "/instance//bot",
    "/instance/%E0%A4%A/bot",
    "/instances/x/bots",
    "/_emulator/nope",
  ),
  fc.webPath().filter((p) => !p.startsWith("/_emulator/")),
);

const hostile: fc.Arbitrary<HostileRequest> = fc.oneof(
  // unsigned, or signed wrongly, to a real operation
  fc.record({
    method: fc.constant("GET"),
    path: fc.constant(`/instance/${INSTANCE}/bots?lexVersion=V1`),
    authorization: fc.oneof(
      fc.constant(undefined),
      fc.string({ maxLength: 60 }),
      fc.constant("AWS4-HMAC-SHA256 Credential=only"),
      fc.constant("Basic dXNlcjpwYXNz"),
    ),
  }),
  // a service that is not emulated
  fc.record({
    method: fc.constant("GET"),
    path: fc.constant("/instance/x/bots"),
    authorization: fc.constant(scope("s3")),
  }),
  // unknown routes and methods
  fc.record({
    method: fc.constantFrom("GET", "PUT", "POST", "DELETE", "PATCH"),
    path: badPath,
    authorization: fc.constant(scope("connect")),
  }),
  // bodies that are not JSON objects
  fc.record({
    method: fc.constantFrom("PUT", "POST"),
    path: fc.constant(`/instance/${INSTANCE}/bot`),
    authorization: fc.constant(scope("connect")),
    body: jsonJunk,
  }),
  // JSON objects with wrong member types or out-of-bound values
  fc.record({
    method: fc.constantFrom("PUT", "POST"),
    path: fc.constant(`/instance/${INSTANCE}/bot`),
    authorization: fc.constant(scope("connect")),
    body: wrongTypes,
  }),
  // bad query parameters
  fc.record({
    method: fc.constant("GET"),
    path: fc.constantFrom(
      `/instance/${INSTANCE}/bots?lexVersion=V3`,
      `/instance/${INSTANCE}/bots?lexVersion=V1&maxResults=0`,
      `/instance/${INSTANCE}/bots?lexVersion=V1&maxResults=abc`,
      `/instance/${INSTANCE}/bots?lexVersion=V1&nextToken=forged`,
      `/instance/${INSTANCE}/bots`,
    ),
    authorization: fc.constant(scope("connect")),
  }),
);

let em: RunningEmulator;
let agent: http.Agent;

beforeAll(async () => {
  em = await emulatorWith(baseSeed());
  agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
});
afterAll(async () => {
  agent.destroy();
  await em.close();
});

function send(r: HostileRequest): Promise<{ status: number; type: string | undefined; body: string }> {
  const url = new URL(em.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        agent,
        method: r.method,
        path: r.path,
        headers: {
          ...(r.authorization === undefined ? {} : { authorization: r.authorization }),
          "content-type": "application/json",
        },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (body += d));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            type: res.headers["x-amzn-errortype"] as string | undefined,
            body,
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(r.body);
  });
}

function expectAwsClientError(r: { status: number; type: string | undefined; body: string }): void {
  expect(r.status).toBeGreaterThanOrEqual(400);
  expect(r.status).toBeLessThan(500);
  expect(r.type).toMatch(/^[A-Za-z]+Exception$/);
  expect(typeof (JSON.parse(r.body) as { Message?: unknown }).Message).toBe("string");
}

describe("emulator under hostile input", () => {
  it(`answers ${COUNT} malformed requests with 4xx in AWS's error format and keeps its state`, async () => {
    const before = JSON.stringify(em.state());
    const requests = fc.sample(hostile, { numRuns: COUNT, seed: 20261121 });
    for (let i = 0; i < requests.length; i += 64) {
      const replies = await Promise.all(requests.slice(i, i + 64).map(send));
      replies.forEach(expectAwsClientError);
    }
    expect(JSON.stringify(em.state())).toBe(before);
    const ok = await send({
      method: "GET",
      path: `/instance/${INSTANCE}/bots?lexVersion=V2`,
      authorization: scope("connect"),
    });
    expect([ok.status, ok.body]).toEqual([200, '{"LexBots":[]}']);
  });

  it("refuses oversized bodies with 413 and keeps serving", async () => {
    for (let i = 0; i < 5; i++) {
      expectAwsClientError(
        await send({
          method: "PUT",
          path: `/instance/${INSTANCE}/bot`,
          authorization: scope("connect"),
          body: "x".repeat(MAX_BODY_BYTES + 1),
        }),
      );
    }
    const ok = await send({
      method: "GET",
      path: `/instance/${INSTANCE}/bots?lexVersion=V1`,
      authorization: scope("connect"),
    });
    expect(ok.status).toBe(200);
  });
});
