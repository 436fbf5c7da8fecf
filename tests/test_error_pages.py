"""The site's own 404 and 500 pages (templates/404.html, templates/500.html): branded, in the
visitor's language, and never a stack trace or Django's list of URL patterns."""

import pytest
from django.urls import path
from django.utils import translation
from django.views.defaults import server_error

from config.urls import urlpatterns as site_urlpatterns
from tests.cms_pages.conftest import build_site_tree

pytestmark = pytest.mark.django_db

TECHNICAL = ["Traceback", "Using the URLconf", "DEBUG = True", "urlpatterns"]


def broken_view(request):
    raise RuntimeError("secret-internal-detail")


# this module is also the URLconf of the 500 test: the site plus one portal view that fails
# (outside the /en/ prefix, so the language comes from Accept-Language)
urlpatterns = [path("portal/broken/", broken_view), *site_urlpatterns]


@pytest.fixture
def site(db):
    return build_site_tree()


def assert_not_technical(html: str) -> None:
    assert [marker for marker in TECHNICAL if marker in html] == []


@pytest.mark.parametrize(
    ("url", "language", "heading", "home_link"),
    [
        ("/bu-sayfa-yok/", "tr", "Sayfa bulunamadı", "Ana sayfaya dön"),
        ("/en/no-such-page/", "en", "Page not found", "Back to the home page"),
    ],
)
def test_an_unknown_address_shows_the_sites_own_404_page(
    client, settings, site, url, language, heading, home_link
):
    settings.DEBUG = False

    response = client.get(url)

    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert home_link in html
    assert 'class="site-header"' in html  # the site's layout, menus and all
    assert site[language]["policy"].title in html
    assert_not_technical(html)


@pytest.mark.urls(__name__)
@pytest.mark.parametrize(
    ("accept_language", "language", "heading"),
    [("tr", "tr", "Bir sorun oluştu"), ("en", "en", "Something went wrong")],
)
def test_a_server_error_shows_the_branded_500_page(
    client, settings, accept_language, language, heading
):
    settings.DEBUG = False
    client.raise_request_exception = False

    response = client.get("/portal/broken/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert "memnun" in html
    assert "secret-internal-detail" not in html
    assert_not_technical(html)


def test_the_500_page_renders_without_a_request_or_the_database(rf, django_assert_num_queries):
    with django_assert_num_queries(0), translation.override("tr"):
        response = server_error(rf.get("/"))  # Django passes no context, nor the request

    assert response.status_code == 500
    assert "Bir sorun oluştu" in response.content.decode()
