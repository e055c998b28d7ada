"""Engine test program: exactly the associations the test made out of band and `pulumi import`-ed,
declared as pulumi import recorded them (protected)."""

import pulumi
import pulumi_connect_associations as connect

INSTANCE = "11111111-2222-3333-4444-555555555555"
INSTANCE_ARN = f"arn:aws:connect:us-east-1:123456789012:instance/{INSTANCE}"
protected = pulumi.ResourceOptions(protect=True)

connect.WorkspaceAssociation(
    "agents-workspace",
    instance_id=INSTANCE,
    workspace_id="ws-supervisors",
    resource_arns=[f"{INSTANCE_ARN}/agent/u-agent"],
    opts=protected,
)
connect.SecurityProfileAssociation(
    "ai-agent-profiles",
    instance_id=INSTANCE,
    entity_type="AI_AGENT",
    entity_arn=(
        "arn:aws:wisdom:us-east-1:123456789012:ai-agent/"
        "9f0e1d2c-3b4a-4c5d-8e6f-7a8b9c0d1e2f/0a1b2c3d-4e5f-4a6b-8c7d-000000000001"
    ),
    security_profile_ids=["sp-reports"],
    # An import takes over the entity's whole set of profiles.
    exclusive=True,
    opts=protected,
)
