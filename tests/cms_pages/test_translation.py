"""Pages are translated with wagtail-localize: a Turkish page gets its English version
through a translation whose segments are translated, and stays in sync with the source."""

import json

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms_pages.models import ContentPage

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
