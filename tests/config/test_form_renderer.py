"""The form renderer (config/form_renderer.py) draws Django's own form templates with Jinja2:
every form of ours (each action's, the portal's, the console's filters), blank and with
errors, must come out as Django's template renderer draws it (the same markup; only the
blank lines between a select's options and the spelling of an escaped apostrophe differ).
A template Jinja2 does not have (Wagtail's widgets) is still drawn by the Django engine."""

import re

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.template.backends.django import Template as DjangoTemplate
from django.utils import translation

import portal.forms
import workflow.actions.intake  # noqa: F401  (registers the intake forms as ActionForm subclasses)
from config.form_renderer import FormRenderer
from staff.queue_filters import ComplaintQueueFilterSet
from tests.factories import AlternativeRouteFactory, CategoryFactory
from workflow.actions.forms import ActionForm

pytestmark = pytest.mark.django_db


def _subclasses(cls) -> list[type]:
    found = []
    for subclass in cls.__subclasses__():
        found += [subclass, *_subclasses(subclass)]
    return found


def _drawn(form: forms.Form, renderer) -> str:
    """The form as a page draws it: the whole form, and each field's parts one by one."""
    form.renderer = renderer
    parts = [str(form), str(form.non_field_errors())]
    for field in form:
        parts += [str(field), str(field.label_tag()), str(field.errors), str(field.help_text)]
        if field.use_fieldset:
            parts.append(str(field.legend_tag()))
    drawn = re.sub(r">\s+<", "><", re.sub(r"\s+", " ", "\n".join(parts)))
    return drawn.replace("&#x27;", "&#39;")  # Django's escape, and MarkupSafe's


FORM_CLASSES = sorted(
    {*(_subclasses(ActionForm)), portal.forms.ProfileForm},
    key=lambda cls: f"{cls.__module__}.{cls.__qualname__}",
)


@pytest.fixture
def choices():
    """Options for the selects: categories and routes (units and staff come from the DB)."""
    CategoryFactory(name_tr="Fatura", name_en="Billing")
    AlternativeRouteFactory(name_tr="Tüketici hakem heyeti <özel>")


@pytest.mark.usefixtures("choices")
@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize("form_class", FORM_CLASSES, ids=lambda cls: cls.__name__)
def test_every_form_is_drawn_as_django_s_template_renderer_draws_it(form_class, language):
    with translation.override(language):
        for data in (None, {}):  # blank, and sent empty (required fields' errors)
            jinja = _drawn(form_class(data), FormRenderer())
            django = _drawn(form_class(data), DjangoTemplates())
            assert jinja == django
            assert "<" in jinja or not form_class.base_fields  # something was drawn


def test_the_console_queue_filters_are_drawn_alike():
    CategoryFactory(name_tr="Fatura", name_en="Billing")
    filters = ComplaintQueueFilterSet({"status": "received"})
    assert _drawn(filters.form, FormRenderer()) == _drawn(filters.form, DjangoTemplates())


def test_a_template_jinja2_does_not_have_is_drawn_by_the_django_engine():
    renderer = FormRenderer()
    django_only = renderer.get_template("wagtailadmin/shared/icon.html")
    jinja = renderer.get_template("django/forms/widgets/input.html")

    assert isinstance(django_only, DjangoTemplate)
    assert not isinstance(jinja, DjangoTemplate)
    assert renderer.get_template("wagtailadmin/shared/icon.html") is django_only  # kept


def test_the_site_uses_it():
    assert isinstance(get_default_renderer(), FormRenderer)
