"""Reads whose SQL Django compiles once per process, then runs with each call's values.

Django builds and compiles a queryset's SQL on every evaluation: for the customer's complaints
(two joins, the documents' `Exists`, the ordering and the slice) that is 0.8 ms of Python on
every page and answer, twice the time PostgreSQL takes to run it. A `PreparedRead` builds the
queryset once with a placeholder for each value that varies (a customer's id, a reference),
compiles it, and remembers where those placeholders sit among the query's parameters; a call
clones the built queryset (so that its rows become model instances exactly as the queryset's
own would, with their joined relations, annotations and prefetches) and runs the remembered SQL
with its own values in those places.

Only values that stand as parameters of the SQL may vary: a value that would change its text (a
None, a list of another length, a slice) cannot be a placeholder. Each placeholder must appear
among the parameters; the build is checked once, when it is first compiled, for the database
its queryset reads; the connection is the calling thread's own. Used where the time counts:
the customer's first page, complaint and timeline, the portal list's first page
(`selectors.customer_first_page`, `customer_complaint`, `customer_events`,
`customer_list_first_page`).
"""

import copy
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connections
from django.db.models import Model, QuerySet

# Placeholders: values no real parameter of these reads takes.
INT_PLACEHOLDER = -7_340_032_117_001
TEXT_PLACEHOLDER = "\x00memnun-prepared\x00"


@dataclass(frozen=True)
class Compiled:
    queryset: QuerySet
    compiler: object
    sql: str
    params: tuple
    places: dict  # placeholder name -> positions in params


class PreparedRead:
    """`read = PreparedRead(build, customer_id=int, reference=str)`, then
    `read(customer_id=7, reference="MMN-2026-000001")` -> the list `build(...)` would give."""

    def __init__(self, build: Callable[..., QuerySet], **kinds: type):
        unknown = {name: kind for name, kind in kinds.items() if kind not in (int, str)}
        if unknown:
            raise TypeError(f"placeholders are int or str, not {unknown}")
        self.build = build
        self.kinds = kinds
        self._compiled: Compiled | None = None

    def placeholders(self) -> dict:
        """A distinct placeholder for each value, of its kind (int or str)."""
        return {
            name: f"{TEXT_PLACEHOLDER}{name}" if kind is str else INT_PLACEHOLDER - number
            for number, (name, kind) in enumerate(self.kinds.items())
        }

    def compile(self) -> Compiled:
        """Build with the placeholders and compile; kept for the next calls."""
        placeholders = self.placeholders()
        queryset = self.build(**placeholders)
        compiler = queryset.query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        places = {
            name: [index for index, param in enumerate(params) if param == value]
            for name, value in placeholders.items()
        }
        missing = [name for name, positions in places.items() if not positions]
        if missing:
            raise ValueError(f"{missing} do not appear among the parameters of {sql!r}")
        self._compiled = Compiled(queryset, compiler, sql, tuple(params), places)
        return self._compiled

    def __call__(self, **values) -> list[Model]:
        if values.keys() != self.kinds.keys():
            raise TypeError(f"PreparedRead needs exactly {sorted(self.kinds)}")
        for name, value in values.items():
            if type(value) is not self.kinds[name]:
                raise TypeError(f"{name} must be {self.kinds[name].__name__}, not {value!r}")
        compiled = self._compiled or self.compile()
        params = list(compiled.params)
        for name, positions in compiled.places.items():
            for index in positions:
                params[index] = values[name]
        queryset = compiled.queryset._chain()
        compiler = copy.copy(compiled.compiler)
        compiler.connection = connections[compiler.using]
        sql = compiled.sql
        compiler.as_sql = lambda *args, **kwargs: (sql, params)
        # this clone only: its rows come from the kept SQL (the clone is not handed out)
        queryset.query.get_compiler = lambda *args, **kwargs: compiler
        return list(queryset)

    def forget(self) -> None:
        """Compile again on the next call (tests that change what the build reads)."""
        self._compiled = None
