"""`selectors.active_routes()` is cached (the customer API's lists read it for every answer);
any change to a route or to which categories it covers shows on the next read."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AlternativeRouteFactory, CategoryFactory
from workflow.selectors import active_routes, routes_applying_to

pytestmark = pytest.mark.django_db


def _names() -> list[str]:
    return [route.name_tr for route in active_routes()]


def test_a_cached_read_runs_no_query_and_keeps_the_categories():
    category = CategoryFactory()
    route = AlternativeRouteFactory(name_tr="Tüketici hakem heyeti")
    route.categories.add(category)
    active_routes()

    with CaptureQueriesContext(connection) as captured:
        routes = active_routes()
        applying = routes_applying_to(routes, category.pk)
        not_applying = routes_applying_to(routes, category.pk + 1000)

    assert len(captured) == 0
    assert [r.name_tr for r in applying] == ["Tüketici hakem heyeti"]
    assert not_applying == []


def test_a_new_changed_or_deactivated_route_shows_at_once():
    first = AlternativeRouteFactory(name_tr="Birinci yol")
    assert _names() == ["Birinci yol"]

    second = AlternativeRouteFactory(name_tr="İkinci yol", kind=first.kind)
    assert sorted(_names()) == ["Birinci yol", "İkinci yol"]

    second.name_tr = "Yeni ad"
    second.save()
    assert "Yeni ad" in _names()

    first.is_active = False
    first.save()
    assert _names() == ["Yeni ad"]

    second.delete()
    assert _names() == []


def test_changing_a_routes_categories_shows_at_once():
    category, other = CategoryFactory(), CategoryFactory()
    route = AlternativeRouteFactory()
    route.categories.add(category)
    assert routes_applying_to(active_routes(), other.pk) == []

    route.categories.set([other])

    assert [r.pk for r in routes_applying_to(active_routes(), other.pk)] == [route.pk]
    assert routes_applying_to(active_routes(), category.pk) == []


def test_a_change_made_by_another_process_shows_within_local_seconds(monkeypatch, clock):
    from django.core.cache import cache

    from workflow import selectors
    from workflow.models import AlternativeRoute

    monkeypatch.setattr(selectors, "time", clock)
    route = AlternativeRouteFactory(name_tr="Eski ad")
    assert _names() == ["Eski ad"]  # read, and kept in this process
    # another process renames it: it empties the shared cache; this process's copy is not told
    AlternativeRoute.objects.filter(pk=route.pk).update(name_tr="Yeni ad")
    cache.delete(selectors.ACTIVE_ROUTES_KEY)

    with CaptureQueriesContext(connection) as captured:
        assert _names() == ["Eski ad"]
    assert len(captured) == 0

    clock.now += selectors.ACTIVE_ROUTES_LOCAL_SECONDS + 0.1
    assert _names() == ["Yeni ad"]
