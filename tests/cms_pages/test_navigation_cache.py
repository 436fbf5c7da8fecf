"""The header and footer (site name, home page, main menu, well-known pages) are cached
(`cms_pages.navigation`): a page built from the cache reads no page from the database, and any
change to the site's pages shows on the very next page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from cms_pages.models import ContentPage

pytestmark = pytest.mark.django_db


def _menu(client, url="/") -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    body = response.content.decode()
    nav = body[body.index('class="site-nav"') :]
    return nav[: nav.index("</nav>")]


def _footer(client, url) -> str:
    body = client.get(url).content.decode()
    return body[body.index('<footer class="site-footer">') :]


def test_a_cached_header_reads_no_page(site_tree, client):
    client.get("/accounts/login/")  # builds the navigation

    with CaptureQueriesContext(connection) as captured:
        body = client.get("/accounts/login/").content.decode()

    tables = " ".join(query["sql"] for query in captured.captured_queries)
    assert "wagtailcore_page" not in tables
    assert "wagtailcore_site" not in tables
    assert 'href="/hakkimizda/politika/"' in body  # the menu, from the cache
    assert 'href="/contact/"' in _footer(client, "/accounts/login/")


def test_a_published_page_is_in_the_menu_at_once(site_tree, client):
    assert "Yeni sayfa" not in _menu(client)

    site_tree["tr"]["home"].add_child(
        instance=ContentPage(title="Yeni sayfa", slug="yeni", show_in_menus=True)
    ).save_revision().publish()

    assert 'href="/yeni/"' in _menu(client)
    assert "Yeni sayfa" in _menu(client, "/accounts/login/")


def test_an_unpublished_page_leaves_the_menu_at_once(site_tree, client):
    about = site_tree["tr"]["about"]
    assert 'href="/hakkimizda/"' in _menu(client)

    Page.objects.get(pk=about.pk).specific.unpublish()

    menu = _menu(client)
    assert 'href="/hakkimizda/"' not in menu
    assert 'href="/hakkimizda/politika/"' not in menu


def test_a_renamed_page_shows_its_new_title_at_once(site_tree, client):
    about = site_tree["tr"]["about"]
    assert "Hakkımızda" in _menu(client)

    about = Page.objects.get(pk=about.pk).specific
    about.title = "Biz kimiz"
    about.save_revision().publish()

    menu = _menu(client)
    assert "Biz kimiz" in menu
    assert "Hakkımızda" not in menu


def test_a_moved_page_is_linked_at_its_new_place(site_tree, client):
    policy = Page.objects.get(pk=site_tree["tr"]["policy"].pk)
    assert 'href="/hakkimizda/politika/"' in _menu(client)

    policy.move(site_tree["tr"]["home"], pos="last-child")

    menu = _menu(client)
    assert 'href="/politika/"' in menu
    assert 'href="/hakkimizda/politika/"' not in menu
    assert 'href="/politika/"' in _footer(client, "/accounts/login/")


def test_a_deleted_page_leaves_the_menu_and_footer_at_once(site_tree, client):
    contact = site_tree["tr"]["contact"]
    assert 'href="/contact/"' in _footer(client, "/accounts/login/")

    Page.objects.get(pk=contact.pk).delete()

    assert 'href="/contact/"' not in _menu(client)
    assert 'href="/contact/"' not in _footer(client, "/accounts/login/")


def test_a_private_page_leaves_the_menu_at_once(site_tree, client):
    about = site_tree["tr"]["about"]
    assert 'href="/hakkimizda/"' in _menu(client)

    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)

    assert 'href="/hakkimizda/"' not in _menu(client)


def test_the_site_name_changes_at_once(site_tree, client):
    site = Site.objects.get(pk=site_tree["site"].pk)
    site.site_name = "Örnek A.Ş."
    site.save()
    client.get("/accounts/login/")

    site.site_name = "Başka Şirket"
    site.save()

    assert "Başka Şirket" in _footer(client, "/accounts/login/")


def test_each_language_has_its_own_menu(site_tree, client):
    assert 'href="/hakkimizda/"' in _menu(client)
    english = _menu(client, "/en/")

    assert 'href="/en/about-en/"' in english
    assert 'href="/hakkimizda/"' not in english


def test_a_change_made_by_another_process_shows_within_local_seconds(
    site_tree, client, monkeypatch, clock
):
    from django.core.cache import cache

    from cms_pages import navigation

    monkeypatch.setattr(navigation, "time", clock)
    assert "Hakkımızda" in _menu(client)  # read, and kept in this process
    # another process renames the page: it replaces the shared version; this process's copy
    # is not told
    Page.objects.filter(pk=site_tree["tr"]["about"].pk).update(title="Biz kimiz")
    cache.set(navigation.VERSION_KEY, "changed elsewhere", None)

    # asking the shared cache would have read the pages again: the copy answers
    assert "Hakkımızda" in _menu(client)

    clock.now += navigation.LOCAL_SECONDS + 0.1
    assert "Biz kimiz" in _menu(client)
