"""The public site's demo content: Turkish pages, their English translations, the site.

Called by `load_demo_data` (settings.MEMNUN_DEMO_CONTENT_LOADERS) once the demo users exist.
Idempotent: a Turkish page is looked up by its parent and slug, an English page as the
translation of the Turkish one; a page that exists is left exactly as it is (an editor may
have changed it), only missing pages are created and published. The texts are in
`demo_content.py`.
"""

import json
import re

from django.apps import apps
from django.db import transaction
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page, Site

from .demo_content import PAGES, SITE_NAME
from .groups import ensure_cms_groups
from .permissions import CONTENT_EDITORS_GROUP, POLICY_APPROVERS_GROUP

EDITOR = "editor@example.com"
MANAGER = "yonetici@example.com"
LANGUAGES = ["tr", "en"]
STREAM_FIELDS = {"body", "steps", "questions"}
PAGE_LINK = re.compile(r'href="page:(\w+)"')
PAGE_REFERENCE = "page:"


@transaction.atomic
def load_site_content(*, users) -> list[str]:
    """Create what is missing of the demo site in Turkish and English; say what was done."""
    lines = [_demo_users_in_cms_groups(users)]
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}
    editor, manager = users.get(EDITOR), users.get(MANAGER)

    home, home_created = _turkish_home(locales["tr"], editor)
    lines.append(_point_site_at(home))
    pages, created = {"home": home}, ["home"] if home_created else []
    for spec in PAGES[1:]:
        pages[spec["key"]], is_new = _turkish_page(spec, pages[spec["parent"]], editor)
        if is_new:
            created.append(spec["key"])
    _publish_new(created, pages, "tr", editor, manager)

    translations, translated = {}, []
    for spec in PAGES:
        translations[spec["key"]], is_new = _english_page(spec, pages[spec["key"]], locales)
        if is_new:
            translated.append(spec["key"])
    _publish_new(translated, translations, "en", editor, manager)

    if created or translated:
        lines.append(f"Site pages: {len(created)} created (tr), {len(translated)} created (en).")
    else:
        lines.append(f"Site pages: already present ({len(pages)} tr, {len(translations)} en).")
    return lines


def _demo_users_in_cms_groups(users) -> str:
    """The content editor edits the site; the complaints manager also approves the policy.

    Added to, not set: the demo users keep the staff groups they already have."""
    groups = ensure_cms_groups()
    placed = []
    for email, group_name in [(EDITOR, CONTENT_EDITORS_GROUP), (MANAGER, POLICY_APPROVERS_GROUP)]:
        if user := users.get(email):
            user.groups.add(groups[group_name])
            placed.append(f"{email} → {group_name}")
    return f"CMS groups: {'; '.join(placed) or 'no demo users'}."


def _model(spec):
    return apps.get_model(spec["model"])


def _new_page(spec, language: str, locale: Locale, owner):
    """A draft with the fields every save needs; content comes when it is published."""
    text = spec[language]
    scalars = {name: value for name, value in text.items() if name not in STREAM_FIELDS}
    scalars.pop("privacy_notice", None)
    return _model(spec)(
        **scalars, locale=locale, live=False, show_in_menus=spec["show_in_menus"], owner=owner
    )


def _turkish_home(locale: Locale, editor):
    """The site's current root if it is already ours, else a home page created under the root."""
    spec = PAGES[0]
    model = _model(spec)
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, model):
        return site.root_page.specific, False
    root = Page.get_first_root_node()
    existing = model.objects.child_of(root).filter(locale=locale, slug=spec["tr"]["slug"]).first()
    if existing:
        return existing, False
    home = _new_page(spec, "tr", locale, editor)
    home.slug = find_available_slug(root, home.slug)
    root.add_child(instance=home)
    return home, True


def _point_site_at(home) -> str:
    """The default site serves the Turkish home; Wagtail's welcome page goes if it is unused."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=SITE_NAME
        )
        return f"Site: localhost:80 created for {SITE_NAME}."
    if site.root_page_id == home.pk:
        return f"Site: {site.hostname}:{site.port} already serves the home page."
    previous = site.root_page
    site.root_page, site.site_name = home, SITE_NAME
    site.save()
    line = f"Site: {site.hostname}:{site.port} now serves {SITE_NAME}'s home page"
    if type(previous.specific) is Page and not previous.get_children().exists():
        previous.delete()
        line += "; Wagtail's welcome page deleted"
    return line + "."


def _turkish_page(spec, parent, editor):
    model = _model(spec)
    children = model.objects.child_of(parent).filter(locale=parent.locale)
    page = children.filter(slug=spec["tr"]["slug"]).first()
    if page is not None:
        return page, False
    page = _new_page(spec, "tr", parent.locale, editor)
    page.slug = find_available_slug(parent, page.slug)
    parent.add_child(instance=page)
    return page, True


def _english_page(spec, source, locales):
    page = source.get_translation_or_none(locales["en"])
    if page is not None:
        return page, False
    # Tree order: the parent's translation exists already, so no alias parent is made.
    page = source.copy_for_translation(locales["en"])
    parent = page.get_parent()
    page.title = page.draft_title = spec["en"]["title"]
    page.slug = find_available_slug(parent, spec["en"]["slug"])
    page.set_url_path(parent)
    # An UPDATE, not save(): the copy's slug was provisional, no redirect from it is wanted.
    Page.objects.filter(pk=page.pk).update(
        title=page.title, draft_title=page.title, slug=page.slug, url_path=page.url_path
    )
    return page, True


def _publish_new(keys, pages, language: str, editor, manager) -> None:
    """Publish each new page's text, with page links resolved now that every page exists.

    The policy is published by an approver; each earlier text becomes an older version (R1).
    Publishing from code skips the approval workflow, which is what seeding wants."""
    by_key = {spec["key"]: spec for spec in PAGES}
    for key in keys:
        spec, page = by_key[key], pages[key]
        user = manager if spec["model"] == "cms_pages.PolicyPage" else editor
        texts = [*spec.get("earlier_versions", {}).get(language, []), spec[language]]
        for text in texts:
            # The revision is published from this very object: its tree fields (numchild
            # went up when children were added or copied under it) must be the database's.
            page.refresh_from_db()
            _set_fields(page, text, pages)
            page.save_revision(user=user).publish(user=user, skip_permission_checks=True)


def _set_fields(page, text: dict, pages) -> None:
    for name, value in text.items():
        if name == "slug":
            continue  # set when the page was created; publishing does not move pages
        value = _resolve_links(value, pages)
        if name in STREAM_FIELDS:
            value = json.dumps(value)
        setattr(page, name, value)


def _resolve_links(value, pages):
    """`page:<key>` → the page's id (buttons); `href="page:<key>"` → a Wagtail page link."""
    if isinstance(value, dict):
        return {name: _resolve_links(item, pages) for name, item in value.items()}
    if isinstance(value, list):
        return [_resolve_links(item, pages) for item in value]
    if isinstance(value, str) and value.startswith(PAGE_REFERENCE):
        return pages[value.removeprefix(PAGE_REFERENCE)].pk
    if isinstance(value, str):
        return PAGE_LINK.sub(lambda match: f'linktype="page" id="{pages[match[1]].pk}"', value)
    return value
