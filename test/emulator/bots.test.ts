import { failure } from "../helpers/failure";
import {
  AssociateBotCommand,
  DisassociateBotCommand,
  ListBotsCommand,
  type ConnectClient,
  type LexBotConfig,
} from "@aws-sdk/client-connect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator";
import { metricsOf, seedEmulator } from "../helpers/admin";
import { connectClient, emulatorWith } from "../helpers/emulator";
import { ACCOUNT, ALIAS_A, ALIAS_B, ALIAS_SLOW, INSTANCE, REGION, baseSeed } from "../helpers/seeds/base";

let em: RunningEmulator;
let c: ConnectClient;

beforeEach(async () => {
  em = await emulatorWith(baseSeed({ slowAliasDelayMs: 60_000 }));
  c = connectClient(em);
});
afterEach(async () => em.close());

async function listAll(version: "V1" | "V2", maxResults?: number): Promise<LexBotConfig[]> {
  const out: LexBotConfig[] = [];
  let token: string | undefined;
  do {
    const page = await c.send(
      new ListBotsCommand({
        InstanceId: INSTANCE,
        LexVersion: version,
        ...(maxResults ? { MaxResults: maxResults } : {}),
        ...(token ? { NextToken: token } : {}),
      }),
    );
    out.push(...(page.LexBots ?? []));
    token = page.NextToken;
  } while (token);
  return out;
}

describe("AssociateBot / DisassociateBot / ListBots", () => {
  it("associates a Lex V1 bot and a Lex V2 alias, each listed under its own LexVersion", async () => {
    await c.send(
      new AssociateBotCommand({ InstanceId: INSTANCE, LexBot: { Name: "OrderBot", LexRegion: REGION } }),
    );
    await c.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: ALIAS_A } }));
    expect(await listAll("V1")).toEqual([{ LexBot: { Name: "OrderBot", LexRegion: REGION } }]);
    expect(await listAll("V2")).toEqual([{ LexV2Bot: { AliasArn: ALIAS_A } }]);
  });

  it("accepts the instance ARN wherever it accepts the instance id", async () => {
    const arn = `arn:aws:connect:${REGION}:${ACCOUNT}:instance/${INSTANCE}`;
    await c.send(new AssociateBotCommand({ InstanceId: arn, LexV2Bot: { AliasArn: ALIAS_A } }));
    expect(await listAll("V2")).toEqual([{ LexV2Bot: { AliasArn: ALIAS_A } }]);
  });

  it("answers ResourceConflictException 409 for a bot already associated", async () => {
    await c.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: ALIAS_A } }));
    const f = await failure(
      c.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: ALIAS_A } })),
    );
    expect([f.name, f.status]).toEqual(["ResourceConflictException", 409]);
  });

  it("answers ResourceNotFoundException 404 for an unknown instance, bot, alias, or a bot not associated", async () => {
    const cases = [
      () =>
        c.send(new AssociateBotCommand({ InstanceId: "no-such-instance", LexV2Bot: { AliasArn: ALIAS_A } })),
      () =>
        c.send(
          new AssociateBotCommand({ InstanceId: INSTANCE, LexBot: { Name: "NoSuchBot", LexRegion: REGION } }),
        ),
      () =>
        c.send(
          new AssociateBotCommand({
            InstanceId: INSTANCE,
            LexBot: { Name: "OrderBot", LexRegion: "eu-west-2" },
          }),
        ),
      () =>
        c.send(
          new AssociateBotCommand({
            InstanceId: INSTANCE,
            LexV2Bot: { AliasArn: `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/ZZZZZZZZZZ/ZZZZZZZZZZ` },
          }),
        ),
      () => c.send(new DisassociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: ALIAS_B } })),
      () => c.send(new ListBotsCommand({ InstanceId: "no-such-instance", LexVersion: "V2" })),
    ];
    for (const call of cases) {
      const f = await failure(call());
      expect([f.name, f.status]).toEqual(["ResourceNotFoundException", 404]);
    }
  });

  it("finds no instance from another Region's endpoint", async () => {
    const other = connectClient(em, "eu-west-2");
    const f = await failure(other.send(new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V1" })));
    expect(f.name).toBe("ResourceNotFoundException");
  });

  it("answers InvalidRequestException 400 naming the member for each documented constraint", async () => {
    const cases: [() => Promise<unknown>, string][] = [
      [
        () => c.send(new AssociateBotCommand({ InstanceId: INSTANCE })),
        "Exactly one of LexBot, LexV2Bot must be provided; got 0",
      ],
      [
        () =>
          c.send(
            new AssociateBotCommand({
              InstanceId: INSTANCE,
              LexBot: { Name: "OrderBot", LexRegion: REGION },
              LexV2Bot: { AliasArn: ALIAS_A },
            }),
          ),
        "Exactly one of LexBot, LexV2Bot must be provided; got 2",
      ],
      [
        () =>
          c.send(
            new AssociateBotCommand({
              InstanceId: INSTANCE,
              LexBot: { Name: "B".repeat(51), LexRegion: REGION },
            }),
          ),
        "at 'lexBot.name' failed to satisfy constraint: Member must have length less than or equal to 50",
      ],
      [
        () =>
          c.send(
            new AssociateBotCommand({
              InstanceId: INSTANCE,
              LexBot: { Name: "OrderBot", LexRegion: "r".repeat(61) },
            }),
          ),
        "at 'lexBot.lexRegion' failed to satisfy constraint: Member must have length less than or equal to 60",
      ],
      [
        () =>
          c.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: "a".repeat(101) } })),
        "at 'lexV2Bot.aliasArn' failed to satisfy constraint: Member must have length less than or equal to 100",
      ],
      [
        () =>
          c.send(new AssociateBotCommand({ InstanceId: "i".repeat(101), LexV2Bot: { AliasArn: ALIAS_A } })),
        "at 'instanceId' failed to satisfy constraint: Member must have length less than or equal to 100",
      ],
      [
        () =>
          c.send(
            new AssociateBotCommand({
              InstanceId: INSTANCE,
              ClientToken: "t".repeat(501),
              LexV2Bot: { AliasArn: ALIAS_A },
            }),
          ),
        "at 'clientToken' failed to satisfy constraint: Member must have length less than or equal to 500",
      ],
      [
        () => c.send(new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V1", MaxResults: 26 })),
        "Value '26' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 25",
      ],
      [
        () => c.send(new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V1", MaxResults: 0 })),
        "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
      ],
      [
        () => c.send(new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V3" as "V1" })),
        "Value 'V3' at 'lexVersion' failed to satisfy constraint: Member must satisfy enum value set: [V1, V2]",
      ],
    ];
    for (const [call, text] of cases) {
      const f = await failure(call());
      expect([f.name, f.status]).toEqual(["InvalidRequestException", 400]);
      expect(f.message).toContain(text);
    }
    expect(await listAll("V1")).toEqual([]);
    expect(await listAll("V2")).toEqual([]);
  });

  it("answers InvalidRequestException while a new alias's resource policy propagates", async () => {
    const f = await failure(
      c.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: ALIAS_SLOW } })),
    );
    expect([f.name, f.status]).toEqual(["InvalidRequestException", 400]);
    expect(await listAll("V2")).toEqual([]);
  });

  it("pages ListBots by MaxResults and NextToken, and refuses a token from another query", async () => {
    const aliases = Array.from(
      { length: 23 },
      (_, i) => `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/PAGEBOT${String(i).padStart(3, "0")}/TSTALIASID`,
    );
    await seedEmulator(em, {
      accountId: ACCOUNT,
      region: REGION,
      connect: { instances: [{ id: INSTANCE, lexV2BotAliases: aliases }] },
    });
    for (const a of aliases)
      await c.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: a } }));
    const first = await c.send(
      new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V2", MaxResults: 7 }),
    );
    expect(first.LexBots).toHaveLength(7);
    expect(typeof first.NextToken).toBe("string");
    expect((await listAll("V2", 7)).map((b) => b.LexV2Bot?.AliasArn)).toEqual(aliases);
    expect((await listAll("V2")).map((b) => b.LexV2Bot?.AliasArn)).toEqual(aliases);
    const f = await failure(
      c.send(
        new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V1", NextToken: first.NextToken ?? "" }),
      ),
    );
    expect([f.name, f.status]).toEqual(["InvalidRequestException", 400]);
  });

  it("replays a ClientToken's original result without acting again, and refuses it with other parameters", async () => {
    const token = "create-once-token";
    await c.send(
      new AssociateBotCommand({ InstanceId: INSTANCE, ClientToken: token, LexV2Bot: { AliasArn: ALIAS_A } }),
    );
    await c.send(new DisassociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: ALIAS_A } }));
    const replay = await c.send(
      new AssociateBotCommand({ InstanceId: INSTANCE, ClientToken: token, LexV2Bot: { AliasArn: ALIAS_A } }),
    );
    expect(replay.$metadata.httpStatusCode).toBe(200);
    expect(await listAll("V2")).toEqual([]);
    const f = await failure(
      c.send(
        new AssociateBotCommand({
          InstanceId: INSTANCE,
          ClientToken: token,
          LexV2Bot: { AliasArn: ALIAS_B },
        }),
      ),
    );
    expect([f.name, f.status]).toEqual(["InvalidRequestException", 400]);
    await c.send(
      new AssociateBotCommand({
        InstanceId: INSTANCE,
        ClientToken: "a-new-token",
        LexV2Bot: { AliasArn: ALIAS_A },
      }),
    );
    expect(await listAll("V2")).toEqual([{ LexV2Bot: { AliasArn: ALIAS_A } }]);
  });

  it("counts calls and errors per operation in /_emulator/metrics", async () => {
    await c.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: ALIAS_A } }));
    await failure(c.send(new AssociateBotCommand({ InstanceId: INSTANCE, LexV2Bot: { AliasArn: ALIAS_A } })));
    await c.send(new ListBotsCommand({ InstanceId: INSTANCE, LexVersion: "V2" }));
    const m = await metricsOf(em);
    expect(m.calls).toEqual({ AssociateBot: 2, ListBots: 1 });
    expect(m.errors).toEqual({ AssociateBot: { ResourceConflictException: 1 } });
    expect(m.lastCallAt["AssociateBot"]).toBeGreaterThanOrEqual(m.firstCallAt["AssociateBot"] ?? Infinity);
  });
});
