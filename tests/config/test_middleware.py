"""Pages about one person are never cached: the portal, the account pages and the API."""

import pytest

from tests.cms_pages.conftest import build_site_tree

pytestmark = pytest.mark.django_db


def cache_directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.mark.parametrize(
    "url",
    [
        "/portal/",
        "/accounts/login/",
        "/_allauth/browser/v1/config",
        "/api/v1/categories/",
        "/api/v1/complaints/",
    ],
)
def test_private_areas_are_private_and_not_stored(client, url):
    directives = cache_directives(client.get(url))

    assert {"private", "no-store"} <= directives
    assert "public" not in directives


def test_a_customers_own_complaint_list_is_not_stored(client, customer):
    client.force_login(customer)

    response = client.get("/portal/")

    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_directives(response)


def test_the_public_site_stays_cacheable(client):
    build_site_tree()

    response = client.get("/")

    assert response.status_code == 200
    assert "no-store" not in cache_directives(response)
