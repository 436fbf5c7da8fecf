"""Navigation and small helpers for every page of the public site: main menu, language
switch, home link, breadcrumbs, translations, well-known pages (policy, contact, complaint
form), and the formatting the statistics page needs.

The site's name, the home page of the active language, the main menu and the well-known pages
are read together and cached until the site changes (`cms_pages.navigation`): one cache read
per page. The translations of the current page take one query shared by the language switch
and the hreflang links.
"""

from datetime import date, datetime

from django import template
from django.conf import settings
from django.template.defaultfilters import floatformat
from django.utils import translation
from django.utils.dateparse import parse_datetime
from wagtail.models import Page
from wagtail.templatetags import wagtailcore_tags

from workflow.states import Channel

from .. import layout
from ..navigation import pages_of_types, site_navigation

register = template.Library()


def _per_request(request, name: str, key, compute):
    """`compute()` once per request and key: the layout asks for the same pages several times
    (header, footer, breadcrumbs, language switch)."""
    cached = getattr(request, name, None) if request is not None else None
    if cached is None or cached[0] != key:
        cached = (key, compute())
        if request is not None:
            setattr(request, name, cached)
    return cached[1]


def _navigation(context) -> dict:
    language = translation.get_language() or settings.LANGUAGE_CODE
    return site_navigation(context.get("request"), language)


@register.simple_tag(takes_context=True)
def site_home(context) -> Page | None:
    return _navigation(context)["home"]


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[dict]:
    """[{title, url, children: [{title, url}], active, current}] for the pages marked "show in
    menus" (cached: `cms_pages.navigation`); which one is the current page is decided here."""
    current = context.get("page")
    current_path = getattr(current, "path", "") or ""

    def item(entry: dict) -> dict:
        return {
            "title": entry["title"],
            "url": entry["url"],
            "active": bool(current_path) and current_path.startswith(entry["path"]),
            "current": current_path == entry["path"],
        }

    return [
        {
            **item(entry),
            "children": [{**item(child), "children": []} for child in entry["children"]],
        }
        for entry in _navigation(context)["menu"]
    ]


@register.simple_tag(takes_context=True)
def nav_url(context, page) -> str:
    """`{% pageurl page %}` for the home page and the well-known pages, from the cached
    navigation (Wagtail's tag reads the site again); any other page as `pageurl` does."""
    url = _navigation(context)["urls"].get(getattr(page, "pk", None))
    if url is not None:
        return url
    return wagtailcore_tags.pageurl(context, page)


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


def _home_url(context) -> str:
    home = site_home(context)
    if home is not None:
        return nav_url(context, home)
    return "/en/" if translation.get_language() == "en" else "/"


@register.simple_tag(takes_context=True)
def site_header(context) -> str:
    """The header of every page (skip link, account links, language switch, brand, search,
    main menu), drawn with Jinja2 (`cms_pages.layout`)."""
    request = context.get("request")
    return layout.render(
        "layout/site_header.html",
        {
            "user": context.get("user"),
            "path": request.path if request is not None else "",
            "home_url": _home_url(context),
            "site_name": site_name(context),
            "languages": language_options(context),
            "menu": main_menu(context),
            "csrf_token": layout.csrf_token(context),
            "links": layout.links(),
        },
    )


@register.simple_tag(takes_context=True)
def site_footer(context) -> str:
    """The footer of every page (the well-known pages, the portal, the legal line), drawn with
    Jinja2 (`cms_pages.layout`)."""

    def link(model_label: str) -> dict | None:
        page = page_of_type(context, model_label)
        return None if page is None else {"title": page.title, "url": nav_url(context, page)}

    links = layout.links()
    complaint_form = link("cms_pages.ComplaintFormPage")
    return layout.render(
        "layout/site_footer.html",
        {
            "site_name": site_name(context),
            "home_url": _home_url(context),
            "policy": link("cms_pages.PolicyPage"),
            "contact": link("cms_pages.ContactPage"),
            "file_url": complaint_form["url"] if complaint_form else links["file"],
            "links": links,
            "year": layout.this_year(),
        },
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
    return _navigation(context)["site_name"]


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page) -> list[Page]:
    """The home page and the live ancestors between it and `page` (empty on the home page)."""
    home = site_home(context)
    if home is None or not isinstance(page, Page) or not page.path or page.depth <= home.depth:
        return []
    return list(page.get_ancestors().live().filter(depth__gte=home.depth).order_by("depth"))


@register.simple_tag(takes_context=True)
def page_of_type(context, model_label: str) -> Page | None:
    """The first live page (in tree order) of the type `app_label.ModelName` in the active
    language's site, e.g. `{% page_of_type "cms_pages.PolicyPage" as policy_page %}`. The
    well-known types (`navigation.WELL_KNOWN_PAGE_TYPES`) come from the cached navigation."""
    navigation = _navigation(context)
    if model_label in navigation["pages"]:
        return navigation["pages"][model_label]
    home = navigation["home"]
    if home is None:
        return None
    found = _per_request(context.get("request"), "_memnun_pages_of_type", home.pk, dict)
    if model_label not in found:
        found.update(pages_of_types(home, [model_label]))
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
