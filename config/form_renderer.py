"""How forms are drawn: Django's own field, label, error and widget templates in their Jinja2
versions (which Django ships beside the Django-template ones and keeps equal), any other
template (Wagtail's widgets, an app's own) with the Django template engine as before.

A widget drawn with the Django template engine cost 0.1–0.3 ms (a select 0.25 ms plus about as
much per option, through `select_option.html` and `attrs.html`); the Jinja2 version of the
same template is compiled to Python once and costs a fifth of that. A complaint page draws
20–40 of them, a console queue's filters some 60 options.
"""

from pathlib import Path

import django.forms
from django.forms.renderers import BaseRenderer, DjangoTemplates
from django.template import TemplateDoesNotExist
from django.template.backends.jinja2 import Jinja2
from django.utils.functional import cached_property

DJANGO_JINJA2_FORMS = Path(django.forms.__file__).parent / "jinja2"
# `multiple_input.html` (radio buttons, checkboxes) and `select.html` in versions that draw
# Django's own option templates as macros in the same pass: each option was three includes
# (option, input, attrs), a new Jinja2 context each, about 15 µs. The same HTML (the test of
# every form compares them with Django's template renderer).
WIDGET_OVERRIDES = Path(__file__).resolve().parent.parent / "templates" / "form_widgets"


class FormRenderer(BaseRenderer):
    def __init__(self):
        self._templates = {}

    @cached_property
    def jinja2(self):
        # only Django's own form templates (no app's jinja2/ directory is searched), two of them
        # in our versions first (WIDGET_OVERRIDES)
        settings = {
            "APP_DIRS": False,
            "DIRS": [WIDGET_OVERRIDES, DJANGO_JINJA2_FORMS],
            "OPTIONS": {},
        }
        return Jinja2({**settings, "NAME": "forms-jinja2"})

    @cached_property
    def django(self):
        # Django's default renderer's engine: the apps' templates and django/forms/templates
        return DjangoTemplates().engine

    def get_template(self, template_name):
        template = self._templates.get(template_name)
        if template is None:
            try:
                template = self.jinja2.get_template(template_name)
            except TemplateDoesNotExist:
                template = self.django.get_template(template_name)
            self._templates[template_name] = template
        return template
