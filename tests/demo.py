"""The demo loader as the tests run it."""

from io import StringIO

from django.core.management import call_command


def load_demo_data() -> str:
    """Run `manage.py load_demo_data`; what it printed."""
    out = StringIO()
    call_command("load_demo_data", stdout=out)
    return out.getvalue()
