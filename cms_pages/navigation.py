"""The public site's header and footer, read once and kept in the cache.

Every page of the site, the portal's included, shows the site's name, the home page of the
active language, the main menu and links to the well-known pages (policy, contact, complaint
form...). Read from the database, that was six or seven queries and a few milliseconds per
page; here it is one cache read. The cached value is per host and port (which Wagtail `Site`
answers), per language and per **version**: the version is a token in the cache that every
change which could alter the menu replaces (`connect_signals`: a page saved, published,
unpublished, moved or deleted, a view restriction, a site or a locale changed), so the next
page built after such a change reads the database again. The change shows at once: the token is
replaced when the change is saved and again after its transaction commits (a page built in
between could otherwise keep the old menu under the new token). Each web process also keeps what
it read for `LOCAL_SECONDS` (5 s) without asking the shared cache again (that read was a
database query and the unpickling of the pages on every page): a change made through this
process drops the copy at once, one made through another process shows here within 5 seconds.

Only what does not depend on who is reading is kept: the menu lists public pages
(`Page.public()`), the same for everyone. Which entry is the current page is worked out on
every request (`cms_pages.templatetags.site_tags.main_menu`).
"""

import hashlib
import threading
import time
import uuid

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "memnun:site-navigation:version"
TIMEOUT = 24 * 60 * 60  # a day; a change replaces the version long before
# How long a process keeps what it read from the shared cache before asking it again. A change
# made in this process shows at once (`invalidate` drops the copy); one made in another process
# shows here within this many seconds.
LOCAL_SECONDS = 5.0
_local: dict[str, tuple[float, dict]] = {}  # data key -> (until, navigation)
_local_lock = threading.Lock()

# Page types the site links to from everywhere (header, footer, home page). They are read
# together in one query when the navigation is built.
WELL_KNOWN_PAGE_TYPES = (
    "cms_pages.ComplaintFormPage",
    "cms_pages.PolicyPage",
    "cms_pages.ContactPage",
    "cms_pages.ProcessPage",
    "cms_pages.FAQPage",
    "cms_pages.StatisticsPage",
)


def home_for_language(request, language: str) -> Page | None:
    """The root page of the request's site, or its translation into `language` if live."""
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
        .select_related("locale")
        .first()
        or root
    )


def menu_entries(request, home: Page) -> list[dict]:
    """[{title, url, path, children}] of the live public pages marked "show in menus", two
    levels below `home`, in tree order."""
    pages = (
        Page.objects.live()
        .public()
        .in_menu()
        .filter(path__startswith=home.path, depth__in=[home.depth + 1, home.depth + 2])
        .order_by("path")
    )
    items: list[dict] = []
    by_path: dict[str, dict] = {}
    for page in pages:
        entry = {"title": page.title, "url": page.get_url(request), "path": page.path}
        if page.depth == home.depth + 1:
            entry["children"] = []
            items.append(entry)
            by_path[page.path] = entry
        else:
            parent = by_path.get(page.path[: -Page.steplen])
            if parent is not None:
                parent["children"].append(entry)
    return items


def pages_of_types(home: Page, labels) -> dict[str, Page | None]:
    """The first live public page (in tree order) of each type below `home`, in one query."""
    content_types = ContentType.objects.get_for_models(*(apps.get_model(label) for label in labels))
    label_of = {
        ct.pk: f"{model._meta.app_label}.{model.__name__}" for model, ct in content_types.items()
    }
    found: dict[str, Page | None] = dict.fromkeys(labels)
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
    return found


def build(request, language: str) -> dict:
    """What the layout shows on every page, read from the database."""
    site = Site.find_for_request(request) if request is not None else None
    home = home_for_language(request, language)
    navigation = {
        "site_name": site.site_name if site is not None else "",
        "home": home,
        "menu": [],
        "pages": dict.fromkeys(WELL_KNOWN_PAGE_TYPES),
        "urls": {},
    }
    if home is not None:
        navigation["menu"] = menu_entries(request, home)
        navigation["pages"] = pages_of_types(home, WELL_KNOWN_PAGE_TYPES)
        for page in [home, *navigation["pages"].values()]:
            if page is not None:
                navigation["urls"][page.pk] = page.get_url(request)
    return navigation


def _data_key(request, language: str) -> str:
    where = f"{request.get_host()}|{request.get_port()}|{language}"
    return "memnun:site-navigation:" + hashlib.sha256(where.encode()).hexdigest()[:32]


def site_navigation(request, language: str) -> dict:
    """The navigation for this request's site and `language`: from the request if it was read
    already, else from the cache if its version is current, else built and cached."""
    if request is None:
        return build(None, language)
    remembered = getattr(request, "_memnun_navigation", None)
    if remembered is not None and remembered[0] == language:
        return remembered[1]
    try:
        key = _data_key(request, language)
    except DisallowedHost:  # an error page for a host Django refused: nothing to share
        return build(request, language)
    now = time.monotonic()
    kept = _local.get(key)
    if kept is not None and kept[0] > now:
        request._memnun_navigation = (language, kept[1])
        return kept[1]
    found = cache.get_many([VERSION_KEY, key])  # one round trip
    version = found.get(VERSION_KEY)
    cached = found.get(key)
    if version is not None and cached is not None and cached[0] == version:
        navigation = cached[1]
    else:
        if version is None:
            version = uuid.uuid4().hex
            cache.set(VERSION_KEY, version, None)
        navigation = build(request, language)
        cache.set(key, (version, navigation), TIMEOUT)
    with _local_lock:
        _local[key] = (now + LOCAL_SECONDS, navigation)
    request._memnun_navigation = (language, navigation)
    return navigation


def forget_local() -> None:
    """Drop this process's copies: the next page asks the shared cache."""
    with _local_lock:
        _local.clear()


def invalidate(**kwargs) -> None:
    """A change could alter the menu: every cached navigation is out of date."""
    forget_local()
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)

    def after_commit():
        forget_local()
        cache.set(VERSION_KEY, uuid.uuid4().hex, None)

    transaction.on_commit(after_commit)


def _page_changed(sender, instance=None, **kwargs) -> None:
    if isinstance(instance, Page):
        invalidate()


def connect_signals() -> None:
    uid = "memnun-site-navigation"
    page_published.connect(invalidate, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(invalidate, dispatch_uid=f"{uid}-unpublished")
    post_page_move.connect(invalidate, dispatch_uid=f"{uid}-moved")
    # any Page subclass: saved (a title, slug or "show in menus" change), deleted
    post_save.connect(_page_changed, dispatch_uid=f"{uid}-page-saved")
    post_delete.connect(_page_changed, dispatch_uid=f"{uid}-page-deleted")
    for model in (Site, Locale, PageViewRestriction):
        post_save.connect(invalidate, sender=model, dispatch_uid=f"{uid}-{model.__name__}-saved")
        post_delete.connect(
            invalidate, sender=model, dispatch_uid=f"{uid}-{model.__name__}-deleted"
        )
