"""Navigation and small helpers for every page of the public site: main menu, language
switch, home link, breadcrumbs, translations, well-known pages (policy, contact, complaint
form), and the formatting the statistics page needs.

The menu is read in two queries whatever the size of the tree: the home page of the active
language, then its menu pages two levels deep. The well-known pages are read in one query per
request, the translations of the current page in one query shared by the language switch and
the hreflang links.
"""

from datetime import date, datetime

from django import template
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.template.defaultfilters import floatformat
from django.utils import translation
from django.utils.dateparse import parse_datetime
from wagtail.models import Page, Site

from workflow.states import Channel

register = template.Library()


def _home_for_language(request, language: str) -> Page | None:
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None:
        return None
    root = site.root_page
    if root.locale.language_code == language:
        return root
    return (
        Page.objects.filter(translation_key=root.translation_key, locale__language_code=language)
        .live()
        .first()
        or root
    )


def _per_request(request, name: str, key, compute):
    """`compute()` once per request and key: the layout asks for the same pages several times
    (header, footer, breadcrumbs, language switch)."""
    cached = getattr(request, name, None) if request is not None else None
    if cached is None or cached[0] != key:
        cached = (key, compute())
        if request is not None:
            setattr(request, name, cached)
    return cached[1]


@register.simple_tag(takes_context=True)
def site_home(context) -> Page | None:
    request = context.get("request")
    language = translation.get_language() or settings.LANGUAGE_CODE
    return _per_request(
        request, "_memnun_home", language, lambda: _home_for_language(request, language)
    )


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[dict]:
    """[{page, url, children: [{page, url}], active}] for the pages marked "show in menus"."""
    home = site_home(context)
    if home is None:
        return []
    pages = list(
        Page.objects.live()
        .public()
        .in_menu()
        .filter(path__startswith=home.path, depth__in=[home.depth + 1, home.depth + 2])
        .order_by("path")
    )
    request = context.get("request")
    current = context.get("page")
    current_path = getattr(current, "path", "")
    items: list[dict] = []
    by_path: dict[str, dict] = {}
    for page in pages:
        entry = {
            "title": page.title,
            "url": page.get_url(request),
            "active": bool(current_path) and current_path.startswith(page.path),
            "current": current_path == page.path,
            "children": [],
        }
        if page.depth == home.depth + 1:
            items.append(entry)
            by_path[page.path] = entry
        else:
            parent = by_path.get(page.path[: -Page.steplen])
            if parent is not None:
                parent["children"].append(entry)
    return items


@register.simple_tag(takes_context=True)
def language_options(context) -> list[dict]:
    """Where each language's button leads: the translation of the current page (or that
    language's home page), and the same path elsewhere (portal, accounts)."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language() or settings.LANGUAGE_CODE
    translations = {
        other.locale.language_code: other.get_url(request)
        for other in _live_translations(request, page)
    }
    options = []
    for code, name in settings.LANGUAGES:
        if isinstance(page, Page):
            target = translations.get(code) or (
                "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
            )
        else:
            target = request.get_full_path() if request is not None else "/"
        with translation.override(code):
            label = str(name)
        options.append({"code": code, "name": label, "next": target, "current": code == current})
    return options


def _live_translations(request, page) -> list[Page]:
    """The live versions of `page` in every language (itself included), read once a request."""
    if not isinstance(page, Page) or not page.pk:
        return []
    return _per_request(
        request,
        "_memnun_translations",
        page.pk,
        lambda: list(page.get_translations(inclusive=True).live().select_related("locale")),
    )


@register.simple_tag(takes_context=True)
def page_alternates(context, page) -> list[dict]:
    """[{language, url}] with absolute URLs for `<link rel="alternate" hreflang>`; the default
    language's page is also the `x-default`."""
    request = context.get("request")
    alternates = [
        {"language": other.locale.language_code, "url": other.get_full_url(request)}
        for other in _live_translations(request, page)
    ]
    for alternate in alternates:
        if alternate["language"] == settings.LANGUAGE_CODE:
            alternates.append({"language": "x-default", "url": alternate["url"]})
            break
    return alternates


@register.simple_tag(takes_context=True)
def site_name(context) -> str:
    """The Wagtail Site's name (Settings → Sites), or an empty string."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    return site.site_name if site is not None else ""


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page) -> list[Page]:
    """The home page and the live ancestors between it and `page` (empty on the home page)."""
    home = site_home(context)
    if home is None or not isinstance(page, Page) or not page.path or page.depth <= home.depth:
        return []
    return list(page.get_ancestors().live().filter(depth__gte=home.depth).order_by("depth"))


# Page types the site links to from everywhere (header, footer, home page). They are read
# together in one query the first time any of them is asked for.
WELL_KNOWN_PAGE_TYPES = (
    "cms_pages.ComplaintFormPage",
    "cms_pages.PolicyPage",
    "cms_pages.ContactPage",
    "cms_pages.ProcessPage",
    "cms_pages.FAQPage",
    "cms_pages.StatisticsPage",
)


@register.simple_tag(takes_context=True)
def page_of_type(context, model_label: str) -> Page | None:
    """The first live page (in tree order) of the type `app_label.ModelName` in the active
    language's site, e.g. `{% page_of_type "cms_pages.PolicyPage" as policy_page %}`."""
    home = site_home(context)
    if home is None:
        return None
    found = _per_request(context.get("request"), "_memnun_pages_of_type", home.pk, dict)
    if model_label not in found:
        labels = (
            [label for label in WELL_KNOWN_PAGE_TYPES if label not in found]
            if model_label in WELL_KNOWN_PAGE_TYPES
            else [model_label]
        )
        content_types = ContentType.objects.get_for_models(
            *(apps.get_model(label) for label in labels)
        )
        label_of = {
            ct.pk: f"{model._meta.app_label}.{model.__name__}"
            for model, ct in content_types.items()
        }
        for label in labels:
            found[label] = None
        pages = (
            Page.objects.live()
            .public()
            .descendant_of(home)
            .filter(content_type__in=list(label_of))
            .order_by("path")
        )
        for page in pages:
            label = label_of[page.content_type_id]
            if found[label] is None:
                found[label] = page
    return found[model_label]


@register.filter
def link_href(value) -> str:
    """An editor's link target if it is a site path, an http(s), mailto or tel address;
    otherwise an empty string (no `javascript:` links from content)."""
    value = str(value or "").strip()
    if value.startswith(("/", "#", "?")) and not value.startswith("//"):
        return value
    if value.lower().startswith(("https://", "http://", "mailto:", "tel:")):
        return value
    return ""


@register.filter
def channel_label(kind: str) -> str:
    """The translated name of an intake channel (`email` → "E-posta")."""
    try:
        return Channel(kind).label
    except ValueError:
        return kind


@register.filter
def month_start(value: str) -> date | None:
    """ "2026-11" → date(2026, 11, 1), for the `date` filter ("F Y" → "Kasım 2026")."""
    try:
        year, month = (int(part) for part in str(value).split("-", 1))
        return date(year, month, 1)
    except ValueError:
        return None


@register.filter
def iso_datetime(value) -> datetime | None:
    """An ISO 8601 string (as in the statistics' `generated_at`) → a datetime."""
    if isinstance(value, datetime):
        return value
    try:
        return parse_datetime(str(value))
    except ValueError:
        return None


@register.simple_tag
def bar_chart(rows: list[dict], key: str) -> list[dict]:
    """[{row, value, suppressed, percent}] for a CSS bar chart of `row[key]`; each bar's
    length is a percentage of the largest value (a withheld value draws no bar)."""
    values = [row.get(key) or 0 for row in rows]
    largest = max(values, default=0)
    return [
        {
            "row": row,
            "value": row.get(key),
            "suppressed": bool(row.get(f"{key}_suppressed")),
            "percent": round(100 * value / largest) if largest else 0,
        }
        for row, value in zip(rows, values, strict=True)
    ]


@register.filter
def as_percent(share) -> str:
    """A share 0..1 as a percentage in the active language's style: "%85,5" in Turkish,
    "85.5%" in English; an empty string for None."""
    if share is None:
        return ""
    value = floatformat(share * 100, -1)
    return f"%{value}" if translation.get_language() == "tr" else f"{value}%"
