import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { botAssociationProvider } from "../../src/bot-association/provider";
import { profileObjectDeletion } from "../../src/profile-object-deletion/provider";
import { makeContext } from "../../src/runtime/context";

// An endpoint that is not AWS: a captive portal, a corporate proxy, a wrong URL. What the user reads
// under the resource must say the operation, the endpoint, the HTTP status and the first bytes of
// the body, not `SyntaxError: Unexpected token '<'` or `UnknownError`.
const I = "8c2d3f4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
const ALIAS = "arn:aws:lex:us-east-1:123456789012:bot-alias/ORDERSBOT1/LIVEALIAS1";
const PORTAL =
  "<!DOCTYPE html>\n<html><head><title>Sign in to the guest Wi-Fi</title></head><body>" +
  "<p>Please accept the terms of use to continue.</p>".repeat(10) +
  "</body></html>";
const BAD_GATEWAY =
  "<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>";

let server: http.Server | undefined;
let requests = 0;

async function serve(status: number, type: string, body: string): Promise<string> {
  requests = 0;
  server = http.createServer((_req, res) => {
    requests++;
    res.writeHead(status, { "content-type": type });
    res.end(body);
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

function bots(endpoint: string) {
  return botAssociationProvider(
    makeContext({ endpoint, region: "us-east-1", maxAttempts: 2, consistencyTimeoutSeconds: 1 }),
  );
}

const inputs = { instanceId: I, region: "us-east-1", adoptExisting: false, lexV2Bot: { aliasArn: ALIAS } };

describe("an endpoint that answers something that is not AWS", () => {
  it("an HTML page (HTTP 200): create fails at its first read naming ListBots, the instance, the endpoint, the status and the page's first 200 bytes", async () => {
    const url = await serve(200, "text/html; charset=utf-8", PORTAL);
    const start = PORTAL.slice(0, 200).replace(/\s+/g, " ");
    await expect(bots(url).create(inputs)).rejects.toThrow(
      `ListBots for Lex V2 bots on instance ${I} failed: ` +
        `${url}/instance/${I}/bots answered HTTP 200 OK (text/html; charset=utf-8, ${PORTAL.length} bytes), ` +
        `not an AWS API answer: ${JSON.stringify(start)}…`,
    );
    expect(requests).toBe(1);
  });

  it("a proxy's error page (HTTP 502): refresh fails naming ListBots and the proxy's answer, after the SDK's retries", async () => {
    const url = await serve(502, "text/html", BAD_GATEWAY);
    await expect(bots(url).read(`${I}|V2|${ALIAS}`, { ...inputs })).rejects.toThrow(
      `ListBots for Lex V2 bots on instance ${I} failed: ` +
        `${url}/instance/${I}/bots answered HTTP 502 Bad Gateway (text/html, ${BAD_GATEWAY.length} bytes), ` +
        `not an AWS API answer: ${JSON.stringify(BAD_GATEWAY)}`,
    );
    expect(requests).toBe(2);
  });

  it("an empty 403 (no AWS error code): delete fails naming DisassociateBot and an empty body, not UnknownError", async () => {
    const url = await serve(403, "text/plain", "");
    const err = await bots(url)
      .delete(`${I}|V2|${ALIAS}`, { ...inputs })
      .then(
        () => undefined,
        (e: unknown) => e as Error,
      );
    expect(err?.message).toBe(
      `DisassociateBot for Lex V2 bot alias ${ALIAS} on instance ${I} failed: ` +
        `${url}/instance/${I}/bot answered HTTP 403 Forbidden (text/plain, 0 bytes), not an AWS API answer: an empty body`,
    );
    expect(err?.message).not.toContain("Unknown");
  });

  it("the Customer Profiles client explains it too (DeleteProfileObject)", async () => {
    const url = await serve(200, "text/html", "<html>portal</html>");
    const p = profileObjectDeletion.lifecycle(
      makeContext({ endpoint: url, profilesEndpoint: url, region: "us-east-1", maxAttempts: 1 }),
    );
    const { inputs: checked, failures } = await p.check(
      {},
      {
        domainName: "customers",
        profileId: "0123456789abcdef0123456789abcdef",
        objectTypeName: "Order",
        profileObjectUniqueKey: "k-1",
        ignoreMissing: false,
      },
    );
    expect(failures).toEqual([]);
    await expect(p.create(checked)).rejects.toThrow(
      `answered HTTP 200 OK (text/html, 19 bytes), not an AWS API answer: "<html>portal</html>"`,
    );
  });
});
