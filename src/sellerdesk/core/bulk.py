"""Writing rows without the ORM's per-row machinery where it dominates the cost: Django's
`bulk_update`, whose CASE WHEN expression per field and row costs far more in Python than the
database takes to run it, and `Model.save` on the hottest write path, opening a case."""

import functools

from django.db import DEFAULT_DB_ALIAS, connection, connections, models


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


def insert_linked(objs: list[models.Model]) -> None:
    """Inserts new model instances, in order, and sets their primary keys. An object may point (by a
    foreign key assigned as an object) to an earlier object of the list that has no key yet.

    On PostgreSQL this is one statement, a chain of `INSERT … RETURNING` in a `WITH`, so one round
    trip writes a case with its targets, message and event; elsewhere one `INSERT … RETURNING` per
    object. Model `save()` overrides and save signals are not run: use it only for models whose
    saving has no side effects of its own (the callers' tests cover the rows it writes)."""
    position = {id(obj): i for i, obj in enumerate(objs)}
    links = [[(field, _ref(obj, field, position)) for field in _insert_fields(type(obj))] for obj in objs]
    db = connections[DEFAULT_DB_ALIAS]  # the connection itself, not the per-thread proxy, once
    if db.vendor == "postgresql":
        rows = [_row(obj, fields, db) for obj, fields in zip(objs, links, strict=True)]
        sql = _chained_insert_sql(tuple((type(obj), slots) for obj, (slots, _) in zip(objs, rows, strict=True)))
        with db.cursor() as cursor:
            cursor.execute(sql, [value for _, params in rows for value in params])
            pks = cursor.fetchone()
        for obj, fields, pk in zip(objs, links, pks, strict=True):
            _link(obj, fields, objs)
            _saved(obj, pk, db)
        return
    with db.cursor() as cursor:
        for obj, fields in zip(objs, links, strict=True):
            _link(obj, fields, objs)
            slots, params = _row(obj, [(field, None) for field, _ in fields], db)
            cursor.execute(_insert_sql(type(obj), slots), params)
            _saved(obj, cursor.fetchone()[0], db)


def _ref(obj: models.Model, field: models.Field, position: dict[int, int]) -> int | None:
    """The position in the list of the unsaved object `field` points to, or None."""
    if not field.is_relation or getattr(obj, field.attname) is not None or not field.is_cached(obj):
        return None
    parent = field.get_cached_value(obj)
    if parent is None:
        return None
    if id(parent) not in position:
        raise ValueError(f"{type(obj).__name__}.{field.name} points to an unsaved object outside the list.")
    return position[id(parent)]


@functools.cache
def _insert_fields(model: type[models.Model]) -> list[models.Field]:
    meta = model._meta
    return [f for f in meta.local_concrete_fields if f is not meta.auto_field]


# Values written into the SQL itself rather than sent as parameters, so that a row sends only the
# values that vary: psycopg caches the parsing of a statement only up to 50 parameters.
_LITERALS = {None: "NULL", True: "TRUE", False: "FALSE", "": "''"}


def _row(obj: models.Model, fields: list, db) -> tuple[tuple, list]:
    """What goes in each column, as SQL: a placeholder, a literal (NULL, TRUE, FALSE or '') or the
    key of an earlier row (its position in the list); and the parameters of the placeholders."""
    slots, params = [], []
    for field, ref in fields:
        if ref is not None:
            slots.append(ref)
            continue
        value = field.get_db_prep_save(field.pre_save(obj, True), db)
        if (value is None or isinstance(value, bool | str)) and value in _LITERALS:
            slots.append(_LITERALS[value])
        else:
            slots.append("%s")
            params.append(value)
    return tuple(slots), params


def _link(obj: models.Model, fields: list, objs: list[models.Model]) -> None:
    for field, ref in fields:
        if ref is not None:
            setattr(obj, field.name, objs[ref])  # sets the key column and keeps the cached object


def _saved(obj: models.Model, pk, db) -> None:
    obj.pk = pk
    obj._state.adding = False
    obj._state.db = db.alias


def _key_of(position: int) -> str:
    return f'(SELECT "pk" FROM "r{position}")'  # noqa: S608 (a number, never a value)


def _slot_sql(slot: str | int) -> str:
    return slot if isinstance(slot, str) else _key_of(slot)


@functools.lru_cache(maxsize=256)  # one per model and pattern of NULLs and links
def _insert_sql(model: type[models.Model], slots: tuple) -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in _insert_fields(model))
    values = ", ".join(map(_slot_sql, slots))
    # Only quoted model metadata, placeholders and the fixed literals above are formatted in.
    return (
        f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({values}) "  # noqa: S608
        f'RETURNING {quote(model._meta.pk.column)} AS "pk"'
    )


@functools.lru_cache(maxsize=256)
def _chained_insert_sql(shape: tuple) -> str:
    parts = [f'"r{i}" AS ({_insert_sql(model, slots)})' for i, (model, slots) in enumerate(shape)]
    keys = ", ".join(_key_of(i) for i in range(len(shape)))
    return f"WITH {', '.join(parts)} SELECT {keys}"
