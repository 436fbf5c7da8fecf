"""workflow.localization.flatten_translation_fallbacks: every message resolves as Django's own
fallback chain resolves it, in both languages, singular and plural."""

import gettext

import pytest
from django.utils.translation import trans_real

from workflow.localization import flatten_translation_fallbacks


def chain_length(translation) -> int:
    length, fallback = 0, translation._fallback
    while fallback is not None:
        length, fallback = length + 1, getattr(fallback, "_fallback", None)
    return length


def every_message(translation) -> tuple[set[str], set[str]]:
    """The singular msgids and plural msgids of the translation and all its fallbacks."""
    singular, plural = set(), set()
    source = translation
    while source is not None:
        for key in source._catalog.keys():  # noqa: SIM118 (TranslationCatalog has no __iter__)
            (plural.add(key[0]) if isinstance(key, tuple) else singular.add(key))
        source = getattr(source, "_fallback", None)
    return singular, plural


@pytest.mark.parametrize("language", ["tr", "en"])
def test_flattened_translation_answers_like_the_fallback_chain(language):
    original = trans_real.DjangoTranslation(language)  # as Django builds it: not flattened
    flattened = trans_real.DjangoTranslation(language)
    trans_real._translations[language] = flattened
    try:
        if language == "tr":
            # the reason for it: apps shipping tr_TR and tr leave a chain of fallbacks
            assert chain_length(original) > 5
        flatten_translation_fallbacks([language])
        assert chain_length(flattened) == 0
        assert not isinstance(flattened._fallback, gettext.GNUTranslations)

        singular, plural = every_message(original)
        assert len(singular) > 500
        singular |= {"Şikâyet kuyruğu", "no such message"}
        mismatched = [m for m in singular if flattened.gettext(m) != original.gettext(m)]
        assert mismatched == []
        mismatched = [
            (m, n)
            for m in plural
            for n in (0, 1, 2, 5)
            if flattened.ngettext(m, m + "~", n) != original.ngettext(m, m + "~", n)
        ]
        assert mismatched == []
    finally:
        trans_real._translations.pop(language, None)


def test_a_message_added_later_is_found():
    translation = trans_real.DjangoTranslation("en")
    trans_real._translations["en"] = translation
    try:
        flatten_translation_fallbacks(["en"])
        translation._catalog["Yeni ileti"] = "New message"
        assert translation.gettext("Yeni ileti") == "New message"
    finally:
        trans_real._translations.pop("en", None)
