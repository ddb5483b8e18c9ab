"""Drops the single-column indexes of foreign keys that lead a composite index (`case_team_*`,
`case_assignee_queue`, `case_seller_list`, `message_case_time`, `event_case_time`): every case,
message and event written updated both, and the composite index serves the same lookups. Only the
indexes go; the foreign key constraints stay as they are (no table rewrite or re-validation)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# (index, table, column): Django's names for them, the same on PostgreSQL and SQLite.
INDEXES = [
    ("cases_case_assignee_id_28343c2e", "cases_case", "assignee_id"),
    ("cases_case_seller_account_id_3c34fe2c", "cases_case", "seller_account_id"),
    ("cases_case_team_id_60679476", "cases_case", "team_id"),
    ("cases_caseevent_case_id_6c6031ac", "cases_caseevent", "case_id"),
    ("cases_message_case_id_544aca6d", "cases_message", "case_id"),
]


def drop_index(name: str, table: str, column: str) -> migrations.RunSQL:
    return migrations.RunSQL(
        f'DROP INDEX IF EXISTS "{name}"', reverse_sql=f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ("{column}")'
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_registered_contact"),
        ("cases", "0006_case_created_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[drop_index(*index) for index in INDEXES],
            state_operations=[
                migrations.AlterField(
                    model_name="case",
                    name="assignee",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="assigned_cases",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                migrations.AlterField(
                    model_name="case",
                    name="seller_account",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="cases",
                        to="accounts.selleraccount",
                    ),
                ),
                migrations.AlterField(
                    model_name="case",
                    name="team",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="cases",
                        to="accounts.team",
                    ),
                ),
                migrations.AlterField(
                    model_name="caseevent",
                    name="case",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="events",
                        to="cases.case",
                    ),
                ),
                migrations.AlterField(
                    model_name="message",
                    name="case",
                    field=models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="messages",
                        to="cases.case",
                    ),
                ),
            ],
        ),
    ]
