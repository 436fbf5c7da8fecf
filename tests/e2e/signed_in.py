"""The console's sign-in fixture for other browser-test modules: `browse(user)` opens a new
browser context signed in through the login form (tests/e2e/test_staff_console.py). Import it
with `from tests.e2e.signed_in import *`, as tests/staff/roles.py does for the roles."""

from tests.e2e.test_staff_console import browse  # noqa: F401  (pytest fixture)

__all__ = ["browse"]
