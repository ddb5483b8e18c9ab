"""The starting capability matrix (operators change it in the admin afterwards)."""

from decimal import Decimal

from django.db import migrations

BASIC = ["reply", "internal_note", "change_status", "assign", "transfer", "make_commitment"]
ALL = [*BASIC, "request_carrier_repickup", "open_investigation", "issue_reimbursement", "reinstate_listing",
       "change_account_status", "decide_appeal", "release_funds", "reset_account_access"]
MATRIX = {
    "tier1": {**dict.fromkeys(BASIC), "request_carrier_repickup": None, "open_investigation": None,
              "issue_reimbursement": Decimal("100")},
    "tier2": {**dict.fromkeys(BASIC), "request_carrier_repickup": None, "open_investigation": None,
              "issue_reimbursement": Decimal("1000"), "reinstate_listing": None, "reset_account_access": None},
    "seller_performance": {**dict.fromkeys(BASIC), "reinstate_listing": None, "change_account_status": None,
                           "decide_appeal": None},
    "payments": {**dict.fromkeys(BASIC), "issue_reimbursement": Decimal("25000"), "release_funds": None},
    "senior": dict.fromkeys(ALL),
}


def seed(apps, schema_editor):
    TierCapability = apps.get_model("accounts", "TierCapability")
    TierCapability.objects.bulk_create(
        [TierCapability(tier=tier, capability=cap, max_amount_usd=limit)
         for tier, caps in MATRIX.items() for cap, limit in caps.items()],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_tiercapability")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
