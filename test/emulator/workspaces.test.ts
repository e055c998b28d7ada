import { failure } from "../helpers/failure";
import {
  AssociateWorkspaceCommand,
  DescribeUserCommand,
  DisassociateWorkspaceCommand,
  SearchWorkspaceAssociationsCommand,
  type ConnectClient,
  type SearchWorkspaceAssociationsCommandInput,
  type WorkspaceAssociationSearchSummary,
} from "@aws-sdk/client-connect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { stateFromSeed } from "../../src/emulator/seed";
import { connectClient, emulatorWith } from "../helpers/emulator";
import { INSTANCE } from "../helpers/seeds/base";
import {
  SECURITY_PROFILE_ARN,
  UNKNOWN_USER_ARN,
  WS_BIG,
  WS_MAIN,
  routingProfileArn,
  taggedWorkspaceSeed,
  userArn,
  userArns,
  workspaceSeed,
} from "../helpers/seeds/workspaces";

let em: RunningEmulator;
let c: ConnectClient;

beforeEach(async () => {
  em = await emulatorWith(workspaceSeed());
  c = connectClient(em);
});
afterEach(async () => em.close());

function associate(arns: string[], workspaceId = WS_MAIN) {
  return c.send(
    new AssociateWorkspaceCommand({ InstanceId: INSTANCE, WorkspaceId: workspaceId, ResourceArns: arns }),
  );
}

function disassociate(arns: string[], workspaceId = WS_MAIN) {
  return c.send(
    new DisassociateWorkspaceCommand({ InstanceId: INSTANCE, WorkspaceId: workspaceId, ResourceArns: arns }),
  );
}

async function searchAll(
  extra: Omit<SearchWorkspaceAssociationsCommandInput, "InstanceId" | "NextToken"> = {},
): Promise<{ items: WorkspaceAssociationSearchSummary[]; pages: number }> {
  const items: WorkspaceAssociationSearchSummary[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const r = await c.send(
      new SearchWorkspaceAssociationsCommand({
        InstanceId: INSTANCE,
        ...extra,
        ...(token ? { NextToken: token } : {}),
      }),
    );
    items.push(...(r.WorkspaceAssociations ?? []));
    token = r.NextToken;
    pages++;
  } while (token);
  return { items, pages };
}

describe("AssociateWorkspace / DisassociateWorkspace", () => {
  it("associates users and routing profiles, answering each in SuccessfulList", async () => {
    const r = await associate([userArn(1), routingProfileArn(2)]);
    expect(r.SuccessfulList).toEqual([{ ResourceArn: userArn(1) }, { ResourceArn: routingProfileArn(2) }]);
    expect(r.FailedList).toEqual([]);
    expect(em.state().connect.instances[0]?.workspaceAssociations).toEqual([
      { workspaceId: WS_MAIN, resourceArn: userArn(1), resourceType: "USER" },
      { workspaceId: WS_MAIN, resourceArn: routingProfileArn(2), resourceType: "ROUTING_PROFILE" },
    ]);
  });

  it("fails items one by one with three-digit ErrorCodes (404 unknown, 409 already associated, 400 not a user or routing profile) while the rest succeed", async () => {
    await associate([userArn(2)]);
    const r = await associate([userArn(1), UNKNOWN_USER_ARN, userArn(2), SECURITY_PROFILE_ARN, userArn(3)]);
    expect(r.SuccessfulList).toEqual([{ ResourceArn: userArn(1) }, { ResourceArn: userArn(3) }]);
    expect(r.FailedList).toEqual([
      {
        ResourceArn: UNKNOWN_USER_ARN,
        ErrorCode: "404",
        ErrorMessage: `User not found in instance ${INSTANCE}: ${UNKNOWN_USER_ARN}`,
      },
      {
        ResourceArn: userArn(2),
        ErrorCode: "409",
        ErrorMessage: `${userArn(2)} is already associated with workspace ${WS_MAIN}`,
      },
      {
        ResourceArn: SECURITY_PROFILE_ARN,
        ErrorCode: "400",
        ErrorMessage: `${SECURITY_PROFILE_ARN} is not the ARN of a user or a routing profile`,
      },
    ]);
  });

  it("answers the same ARN twice in one request with success, then ErrorCode 409", async () => {
    const r = await associate([userArn(1), userArn(1)]);
    expect(r.SuccessfulList).toEqual([{ ResourceArn: userArn(1) }]);
    expect(r.FailedList?.map((f) => f.ErrorCode)).toEqual(["409"]);
  });

  it("answers 409 DuplicateResourceException for the whole request when every ARN is already associated, changing nothing", async () => {
    await associate([userArn(1), routingProfileArn(1)]);
    const f = await failure(associate([routingProfileArn(1), userArn(1), userArn(1)]));
    expect(f).toEqual({
      name: "DuplicateResourceException",
      status: 409,
      message: `Every resource of the request is already associated with workspace ${WS_MAIN}`,
    });
    const mixed = await associate([userArn(1), userArn(2)]);
    expect(mixed.SuccessfulList).toEqual([{ ResourceArn: userArn(2) }]);
    expect(mixed.FailedList?.map((i) => [i.ResourceArn, i.ErrorCode])).toEqual([[userArn(1), "409"]]);
    expect(em.state().connect.instances[0]?.workspaceAssociations.map((a) => a.resourceArn)).toEqual([
      userArn(1),
      routingProfileArn(1),
      userArn(2),
    ]);
  });

  it("keeps ErrorMessage within the model's 256 characters", async () => {
    const long = `arn:aws:connect:us-east-1:123456789012:instance/${INSTANCE}/queue/${"q".repeat(300)}`;
    const r = await associate([long]);
    const item = r.FailedList?.[0];
    expect([item?.ErrorCode, item?.ErrorMessage?.length]).toEqual(["400", 256]);
    expect(item?.ErrorMessage).toBe(
      `${`${long} is not the ARN of a user or a routing profile`.slice(0, 255)}…`,
    );
  });

  it("keeps associations per workspace: the same user may be in two workspaces", async () => {
    await associate([userArn(1)], WS_MAIN);
    const r = await associate([userArn(1)], WS_BIG);
    expect(r.FailedList).toEqual([]);
    expect((await searchAll()).items.map((a) => a.WorkspaceId)).toEqual([WS_MAIN, WS_BIG]);
  });

  it("disassociates, answering an item not associated with ErrorCode 404 and a wrong type with 400", async () => {
    await associate([userArn(1), userArn(2)]);
    const r = await disassociate([userArn(1), userArn(3), SECURITY_PROFILE_ARN]);
    expect(r.SuccessfulList).toEqual([{ ResourceArn: userArn(1) }]);
    expect(r.FailedList).toEqual([
      {
        ResourceArn: userArn(3),
        ErrorCode: "404",
        ErrorMessage: `${userArn(3)} is not associated with workspace ${WS_MAIN}`,
      },
      {
        ResourceArn: SECURITY_PROFILE_ARN,
        ErrorCode: "400",
        ErrorMessage: `${SECURITY_PROFILE_ARN} is not the ARN of a user or a routing profile`,
      },
    ]);
    expect((await searchAll()).items.map((a) => a.ResourceArn)).toEqual([userArn(2)]);
  });

  it("answers 404 ResourceNotFoundException for an unknown workspace or instance, changing nothing", async () => {
    const ws = await failure(associate([userArn(1)], "ws-nope"));
    expect(ws).toEqual({
      name: "ResourceNotFoundException",
      status: 404,
      message: "Workspace not found: ws-nope",
    });
    const inst = await failure(
      c.send(
        new DisassociateWorkspaceCommand({
          InstanceId: "no-such-instance",
          WorkspaceId: WS_MAIN,
          ResourceArns: [userArn(1)],
        }),
      ),
    );
    expect([inst.name, inst.status]).toEqual(["ResourceNotFoundException", 404]);
    expect(em.state().connect.instances[0]?.workspaceAssociations).toEqual([]);
  });

  it("refuses an empty ResourceArns and more than 25 with InvalidRequestException 400", async () => {
    const none = await failure(associate([]));
    expect(none).toEqual({
      name: "InvalidRequestException",
      status: 400,
      message:
        "1 validation error detected: Value at 'resourceArns' failed to satisfy constraint: Member must have length greater than or equal to 1",
    });
    const many = await failure(disassociate(userArns(1, 26)));
    expect(many).toEqual({
      name: "InvalidRequestException",
      status: 400,
      message:
        "1 validation error detected: Value at 'resourceArns' failed to satisfy constraint: Member must have length less than or equal to 25",
    });
    expect((await associate(userArns(1, 25))).SuccessfulList).toHaveLength(25);
  });

  it("refuses a WorkspaceId over 256 characters", async () => {
    const f = await failure(associate([userArn(1)], "w".repeat(257)));
    expect([f.name, f.status]).toEqual(["InvalidRequestException", 400]);
    expect(f.message).toContain("Member must have length less than or equal to 256");
  });
});

describe("SearchWorkspaceAssociations", () => {
  beforeEach(async () => {
    await associate(userArns(1, 25), WS_BIG);
    await associate(userArns(26, 30), WS_BIG);
    await associate([userArn(1), routingProfileArn(1)], WS_MAIN);
  });

  it("lists every association of the instance without criteria, 100 a page by default", async () => {
    const r = await c.send(new SearchWorkspaceAssociationsCommand({ InstanceId: INSTANCE }));
    expect(r.WorkspaceAssociations).toHaveLength(32);
    expect(r.ApproximateTotalCount).toBe(32);
    expect(r.NextToken).toBeUndefined();
    expect(r.WorkspaceAssociations?.[31]).toEqual({
      WorkspaceId: WS_MAIN,
      WorkspaceArn: `arn:aws:connect:us-east-1:123456789012:instance/${INSTANCE}/workspace/${WS_MAIN}`,
      ResourceId: "rp-1",
      ResourceArn: routingProfileArn(1),
      ResourceType: "ROUTING_PROFILE",
      ResourceName: "Routing 1",
    });
  });

  it("pages by MaxResults with a NextToken bound to its query", async () => {
    const all = await searchAll({ MaxResults: 10 });
    expect([all.pages, all.items.length]).toEqual([4, 32]);
    const first = await c.send(
      new SearchWorkspaceAssociationsCommand({ InstanceId: INSTANCE, MaxResults: 10 }),
    );
    const other = await failure(
      c.send(
        new SearchWorkspaceAssociationsCommand({
          InstanceId: INSTANCE,
          NextToken: first.NextToken,
          SearchCriteria: {
            StringCondition: { FieldName: "workspaceId", Value: WS_MAIN, ComparisonType: "EXACT" },
          },
        }),
      ),
    );
    expect([other.name, other.status]).toEqual(["InvalidRequestException", 400]);
  });

  it("bounds MaxResults to 1-500", async () => {
    expect((await searchAll({ MaxResults: 500 })).pages).toBe(1);
    for (const bad of [0, 501]) {
      const f = await failure(
        c.send(new SearchWorkspaceAssociationsCommand({ InstanceId: INSTANCE, MaxResults: bad })),
      );
      expect([f.name, f.status]).toEqual(["InvalidRequestException", 400]);
    }
  });

  it("applies string conditions on workspaceId, resourceId and resourceType, field names in any case", async () => {
    const byWorkspace = await searchAll({
      SearchCriteria: {
        StringCondition: { FieldName: "WorkspaceId", Value: WS_MAIN, ComparisonType: "EXACT" },
      },
    });
    expect(byWorkspace.items.map((a) => a.ResourceArn)).toEqual([userArn(1), routingProfileArn(1)]);
    const users = await searchAll({
      SearchCriteria: {
        AndConditions: [
          { StringCondition: { FieldName: "workspaceid", Value: "ws-", ComparisonType: "STARTS_WITH" } },
          { StringCondition: { FieldName: "RESOURCETYPE", Value: "USER", ComparisonType: "EXACT" } },
          {
            OrConditions: [
              { StringCondition: { FieldName: "resourceId", Value: "u-001", ComparisonType: "EXACT" } },
              { StringCondition: { FieldName: "resourceId", Value: "03", ComparisonType: "CONTAINS" } },
            ],
          },
        ],
      },
    });
    expect(users.items.map((a) => `${a.WorkspaceId}:${a.ResourceId}`)).toEqual([
      "ws-big:u-001",
      "ws-big:u-003",
      "ws-big:u-030",
      "ws-main:u-001",
    ]);
  });

  it("answers an undocumented field name with InvalidParameterException 400", async () => {
    const f = await failure(
      c.send(
        new SearchWorkspaceAssociationsCommand({
          InstanceId: INSTANCE,
          SearchCriteria: {
            StringCondition: { FieldName: "resourceName", Value: "x", ComparisonType: "EXACT" },
          },
        }),
      ),
    );
    expect(f).toEqual({
      name: "InvalidParameterException",
      status: 400,
      message:
        "FieldName 'resourceName' is not supported for workspace associations; use one of workspaceId, resourceId, resourceType",
    });
  });

  it("answers 404 for an unknown instance", async () => {
    const f = await failure(
      c.send(new SearchWorkspaceAssociationsCommand({ InstanceId: "no-such-instance" })),
    );
    expect([f.name, f.status, f.message]).toEqual([
      "ResourceNotFoundException",
      404,
      "Instance not found: no-such-instance",
    ]);
  });
});

describe("SearchWorkspaceAssociations SearchFilter (tags of the associated user or routing profile)", () => {
  beforeEach(async () => {
    await em.close();
    em = await emulatorWith(taggedWorkspaceSeed());
    c = connectClient(em);
    await associate([...userArns(1, 4), routingProfileArn(1), routingProfileArn(2)]);
  });

  const tag = (TagKey: string, TagValue: string) => ({ TagKey, TagValue });
  const ids = async (SearchFilter: SearchWorkspaceAssociationsCommandInput["SearchFilter"], extra = {}) => {
    const r = await c.send(
      new SearchWorkspaceAssociationsCommand({ InstanceId: INSTANCE, SearchFilter, ...extra }),
    );
    return [r.WorkspaceAssociations?.map((a) => a.ResourceId), r.ApproximateTotalCount];
  };

  it("keeps the associations whose resource has the TagCondition's key and value", async () => {
    expect(await ids({ AttributeFilter: { TagCondition: tag("team", "billing") } })).toEqual([
      ["u-001", "u-002", "rp-1"],
      3,
    ]);
    expect(await ids({ AttributeFilter: { TagCondition: tag("team", "Billing") } })).toEqual([[], 0]);
    expect(await ids({})).toEqual([["u-001", "u-002", "u-003", "u-004", "rp-1", "rp-2"], 6]);
  });

  it("applies AndCondition (all hold) and OrConditions (any list holds entirely), with SearchCriteria too", async () => {
    expect(
      await ids({
        AttributeFilter: { AndCondition: { TagConditions: [tag("team", "billing"), tag("site", "paris")] } },
      }),
    ).toEqual([["u-001"], 1]);
    expect(
      await ids({
        AttributeFilter: {
          OrConditions: [
            { TagConditions: [tag("team", "support")] },
            { TagConditions: [tag("site", "paris"), tag("team", "billing")] },
          ],
        },
      }),
    ).toEqual([["u-001", "u-003"], 2]);
    expect(
      await ids(
        { AttributeFilter: { TagCondition: tag("team", "billing") } },
        {
          SearchCriteria: {
            StringCondition: { FieldName: "resourceType", Value: "ROUTING_PROFILE", ComparisonType: "EXACT" },
          },
        },
      ),
    ).toEqual([["rp-1"], 1]);
  });

  it("answers InvalidParameterException 400 for two parts at once, a condition without TagValue, or over 25 conditions", async () => {
    const refused = async (SearchFilter: SearchWorkspaceAssociationsCommandInput["SearchFilter"]) =>
      failure(c.send(new SearchWorkspaceAssociationsCommand({ InstanceId: INSTANCE, SearchFilter })));
    expect(
      await refused({
        AttributeFilter: {
          TagCondition: tag("team", "billing"),
          AndCondition: { TagConditions: [tag("a", "b")] },
        },
      }),
    ).toEqual({
      name: "InvalidParameterException",
      status: 400,
      message:
        "SearchFilter.AttributeFilter must give exactly one of OrConditions, AndCondition, TagCondition",
    });
    expect(await refused({ AttributeFilter: { TagCondition: { TagKey: "team" } } })).toEqual({
      name: "InvalidParameterException",
      status: 400,
      message: "SearchFilter.AttributeFilter.TagCondition.TagValue is required",
    });
    const many = Array.from({ length: 26 }, (_, i) => tag(`k${i}`, "v"));
    expect(await refused({ AttributeFilter: { AndCondition: { TagConditions: many } } })).toEqual({
      name: "InvalidParameterException",
      status: 400,
      message: "SearchFilter holds 26 tag conditions; at most 25 are allowed",
    });
  });

  it("serves a user's seeded tags in DescribeUser", async () => {
    const u = await c.send(new DescribeUserCommand({ InstanceId: INSTANCE, UserId: "u-001" }));
    expect(u.User?.Tags).toEqual({ team: "billing", site: "paris" });
    const plain = await c.send(new DescribeUserCommand({ InstanceId: INSTANCE, UserId: "u-004" }));
    expect(plain.User?.Tags).toBeUndefined();
  });
});

describe("seeded tags", () => {
  it("refuses tags outside Connect's TagMap, naming the field", () => {
    const seed = (tags: unknown) => ({
      connect: { instances: [{ id: "i-1", users: [{ id: "u-1", tags }] }] },
    });
    expect(() => stateFromSeed(seed({ "aws:team": "a" }), 0)).toThrow(
      "seed: connect.instances[0].users[0].tags: tag key 'aws:team' must be 1-128 letters, digits, spaces or _.:/=+-@, not starting with aws:",
    );
    expect(() => stateFromSeed(seed({ team: "v".repeat(257) }), 0)).toThrow(
      "seed: connect.instances[0].users[0].tags.team must be a string of at most 256 characters",
    );
    expect(() => stateFromSeed(seed({}), 0)).toThrow(
      "seed: connect.instances[0].users[0].tags must hold 1-50 tags",
    );
  });
});
