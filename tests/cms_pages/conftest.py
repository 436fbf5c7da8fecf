"""A small bilingual site: Turkish home at /, English at /en/, one page of every type."""

import json

import pytest
from wagtail.models import Locale, Page, Site

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

PARAGRAPH = [{"type": "paragraph", "value": "<p>Metin</p>"}]


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _translate(page, locale, **fields):
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    return _publish(copy)


def build_site_tree() -> dict:
    """The tree, built in the current database (the e2e tests build it for a live server)."""
    tr = Locale.objects.get_or_create(language_code="tr")[0]
    en = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(title="Ana sayfa", slug="anasayfa", hero_title="Hoş geldiniz", locale=tr)
    )
    _publish(home)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    Page.objects.filter(depth=2).exclude(pk=home.pk).exclude(
        content_type=home.content_type
    ).delete()

    about = _publish(
        home.add_child(
            instance=ContentPage(title="Hakkımızda", slug="hakkimizda", show_in_menus=True)
        )
    )
    policy = _publish(
        about.add_child(
            instance=PolicyPage(
                title="Müşteri Memnuniyeti Politikası",
                slug="politika",
                show_in_menus=True,
                intro="Politikamız",
                body=json.dumps(PARAGRAPH),
            )
        )
    )
    pages = {"home": home, "about": about, "policy": policy}
    for key, model, extra in [
        ("process", ProcessPage, {"steps": json.dumps([])}),
        ("form", ComplaintFormPage, {}),
        ("faq", FAQPage, {"questions": json.dumps([])}),
        ("contact", ContactPage, {}),
        ("statistics", StatisticsPage, {}),
    ]:
        pages[key] = _publish(
            home.add_child(instance=model(title=key.title(), slug=key, show_in_menus=True, **extra))
        )

    english = {"home": _translate(home, en, title="Home", slug="home", hero_title="Welcome")}
    for key in ["about", "policy", "process", "form", "faq", "contact", "statistics"]:
        english[key] = _translate(pages[key], en, title=f"{key.title()} (en)", slug=f"{key}-en")
    return {"tr": pages, "en": english, "site": site}


@pytest.fixture
def site_tree(db):
    return build_site_tree()
