"""Reads compiled once per process (workflow/prepared.py): the customer's first page, complaint
and timeline give what their querysets give, with each call's own values."""

import pytest
from django.contrib.auth.models import AnonymousUser
from rest_framework.test import APIClient

from tests.workflow import attachment_files as files
from tests.workflow.helpers import EVERY_STATE, complaint_in, file
from workflow import services
from workflow.models import Complaint, ComplaintEvent
from workflow.prepared import PreparedRead
from workflow.selectors import (
    _complaint_read,
    complaints_for_customer,
    customer_complaint,
    customer_events,
    customer_first_page,
    customer_list,
    customer_list_first_page,
    events_for_customer,
)
from workflow.states import Status, Visibility

RELATIONS = ("category", "survey", "newest_proposal")


def snapshot(complaint):
    """Every column, the annotation and the joined relations, as the readers see them."""
    values = {field.attname: getattr(complaint, field.attname) for field in Complaint._meta.fields}
    values["has_attachments"] = complaint.has_attachments
    cached = complaint._state.fields_cache  # what select_related joined: read without a query
    for name in RELATIONS:
        assert name in cached, name
        values[name] = cached[name].pk if cached[name] is not None else None
    return values


@pytest.fixture
def history(customer, other_customer, staff, category):
    mine = [
        complaint_in(status, customer=customer, staff=staff, category=category, closure=closure)
        for status, closure in EVERY_STATE
    ]
    services.add_attachment(
        complaint=mine[1], actor=customer, file=files.upload("fatura.pdf", files.PDF)
    )
    theirs = file(other_customer, category)
    return mine, theirs


def test_the_first_page_is_what_the_queryset_gives(history, customer, other_customer):
    expected = [snapshot(c) for c in complaints_for_customer(customer)[:25]]
    assert [snapshot(c) for c in customer_first_page(customer, 25)] == expected
    assert any(row["has_attachments"] for row in expected)
    assert any(row["newest_proposal"] for row in expected)
    # the values are bound per call: the other customer gets theirs, a smaller page is cut
    _mine, theirs = history
    assert [c.pk for c in customer_first_page(other_customer, 25)] == [theirs.pk]
    assert len(customer_first_page(customer, 3)) == 3
    assert customer_first_page(AnonymousUser(), 25) == []


def test_a_complaint_is_the_customers_own_or_none(history, customer, other_customer):
    mine, theirs = history
    for complaint in mine:
        expected = snapshot(complaints_for_customer(customer).get(reference=complaint.reference))
        assert snapshot(customer_complaint(customer, complaint.reference)) == expected
    assert customer_complaint(customer, theirs.reference) is None
    assert customer_complaint(other_customer, theirs.reference).pk == theirs.pk
    assert customer_complaint(customer, "MMN-1999-000001") is None
    assert customer_complaint(AnonymousUser(), mine[0].reference) is None


def test_compiled_once_then_one_query_each(
    history, customer, monkeypatch, django_assert_num_queries
):
    _complaint_read.forget()
    compiled = []
    original = PreparedRead.compile

    def counting(self, *args, **kwargs):
        compiled.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(PreparedRead, "compile", counting)
    mine, _theirs = history
    for complaint in mine:
        with django_assert_num_queries(1):
            found = customer_complaint(customer, complaint.reference)
            assert found.category.slug  # joined, read in the same query
    assert compiled == [_complaint_read]


def test_placeholders_are_checked():
    read = PreparedRead(lambda customer_id: Complaint.objects.all(), customer_id=int)
    with pytest.raises(ValueError, match="customer_id"):
        read.compile()
    typed = PreparedRead(
        lambda customer_id: Complaint.objects.filter(customer_id=customer_id), customer_id=int
    )
    with pytest.raises(TypeError):
        typed(customer_id="7")
    with pytest.raises(TypeError):
        typed(customer_id=7, reference="x")


@pytest.mark.django_db
def test_api_list_pages_and_filters_still_go_through_drf(customer, category):
    for _ in range(26):
        file(customer, category)
    api = APIClient()
    api.force_authenticate(customer)
    first = api.get("/api/v1/complaints/").json()
    assert first["count"] == 26  # a full first page: the total is counted
    assert len(first["results"]) == 25
    assert first["next"].endswith("/api/v1/complaints/?page=2")
    second = api.get("/api/v1/complaints/", {"page": 2}).json()
    assert len(second["results"]) == 1
    assert second["previous"] is not None
    refs = {c["reference"] for c in first["results"]} | {c["reference"] for c in second["results"]}
    assert len(refs) == 26
    assert api.get("/api/v1/complaints/", {"page": 3}).status_code == 404
    assert api.get("/api/v1/complaints/", {"status": Status.CLOSED}).json()["count"] == 0
    reference = first["results"][0]["reference"]
    # a filter on the detail still filters (DRF's get_object), without one the read is prepared
    assert api.get(f"/api/v1/complaints/{reference}/").status_code == 200
    assert api.get(f"/api/v1/complaints/{reference}/", {"status": "closed"}).status_code == 404


def test_the_events_are_the_customers_timeline(history, django_assert_num_queries):
    mine, _theirs = history
    for complaint in mine:
        expected = [
            {f.attname: getattr(e, f.attname) for f in ComplaintEvent._meta.fields}
            for e in events_for_customer(complaint)
        ]
        with django_assert_num_queries(1):
            events = customer_events(complaint)
            assert all(event.complaint is complaint for event in events)  # no query for it
        got = [
            {f.attname: getattr(e, f.attname) for f in ComplaintEvent._meta.fields} for e in events
        ]
        assert got == expected
        assert all(e["visibility"] != Visibility.INTERNAL for e in got)
    assert any(len(customer_events(c)) > 3 for c in mine)


def test_the_portal_lists_first_page_is_what_the_queryset_gives(history, customer):
    def row(complaint):
        loaded = {name: getattr(complaint, name) for name in complaint.__dict__ if name[0] != "_"}
        return loaded, complaint.get_deferred_fields(), getattr(complaint, "survey", None)

    expected = [row(c) for c in customer_list(customer)[:20]]
    assert [row(c) for c in customer_list_first_page(customer, 20)] == expected
    assert "description" in expected[0][1]  # the list reads only what a row shows
    assert customer_list_first_page(AnonymousUser(), 20) == []


@pytest.mark.django_db
def test_the_portal_list_pages(client, customer, category):
    made = [file(customer, category, subject=f"Şikâyet {number}") for number in range(21)]
    client.force_login(customer)
    first = client.get("/portal/").content.decode()
    second = client.get("/portal/", {"page": 2}).content.decode()
    assert first.count('href="/portal/complaints/MMN-') == 20
    assert second.count('href="/portal/complaints/MMN-') == 1
    assert made[0].reference in second  # the oldest, on the last page
    assert made[-1].reference in first
    assert 'href="?page=2"' in first
    assert client.get("/portal/", {"page": 3}).status_code == 404


def test_two_values_of_one_kind_bind_to_their_own_places(history, customer, other_customer):
    mine, theirs = history
    read = PreparedRead(
        lambda customer_id, other_id: Complaint.objects.filter(
            customer_id=customer_id, pk__gt=other_id
        ).order_by("pk"),
        customer_id=int,
        other_id=int,
    )
    first = min(c.pk for c in mine)
    assert [c.pk for c in read(customer_id=customer.pk, other_id=first)] == sorted(
        c.pk for c in mine if c.pk > first
    )
    assert [c.pk for c in read(customer_id=other_customer.pk, other_id=0)] == [theirs.pk]
    with pytest.raises(TypeError):
        PreparedRead(lambda when: Complaint.objects.filter(received_at=when), when=object)
