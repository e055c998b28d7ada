"""Amazon Connect associations from Python, through the connect-associations provider plugin.

One program for every environment: the stack file (Pulumi.<stack>.yaml) says which instance, bots,
user, number and flow; `local` points at connect-emulator.
"""

import pulumi
import pulumi_connect_associations as connect

config = pulumi.Config()
instance_id = config.require("instanceId")

# Lex bots: the orders bot's live alias (Lex V2) and a Lex V1 bot still used by the billing flows
# (lex_region defaults to the provider's Region).
orders_bot = connect.BotAssociation(
    "orders-bot",
    instance_id=instance_id,
    lex_v2_bot=connect.LexV2BotArgs(alias_arn=config.require("ordersBotAliasArn")),
)
billing_bot = connect.BotAssociation(
    "billing-bot",
    instance_id=instance_id,
    lex_bot=connect.LexBotArgs(name=config.require("legacyLexBotName")),
)

# The supervisor gets the Supervisor profile on top of whatever else their user already has.
supervisor_profiles = connect.SecurityProfileAssociation(
    "supervisor-profiles",
    instance_id=instance_id,
    entity_type="USER",
    entity_arn=config.require("supervisorArn"),
    security_profile_ids=["sp-supervisor"],
)

main_line = connect.FlowAssociation(
    "main-line",
    instance_id=instance_id,
    resource_type="VOICE_PHONE_NUMBER",
    resource_id=config.require("mainNumberId"),
    flow_id=config.require("mainFlowId"),
)

# An erasure request: delete the customer's order, once per ticket.
erasure = connect.ProfileObjectDeletion(
    "erasure",
    domain_name=config.require("profilesDomain"),
    profile_id=config.require("erasureProfileId"),
    object_type_name="Order",
    profile_object_unique_key=config.require("erasureObjectKey"),
    triggers={"ticket": config.require("erasureTicket")},
)

pulumi.export(
    "botAssociations",
    {"ordersBot": orders_bot.association_id, "billingBot": billing_bot.association_id},
)
pulumi.export("supervisorProfiles", supervisor_profiles.security_profile_ids)
pulumi.export("mainLine", main_line.association_id)
pulumi.export("erasureOutcome", erasure.outcome)
