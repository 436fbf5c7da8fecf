"""The Jinja2 engine (config/jinja.py) shows values as the Django template engine does."""

from datetime import UTC, date, datetime

from django.template import engines
from django.utils import translation
from django.utils.functional import lazy
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy


def _render(source: str, **context) -> str:
    return engines["jinja2"].from_string(source).render(context)


def _django(source: str, **context) -> str:
    return engines["django"].from_string(source).render(context)


def test_a_lazy_safe_text_is_not_escaped_and_a_lazy_plain_one_is():
    safe = lazy(lambda: mark_safe("<ul><li>a</li></ul>"), SafeString)()  # noqa: S308
    plain = lazy(lambda: "<b>", str)()
    assert _render("{{ safe }}|{{ plain }}", safe=safe, plain=plain) == (
        "<ul><li>a</li></ul>|&lt;b&gt;"
    )


def test_lazy_translations_follow_the_active_language():
    label = gettext_lazy("Durum")
    with translation.override("en"):
        assert _render("{{ label }}", label=label) == "Status"
    with translation.override("tr"):
        assert _render("{{ _('Durum') }}", label=label) == "Durum"


def test_dates_are_shown_as_in_django_templates_in_local_time():
    at = datetime(2026, 12, 1, 11, 5, tzinfo=UTC)  # 14:05 in Istanbul
    for language in ("tr", "en"):
        with translation.override(language):
            for source, django_source in [
                ('{{ at|date("DATETIME_FORMAT") }}', '{{ at|date:"DATETIME_FORMAT" }}'),
                ('{{ at|date("c") }}', "{{ at|date:'c' }}"),
                ("{{ at|show }}", "{{ at }}"),
                ("{{ day|show }}", "{{ day }}"),
                ("{{ number|show }}", "{{ number }}"),
            ]:
                context = {"at": at, "day": date(2026, 12, 1), "number": 4}
                assert _render(source, **context) == _django(django_source, **context)
    with translation.override("en"):
        assert _render('{{ at|date("DATETIME_FORMAT") }}', at=at) == "1 December 2026 14:05"
    with translation.override("tr"):
        assert _render('{{ at|date("DATETIME_FORMAT") }}', at=at) == "1 Aralık 2026 14:05"
