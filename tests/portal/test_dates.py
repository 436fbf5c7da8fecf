"""Dates and times in the reader's language: "1 Aralık 2026 14:05" / "1 December 2026 14:05"."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.workflow.helpers import file

FILED = datetime(2026, 12, 1, 14, 5, tzinfo=ZoneInfo("Europe/Istanbul"))


@pytest.mark.parametrize(
    ("language", "long", "short"),
    [("tr", "1 Aralık 2026 14:05", "1 Ara 2026"), ("en", "1 December 2026 14:05", "1 Dec 2026")],
)
def test_the_portal_writes_dates_in_the_readers_language(
    client, customer, category, language, long, short
):
    with time_machine.travel(FILED, tick=False):
        complaint = file(customer, category)
    client.force_login(customer)
    headers = {"accept-language": language}

    listing = client.get("/portal/", headers=headers).content.decode()
    detail = client.get(
        f"/portal/complaints/{complaint.reference}/", headers=headers
    ).content.decode()

    assert short in listing
    assert long in detail
    for numeric in ("12/01/2026", "01/12/2026", "01.12.2026"):
        assert numeric not in listing + detail
