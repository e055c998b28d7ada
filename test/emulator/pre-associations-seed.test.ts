import {
  AssociateBotCommand,
  ListBotsCommand,
  SearchWorkspaceAssociationsCommand,
  type ConnectClient,
} from "@aws-sdk/client-connect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { adminRequest, connectClient, emulatorWith } from "../helpers/emulator";
import { failure } from "../helpers/failure";
import { INSTANCE, INSTANCE_ARN, REGION, instanceSeed } from "../helpers/seeds/base";
import {
  TAKEOVER_ALIAS,
  TAKEOVER_BOT,
  TAKEOVER_MEMBERS,
  TAKEOVER_WORKSPACE,
  takeoverSeed,
} from "../helpers/seeds/takeover";

let em: RunningEmulator;
let c: ConnectClient;

beforeEach(async () => {
  em = await emulatorWith(takeoverSeed());
  c = connectClient(em);
});
afterEach(async () => em.close());

async function refused(seed: object): Promise<{ status: number; message: string }> {
  const r = await adminRequest(em, "POST", "/_emulator/seed", seed);
  return { status: r.status, message: ((await r.json()) as { Message: string }).Message };
}

describe("seed-only pre-associations (associatedLexBots, associatedLexV2Bots, workspaceAssociations)", () => {
  it("are served by ListBots and SearchWorkspaceAssociations as if AssociateBot and AssociateWorkspace had made them", async () => {
    const v1 = await c.send(new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V1" }));
    const v2 = await c.send(new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V2" }));
    expect([v1.LexBots, v2.LexBots]).toEqual([
      [{ LexBot: { Name: TAKEOVER_BOT, LexRegion: REGION } }],
      [{ LexV2Bot: { AliasArn: TAKEOVER_ALIAS } }],
    ]);
    const ws = await c.send(new SearchWorkspaceAssociationsCommand({ InstanceId: INSTANCE }));
    expect(ws.WorkspaceAssociations?.map((a) => [a.WorkspaceId, a.ResourceArn, a.ResourceType])).toEqual([
      [TAKEOVER_WORKSPACE, TAKEOVER_MEMBERS[0], "USER"],
      [TAKEOVER_WORKSPACE, TAKEOVER_MEMBERS[1], "USER"],
      [TAKEOVER_WORKSPACE, TAKEOVER_MEMBERS[2], "ROUTING_PROFILE"],
    ]);
  });

  it("make AssociateBot of a pre-associated bot answer ResourceConflictException", async () => {
    const e = await failure(
      c.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: TAKEOVER_ALIAS } })),
    );
    expect(e.name).toBe("ResourceConflictException");
  });

  it("refuses a pre-association of something the instance does not hold, or one given twice, naming the field", async () => {
    const where = "connect.instances[0]";
    expect(await refused(instanceSeed({ associatedLexBots: [{ name: "OrderBot" }] }))).toEqual({
      status: 400,
      message: `seed: ${where}.associatedLexBots[0] names Lex bot OrderBot (${REGION}), which is none of the instance's lexBots`,
    });
    expect(
      await refused(
        instanceSeed({
          lexV2BotAliases: [TAKEOVER_ALIAS],
          associatedLexV2Bots: [TAKEOVER_ALIAS, TAKEOVER_ALIAS],
        }),
      ),
    ).toEqual({ status: 400, message: `seed: ${where}.associatedLexV2Bots[1] is given twice` });
    expect(
      await refused(
        instanceSeed({
          workspaces: [{ id: "ws-1" }],
          workspaceAssociations: [{ workspaceId: "ws-1", resourceArn: `${INSTANCE_ARN}/agent/nobody` }],
        }),
      ),
    ).toEqual({
      status: 400,
      message: `seed: ${where}.workspaceAssociations[0].resourceArn '${INSTANCE_ARN}/agent/nobody' is no user or routing profile of the instance`,
    });
  });
});
