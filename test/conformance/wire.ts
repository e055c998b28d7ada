import * as connectSdk from "@aws-sdk/client-connect";
import * as profilesSdk from "@aws-sdk/client-customer-profiles";
import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";
import type { RunningEmulator } from "../../src/emulator";
import { TEST_CREDENTIALS, connectClient } from "../helpers/emulator";
import { REGION } from "../helpers/seeds/base";
import { profilesClient } from "../helpers/seeds/profiles";
import { CONNECT, operationOf, shapeOf, type Model } from "./model";

/** An answer as it came over the wire. */
export interface WireAnswer {
  status: number;
  errorType: string | null;
  body: unknown;
}

/**
 * One request as the model binds the operation's input (requestUri labels, query parameters,
 * headers, the rest in a JSON body), signed with SigV4 for the model's signing name, sent with fetch:
 * for the cases that the SDK's own checks would stop (a path label out of bounds, a required member
 * left out) and to read the body exactly as sent.
 */
export async function rawCall(
  em: RunningEmulator,
  model: Model,
  operation: string,
  input: Record<string, unknown>,
): Promise<WireAnswer> {
  const op = operationOf(model, operation);
  const shape = shapeOf(model, op.input?.shape ?? "");
  let path = op.http.requestUri;
  const query: Record<string, string | string[]> = {};
  const headers: Record<string, string> = {};
  const body: Record<string, unknown> = {};
  for (const [member, ref] of Object.entries(shape.members ?? {})) {
    const v = input[member];
    if (v === undefined) continue;
    const wire = ref.locationName ?? member;
    if (ref.location === "uri") path = path.replace(`{${wire}}`, encodeURIComponent(String(v)));
    else if (ref.location === "querystring") query[wire] = Array.isArray(v) ? v.map(String) : String(v);
    else if (ref.location === "header") headers[wire.toLowerCase()] = String(v);
    else body[member] = v;
  }
  const url = new URL(em.url);
  const hasBody = Object.keys(body).length > 0 || ["POST", "PUT"].includes(op.http.method);
  const text = hasBody ? JSON.stringify(body) : undefined;
  const signer = new SignatureV4({
    service: model.metadata.signingName ?? model.metadata.endpointPrefix,
    region: REGION,
    credentials: TEST_CREDENTIALS,
    sha256: Hash.bind(null, "sha256"),
  });
  const signed = await signer.sign({
    method: op.http.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path,
    query,
    headers: {
      ...headers,
      host: url.host,
      ...(text === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(text === undefined ? {} : { body: text }),
  });
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const x of [v].flat()) search.append(k, x);
  const qs = search.toString();
  const res = await fetch(`${em.url}${path}${qs ? `?${qs}` : ""}`, {
    method: op.http.method,
    headers: signed.headers,
    ...(text === undefined ? {} : { body: text }),
  });
  const raw = await res.text();
  return {
    status: res.status,
    errorType: res.headers.get("x-amzn-errortype"),
    body: raw ? JSON.parse(raw) : undefined,
  };
}

type Sdk = Record<string, unknown>;
type Sendable = Parameters<connectSdk.ConnectClient["send"]>[0];

/** One call through the real AWS SDK v3 client of the model's service, by the operation's name. */
export async function sdkCall(
  em: RunningEmulator,
  model: Model,
  operation: string,
  input: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const sdk = (model === CONNECT ? connectSdk : profilesSdk) as Sdk;
  const Command = sdk[`${operation}Command`] as new (input: object) => Sendable;
  const client = model === CONNECT ? connectClient(em) : profilesClient(em);
  return (await (client.send as (c: Sendable) => Promise<unknown>)(new Command(input))) as Record<
    string,
    unknown
  >;
}

/** What the SDK threw: its error name and the HTTP status, as a caller sees them. */
export async function sdkFailure(
  call: Promise<unknown>,
): Promise<{ name: string; status: number | undefined }> {
  try {
    await call;
  } catch (e) {
    const err = e as { name: string; $metadata?: { httpStatusCode?: number } };
    return { name: err.name, status: err.$metadata?.httpStatusCode };
  }
  throw new Error("the call succeeded");
}
