"""The staff roles for the console tests (the same fixtures as tests/workflow/conftest.py):
import them into a test module with `from tests.staff.roles import *`."""

from tests.workflow.conftest import (  # noqa: F401  (pytest fixtures)
    category_a,
    category_b,
    content_editor,
    handler_a,
    handler_b,
    quality_manager,
    unit_a,
    unit_b,
    unit_manager_a,
)

__all__ = [
    "category_a",
    "category_b",
    "content_editor",
    "handler_a",
    "handler_b",
    "quality_manager",
    "unit_a",
    "unit_b",
    "unit_manager_a",
]
