"""Writing many rows at once without Django's `bulk_update`, whose CASE WHEN expression per field
and row costs far more in Python than the database takes to run it."""

from django.db import connection, models


def update_rows(objs: list[models.Model], fields: list[str]) -> None:
    """Sets `fields` of every object to its in-memory values. On PostgreSQL one statement joins the
    table to the new values passed as arrays (`UPDATE … FROM unnest(…)`); elsewhere one
    `UPDATE … WHERE pk = %s` per object, run as a single executemany."""
    if not objs:
        return
    meta = objs[0]._meta
    columns = [meta.get_field(name) for name in fields]
    quote = connection.ops.quote_name
    table, pk = quote(meta.db_table), quote(meta.pk.column)
    values = [[f.get_db_prep_save(getattr(obj, f.attname), connection) for f in columns] for obj in objs]
    ids = [obj.pk for obj in objs]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            names = [quote(f.column) for f in columns]
            arrays = ", ".join(["%s::bigint[]", *(f"%s::{f.db_type(connection)}[]" for f in columns)])
            assignments = ", ".join(f"{name} = v.{name}" for name in names)
            # Only quoted model metadata is formatted in; every value is a parameter.
            sql = (
                f"UPDATE {table} AS t SET {assignments} "  # noqa: S608
                f"FROM unnest({arrays}) AS v(id, {', '.join(names)}) WHERE t.{pk} = v.id"
            )
            cursor.execute(sql, [ids, *([row[i] for row in values] for i in range(len(columns)))])
        else:
            assignments = ", ".join(f"{quote(f.column)} = %s" for f in columns)
            sql = f"UPDATE {table} SET {assignments} WHERE {pk} = %s"  # noqa: S608
            cursor.executemany(sql, [[*row, pk_value] for row, pk_value in zip(values, ids, strict=True)])
