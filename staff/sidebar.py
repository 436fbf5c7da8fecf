"""The Wagtail admin's sidebar, built once per person and kept in the web process for a minute.

Every console page carries the sidebar's menu as JSON (`{% sidebar_props %}` in Wagtail's
`wagtailadmin/base.html`). Building it asks every menu item and search area whether this
person may see it (page and collection permissions: two queries) and packs the result with
telepath: about 9 ms of each console page, more than a bare Django view takes in all
(benchmarks/README.md, round six). The menu changes only when the person or what they may do
changes, so the JSON is kept, per process, under a key made of everything the request already
knows that the menu depends on:

- the person (id, user name, first name, e-mail for the Gravatar, superuser, active), their
  model permissions (which the admin's own access check has read already), and their Wagtail
  profile's avatar and dismissed items ("What's new" and the like);
- the language of the page.

A change to any of these is seen on the next page. What the key cannot see (a group's page or
collection permissions edited, a page moved so that the explorer's start page moves) is seen
within `TTL` seconds: the menu is navigation only, and every view checks permissions itself.
`MEMNUN_SIDEBAR_CACHE=0` builds the sidebar on every page, as Wagtail does.
"""

import os
import threading
import time
from collections import OrderedDict

from django.utils import translation
from wagtail.admin.templatetags import wagtailadmin_tags

TTL = 60.0  # seconds
MAX_ENTRIES = 2000  # people × languages kept per process; the least recently used go first

_wagtail_sidebar_props = wagtailadmin_tags.sidebar_props
_kept: OrderedDict[tuple, tuple[float, str]] = OrderedDict()
_lock = threading.Lock()  # gunicorn's threads share the process


def enabled() -> bool:
    return os.environ.get("MEMNUN_SIDEBAR_CACHE", "1").lower() not in ("0", "false", "no")


def key_for(request) -> tuple:
    """Everything the request knows that the sidebar shows or depends on."""
    user = request.user
    profile = getattr(user, "wagtail_userprofile", None)
    return (
        user.pk,
        user.get_username(),
        user.first_name,
        getattr(user, "email", ""),
        user.is_superuser,
        user.is_active,
        frozenset(user.get_all_permissions()),
        str(profile.avatar) if profile is not None else "",
        repr(sorted(profile.dismissibles.items())) if profile is not None else "",
        translation.get_language(),
    )


def sidebar_props(context) -> str:
    """Wagtail's `{% sidebar_props %}`, kept per `key_for(request)` for `TTL` seconds."""
    request = context["request"]
    if not enabled() or not getattr(request.user, "is_authenticated", False):
        return _wagtail_sidebar_props(context)
    key = key_for(request)
    now = time.monotonic()
    with _lock:
        kept = _kept.get(key)
        if kept is not None and kept[0] > now:
            _kept.move_to_end(key)
            return kept[1]
    props = _wagtail_sidebar_props(context)
    with _lock:
        _kept[key] = (now + TTL, props)
        _kept.move_to_end(key)
        while len(_kept) > MAX_ENTRIES:
            _kept.popitem(last=False)
    return props


def forget() -> None:
    """Drop every kept sidebar (tests)."""
    with _lock:
        _kept.clear()


def install() -> None:
    """Serve `{% sidebar_props %}` from here (StaffConfig.ready(), before any template is
    compiled)."""
    wagtailadmin_tags.register.simple_tag(sidebar_props, takes_context=True, name="sidebar_props")
