"""Pages are translated with wagtail-localize: a Turkish page gets its English version
through a translation whose segments are translated, and stays in sync with the source."""

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms_pages.models import ContentPage, FAQPage

pytestmark = pytest.mark.django_db


def _translate_all(translation, texts: dict[str, str]):
    for segment in translation.source.stringsegment_set.select_related("string"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            data=texts.get(segment.string.data, segment.string.data),
        )


def test_a_turkish_page_is_translated_into_english(
    site_tree, client, django_capture_on_commit_callbacks
):
    home = site_tree["tr"]["home"]
    page = home.add_child(
        instance=ContentPage(
            title="Vizyonumuz",
            slug="vizyon",
            intro="Güvenilir hizmet",
            body=json.dumps([{"type": "paragraph", "value": "<p>Her şikâyeti izleriz.</p>"}]),
        )
    )
    page.save_revision().publish()
    english = Locale.objects.get(language_code="en")

    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=english)
    _translate_all(
        translation,
        {
            "Vizyonumuz": "Our vision",
            "Güvenilir hizmet": "Reliable service",
            "Her şikâyeti izleriz.": "We follow every complaint.",
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)

    translated = page.get_translation(english)
    translated.refresh_from_db()
    assert translated.live
    response = client.get(translated.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Our vision" in body
    assert "We follow every complaint." in body
    api = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert {"language": "en", "title": "Our vision"}.items() <= api["translations"][0].items()


def test_the_demo_english_pages_are_translations_that_the_demo_editor_can_sync(
    client, django_capture_on_commit_callbacks
):
    call_command("load_demo_data", stdout=StringIO())
    english = Locale.objects.get(language_code="en")
    for page in Page.objects.filter(locale__language_code="tr", depth__gt=1):
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale=english
        )
        assert translation.get_target_instance().pk == page.get_translation(english).pk
        total, translated = translation.get_progress()
        assert total > 0, page.title
        assert translated == total, page.title  # every string has its English
    editor = get_user_model().objects.get(email="editor@example.com")
    client.force_login(editor)
    faq = FAQPage.objects.get(locale__language_code="tr")
    english_faq = faq.get_translation(english).specific
    english_title = english_faq.title
    source = TranslationSource.objects.get_for_instance(faq)
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    # "Sync translated pages" in the Turkish page's header
    assert sync_url in client.get(f"/admin/pages/{faq.pk}/edit/").text

    faq.intro = "Sorularınızın yanıtları burada."
    faq.save_revision(user=editor).publish(user=editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url, {"publish_translations": "on"})

    assert response.status_code == 302
    english_faq.refresh_from_db()
    assert english_faq.intro == "Sorularınızın yanıtları burada."  # Turkish until translated
    assert english_faq.title == english_title  # the rest keeps its English

    segment = source.stringsegment_set.get(string__data="Sorularınızın yanıtları burada.")
    StringTranslation.objects.create(  # what the translation editor stores
        translation_of=segment.string,
        locale=english,
        context=segment.context,
        data="The answers to your questions.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sync_url, {"publish_translations": "on"})

    english_faq.refresh_from_db()
    assert english_faq.intro == "The answers to your questions."
    assert "The answers to your questions." in client.get(english_faq.url).text
