"""The API's filter backend: a filter set only when the request names one of its filters."""

import pytest
from rest_framework.test import APIClient

from portal.api import CustomerComplaintFilter
from staff.queue_filters import StaffQueueApiFilterSet
from tests.workflow.helpers import complaint_in
from workflow.api.filtering import asks_for_any
from workflow.states import Status


@pytest.fixture
def built(monkeypatch):
    """The filter sets the request built, by class name."""
    made = []
    for filterset_class in (CustomerComplaintFilter, StaffQueueApiFilterSet):
        original = filterset_class.__init__

        def spy(self, *args, _original=original, **kwargs):
            made.append(type(self).__name__)
            _original(self, *args, **kwargs)

        monkeypatch.setattr(filterset_class, "__init__", spy)
    return made


def client_of(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def references(response):
    assert response.status_code == 200, response.content
    return [complaint["reference"] for complaint in response.json()["results"]]


def test_which_parameters_ask_for_a_filter():
    names = {"status": None, "received": None}
    assert asks_for_any({"status": "closed"}, names)
    assert asks_for_any({"received_0": "2026-01-01"}, names)  # a widget of several inputs
    assert not asks_for_any({}, names)
    assert not asks_for_any({"page": "2", "format": "json"}, names)
    assert not asks_for_any({"statuses": "closed"}, names)  # another name, not a widget's


def test_customer_list_without_a_filter_builds_none_and_lists_everything(
    built, customer, staff, category
):
    api = client_of(customer)
    received = complaint_in(Status.RECEIVED, customer=customer, staff=staff, category=category)
    closed = complaint_in(Status.CLOSED, customer=customer, staff=staff, category=category)
    for parameters in ({}, {"page": 1}):
        listed = references(api.get("/api/v1/complaints/", parameters))
        assert sorted(listed) == sorted([received.reference, closed.reference])
    # the detail reads through the filter backend too
    assert api.get(f"/api/v1/complaints/{closed.reference}/").status_code == 200
    assert built == []


def test_customer_list_filtered_by_status_and_a_bad_value_refused(built, customer, staff, category):
    api = client_of(customer)
    complaint_in(Status.RECEIVED, customer=customer, staff=staff, category=category)
    closed = complaint_in(Status.CLOSED, customer=customer, staff=staff, category=category)
    assert references(api.get("/api/v1/complaints/", {"status": "closed"})) == [closed.reference]
    response = api.get("/api/v1/complaints/", {"status": "bogus"})
    assert response.status_code == 400
    assert "status" in response.json()
    assert built == ["CustomerComplaintFilter", "CustomerComplaintFilter"]


def test_staff_queue_filters_only_when_asked(built, customer, staff, category):
    api = client_of(staff)
    received = complaint_in(Status.RECEIVED, customer=customer, staff=staff, category=category)
    investigating = complaint_in(
        Status.INVESTIGATING, customer=customer, staff=staff, category=category
    )
    everything = references(api.get("/api/v1/staff/complaints/"))
    assert sorted(everything) == sorted([received.reference, investigating.reference])
    assert built == []
    searched = references(api.get("/api/v1/staff/complaints/", {"q": investigating.reference}))
    assert searched == [investigating.reference]
    assert api.get("/api/v1/staff/complaints/", {"open": "maybe"}).status_code == 400
    assert built == ["StaffQueueApiFilterSet", "StaffQueueApiFilterSet"]
