"""Choices shown without needless work: `get_<field>_display()` keeps each field's labels
(`models.ChoiceLabelsModel`), and the forms' short selects read their options in one plain
query, or none where the page has read them (`actions.forms.ListedChoiceField`)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.factories import AlternativeRouteFactory, CategoryFactory
from workflow.actions.forms import RouteApplicationForm
from workflow.models import AlternativeRoute, Complaint, ComplaintEvent
from workflow.selectors import active_routes, routes_applying_to
from workflow.states import EventKind, Status

pytestmark = pytest.mark.django_db


def test_display_follows_the_active_language_on_every_call():
    complaint = Complaint(status=Status.REJECTED)
    with translation.override("tr"):
        turkish = complaint.get_status_display()
    with translation.override("en"):
        english = complaint.get_status_display()
    with translation.override("tr"):
        again = complaint.get_status_display()

    assert turkish == again == str(Status.REJECTED.label) != english
    with translation.override("en"):
        assert english == str(Status.REJECTED.label)


def test_display_gives_django_s_answer_for_every_choice_and_an_unknown_value():
    event = ComplaintEvent(kind=EventKind.choices[0][0])
    for language in ("tr", "en"):
        with translation.override(language):
            for value, label in EventKind.choices:
                event.kind = value
                assert event.get_kind_display() == str(label)
            event.kind = "no-such-kind"
            assert event.get_kind_display() == "no-such-kind"
    blank = Complaint(closure_reason="")
    assert blank.get_closure_reason_display() == ""


def _routes(category):
    applying = AlternativeRouteFactory(name_tr="Tüketici hakem heyeti", sort_order=1)
    applying.categories.add(category)
    everywhere = AlternativeRouteFactory(name_tr="Mahkeme", sort_order=2)
    elsewhere = AlternativeRouteFactory(name_tr="Başka kategori", sort_order=3)
    elsewhere.categories.add(CategoryFactory())
    return applying, everywhere, elsewhere


def test_the_route_select_shows_the_listed_routes_without_a_query():
    category = CategoryFactory()
    applying, everywhere, elsewhere = _routes(category)
    listed = routes_applying_to(active_routes(), category.pk)
    form = RouteApplicationForm(routes=listed)

    with CaptureQueriesContext(connection) as captured:
        html = str(form["route"])
        choices = list(form.fields["route"].choices)

    assert len(captured) == 0
    assert applying.name_tr in html
    assert everywhere.name_tr in html
    assert elsewhere.name_tr not in html
    assert [str(value) for value, _label in choices[1:]] == [
        str(applying.pk),
        str(everywhere.pk),
    ]
    assert len(form.fields["route"].choices) == 3  # with "choose a route"


def test_the_listed_route_form_still_refuses_a_route_that_does_not_apply():
    category = CategoryFactory()
    applying, _everywhere, elsewhere = _routes(category)
    listed = routes_applying_to(active_routes(), category.pk)
    data = {"applied_on": "2026-11-30", "external_reference": "", "note": ""}

    refused = RouteApplicationForm({**data, "route": elsewhere.pk}, routes=listed)
    accepted = RouteApplicationForm({**data, "route": applying.pk}, routes=listed)

    assert not refused.is_valid()
    assert "route" in refused.errors
    assert accepted.is_valid(), accepted.errors
    assert accepted.cleaned_data["route"] == applying


def test_a_queryset_of_routes_is_read_in_one_query_however_often_it_is_shown():
    category = CategoryFactory()
    _routes(category)
    queryset = AlternativeRoute.objects.filter(categories=category)
    form = RouteApplicationForm(routes=queryset)

    with CaptureQueriesContext(connection) as captured:
        first = str(form["route"])
        second = str(form["route"])
        count = len(form.fields["route"].choices)

    assert len(captured) == 1
    assert first == second
    assert "Tüketici hakem heyeti" in first
    assert count == 2
