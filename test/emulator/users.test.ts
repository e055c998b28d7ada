import {
  DescribeUserCommand,
  ListUsersCommand,
  paginateListUsers,
  type ConnectClient,
  type ListUsersCommandInput,
} from "@aws-sdk/client-connect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { stateFromSeed } from "../../src/emulator/seed";
import { stateOf } from "../helpers/admin";
import { connectClient, emulatorWith } from "../helpers/emulator";
import { failure } from "../helpers/failure";
import { ACCOUNT, INSTANCE, INSTANCE_ARN, REGION, instanceSeed } from "../helpers/seeds/base";

let em: RunningEmulator | undefined;
let c: ConnectClient;

const userArn = (id: string) => `${INSTANCE_ARN}/agent/${id}`;

/** Three users of INSTANCE: one with a username, one with a name, one visible only after `lateMs`. */
function usersSeed(lateMs = 600_000): object {
  return instanceSeed({
    users: [
      { id: "u-1", username: "jdoe", securityProfileIds: ["sp-1"] },
      { id: "u-2", name: "Mary Major" },
      { id: "u-late", visibleAfterMs: lateMs },
    ],
    securityProfiles: [{ id: "sp-1" }],
  });
}

async function start(seed: object): Promise<RunningEmulator> {
  em = await emulatorWith(seed);
  c = connectClient(em);
  return em;
}
/** The emulator this test started. */
function running(): RunningEmulator {
  if (!em) throw new Error("no emulator started");
  return em;
}
afterEach(async () => {
  await em?.close();
  em = undefined;
});

const listUsers = async (input: ListUsersCommandInput, client = c) =>
  (await client.send(new ListUsersCommand(input))).UserSummaryList;

describe("ListUsers", () => {
  beforeEach(() => start(usersSeed()));

  it("lists the instance's users in seed order: Id, Arn, Username (the seed's, else the id), LastModifiedTime (the epoch for a user that exists from the start), LastModifiedRegion", async () => {
    const out = await c.send(new ListUsersCommand({ InstanceId: INSTANCE }));
    expect(out.UserSummaryList).toEqual([
      {
        Id: "u-1",
        Arn: userArn("u-1"),
        Username: "jdoe",
        LastModifiedTime: new Date(0),
        LastModifiedRegion: REGION,
      },
      {
        Id: "u-2",
        Arn: userArn("u-2"),
        Username: "u-2",
        LastModifiedTime: new Date(0),
        LastModifiedRegion: REGION,
      },
    ]);
    expect(out.NextToken).toBeUndefined();
  });

  it("finds the instance by ARN too, and each listed user is one DescribeUser describes", async () => {
    const users = await listUsers({ InstanceId: INSTANCE_ARN });
    expect(users?.map((u) => u.Id)).toEqual(["u-1", "u-2"]);
    for (const u of users ?? []) {
      const d = await c.send(new DescribeUserCommand({ InstanceId: INSTANCE, UserId: u.Id ?? "" }));
      expect(d.User?.Arn).toBe(u.Arn);
    }
  });

  it("answers ResourceNotFoundException 404 for an unknown instance or one of another Region", async () => {
    expect(await failure(listUsers({ InstanceId: "no-such-instance" }))).toEqual({
      name: "ResourceNotFoundException",
      status: 404,
      message: "Instance not found: no-such-instance",
    });
    const eu = connectClient(running(), "eu-west-2");
    expect((await failure(listUsers({ InstanceId: INSTANCE }, eu))).status).toBe(404);
  });

  it("refuses a NextToken of another instance, and MaxResults outside 1-1000, with InvalidRequestException 400", async () => {
    await em?.close();
    await start({
      accountId: ACCOUNT,
      connect: {
        instances: [
          { id: INSTANCE, users: [{ id: "u-1" }, { id: "u-2" }] },
          { id: "i-2", users: [{ id: "u-1" }, { id: "u-2" }] },
        ],
      },
    });
    const first = await c.send(new ListUsersCommand({ InstanceId: INSTANCE, MaxResults: 1 }));
    expect(await failure(listUsers({ InstanceId: "i-2", NextToken: first.NextToken ?? "" }))).toEqual({
      name: "InvalidRequestException",
      status: 400,
      message: "The NextToken is not valid for this request.",
    });
    expect((await failure(listUsers({ InstanceId: INSTANCE, MaxResults: 1001 }))).name).toBe(
      "InvalidRequestException",
    );
  });
});

describe("ListUsers and propagation", () => {
  it("lists a user seeded with visibleAfterMs once visible, in its place, LastModifiedTime the moment it became visible", async () => {
    await start(usersSeed(400));
    expect((await listUsers({ InstanceId: INSTANCE }))?.map((u) => u.Id)).toEqual(["u-1", "u-2"]);
    const state = await stateOf(running());
    const from = state.connect.instances[0]?.users.find((u) => u.id === "u-late")?.visibleFrom;
    await new Promise((r) => setTimeout(r, Math.max(0, (from ?? 0) - Date.now() + 20)));
    const users = await listUsers({ InstanceId: INSTANCE });
    expect(users?.map((u) => u.Id)).toEqual(["u-1", "u-2", "u-late"]);
    expect(users?.[2]).toEqual({
      Id: "u-late",
      Arn: userArn("u-late"),
      Username: "u-late",
      LastModifiedTime: new Date(from ?? -1),
      LastModifiedRegion: REGION,
    });
  });
});

describe("ListUsers paging", () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `u-${String(i + 1).padStart(3, "0")}`);

  it("pages with paginateListUsers, each user once, in seed order", async () => {
    await start(instanceSeed({ users: ids(8).map((id) => ({ id })) }));
    const pages: (string | undefined)[][] = [];
    for await (const p of paginateListUsers({ client: c, pageSize: 3 }, { InstanceId: INSTANCE }))
      pages.push((p.UserSummaryList ?? []).map((u) => u.Id));
    expect(pages).toEqual([ids(8).slice(0, 3), ids(8).slice(3, 6), ids(8).slice(6)]);
  });

  it("pages 100 users when MaxResults is absent, as the reference says", async () => {
    await start(instanceSeed({ users: ids(101).map((id) => ({ id })) }));
    const first = await c.send(new ListUsersCommand({ InstanceId: INSTANCE }));
    expect(first.UserSummaryList).toHaveLength(100);
    expect(
      (await listUsers({ InstanceId: INSTANCE, NextToken: first.NextToken ?? "" }))?.map((u) => u.Id),
    ).toEqual(["u-101"]);
  });
});

describe("the seed's username", () => {
  const seedWith = (users: object[]) => ({ connect: { instances: [{ id: "i-1", users }] } });

  it("is kept in the state only when seeded", () => {
    const users = stateFromSeed(seedWith([{ id: "u-1", username: "jdoe" }, { id: "u-2" }]), 0).connect
      .instances[0]?.users;
    expect(users).toEqual([
      {
        id: "u-1",
        arn: "arn:aws:connect:us-east-1:123456789012:instance/i-1/agent/u-1",
        securityProfileIds: [],
        username: "jdoe",
      },
      {
        id: "u-2",
        arn: "arn:aws:connect:us-east-1:123456789012:instance/i-1/agent/u-2",
        securityProfileIds: [],
      },
    ]);
  });

  it("refuses a username outside the model's AgentUsername bounds (1-100), as the default (the id) too, naming the field", () => {
    const w = "seed: connect.instances[0].users[0]";
    expect(() => stateFromSeed(seedWith([{ id: "u-1", username: "x".repeat(101) }]), 0)).toThrow(
      `${w}.username must be 1-100 characters, as a username`,
    );
    expect(() => stateFromSeed(seedWith([{ id: "u".repeat(101) }]), 0)).toThrow(
      `${w}.id (the default username) must be 1-100 characters, as a username`,
    );
  });

  it("refuses two users of an instance with one username, a default one included; two instances may share one", () => {
    expect(() =>
      stateFromSeed(
        seedWith([
          { id: "u-1", username: "jdoe" },
          { id: "u-2", username: "jdoe" },
        ]),
        0,
      ),
    ).toThrow("seed: connect.instances[0].users[1].username: username 'jdoe' is another user's");
    expect(() => stateFromSeed(seedWith([{ id: "u-1", username: "u-2" }, { id: "u-2" }]), 0)).toThrow(
      "seed: connect.instances[0].users[1].id (the default username): username 'u-2' is another user's",
    );
    const two = {
      connect: {
        instances: [
          { id: "i-1", users: [{ id: "u-1", username: "jdoe" }] },
          { id: "i-2", users: [{ id: "u-1", username: "jdoe" }] },
        ],
      },
    };
    expect(stateFromSeed(two, 0).connect.instances.map((i) => i.users.length)).toEqual([1, 1]);
  });
});
