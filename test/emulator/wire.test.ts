import { ListBotsCommand } from "@aws-sdk/client-connect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, type RunningEmulator } from "../../src/emulator";
import { metricsOf, resetEmulator, seedEmulator, setFaults, setQuotas, stateOf } from "../helpers/admin";
import { connectClient, emulatorWith, adminRequest } from "../helpers/emulator";
import { ALIAS_A, INSTANCE, REGION, baseSeed } from "../helpers/seeds/base";

const SIGNED = `AWS4-HMAC-SHA256 Credential=AKIAEMULATOR000TEST/20261121/${REGION}/connect/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd`;

let em: RunningEmulator;
beforeEach(async () => {
  em = await emulatorWith(baseSeed());
});
afterEach(async () => em.close());

async function raw(method: string, path: string, body?: string, authorization: string | null = SIGNED) {
  const res = await fetch(`${em.url}${path}`, {
    method,
    headers: { ...(authorization ? { authorization } : {}), "content-type": "application/json" },
    ...(body === undefined ? {} : { body }),
  });
  return {
    status: res.status,
    type: res.headers.get("x-amzn-errortype"),
    body: (await res.json().catch(() => null)) as unknown,
  };
}

describe("restJson1 wire format", () => {
  it("refuses an unsigned request with 403 MissingAuthenticationTokenException in AWS's error format", async () => {
    const r = await raw("GET", `/instance/${INSTANCE}/bots?lexVersion=V1`, undefined, null);
    expect(r).toEqual({
      status: 403,
      type: "MissingAuthenticationTokenException",
      body: { Message: "Missing Authentication Token" },
    });
  });

  it("refuses a garbled Authorization header with 403 IncompleteSignatureException", async () => {
    const r = await raw(
      "GET",
      `/instance/${INSTANCE}/bots?lexVersion=V1`,
      undefined,
      "AWS4-HMAC-SHA256 garbage",
    );
    expect([r.status, r.type]).toEqual([403, "IncompleteSignatureException"]);
  });

  it("chooses the service from the credential scope", async () => {
    const r = await raw(
      "GET",
      `/instance/${INSTANCE}/bots?lexVersion=V1`,
      undefined,
      SIGNED.replace("/connect/", "/profile/"),
    );
    expect([r.status, r.type]).toEqual([404, "UnknownOperationException"]);
    const ok = await raw("GET", `/instance/${INSTANCE}/bots?lexVersion=V1`);
    expect(ok).toEqual({ status: 200, type: null, body: { LexBots: [] } });
  });

  it("answers malformed JSON with 400 SerializationException and keeps serving", async () => {
    for (const body of ["{", "[1,2]", '"text"', "nul"]) {
      const r = await raw("PUT", `/instance/${INSTANCE}/bot`, body);
      expect([r.status, r.type]).toEqual([400, "SerializationException"]);
    }
    const r = await raw(
      "PUT",
      `/instance/${INSTANCE}/bot`,
      JSON.stringify({ LexV2Bot: { AliasArn: ALIAS_A } }),
    );
    expect(r.status).toBe(200);
  });

  it("answers wrong member types with the operation's validation error", async () => {
    const r = await raw("PUT", `/instance/${INSTANCE}/bot`, JSON.stringify({ LexV2Bot: { AliasArn: 42 } }));
    expect([r.status, r.type]).toEqual([400, "InvalidRequestException"]);
    const q = await raw("GET", `/instance/${INSTANCE}/bots?lexVersion=V1&maxResults=ten`);
    expect([q.status, q.type]).toEqual([400, "InvalidRequestException"]);
  });

  it("answers an unknown path with 404 UnknownOperationException", async () => {
    const r = await raw("GET", "/no/such/operation");
    expect([r.status, r.type]).toEqual([404, "UnknownOperationException"]);
  });

  it("refuses a body over the size limit with 413", async () => {
    const r = await raw("PUT", `/instance/${INSTANCE}/bot`, "x".repeat(MAX_BODY_BYTES + 10));
    expect([r.status, r.type]).toEqual([413, "RequestEntityTooLargeException"]);
  });
});

describe("admin API", () => {
  it("refuses a seed with a bad field, naming it, and keeps the old state", async () => {
    const res = await adminRequest(em, "POST", "/_emulator/seed", {
      connect: { instances: [{ id: "x", phoneNumbers: [{ id: "p", channel: "FAX" }] }] },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { Message: string }).Message).toBe(
      "seed: connect.instances[0].phoneNumbers[0].channel must be one of VOICE, SMS, WHATSAPP",
    );
    const state = await stateOf(em);
    expect(state.connect.instances.map((i) => i.id)).toEqual([INSTANCE]);
  });

  it("derives ARNs from ids in the forms Connect uses", async () => {
    await seedEmulator(em, {
      accountId: "210987654321",
      region: "eu-west-2",
      connect: {
        instances: [{ id: "inst", users: [{ id: "u1" }], phoneNumbers: [{ id: "p1", channel: "SMS" }] }],
      },
    });
    const state = await stateOf(em);
    const inst = state.connect.instances[0];
    expect(inst?.arn).toBe("arn:aws:connect:eu-west-2:210987654321:instance/inst");
    expect(inst?.users[0]?.arn).toBe("arn:aws:connect:eu-west-2:210987654321:instance/inst/agent/u1");
    expect(inst?.phoneNumbers[0]?.arn).toBe("arn:aws:sms-voice:eu-west-2:210987654321:phone-number/p1");
  });

  it("throttles with 429 ThrottlingException once an operation's burst of 5 is spent under --quotas aws", async () => {
    await setQuotas(em, "aws");
    const c = connectClient(em);
    const results = await Promise.allSettled(
      Array.from({ length: 7 }, () =>
        c.send(new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V1" })),
      ),
    );
    const names = results.map((r) => (r.status === "fulfilled" ? "ok" : (r.reason as Error).name));
    expect(names.filter((n) => n === "ok")).toHaveLength(5);
    expect(names.filter((n) => n === "ThrottlingException")).toHaveLength(2);
    const m = await metricsOf(em);
    expect(m.errors).toEqual({ ListBots: { ThrottlingException: 2 } });
  });

  it("injects seeded faults for the first N calls of an operation", async () => {
    await setFaults(em, {
      seed: 7,
      rules: [{ operation: "ListBots", kind: "internal", rate: 1, times: 2 }],
    });
    const c = connectClient(em);
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      names.push(
        await c.send(new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V1" })).then(
          () => "ok",
          (e: Error) => e.name,
        ),
      );
    }
    expect(names).toEqual(["InternalServiceException", "InternalServiceException", "ok"]);
  });

  it("resets state, metrics and faults to the seed", async () => {
    const c = connectClient(em);
    await c.send(new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V1" }));
    await resetEmulator(em);
    expect(await metricsOf(em)).toEqual({
      calls: {},
      errors: {},
      firstCallAt: {},
      lastCallAt: {},
    });
  });
});
