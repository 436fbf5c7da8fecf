"""Debian's Chromium, driven by Playwright, against pytest-django's live server.

Never downloads a browser: `/usr/bin/chromium` comes from the `chromium` Debian package
(.ci/run installs it). Without it these tests fail; they are not skipped.
"""

import pytest
from django.conf import settings
from playwright.sync_api import sync_playwright
from wagtail.models import Locale, Page, Site

from tests.cms_pages.conftest import build_site_tree

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API marks its event loop as running in this thread, and Django then
    # refuses ORM calls here; the loop only drives the browser, so the calls are safe.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()


def restore_wagtail_root() -> None:
    """Each transactional test ends by emptying the database; post_migrate puts back content
    types, permissions and groups, but not the root page and default site that Wagtail's
    migrations made. `build_site_tree` needs them."""
    root = Page.get_first_root_node()
    if root is None:
        locale = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[0]
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Site.objects.filter(is_default_site=True).exists():
        # served for any host, the live server's localhost:<port> included
        Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True)


@pytest.fixture
def live_site(transactional_db):
    """`site_tree` for the live server, which needs committed data: built in a transactional
    test, so the database is emptied afterwards."""
    restore_wagtail_root()
    return build_site_tree()


class Seen:
    """What the browser saw while a test ran: every request, console errors, page errors."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def console(self, message) -> None:
        if message.type == "error":
            self.errors.append(message.text)


@pytest.fixture
def browser_locale():
    """The visitor's browser language (Accept-Language); parametrize to change it."""
    return "tr-TR"


@pytest.fixture
def page(browser, live_server, browser_locale):
    context = browser.new_context(
        base_url=live_server.url, viewport=VIEWPORT, locale=browser_locale
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def seen(page):
    return Seen(page)
