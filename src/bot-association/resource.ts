import * as pulumi from "@pulumi/pulumi";
import { providerText, typeToken } from "../runtime/entry";
import { refusePlaintextCredentials } from "../runtime/plaintext-credentials";

/** A Lex V1 bot, by name and the Region it was built in. */
export interface LexBotArgs {
  /** The bot's name (1-50 characters, letters with single underscores between them). */
  name: pulumi.Input<string>;
  /** The Region of the Lex bot; defaults to the resource's Region. Part of the identity. */
  lexRegion?: pulumi.Input<string>;
}

/** A Lex V2 bot, by alias. */
export interface LexV2BotArgs {
  /** `arn:<partition>:lex:<region>:<account>:bot-alias/<botId>/<aliasId>`, at most 100 characters. */
  aliasArn: pulumi.Input<string>;
}

/** The inputs every {@link BotAssociation} takes, whichever Lex version its bot is. */
export interface BotAssociationBaseArgs {
  /** The Amazon Connect instance: its id (1-100 characters). */
  instanceId: pulumi.Input<string>;
  /** The instance's Region; defaults to the provider's Region (stack config `aws:region`; `connect-associations:region` for the provider plugin), then `AWS_REGION`. */
  region?: pulumi.Input<string>;
  /**
   * When the bot is already associated, take over the existing association instead of failing
   * (the TypeScript dynamic resources cannot be `pulumi import`ed; the provider plugin's can be,
   * by id). Default false.
   */
  adoptExisting?: pulumi.Input<boolean>;
}

/** A {@link BotAssociation} of a Lex V1 bot: `lexBot`, and no `lexV2Bot`. */
export interface BotAssociationLexBotArgs extends BotAssociationBaseArgs {
  /** A Lex V1 bot. */
  lexBot: pulumi.Input<LexBotArgs>;
  /** Not with `lexBot`: a resource associates one bot. */
  lexV2Bot?: never;
}

/** A {@link BotAssociation} of a Lex V2 bot alias: `lexV2Bot`, and no `lexBot`. */
export interface BotAssociationLexV2BotArgs extends BotAssociationBaseArgs {
  /** A Lex V2 bot alias. */
  lexV2Bot: pulumi.Input<LexV2BotArgs>;
  /** Not with `lexV2Bot`: a resource associates one bot. */
  lexBot?: never;
}

/**
 * The inputs of a {@link BotAssociation}: the instance and exactly one of `lexBot` / `lexV2Bot`.
 * The compiler rejects both or neither; check rejects them too, for programs it does not see
 * (JavaScript, casts, values computed at run time).
 */
export type BotAssociationArgs = BotAssociationLexBotArgs | BotAssociationLexV2BotArgs;

/**
 * Lets an Amazon Connect instance use an Amazon Lex V1 bot or Lex V2 bot alias.
 *
 * | step | AWS call | notes |
 * |---|---|---|
 * | preview / check | none | every documented constraint, the alias ARN's shape, exactly one of `lexBot` / `lexV2Bot` |
 * | create | reads first: `ListBots` (the operation's listing, shared with every create and read), then `AssociateBot` only for a bot not listed | a bot already associated: with `adoptExisting` recorded with no write, else fails saying how to adopt, with no write; `AssociateBot`: one ClientToken per create, reused by its retries; `InvalidRequestException` and `ResourceNotFoundException` retried up to `connect:consistencyTimeoutSeconds` (a new alias or its Lex policy still propagating); `ResourceConflictException` (the listing lagged) adopts with `adoptExisting`, else fails the same way |
 * | refresh / read | `ListBots` (the bot's Lex version, every page; one listing per instance and version per operation, kept in step with this provider's writes) | absent → removed from state |
 * | update | none | only `adoptExisting` changes in place |
 * | delete | `DisassociateBot` | `ResourceNotFoundException` (already gone) is success |
 *
 * Replaced when `instanceId`, `region`, `lexBot` (name or Region) or `lexV2Bot.aliasArn` change.
 * Id (and `associationId`): `<instanceId>|V1|<lexRegion>|<botName>` or `<instanceId>|V2|<aliasArn>`.
 *
 * A Node dynamic resource (type `pulumi-nodejs:dynamic/connect:BotAssociation`) whose `__provider` is
 * a fixed one-line entry into this package rather than a serialized closure: state stays small and
 * free of settings, and refresh / destroy run the installed version.
 *
 * @example
 * ```ts
 * new connect.BotAssociation("orders-bot", {
 *   instanceId: "11111111-2222-3333-4444-555555555555",
 *   lexV2Bot: { aliasArn: "arn:aws:lex:us-east-1:123456789012:bot-alias/ABCDEFGHIJ/KLMNOPQRST" },
 * });
 * ```
 */
export class BotAssociation extends pulumi.CustomResource {
  /** The Amazon Connect instance's id. */
  declare readonly instanceId: pulumi.Output<string>;
  /** The Region the association lives in (the resource's `region`, else the stack's). */
  declare readonly region: pulumi.Output<string>;
  /** The Lex V1 bot, with `lexRegion` filled in; undefined for a Lex V2 association. */
  declare readonly lexBot: pulumi.Output<
    | {
        /** The bot's name. */
        name: string;
        /** The bot's Region, filled in from the resource's Region when not given. */
        lexRegion: string;
      }
    | undefined
  >;
  /** The Lex V2 bot alias; undefined for a Lex V1 association. */
  declare readonly lexV2Bot: pulumi.Output<
    | {
        /** The bot alias's ARN. */
        aliasArn: string;
      }
    | undefined
  >;
  /** Whether an existing association is taken over at create. */
  declare readonly adoptExisting: pulumi.Output<boolean>;
  /** "V1" or "V2". */
  declare readonly lexVersion: pulumi.Output<"V1" | "V2">;
  /** Same as the resource id. */
  declare readonly associationId: pulumi.Output<string>;

  /**
   * Declares the association; `pulumi up` creates it and `pulumi destroy` removes it.
   *
   * @param name The resource's name, unique among the stack's BotAssociation resources.
   * @param args The resource's inputs; see {@link BotAssociationArgs}.
   * @param opts Standard Pulumi resource options (`dependsOn`, `parent`, `protect`, …).
   */
  constructor(name: string, args: BotAssociationArgs, opts?: pulumi.CustomResourceOptions) {
    refusePlaintextCredentials();
    super(
      typeToken("BotAssociation"),
      name,
      {
        instanceId: args.instanceId,
        lexBot: args.lexBot,
        lexV2Bot: args.lexV2Bot,
        region: args.region,
        adoptExisting: args.adoptExisting,
        lexVersion: undefined,
        associationId: undefined,
        __provider: providerText("BotAssociation"),
      },
      opts,
    );
  }
}
