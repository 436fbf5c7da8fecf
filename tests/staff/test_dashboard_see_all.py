"""A dashboard panel's "see all" lists what the panel counted: the panels count open complaints,
so their links add `open=yes`; the same filter in the console queue and the staff API."""

import html as html_lib
import re

import pytest

from tests.factories import CustomerFactory
from tests.staff.roles import *  # noqa: F403  (fixtures)
from tests.staff.test_dashboard import count_in, dashboard, panel
from tests.staff.test_queues import api_for, api_references, console_references
from tests.workflow.helpers import complaint_in
from workflow.states import ClosureReason, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def unassigned(quality_manager, category_a):
    """In unit A, assigned to nobody: an acknowledged complaint and a withdrawn one."""

    def make(status, **kwargs):
        return complaint_in(
            status,
            customer=CustomerFactory(),
            staff=quality_manager,
            category=category_a,
            **kwargs,
        )

    return {
        "open": make(Status.ACKNOWLEDGED),
        "closed": make(Status.CLOSED, closure=ClosureReason.WITHDRAWN),
    }


def see_all(html: str, panel_id: str) -> str:
    link = re.search(r'<a href="([^"]+)">Tümünü gör</a>', panel(html, panel_id)).group(1)
    return html_lib.unescape(link)


def test_see_all_of_unassigned_lists_the_open_complaints_the_panel_counted(
    client, handler_a, unassigned
):
    assert unassigned["closed"].assignee is None
    html = dashboard(client, handler_a)
    assert count_in(html, "memnun-unassigned") == 1

    link = see_all(html, "memnun-unassigned")

    assert link == "/admin/complaints/?assignee=none&open=yes"
    listed = client.get(link).content.decode()
    assert unassigned["open"].reference in listed
    assert unassigned["closed"].reference not in listed


@pytest.mark.parametrize(
    ("value", "expected"), [("yes", ["open"]), ("no", ["closed"]), ("", ["open", "closed"])]
)
def test_the_open_filter_means_the_same_in_the_console_and_the_api(
    client, handler_a, unassigned, value, expected
):
    params = {"assignee": "none", "open": value}
    wanted = {unassigned[name].reference for name in expected}

    assert set(console_references(client, handler_a, **params)) == wanted
    assert set(api_references(handler_a, **params)) == wanted


def test_an_unknown_open_value_is_a_400_in_the_api(handler_a):
    response = api_for(handler_a).get("/api/v1/staff/complaints/", {"open": "maybe"})

    assert response.status_code == 400
    assert "open" in response.json()
