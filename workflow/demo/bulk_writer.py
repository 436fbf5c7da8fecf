"""Fast row writers for the benchmark generator, one per database vendor.

Django's `bulk_create` took about 250 µs per complaint row and 75 to 100 µs per event row on
the 2-core benchmark machine, on SQLite and PostgreSQL alike (model instances, `pre_save`,
`get_db_prep_save` for every field of every row): 1M complaints with 5M events would take
over 12 minutes for the inserts alone (see benchmarks/README.md). So the generator builds
plain tuples, already in the database's representation, and these writers send them with
`executemany` (SQLite) or `COPY ... FROM STDIN` (PostgreSQL, psycopg 3). Column names come
from the models and are checked against them, and primary keys are reserved from the
table's own sequence, so rows written here are indistinguishable from rows the ORM writes.
"""

import json
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime

from django.db import connection, transaction


class Table:
    """A model's table and the columns the generator fills, in the order of its tuples.

    NOT NULL columns the generator does not know about (a field added later) get their
    default, so a new field with a default never breaks the benchmark; one without a default
    stops it with a clear error.
    """

    def __init__(self, model, columns: Sequence[str]):
        by_column = {field.column: field for field in model._meta.concrete_fields}
        unknown = [column for column in columns if column not in by_column]
        if unknown:
            raise ValueError(f"{model.__name__} has no column(s) {unknown}")
        extra = [
            field
            for field in model._meta.concrete_fields
            if field.column not in columns and not field.primary_key and not field.null
        ]
        undefaulted = [field.column for field in extra if not field.has_default()]
        if undefaulted:
            raise ValueError(f"{model.__name__}: the generator does not fill {undefaulted}")
        self.name = model._meta.db_table
        self.pk = model._meta.pk.column
        self.columns = (*columns, *(field.column for field in extra))
        self.defaults = tuple(
            field.get_db_prep_save(field.get_default(), connection) for field in extra
        )

    def complete(self, rows: Iterable[Sequence]) -> Iterable[Sequence]:
        if not self.defaults:
            return rows
        return ((*row, *self.defaults) for row in rows)


class BulkWriter:
    """Reserve primary keys and insert ready-made tuples inside the caller's transaction."""

    vendor = ""

    def __init__(self):
        self.quote = connection.ops.quote_name

    @staticmethod
    def adapt_json(value) -> str:
        return json.dumps(value)  # what JSONField.get_prep_value stores (default encoder)

    @contextmanager
    def tuned(self):
        yield

    def reserve_ids(self, table: Table, count: int) -> Sequence[int]:
        raise NotImplementedError

    def insert(self, table: Table, rows: Iterable[Sequence]) -> None:
        raise NotImplementedError


class SQLiteWriter(BulkWriter):
    vendor = "sqlite"

    @staticmethod
    def adapt_datetime(value: datetime | None) -> str | None:
        """What Django stores for an aware datetime: naive UTC ISO text with a space."""
        if value is None:
            return None
        if value.tzinfo is not UTC:
            value = value.astimezone(UTC)
        return value.isoformat(" ")[:-6]  # str() of the naive value, without "+00:00"

    @contextmanager
    def tuned(self):
        # A large page cache keeps the random-key indexes (tracking token, reference) in memory.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            (previous,) = cursor.fetchone()
            cursor.execute("PRAGMA cache_size = -262144")  # 256 MiB
            try:
                yield
            finally:
                cursor.execute(f"PRAGMA cache_size = {int(previous)}")

    def reserve_ids(self, table: Table, count: int) -> Sequence[int]:
        """Move the AUTOINCREMENT counter past `count` ids and hand them out.

        The UPDATE is this transaction's first write, so SQLite's write lock is held from here
        on: no other connection can take an id in the range.
        """
        name, pk = table.name, self.quote(table.pk)
        highest = f"(SELECT COALESCE(MAX({pk}), 0) FROM {self.quote(name)})"
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE sqlite_sequence SET seq = MAX(seq, {highest}) + %s WHERE name = %s",
                [count, name],
            )
            if cursor.rowcount == 0:
                cursor.execute(
                    f"INSERT INTO sqlite_sequence (name, seq) SELECT %s, {highest} + %s",
                    [name, count],
                )
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [name])
            (last,) = cursor.fetchone()
        return range(last - count + 1, last + 1)

    def insert(self, table: Table, rows: Iterable[Sequence]) -> None:
        columns = ", ".join(self.quote(column) for column in table.columns)
        marks = ", ".join(["%s"] * len(table.columns))
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {self.quote(table.name)} ({columns}) VALUES ({marks})",
                list(table.complete(rows)),
            )


class PostgresWriter(BulkWriter):
    vendor = "postgresql"

    @staticmethod
    def adapt_datetime(value: datetime | None) -> datetime | None:
        return value  # psycopg sends aware datetimes as timestamptz

    def reserve_ids(self, table: Table, count: int) -> Sequence[int]:
        """Draw `count` values from the identity sequence (safe alongside other writers)."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table.name, table.pk, count],
            )
            return [row[0] for row in cursor.fetchall()]

    def insert(self, table: Table, rows: Iterable[Sequence]) -> None:
        columns = ", ".join(self.quote(column) for column in table.columns)
        statement = f"COPY {self.quote(table.name)} ({columns}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for row in table.complete(rows):
                copy.write_row(row)


WRITERS = {writer.vendor: writer for writer in (SQLiteWriter, PostgresWriter)}


def writer_for_connection() -> BulkWriter:
    try:
        return WRITERS[connection.vendor]()
    except KeyError:
        raise NotImplementedError(
            f"generate_complaints supports {', '.join(WRITERS)}, not {connection.vendor}."
        ) from None
