"""Engine test program: one of each resource of the connect-associations plugin, and
getFlowAssociations, through the generated Python SDK.

What the test changes between steps comes from stack config; the rest is the seed's
(test/helpers/plugin.ts pluginSeed), written out as a user would.
"""

import pulumi
import pulumi_connect_associations as connect

config = pulumi.Config()
INSTANCE = "11111111-2222-3333-4444-555555555555"
INSTANCE_ARN = f"arn:aws:connect:us-east-1:123456789012:instance/{INSTANCE}"

orders_bot = connect.BotAssociation(
    "orders-bot",
    instance_id=INSTANCE,
    lex_v2_bot=connect.LexV2BotArgs(alias_arn=config.require("ordersAliasArn")),
)
order_bot_v1 = connect.BotAssociation(
    "order-bot-v1",
    instance_id=INSTANCE,
    lex_bot=connect.LexBotArgs(name="OrderBot"),
)
supervisor_profiles = connect.SecurityProfileAssociation(
    "supervisor-profiles",
    instance_id=INSTANCE,
    entity_type="USER",
    entity_arn=f"{INSTANCE_ARN}/agent/u-supervisor",
    security_profile_ids=["sp-supervisor", "sp-reports"],
)
supervisors_workspace = connect.WorkspaceAssociation(
    "supervisors-workspace",
    instance_id=INSTANCE,
    workspace_id="ws-supervisors",
    resource_arns=[
        f"{INSTANCE_ARN}/agent/u-supervisor",
        f"{INSTANCE_ARN}/routing-profile/rp-supervisors",
    ],
)
main_line = connect.FlowAssociation(
    "main-line",
    instance_id=INSTANCE,
    resource_type="VOICE_PHONE_NUMBER",
    resource_id="pn-main",
    flow_id=config.require("mainFlowId"),
)
erase_order = connect.ProfileObjectDeletion(
    "erase-order",
    domain_name="customers",
    profile_id="0123456789abcdef0123456789abcdef",
    object_type_name="Order",
    profile_object_unique_key=config.require("erasedOrderKey"),
)

# Asked once main-line exists (its outputs are the arguments): which of the two numbers start a
# flow.
routing = connect.get_flow_associations_output(
    instance_id=main_line.instance_id,
    resource_ids=[main_line.resource_id, "pn-spare"],
    resource_type="VOICE_PHONE_NUMBER",
).apply(lambda found: found.associations)

pulumi.export("ordersBot", orders_bot.association_id)
pulumi.export("ordersBotVersion", orders_bot.lex_version)
pulumi.export("orderBotV1", order_bot_v1.association_id)
pulumi.export("orderBotV1Lex", order_bot_v1.lex_bot)
pulumi.export("supervisorProfiles", supervisor_profiles.security_profile_ids)
pulumi.export("workspaceMembers", supervisors_workspace.resource_arns)
pulumi.export("mainLine", main_line.association_id)
pulumi.export("mainLineFlow", main_line.flow_id)
pulumi.export("erasure", erase_order.outcome)
pulumi.export("routing", routing)
