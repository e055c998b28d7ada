import { failure } from "../helpers/failure";
import {
  DeleteProfileObjectCommand,
  GetDomainCommand,
  ListProfileObjectsCommand,
  PutProfileObjectCommand,
  SearchProfilesCommand,
  type CustomerProfilesClient,
  type SearchProfilesCommandInput,
} from "@aws-sdk/client-customer-profiles";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { emulatorWith } from "../helpers/emulator";
import { callsAndErrors } from "../helpers/admin";
import {
  DOMAIN,
  ORDER,
  PROFILE_A,
  PROFILE_B,
  orderKey,
  orderKeys,
  profilesClient,
  profilesSeed,
  putOrder,
} from "../helpers/seeds/profiles";

let em: RunningEmulator;
let c: CustomerProfilesClient;

beforeEach(async () => {
  em = await emulatorWith(profilesSeed());
  c = profilesClient(em);
});
afterEach(async () => em.close());

function del(
  over: Partial<Record<"DomainName" | "ProfileId" | "ObjectTypeName" | "ProfileObjectUniqueKey", string>>,
) {
  return c.send(
    new DeleteProfileObjectCommand({
      DomainName: DOMAIN,
      ProfileId: PROFILE_A,
      ObjectTypeName: ORDER,
      ProfileObjectUniqueKey: orderKey("o-1"),
      ...over,
    }),
  );
}

describe("seeded profile objects", () => {
  it("files seeded objects under their profile, with the profile key filled in and derived unique keys", async () => {
    const r = await c.send(
      new ListProfileObjectsCommand({ DomainName: DOMAIN, ProfileId: PROFILE_A, ObjectTypeName: ORDER }),
    );
    expect(r.Items).toEqual([
      {
        ObjectTypeName: ORDER,
        ProfileObjectUniqueKey: orderKey("o-1"),
        Object: JSON.stringify({ orderId: "o-1", total: 10, customerId: PROFILE_A }),
      },
      {
        ObjectTypeName: ORDER,
        ProfileObjectUniqueKey: orderKey("o-2"),
        Object: JSON.stringify({ customerId: PROFILE_A, orderId: "o-2", total: 20 }),
      },
    ]);
    expect(r.NextToken).toBeUndefined();
    expect(await orderKeys(em, PROFILE_B)).toEqual([orderKey("o-3")]);
  });
});

describe("PutProfileObject", () => {
  it("returns a 43-character key derived from the type and the unique key's value, the same on every put", async () => {
    const key = await putOrder(em, PROFILE_B, "o-9");
    expect(key).toBe(orderKey("o-9"));
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await putOrder(em, PROFILE_B, "o-9")).toBe(key);
    expect(await orderKeys(em, PROFILE_B)).toEqual([orderKey("o-3"), key]);
  });

  it("replaces the object with the same unique key, and moves it when it names another profile", async () => {
    await c.send(
      new PutProfileObjectCommand({
        DomainName: DOMAIN,
        ObjectTypeName: ORDER,
        Object: JSON.stringify({ customerId: PROFILE_A, orderId: "o-1", total: 11 }),
      }),
    );
    const listed = await c.send(
      new ListProfileObjectsCommand({ DomainName: DOMAIN, ProfileId: PROFILE_A, ObjectTypeName: ORDER }),
    );
    expect(listed.Items?.map((i) => i.Object)).toEqual([
      JSON.stringify({ customerId: PROFILE_A, orderId: "o-1", total: 11 }),
      JSON.stringify({ customerId: PROFILE_A, orderId: "o-2", total: 20 }),
    ]);
    expect(await putOrder(em, PROFILE_B, "o-1")).toBe(orderKey("o-1"));
    expect(await orderKeys(em, PROFILE_A)).toEqual([orderKey("o-2")]);
    expect(await orderKeys(em, PROFILE_B)).toEqual([orderKey("o-3"), orderKey("o-1")]);
  });

  it("answers BadRequestException 400 for an Object that is not a JSON object or lacks a key field", async () => {
    const put = (object: string) =>
      failure(
        c.send(new PutProfileObjectCommand({ DomainName: DOMAIN, ObjectTypeName: ORDER, Object: object })),
      );
    expect(await put("not json")).toEqual({
      name: "BadRequestException",
      status: 400,
      message: "Object must be a JSON object serialized to a string",
    });
    expect(await put("[1,2]")).toEqual({
      name: "BadRequestException",
      status: 400,
      message: "Object must be a JSON object serialized to a string",
    });
    expect(await put(JSON.stringify({ orderId: "o-5" }))).toEqual({
      name: "BadRequestException",
      status: 400,
      message: "Object of type Order needs a string in customerId (its profile key)",
    });
    expect(await put(JSON.stringify({ customerId: PROFILE_A }))).toEqual({
      name: "BadRequestException",
      status: 400,
      message: "Object of type Order needs a string or number in orderId (its unique key)",
    });
    expect(await put("")).toEqual({
      name: "BadRequestException",
      status: 400,
      message:
        "1 validation error detected: Value '' at 'object' failed to satisfy constraint: Member must have length greater than or equal to 1",
    });
  });

  it("answers ResourceNotFoundException 404 for an unknown domain, object type or profile", async () => {
    const object = JSON.stringify({ customerId: PROFILE_A, orderId: "o-5" });
    expect(
      await failure(
        c.send(new PutProfileObjectCommand({ DomainName: "nope", ObjectTypeName: ORDER, Object: object })),
      ),
    ).toEqual({ name: "ResourceNotFoundException", status: 404, message: "Domain nope not found" });
    expect(
      await failure(
        c.send(new PutProfileObjectCommand({ DomainName: DOMAIN, ObjectTypeName: "Case", Object: object })),
      ),
    ).toEqual({
      name: "ResourceNotFoundException",
      status: 404,
      message: "Object type Case not found in domain customers",
    });
    const stranger = JSON.stringify({ customerId: "a".repeat(32), orderId: "o-5" });
    expect(
      await failure(
        c.send(new PutProfileObjectCommand({ DomainName: DOMAIN, ObjectTypeName: ORDER, Object: stranger })),
      ),
    ).toEqual({
      name: "ResourceNotFoundException",
      status: 404,
      message: `Profile ${"a".repeat(32)} not found in domain customers`,
    });
  });

  it("finds a domain only in its own Region", async () => {
    const f = await failure(
      profilesClient(em, "eu-west-2").send(
        new PutProfileObjectCommand({
          DomainName: DOMAIN,
          ObjectTypeName: ORDER,
          Object: JSON.stringify({ customerId: PROFILE_A, orderId: "o-5" }),
        }),
      ),
    );
    expect([f.name, f.status]).toEqual(["ResourceNotFoundException", 404]);
  });
});

describe("DeleteProfileObject", () => {
  it("removes the object and answers { Message: 'OK' }; a second delete is ResourceNotFoundException 404", async () => {
    const r = await del({});
    expect(r.Message).toBe("OK");
    expect(await orderKeys(em, PROFILE_A)).toEqual([orderKey("o-2")]);
    expect(await failure(del({}))).toEqual({
      name: "ResourceNotFoundException",
      status: 404,
      message: `Profile object ${orderKey("o-1")} of type Order not found on profile ${PROFILE_A}`,
    });
  });

  it("answers ResourceNotFoundException 404 for an object on another profile, an unknown profile, type or domain", async () => {
    const cases = [
      del({ ProfileId: PROFILE_B }),
      del({ ProfileId: "b".repeat(32) }),
      del({ ObjectTypeName: "Case" }),
      del({ DomainName: "elsewhere" }),
    ];
    for (const p of cases) expect((await failure(p)).status).toBe(404);
    expect(await orderKeys(em, PROFILE_A)).toEqual([orderKey("o-1"), orderKey("o-2")]);
  });

  it("answers BadRequestException 400 naming each documented constraint broken", async () => {
    expect(await failure(del({ ProfileId: "0123456789ABCDEF0123456789ABCDEF" }))).toEqual({
      name: "BadRequestException",
      status: 400,
      message:
        "1 validation error detected: Value '0123456789ABCDEF0123456789ABCDEF' at 'profileId' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-f0-9]{32}$",
    });
    expect(await failure(del({ DomainName: "bad.name" }))).toEqual({
      name: "BadRequestException",
      status: 400,
      message:
        "1 validation error detected: Value 'bad.name' at 'domainName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9_-]+$",
    });
    expect((await failure(del({ DomainName: "d".repeat(65) }))).message).toContain(
      "Member must have length less than or equal to 64",
    );
    expect((await failure(del({ ObjectTypeName: "9Order" }))).message).toContain(
      "at 'objectTypeName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z_][a-zA-Z_0-9-]*$",
    );
    expect((await failure(del({ ProfileObjectUniqueKey: "k".repeat(256) }))).message).toContain(
      "at 'profileObjectUniqueKey' failed to satisfy constraint: Member must have length less than or equal to 255",
    );
    expect((await callsAndErrors(em)).errors).toEqual({ DeleteProfileObject: { BadRequestException: 5 } });
  });
});

describe("ListProfileObjects", () => {
  beforeEach(async () => {
    for (let i = 0; i < 23; i++) await putOrder(em, PROFILE_B, `p-${String(i).padStart(2, "0")}`);
  });

  it("pages 20 objects by default and up to MaxResults otherwise, through every NextToken", async () => {
    const first = await c.send(
      new ListProfileObjectsCommand({ DomainName: DOMAIN, ProfileId: PROFILE_B, ObjectTypeName: ORDER }),
    );
    expect(first.Items).toHaveLength(20);
    const second = await c.send(
      new ListProfileObjectsCommand({
        DomainName: DOMAIN,
        ProfileId: PROFILE_B,
        ObjectTypeName: ORDER,
        NextToken: first.NextToken,
      }),
    );
    expect(second.Items).toHaveLength(4);
    expect(second.NextToken).toBeUndefined();
    const all = await c.send(
      new ListProfileObjectsCommand({
        DomainName: DOMAIN,
        ProfileId: PROFILE_B,
        ObjectTypeName: ORDER,
        MaxResults: 100,
      }),
    );
    expect(all.Items).toHaveLength(24);
    expect(all.NextToken).toBeUndefined();
  });

  it("refuses MaxResults outside 1-100 and a NextToken from another query with BadRequestException 400", async () => {
    for (const MaxResults of [0, 101]) {
      const f = await failure(
        c.send(
          new ListProfileObjectsCommand({
            DomainName: DOMAIN,
            ProfileId: PROFILE_B,
            ObjectTypeName: ORDER,
            MaxResults,
          }),
        ),
      );
      expect([f.name, f.status]).toEqual(["BadRequestException", 400]);
    }
    const first = await c.send(
      new ListProfileObjectsCommand({
        DomainName: DOMAIN,
        ProfileId: PROFILE_B,
        ObjectTypeName: ORDER,
        MaxResults: 5,
      }),
    );
    expect(
      await failure(
        c.send(
          new ListProfileObjectsCommand({
            DomainName: DOMAIN,
            ProfileId: PROFILE_A,
            ObjectTypeName: ORDER,
            NextToken: first.NextToken,
          }),
        ),
      ),
    ).toEqual({
      name: "BadRequestException",
      status: 400,
      message: "The NextToken is not valid for this request.",
    });
  });

  it("keeps only the objects whose ObjectFilter field holds one of the values", async () => {
    const r = await c.send(
      new ListProfileObjectsCommand({
        DomainName: DOMAIN,
        ProfileId: PROFILE_B,
        ObjectTypeName: ORDER,
        ObjectFilter: { KeyName: "orderId", Values: ["p-03", "o-3", "missing"] },
      }),
    );
    expect(r.Items?.map((i) => i.ProfileObjectUniqueKey)).toEqual([orderKey("o-3"), orderKey("p-03")]);
  });

  it("answers ResourceNotFoundException 404 for an unknown profile", async () => {
    const f = await failure(
      c.send(
        new ListProfileObjectsCommand({
          DomainName: DOMAIN,
          ProfileId: "c".repeat(32),
          ObjectTypeName: ORDER,
        }),
      ),
    );
    expect(f).toEqual({
      name: "ResourceNotFoundException",
      status: 404,
      message: `Profile ${"c".repeat(32)} not found in domain customers`,
    });
  });
});

describe("GetDomain", () => {
  it("answers the domain's name, its creation time (the seed's load) as CreatedAt and LastUpdatedAt, and its counts", async () => {
    const createdAt = em.state().customerProfiles.domains[0]?.createdAt ?? -1;
    const d = await c.send(new GetDomainCommand({ DomainName: DOMAIN }));
    expect([d.DomainName, d.CreatedAt?.getTime(), d.LastUpdatedAt?.getTime(), d.Stats]).toEqual([
      DOMAIN,
      createdAt,
      createdAt,
      { ProfileCount: 2, ObjectCount: 3 },
    ]);
  });

  it("answers ResourceNotFoundException 404 for an unknown domain and BadRequestException 400 for a bad name", async () => {
    expect(await failure(c.send(new GetDomainCommand({ DomainName: "nope" })))).toEqual({
      name: "ResourceNotFoundException",
      status: 404,
      message: "Domain nope not found",
    });
    expect((await failure(c.send(new GetDomainCommand({ DomainName: "bad name" })))).status).toBe(400);
  });
});

describe("SearchProfiles", () => {
  const search = (input: Omit<SearchProfilesCommandInput, "DomainName">) =>
    c.send(new SearchProfilesCommand({ DomainName: DOMAIN, ...input }));

  it("finds profiles by _profileId, in seed order, each with the key-value pairs it was found by", async () => {
    const r = await search({ KeyName: "_profileId", Values: [PROFILE_B, PROFILE_A, "f".repeat(32)] });
    expect(r.Items).toEqual([
      {
        ProfileId: PROFILE_A,
        FoundByItems: [{ KeyName: "_profileId", Values: [PROFILE_B, PROFILE_A, "f".repeat(32)] }],
      },
      {
        ProfileId: PROFILE_B,
        FoundByItems: [{ KeyName: "_profileId", Values: [PROFILE_B, PROFILE_A, "f".repeat(32)] }],
      },
    ]);
    expect(r.NextToken).toBeUndefined();
  });

  it("matches no profile by a key the emulator's profiles do not have", async () => {
    expect((await search({ KeyName: "_email", Values: [PROFILE_A] })).Items).toEqual([]);
  });

  it("combines AdditionalSearchKeys with OR by default and with AND when asked", async () => {
    const keys = {
      KeyName: "_profileId",
      Values: [PROFILE_A],
      AdditionalSearchKeys: [{ KeyName: "_email", Values: ["a@example.com"] }],
    };
    expect((await search(keys)).Items).toEqual([
      { ProfileId: PROFILE_A, FoundByItems: [{ KeyName: "_profileId", Values: [PROFILE_A] }] },
    ]);
    expect((await search({ ...keys, LogicalOperator: "AND" })).Items).toEqual([]);
    const both = await search({
      KeyName: "_profileId",
      Values: [PROFILE_A, PROFILE_B],
      AdditionalSearchKeys: [{ KeyName: "_profileId", Values: [PROFILE_B] }],
      LogicalOperator: "AND",
    });
    expect(both.Items?.map((i) => [i.ProfileId, i.FoundByItems?.length])).toEqual([[PROFILE_B, 2]]);
  });

  it("pages by MaxResults with a NextToken bound to its query", async () => {
    const first = await search({ KeyName: "_profileId", Values: [PROFILE_A, PROFILE_B], MaxResults: 1 });
    expect(first.Items?.map((i) => i.ProfileId)).toEqual([PROFILE_A]);
    const second = await search({
      KeyName: "_profileId",
      Values: [PROFILE_A, PROFILE_B],
      NextToken: first.NextToken,
    });
    expect([second.Items?.map((i) => i.ProfileId), second.NextToken]).toEqual([[PROFILE_B], undefined]);
    expect(
      await failure(search({ KeyName: "_profileId", Values: [PROFILE_A], NextToken: first.NextToken })),
    ).toEqual({
      name: "BadRequestException",
      status: 400,
      message: "The NextToken is not valid for this request.",
    });
  });

  it("answers ResourceNotFoundException 404 for an unknown domain", async () => {
    const f = await failure(
      c.send(new SearchProfilesCommand({ DomainName: "nope", KeyName: "_profileId", Values: [PROFILE_A] })),
    );
    expect([f.name, f.status]).toEqual(["ResourceNotFoundException", 404]);
  });
});
