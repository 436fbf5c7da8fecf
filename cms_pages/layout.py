"""The site's header and footer (`base.html`: `{% site_header %}`, `{% site_footer %}`), drawn
with Jinja2 (`templates/jinja2/layout/`, config/jinja.py).

Every page of the public site, the portal and the account pages draws them. With the Django
template engine they cost about 0.6 ms of every page (some 120 nodes: nine `{% url %}`, three
`{% csrf_token %}`, the menu twice, the language switch); the Jinja2 versions draw the same HTML
in half of that. What they show comes from the same tags as before (`site_tags`: the cached
navigation, the language options, the well-known pages); the links' addresses are reversed
once per language and URL configuration.
"""

from datetime import datetime

from django.conf import settings
from django.template import engines
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

# the named addresses the header and footer link to
LINKS = {
    "complaints": "portal:complaints",
    "profile": "portal:profile",
    "file": "portal:file",
    "account": "account_email",
    "logout": "account_logout",
    "login": "account_login",
    "signup": "account_signup",
    "switch_language": "switch_language",
    "search": "search",
}


_links: dict[tuple, dict[str, str]] = {}


def links() -> dict[str, str]:
    """LINKS reversed, once per language, script prefix and URL configuration."""
    key = (
        translation.get_language(),
        get_script_prefix(),
        get_urlconf() or settings.ROOT_URLCONF,
    )
    found = _links.get(key)
    if found is None:
        found = _links[key] = {name: reverse(url_name) for name, url_name in LINKS.items()}
    return found


def render(template_name: str, context: dict) -> str:
    """A Jinja2 template of `templates/jinja2/`, as safe HTML for a Django template."""
    template = engines["jinja2"].get_template(template_name)
    return mark_safe(template.render(context))  # noqa: S308 (autoescaped by Jinja2)


def csrf_token(context) -> str:
    """The value `{% csrf_token %}` would write ('' where there is none)."""
    token = context.get("csrf_token")
    if not token or token == "NOTPROVIDED":
        return ""
    return str(token)


def this_year() -> int:
    now = datetime.now(tz=timezone.get_current_timezone() if settings.USE_TZ else None)
    return now.year
