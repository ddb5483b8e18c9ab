"""The published defaults: first response within 24 business hours, urgent within 4, a call-back
within 48, and executive escalations with a hard ceiling. Operators edit them in the admin."""

from django.db import migrations

H = 60  # minutes
REPLIES = ["first_response", "next_response", "call_back"]
# At 75% warn the owner; at the breach tell the leads and, for a reply owed, give the case to
# someone who can answer now; a reply twice as late as promised goes to the senior tier.
LADDER = [
    (75, "warn_owner", []),
    (100, "notify_lead", []),
    (100, "reassign", REPLIES),
    (200, "escalate_senior", REPLIES),
]

POLICIES = [
    {
        "name": "Executive escalations",
        "position": 10,
        "team_tiers": ["senior"],
        "first_response_minutes": 4 * H,
        "next_response_minutes": 8 * H,
        "resolution_minutes": 40 * H,
        "call_back_minutes": 8 * H,
        "appeal_decision_minutes": 40 * H,
        "ceiling_hours": 10 * 24,
        "steps": [(75, "warn_owner", []), (100, "notify_lead", []), (100, "reassign", REPLIES)],
    },
    {
        "name": "Urgent",
        "position": 20,
        "urgent": True,
        "first_response_minutes": 4 * H,
        "next_response_minutes": 4 * H,
        "resolution_minutes": 24 * H,
        "call_back_minutes": 48 * H,
        "appeal_decision_minutes": 48 * H,
        "steps": LADDER,
    },
    {
        "name": "Standard",
        "position": 100,
        "first_response_minutes": 24 * H,
        "next_response_minutes": 24 * H,
        "resolution_minutes": 72 * H,
        "call_back_minutes": 48 * H,
        "appeal_decision_minutes": 72 * H,
        "steps": LADDER,
    },
]


def seed(apps, schema_editor):
    SlaPolicy = apps.get_model("sla", "SlaPolicy")
    LadderStep = apps.get_model("sla", "LadderStep")
    for spec in POLICIES:
        spec = dict(spec)
        steps = spec.pop("steps")
        policy, created = SlaPolicy.objects.get_or_create(name=spec["name"], defaults=spec)
        if created:
            LadderStep.objects.bulk_create(
                LadderStep(policy=policy, percent=p, action=a, kinds=kinds) for p, a, kinds in steps
            )


class Migration(migrations.Migration):
    dependencies = [("sla", "0002_policies_and_targets")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
