"""The demo loader builds a bilingual public site that editors can take over."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils.html import escape
from wagtail.contrib.redirects.models import Redirect
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, PageLogEntry, Revision, Site

from cms_pages.models import ContactPage, HomePage, PolicyPage, ProcessPage, StatisticsPage
from cms_pages.permissions import CONTENT_EDITORS_GROUP, POLICY_APPROVERS_GROUP
from tests.demo import load_demo_data
from workflow.models import Complaint, ContactChannel
from workflow.rules import is_complaint_staff
from workflow.states import STAFF_INTAKE_CHANNELS

pytestmark = pytest.mark.django_db

PAGE_LINK = re.compile(r'linktype="page" id="(\d+)"')
ENGLISH_SLUGS = {
    "home",
    "about-us",
    "vision-and-mission",
    "customer-satisfaction-policy",
    "privacy-notice",
    "complaints-process",
    "file-a-complaint",
    "faq",
    "contact",
    "statistics",
}


def site_pages(language: str):
    return Page.objects.filter(locale__language_code=language, depth__gt=1).specific()


def linked_page_ids(page) -> set[int]:
    """Pages that a page's buttons and rich-text links point to."""
    ids: set[int] = set()

    def walk(value):
        if isinstance(value, dict):
            if value.get("page") and "label" in value:  # a link button
                ids.add(value["page"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            ids.update(int(pk) for pk in PAGE_LINK.findall(value))

    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            walk(list(getattr(page, field.name).raw_data))
    walk(getattr(page, "privacy_notice", ""))
    return ids


@pytest.mark.usefixtures("demo_output")
class TestTheLoadedDemoSite:
    """The site `load_demo_data` builds, loaded once for these tests (`demo_output`)."""

    def test_the_site_serves_a_turkish_home_with_an_english_translation(self, demo_output, client):
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        assert isinstance(home, HomePage)
        assert home.live
        assert home.locale.language_code == "tr"
        assert site.site_name == "Kalkan Güven"
        english = home.get_translation(Locale.objects.get(language_code="en"))
        assert english.live
        # Wagtail's "Welcome to your new Wagtail site!" page is gone
        assert not Page.objects.filter(depth=2).exclude(translation_key=home.translation_key)
        assert "Site pages: 10 created (tr), 10 created (en)." in demo_output

        turkish_response = client.get("/")
        assert turkish_response.status_code == 200
        assert escape(home.hero_title) in turkish_response.text
        english_response = client.get("/en/")
        assert english_response.status_code == 200
        assert escape(english.hero_title) in english_response.text
        assert english.hero_title != home.hero_title

    def test_every_page_has_a_live_english_translation_and_renders(self, client):
        english = Locale.objects.get(language_code="en")
        turkish_pages = list(site_pages("tr"))
        assert len(turkish_pages) == 10
        for page in turkish_pages:
            translation = page.get_translation(english).specific
            assert translation.live, page.title
            assert translation.title != page.title
            for described in (page, translation):
                assert described.seo_title, described.url_path
                assert described.search_description, described.url_path
        assert set(site_pages("en").values_list("slug", flat=True)) == ENGLISH_SLUGS
        for page in [*turkish_pages, *site_pages("en")]:
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            assert escape(page.title) in response.text, page.url

    def test_menus_link_the_policy_under_about_us_and_the_statistics_from_the_process_page(self):
        for language in ("tr", "en"):
            pages = site_pages(language)
            policy = pages.type(PolicyPage).get()
            assert policy.show_in_menus
            assert policy.get_parent().show_in_menus  # About us, in the main menu
            statistics = pages.type(StatisticsPage).get()
            assert not statistics.show_in_menus
            process = pages.type(ProcessPage).get().specific
            assert statistics.pk in [target.pk for target in linked_pages(process)]
            assert len(process.steps) >= 8

    def test_page_links_stay_within_the_pages_language_and_content_is_valid(self):
        links = 0
        for page in Page.objects.filter(depth__gt=1).specific():
            linked = linked_pages(page)
            assert len(linked) == len(linked_page_ids(page)), page.url_path
            links += len(linked)
            assert all(target.live and target.locale_id == page.locale_id for target in linked)
            for field in page._meta.get_fields():
                if isinstance(field, StreamField):
                    try:  # what the editor's form would check on saving
                        field.stream_block.clean(getattr(page, field.name))
                    except ValidationError as error:
                        pytest.fail(f"{page.url_path} {field.name}: {error}")
        assert links >= 20  # e.g. home → form, process page → statistics, FAQ → privacy notice

    def test_english_pages_link_to_english_pages(self, client):
        english_statistics = StatisticsPage.objects.get(locale__language_code="en")
        turkish_statistics = StatisticsPage.objects.get(locale__language_code="tr")
        process = ProcessPage.objects.get(locale__language_code="en")

        html = client.get(process.url).text

        assert f'href="{english_statistics.url}"' in html
        assert f'href="{turkish_statistics.url}"' not in html

    def test_the_policy_is_in_its_second_version_in_both_languages_and_the_api_says_so(
        self, client
    ):
        response = client.get("/api/v2/pages/?type=cms_pages.PolicyPage&fields=*")

        assert response.status_code == 200
        policies = {item["meta"]["locale"]: item for item in response.json()["items"]}
        assert set(policies) == {"tr", "en"}
        assert policies["tr"]["version_number"] == 2
        assert policies["en"]["version_number"] == 2  # each Turkish version was translated
        turkish_text = json.dumps(policies["tr"]["body"], ensure_ascii=False)
        english_text = json.dumps(policies["en"]["body"])
        assert "Alternatif çözüm yolları" in turkish_text
        assert "Alternative routes" in english_text
        # the header says which version; the text never does, so it cannot contradict it
        assert not re.search(r"(Sürüm|Version) \d", turkish_text + english_text)
        for language, heading in [("tr", "Sürüm 2"), ("en", "Version 2")]:
            page = PolicyPage.objects.get(locale__language_code=language)
            assert client.get(page.url).text.count(heading) == 1
        english = PolicyPage.objects.get(locale__language_code="en")
        english_first = english.revisions.order_by("created_at").first().as_object()
        assert "Alternative routes" not in json.dumps(list(english_first.body.raw_data))
        # the first version, still in the page's history, had no clause on alternative routes
        policy = PolicyPage.objects.get(locale__language_code="tr")
        first, second = policy.revisions.order_by("created_at")
        assert second.pk == policy.live_revision_id
        first_text = json.dumps(list(first.as_object().body.raw_data), ensure_ascii=False)
        assert "Taahhütlerimiz" in first_text
        assert "Alternatif çözüm yolları" not in first_text

    def test_demo_complaints_record_the_policy_version_of_their_language(self):
        versions = dict(PolicyPage.objects.values_list("locale__language_code", "live_revision_id"))
        for language in ("tr", "en"):
            complaints = Complaint.objects.filter(language=language)
            assert complaints.exists()
            assert set(complaints.values_list("policy_version", flat=True)) == {versions[language]}

    def test_the_editor_edits_the_site_and_the_manager_also_approves_the_policy(self):
        users = get_user_model().objects
        editor = users.get(email="editor@example.com")
        manager = users.get(email="yonetici@example.com")
        assert editor.groups.filter(name=CONTENT_EDITORS_GROUP).exists()
        assert not editor.groups.filter(name=POLICY_APPROVERS_GROUP).exists()
        assert manager.groups.filter(name=POLICY_APPROVERS_GROUP).exists()
        assert is_complaint_staff(manager)  # kept the staff group it had
        assert Group.objects.get(name=POLICY_APPROVERS_GROUP).user_set.count() == 1

        policy = PolicyPage.objects.get(locale__language_code="tr")
        home = HomePage.objects.get(locale__language_code="tr")
        assert home.permissions_for_user(editor).can_publish()
        assert policy.permissions_for_user(editor).can_edit()
        assert not policy.permissions_for_user(editor).can_publish()
        assert policy.permissions_for_user(manager).can_publish()

    def test_five_contact_channels_in_both_languages(self, client):
        channels = ContactChannel.objects.all()
        assert sorted(channels.values_list("kind", flat=True)) == sorted(STAFF_INTAKE_CHANNELS)
        for channel in channels:
            texts = [channel.name_tr, channel.name_en, channel.hours_tr, channel.hours_en]
            assert all(texts), channel.kind
        assert channels.get(kind="email").value.startswith("sikayet@")
        assert "24" in channels.get(kind="email").hours_en

        response = client.get("/api/v2/pages/?type=cms_pages.ContactPage&fields=channels&locale=en")
        (english,) = response.json()["items"]
        assert len(english["channels"]) == 5
        assert "Complaints e-mail address" in [channel["name"] for channel in english["channels"]]


def linked_pages(page) -> list[Page]:
    """The pages a page's links lead to in its own language: a translation keeps the Turkish
    page ids (wagtail-localize), Wagtail renders their translations (`Page.localized`)."""
    return [
        target.get_translation(page.locale)
        for target in Page.objects.filter(pk__in=linked_page_ids(page))
    ]


def test_a_second_run_creates_nothing_and_leaves_edited_pages_alone():
    load_demo_data()
    faq = site_pages("tr").type(Page).get(slug="sik-sorulan-sorular")
    faq.intro = "Editörün yazdığı giriş."
    faq.save_revision().publish()
    models = [Page, Revision, PageLogEntry, Redirect, ContactChannel, Locale, Site]
    before = {model.__name__: model.objects.count() for model in models}

    output = load_demo_data()

    assert {model.__name__: model.objects.count() for model in models} == before
    assert "Site pages: already present (10 tr, 10 en)." in output
    faq.refresh_from_db()
    assert faq.specific.intro == "Editörün yazdığı giriş."
    assert PolicyPage.objects.get(locale__language_code="tr").version_number == 2


def test_a_missing_translation_is_created_again():
    load_demo_data()
    Page.objects.get(locale__language_code="en", slug="contact").delete()

    output = load_demo_data()

    assert "Site pages: 0 created (tr), 1 created (en)." in output
    contact = ContactPage.objects.get(locale__language_code="en")
    assert contact.live
    assert contact.url == "/en/contact/"
