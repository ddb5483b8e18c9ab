"""Drops the single-column index of `casetarget.case`: `sla_target_case (case, kind)` serves the same
lookups, and every target written updated both. The foreign key constraint stays as it is."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0007_drop_indexes_covered_by_composites"),
        ("sla", "0003_seed_policies"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    'DROP INDEX IF EXISTS "sla_casetarget_case_id_88980133"',
                    reverse_sql='CREATE INDEX IF NOT EXISTS "sla_casetarget_case_id_88980133" ON "sla_casetarget" ("case_id")',
                )
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="casetarget",
                    name="case",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="sla_targets",
                        to="cases.case",
                    ),
                ),
            ],
        ),
    ]
