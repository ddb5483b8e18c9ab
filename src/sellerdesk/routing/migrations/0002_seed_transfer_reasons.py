from django.db import migrations

REASONS = [
    ("needs_capability", "Needs an action my tier cannot take", False),
    ("wrong_category", "Wrong category: belongs to another team", False),
    ("language", "Seller's language: needs a team that speaks it", False),
    ("seller_request", "The seller asked for it", True),
    ("policy", "Policy requires this team", True),
    ("other", "Other (explain in the note)", True),
]


def seed(apps, schema_editor):
    TransferReason = apps.get_model("routing", "TransferReason")
    for code, label, note_required in REASONS:
        TransferReason.objects.get_or_create(code=code, defaults={"label": label, "note_required": note_required})


class Migration(migrations.Migration):
    dependencies = [("routing", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
