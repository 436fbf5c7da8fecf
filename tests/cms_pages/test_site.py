"""The public site as a visitor meets it: pages in both languages, menu, language switch,
search, sitemap, robots.txt, page rules and constant query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms_pages.models import (
    ComplaintFormPage,
    ContactPage,
    ContentPage,
    FAQPage,
    HomePage,
    PolicyPage,
    ProcessPage,
    StatisticsPage,
)

pytestmark = pytest.mark.django_db

KEYS = ["home", "about", "policy", "process", "form", "faq", "contact", "statistics"]


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize("key", KEYS)
def test_every_page_renders_in_both_languages(site_tree, client, settings, language, key):
    settings.TEMPLATES[0]["OPTIONS"]["string_if_invalid"] = "INVALID[%s]"
    page = site_tree[language][key]

    body = html(client.get(page.url))

    assert f'<html lang="{language}">' in body
    assert page.title in body
    assert "INVALID[" not in body


def test_home_pages_are_at_slash_and_slash_en(site_tree, client):
    assert "Hoş geldiniz" in html(client.get("/"))
    assert "Welcome" in html(client.get("/en/"))


def test_policy_is_linked_from_the_main_menu_under_about_us(site_tree, client):
    body = html(client.get("/"))
    nav = body[body.index('class="site-nav"') :]
    nav = nav[: nav.index("</nav>")]

    assert 'href="/hakkimizda/"' in nav
    assert 'href="/hakkimizda/politika/"' in nav
    english = html(client.get("/en/"))
    assert 'href="/en/about-en/policy-en/"' in english


def test_policy_page_shows_its_version(site_tree, client):
    policy = site_tree["tr"]["policy"]
    policy.save_revision().publish()

    body = html(client.get("/hakkimizda/politika/"))

    assert "Sürüm 2" in body


def test_language_switch_leads_to_the_translated_page(site_tree, client):
    body = html(client.get("/hakkimizda/politika/"))
    assert 'value="/en/about-en/policy-en/"' in body

    response = client.post("/i18n/switch/", {"language": "en", "next": "/en/about-en/policy-en/"})

    assert response.status_code == 302
    assert response["Location"] == "/en/about-en/policy-en/"
    assert response.cookies["django_language"].value == "en"
    assert "My complaints" in html(client.get("/portal/guest/file/"))


def test_language_switch_refuses_foreign_redirects(client, db):
    response = client.post("/i18n/switch/", {"language": "en", "next": "https://evil.example/"})

    assert response["Location"] == "/"


def results(body: str) -> str:
    """The results section of the search page, without the menus around it."""
    start = body.index('class="search-results"')
    return body[start : body.index("</section>", start)]


def test_search_finds_pages_of_the_active_language(site_tree, client):
    turkish = results(html(client.get("/search/", {"q": "Memnuniyet"})))
    english = results(html(client.get("/en/search/", {"q": "Policy"})))
    nothing = results(html(client.get("/search/", {"q": "zzzyyyxxx"})))

    assert 'href="/hakkimizda/politika/"' in turkish
    assert 'href="/en/about-en/policy-en/"' in english
    assert 'href="/hakkimizda/politika/"' not in english
    assert 'class="search-result"' not in nothing
    assert "sonuç bulunamadı" in nothing


def test_search_matches_turkish_word_forms_by_prefix(site_tree, client):
    found = results(html(client.get("/search/", {"q": "Politika"})))

    assert 'href="/hakkimizda/politika/"' in found


def test_sitemap_lists_both_languages(site_tree, client):
    body = html(client.get("/sitemap.xml"))

    assert "<loc>http://localhost/hakkimizda/politika/</loc>" in body
    assert "<loc>http://localhost/en/about-en/policy-en/</loc>" in body


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out(client, db):
    response = client.get("/robots.txt")

    body = html(response)
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in body
    for path in ["/admin/", "/portal/", "/accounts/"]:
        assert f"Disallow: {path}" in body


def test_page_creation_rules(site_tree):
    home = site_tree["tr"]["home"]
    about = site_tree["tr"]["about"]
    root = Page.get_first_root_node()

    assert HomePage.can_create_at(root)
    assert not HomePage.can_create_at(home)
    assert PolicyPage.can_create_at(about)
    assert not PolicyPage.can_create_at(root)
    assert ContentPage.can_create_at(about)
    for model in [ProcessPage, FAQPage, ContactPage, StatisticsPage]:
        assert model.can_create_at(home)
        assert not model.can_create_at(site_tree["tr"]["policy"])
    # one complaint form per parent
    assert not ComplaintFormPage.can_create_at(home)
    assert ComplaintFormPage.can_create_at(about)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        html(client.get(url))
    return len(captured)


@pytest.mark.parametrize("key", KEYS)
def test_query_count_of_each_public_page_is_constant(site_tree, client, key):
    page = site_tree["tr"][key]
    # warm per-process caches (site root paths, content types) and the cached navigation
    _queries(client, page.url)
    before = _queries(client, page.url)

    parent = site_tree["tr"]["home"]
    for number in range(5):
        parent.add_child(
            instance=ContentPage(title=f"Ek {number}", slug=f"ek-{number}", show_in_menus=True)
        ).save_revision().publish()
    rebuilt = _queries(client, page.url)  # publishing invalidated the cached navigation
    after = _queries(client, page.url)

    assert after == before
    assert rebuilt > after
