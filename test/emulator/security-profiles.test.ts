import {
  AssociateSecurityProfilesCommand,
  DescribeUserCommand,
  DisassociateSecurityProfilesCommand,
  ListEntitySecurityProfilesCommand,
  UpdateUserSecurityProfilesCommand,
  type ConnectClient,
  type EntityType,
} from "@aws-sdk/client-connect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { metricsOf, setFaults, setQuotas } from "../helpers/admin";
import { connectClient, emulatorWith } from "../helpers/emulator";
import { failure } from "../helpers/failure";
import { ACCOUNT, INSTANCE, REGION } from "../helpers/seeds/base";
import {
  AGENT,
  AGENT_ELSEWHERE,
  AGENT_WITH_STRAY,
  KEPT,
  PROFILES,
  STRAY,
  USER_ARN,
  USER_ID,
  securityProfilesSeed,
  sp,
} from "../helpers/seeds/security-profiles";

let em: RunningEmulator;
let c: ConnectClient;

beforeEach(async () => {
  em = await emulatorWith(securityProfilesSeed());
  c = connectClient(em);
});
afterEach(async () => em.close());

const entity = (arn = AGENT, type: EntityType = "AI_AGENT") => ({
  InstanceId: INSTANCE,
  EntityType: type,
  EntityArn: arn,
});
const items = (ids: string[]) => ids.map((Id) => ({ Id }));
const associate = (ids: string[], arn = AGENT) =>
  c.send(new AssociateSecurityProfilesCommand({ ...entity(arn), SecurityProfiles: items(ids) }));
const disassociate = (ids: string[], arn = AGENT) =>
  c.send(new DisassociateSecurityProfilesCommand({ ...entity(arn), SecurityProfiles: items(ids) }));

async function listAll(arn = AGENT, maxResults?: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let pages = 0;
  let token: string | undefined;
  do {
    const page = await c.send(
      new ListEntitySecurityProfilesCommand({
        ...entity(arn),
        ...(maxResults ? { MaxResults: maxResults } : {}),
        ...(token ? { NextToken: token } : {}),
      }),
    );
    pages++;
    ids.push(...(page.SecurityProfiles ?? []).map((p) => p.Id ?? ""));
    token = page.NextToken;
  } while (token);
  return { ids, pages };
}

describe("AssociateSecurityProfiles / DisassociateSecurityProfiles / ListEntitySecurityProfiles", () => {
  it("associates and disassociates profiles on an AI agent, listed in association order", async () => {
    await associate([sp(3), sp(1)]);
    await associate([sp(2)]);
    await disassociate([sp(1)]);
    expect(await listAll()).toEqual({ ids: [sp(3), sp(2)], pages: 1 });
    expect(await listAll(AGENT_WITH_STRAY)).toEqual({ ids: [STRAY], pages: 1 });
  });

  it("pages 30 profiles by MaxResults 10 into 3 pages, and by the default of 100 into 1", async () => {
    for (let i = 0; i < 30; i += 10) await associate(PROFILES.slice(i, i + 10));
    expect(await listAll(AGENT, 10)).toEqual({ ids: PROFILES.slice(0, 30), pages: 3 });
    expect(await listAll(AGENT)).toEqual({ ids: PROFILES.slice(0, 30), pages: 1 });
  });

  it("answers InvalidRequestException 400 for each documented constraint", async () => {
    const cases: [() => Promise<unknown>, string][] = [
      [
        () => associate([]),
        "Value at 'securityProfiles' failed to satisfy constraint: Member must have length greater than or equal to 1",
      ],
      [
        () => associate(PROFILES.slice(0, 11)),
        "Value at 'securityProfiles' failed to satisfy constraint: Member must have length less than or equal to 10",
      ],
      [
        () => disassociate(PROFILES.slice(0, 11)),
        "Value at 'securityProfiles' failed to satisfy constraint: Member must have length less than or equal to 10",
      ],
      [
        () => c.send(new ListEntitySecurityProfilesCommand({ ...entity(), MaxResults: 0 })),
        "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
      ],
      [
        () => c.send(new ListEntitySecurityProfilesCommand({ ...entity(), MaxResults: 101 })),
        "Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
      ],
      [
        () =>
          c.send(
            new AssociateSecurityProfilesCommand({
              ...entity(),
              EntityType: "ROBOT" as EntityType,
              SecurityProfiles: items([sp(1)]),
            }),
          ),
        "Value 'ROBOT' at 'entityType' failed to satisfy constraint: Member must satisfy enum value set: [USER, AI_AGENT]",
      ],
      [
        () => c.send(new ListEntitySecurityProfilesCommand({ ...entity(), InstanceId: "i".repeat(101) })),
        "at 'instanceId' failed to satisfy constraint: Member must have length less than or equal to 100",
      ],
      [
        () => c.send(new ListEntitySecurityProfilesCommand({ ...entity(), NextToken: "not-a-token" })),
        "The NextToken is not valid for this request.",
      ],
    ];
    for (const [call, message] of cases) {
      const f = await failure(call());
      expect([f.name, f.status]).toEqual(["InvalidRequestException", 400]);
      expect(f.message).toContain(message);
    }
  });

  it("answers InvalidParameterException 400 for EntityType USER, the type the reference calls unsupported", async () => {
    const user = entity(USER_ARN, "USER");
    for (const call of [
      () => c.send(new AssociateSecurityProfilesCommand({ ...user, SecurityProfiles: items([sp(1)]) })),
      () => c.send(new DisassociateSecurityProfilesCommand({ ...user, SecurityProfiles: items([KEPT]) })),
      () => c.send(new ListEntitySecurityProfilesCommand(user)),
    ]) {
      const f = await failure(call());
      expect(f).toEqual({
        name: "InvalidParameterException",
        status: 400,
        message: "EntityType USER is not supported: the only supported type is AI_AGENT",
      });
    }
  });

  it("answers InvalidParameterException 400 for an id listed twice or an EntityArn that is no ARN", async () => {
    expect(await failure(associate([sp(1), sp(1)]))).toEqual({
      name: "InvalidParameterException",
      status: 400,
      message: `Security profile ${sp(1)} is listed more than once`,
    });
    expect((await failure(associate([sp(1)], "agent-1"))).message).toBe(
      "EntityArn is not a valid ARN: agent-1",
    );
  });

  it("answers ResourceNotFoundException 404 for an unknown instance, AI agent or profile, and a profile not associated", async () => {
    const unknownAgent = AGENT.replace("000000000001", "000000000099");
    const cases: [() => Promise<unknown>, string][] = [
      [
        () => c.send(new ListEntitySecurityProfilesCommand({ ...entity(), InstanceId: "no-such-instance" })),
        "Instance not found: no-such-instance",
      ],
      [() => associate([sp(1)], unknownAgent), `AI agent not found: ${unknownAgent}`],
      [
        () => c.send(new ListEntitySecurityProfilesCommand(entity(unknownAgent))),
        `AI agent not found: ${unknownAgent}`,
      ],
      [() => associate(["sp-none"]), "Security profile not found: sp-none"],
      [
        () => disassociate([sp(1), sp(2)]),
        `Security profiles not associated with ${AGENT}: ${sp(1)}, ${sp(2)}`,
      ],
    ];
    for (const [call, message] of cases)
      expect(await failure(call())).toEqual({
        name: "ResourceNotFoundException",
        status: 404,
        message,
      });
  });

  it("answers ResourceConflictException 409 for a profile already associated, applying nothing of the request", async () => {
    await associate([sp(1)]);
    expect(await failure(associate([sp(2), sp(1)]))).toEqual({
      name: "ResourceConflictException",
      status: 409,
      message: `Security profiles already associated with ${AGENT}: ${sp(1)}`,
    });
    expect((await listAll()).ids).toEqual([sp(1)]);
  });

  it("answers AccessDeniedException 403 for an AI agent of another account", async () => {
    const foreign = AGENT.replace(ACCOUNT, "999999999999");
    expect(await failure(associate([sp(1)], foreign))).toEqual({
      name: "AccessDeniedException",
      status: 403,
      message: `You do not have access to ${foreign}: it belongs to another account`,
    });
  });

  it("answers ConditionalOperationFailedException 409 for an AI agent outside the instance's Region", async () => {
    expect(await failure(associate([sp(1)], AGENT_ELSEWHERE))).toEqual({
      name: "ConditionalOperationFailedException",
      status: 409,
      message: `The AI agent ${AGENT_ELSEWHERE} is in eu-west-2, not in the instance's Region ${REGION}`,
    });
  });

  it("throttles each of the five operations with 429 ThrottlingException once its burst is spent", async () => {
    await setQuotas(em, "aws");
    const calls = {
      AssociateSecurityProfiles: () => associate(["sp-none"]),
      DisassociateSecurityProfiles: () => disassociate(["sp-none"]),
      ListEntitySecurityProfiles: () => c.send(new ListEntitySecurityProfilesCommand(entity())),
      DescribeUser: () => c.send(new DescribeUserCommand({ InstanceId: INSTANCE, UserId: USER_ID })),
      UpdateUserSecurityProfiles: () =>
        c.send(
          new UpdateUserSecurityProfilesCommand({
            InstanceId: INSTANCE,
            UserId: USER_ID,
            SecurityProfileIds: [KEPT],
          }),
        ),
    };
    for (const call of Object.values(calls)) {
      const results = await Promise.allSettled(Array.from({ length: 6 }, () => call()));
      const last = results[5];
      expect(last?.status === "rejected" && (last.reason as { name: string }).name).toBe(
        "ThrottlingException",
      );
    }
    const m = await metricsOf(em);
    for (const op of Object.keys(calls)) expect(m.errors[op]?.["ThrottlingException"]).toBe(1);
  });
});

describe("DescribeUser / UpdateUserSecurityProfiles", () => {
  const describeUser = async () =>
    (await c.send(new DescribeUserCommand({ InstanceId: INSTANCE, UserId: USER_ID }))).User;
  const update = (ids: string[], userId = USER_ID) =>
    c.send(
      new UpdateUserSecurityProfilesCommand({
        InstanceId: INSTANCE,
        UserId: userId,
        SecurityProfileIds: ids,
      }),
    );

  it("describes a seeded user with its profiles, and replaces the whole list on update", async () => {
    expect(await describeUser()).toEqual({ Id: USER_ID, Arn: USER_ARN, SecurityProfileIds: [KEPT] });
    await update([sp(2), KEPT]);
    expect((await describeUser())?.SecurityProfileIds).toEqual([sp(2), KEPT]);
  });

  it("refuses an empty list and more than 10 profiles with InvalidRequestException, leaving the user as it was", async () => {
    for (const [ids, rule] of [
      [[], "greater than or equal to 1"],
      [PROFILES.slice(0, 11), "less than or equal to 10"],
    ] as const) {
      const f = await failure(update([...ids]));
      expect([f.name, f.status]).toEqual(["InvalidRequestException", 400]);
      expect(f.message).toBe(
        `1 validation error detected: Value at 'securityProfileIds' failed to satisfy constraint: Member must have length ${rule}`,
      );
    }
    expect((await describeUser())?.SecurityProfileIds).toEqual([KEPT]);
  });

  it("answers ResourceNotFoundException for an unknown user or profile, InvalidParameterException for an id twice", async () => {
    expect(
      await failure(c.send(new DescribeUserCommand({ InstanceId: INSTANCE, UserId: "nobody" }))),
    ).toEqual({
      name: "ResourceNotFoundException",
      status: 404,
      message: "User not found: nobody",
    });
    expect((await failure(update([KEPT], "nobody"))).message).toBe("User not found: nobody");
    expect((await failure(update(["sp-none"]))).message).toBe("Security profile not found: sp-none");
    expect(await failure(update([KEPT, KEPT]))).toEqual({
      name: "InvalidParameterException",
      status: 400,
      message: `Security profile ${KEPT} is listed more than once`,
    });
  });
});

describe("fault rules with skip", () => {
  it("lets the first `skip` matching calls through, then fires `times` times", async () => {
    await setFaults(em, {
      seed: 1,
      rules: [{ operation: "AssociateSecurityProfiles", kind: "internal", rate: 1, skip: 1, times: 1 }],
    });
    const names: string[] = [];
    for (let i = 1; i <= 3; i++)
      names.push(
        await associate([sp(i)]).then(
          () => "ok",
          (e: Error) => e.name,
        ),
      );
    expect(names).toEqual(["ok", "InternalServiceException", "ok"]);
    expect((await listAll()).ids).toEqual([sp(1), sp(3)]);
  });
});
