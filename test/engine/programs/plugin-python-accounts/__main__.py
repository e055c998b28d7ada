"""Engine test program: two explicit connect-associations providers, each in its own account."""

import pulumi
import pulumi_connect_associations as connect

config = pulumi.Config()
INSTANCE = "11111111-2222-3333-4444-555555555555"
endpoint = config.require("endpoint")

# The shell's credentials: the dev account's.
dev = connect.Provider("dev", region="us-east-1", endpoint=endpoint)
# Dev's credentials assuming prod's Audited role, whose trust policy asks for the (secret)
# external id.
prod = connect.Provider(
    "prod",
    region="us-east-1",
    endpoint=endpoint,
    assume_roles=[
        connect.AssumeRoleArgs(
            role_arn="arn:aws:iam::222222222222:role/Audited",
            session_name="python-engine-test",
            external_id=config.require_secret("externalId"),
        )
    ],
)

dev_bot = connect.BotAssociation(
    "dev-bot",
    instance_id=INSTANCE,
    lex_v2_bot=connect.LexV2BotArgs(
        alias_arn="arn:aws:lex:us-east-1:111111111111:bot-alias/ABCDEFGHIJ/KLMNOPQRST"
    ),
    opts=pulumi.ResourceOptions(provider=dev),
)
prod_bot = connect.BotAssociation(
    "prod-bot",
    instance_id=INSTANCE,
    lex_v2_bot=connect.LexV2BotArgs(
        alias_arn="arn:aws:lex:us-east-1:222222222222:bot-alias/ABCDEFGHIJ/KLMNOPQRST"
    ),
    opts=pulumi.ResourceOptions(provider=prod),
)

pulumi.export("devBot", dev_bot.association_id)
pulumi.export("prodBot", prod_bot.association_id)
