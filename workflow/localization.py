"""Turkish-or-English choice for the domain's bilingual fields (`name_tr` / `name_en`, ...)."""

from collections.abc import Mapping

from django.utils.translation import get_language


def is_english(language: str | None = None) -> bool:
    """Turkish is the default: anything that is not English reads the Turkish field."""
    return (language or get_language() or "tr").startswith("en")


def localized(source, field: str, language: str | None = None) -> str:
    """`<field>_en` or `<field>_tr` of a model instance, or of a dict such as `event.data`."""
    key = f"{field}_{'en' if is_english(language) else 'tr'}"
    if isinstance(source, Mapping):
        return source.get(key, "")
    return getattr(source, key)


def route_text(route, language: str | None = None) -> dict:
    """An alternative route (R14) as the customer reads it, in their language."""
    return {
        "kind": route.kind,
        "name": localized(route, "name", language),
        "description": localized(route, "description", language),
        "url": route.url,
        "deadline": localized(route, "deadline", language),
    }


def channel_text(channel, language: str | None = None) -> dict:
    """A contact channel (R2) as the public reads it, in their language."""
    return {
        "kind": channel.kind,
        "name": localized(channel, "name", language),
        "value": channel.value,
        "url": channel.url,
        "hours": localized(channel, "hours", language),
        "note": localized(channel, "note", language),
    }
