"""The API's inputs are the actions' Django forms (allauth's headless inputs wrap its HTML forms
the same way). The form validates; this module only describes a form to drf-spectacular, so the
schema shows each action's body with the form's own limits."""

from django import forms
from rest_framework import serializers

_cache: dict[tuple[type[forms.Form], str], type[serializers.Serializer]] = {}


def _field(field: forms.Field) -> serializers.Field:
    common = {"required": field.required, "help_text": str(field.label or "")}
    if isinstance(field, forms.ModelChoiceField):
        to_field = field.to_field_name
        if to_field:
            return serializers.CharField(**common)
        return serializers.IntegerField(**common)
    if isinstance(field, forms.TypedChoiceField) and field.coerce is int:
        values = [value for value, _ in field.choices if value != ""]
        return serializers.IntegerField(min_value=min(values), max_value=max(values), **common)
    if isinstance(field, forms.ChoiceField):
        choices = [value for value, _ in field.choices if value != ""]
        return serializers.ChoiceField(choices=choices, **common)
    if isinstance(field, forms.DateTimeField):
        return serializers.DateTimeField(**common)
    if isinstance(field, forms.DateField):
        return serializers.DateField(**common)
    if isinstance(field, forms.EmailField):
        return serializers.EmailField(**common)
    if isinstance(field, forms.FileField):
        return serializers.FileField(**common)
    if isinstance(field, forms.BooleanField):
        return serializers.BooleanField(**common)
    return serializers.CharField(
        max_length=getattr(field, "max_length", None), allow_blank=not field.required, **common
    )


def serializer_for_form(form_class: type[forms.Form], name: str) -> type[serializers.Serializer]:
    """A DRF serializer class named `name` with the fields of `form_class` (documentation)."""
    key = (form_class, name)
    if key not in _cache:
        fields = {field_name: _field(field) for field_name, field in form_class.base_fields.items()}
        _cache[key] = type(name, (serializers.Serializer,), fields)
    return _cache[key]
