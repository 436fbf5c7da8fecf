"""The public site's demo content: Turkish pages, their English translations, the site.

Called by `load_demo_data` (settings.MEMNUN_DEMO_CONTENT_LOADERS) once the demo users exist.
Idempotent: a Turkish page is looked up by its parent and slug, an English page as the
translation of the Turkish one; a page that exists is left exactly as it is (an editor may
have changed it), only missing pages are created and published. English pages are made by
wagtail-localize from the Turkish ones (the English demo strings as its translations), so
editors can sync them after a Turkish edit. The texts are in `demo_content.py`.
"""

import json
import re

from django.apps import apps
from django.db import transaction
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

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
    editor = users.get(EDITOR)
    by_key = {spec["key"]: spec for spec in PAGES}

    home, home_created = _turkish_home(locales["tr"], editor)
    lines.append(_point_site_at(home))
    pages, created = {"home": home}, ["home"] if home_created else []
    for spec in PAGES[1:]:
        pages[spec["key"]], is_new = _turkish_page(spec, pages[spec["parent"]], editor)
        if is_new:
            created.append(spec["key"])
    for key in created:  # the first version; links resolve now that every page exists
        _publish(pages[key], _texts(by_key[key], "tr")[0], pages, _publisher(key, users))

    translations, translated = {}, []
    for spec in PAGES:
        key = spec["key"]
        translations[key] = pages[key].get_translation_or_none(locales["en"])
        if translations[key] is None:
            version = 0 if key in created else -1  # an older site: today's text
            translations[key] = _translate(
                spec, pages, locales["en"], _publisher(key, users), version
            )
            translated.append(key)

    # R1: each later version is approved in Turkish and its translation synced, so both
    # languages show the same version number over the same text.
    for key in created:
        for version, text in enumerate(_texts(by_key[key], "tr")[1:], start=1):
            _publish(pages[key], text, pages, _publisher(key, users))
            if key in translated:
                _translate(by_key[key], pages, locales["en"], _publisher(key, users), version)

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


def _texts(spec, language: str) -> list[dict]:
    """Every published text of a page, oldest first: earlier versions (R1), then today's."""
    return [*spec.get("earlier_versions", {}).get(language, []), spec[language]]


def _publisher(key: str, users):
    """The policy is published by an approver, everything else by the content editor.

    Publishing from code skips the approval workflow, which is what seeding wants."""
    by_key = {spec["key"]: spec for spec in PAGES}
    return users.get(MANAGER if by_key[key]["model"] == "cms_pages.PolicyPage" else EDITOR)


def _publish(page, text: dict, pages, user) -> None:
    # The revision is published from this very object: its tree fields (numchild went up
    # when children were added or copied under it) must be the database's.
    page.refresh_from_db()
    _set_fields(page, text, pages)
    page.save_revision(user=user).publish(user=user, skip_permission_checks=True)


def _translate(spec, pages, locale: Locale, user, version: int):
    """The English page as a wagtail-localize translation of the Turkish one, so editors get
    *Translate* / *Sync translated pages* on it: the English demo strings go into translation
    memory against the Turkish page's segments, then the translation is created or updated
    and published. Strings an editor changed since (no demo English for them) fall back to
    the Turkish text until translated, as wagtail-localize's own sync does."""
    source_page = pages[spec["key"]].specific
    source, is_new = TranslationSource.get_or_create_from_instance(source_page)
    if not is_new:
        source.update_from_db()
    english = _english_strings(spec, version, pages)
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in english:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": english[segment.string.data]},
            )
    Translation.objects.get_or_create(source=source, target_locale=locale)
    # a draft, published here rather than on commit (wagtail-localize's publish=True)
    page, _ = source.create_or_update_translation(locale, user=user, publish=False, fallback=True)
    page.get_latest_revision().publish(user=user, skip_permission_checks=True)
    page.refresh_from_db()
    return page


def _english_strings(spec, version: int, pages) -> dict[str, str]:
    """Turkish string → English string for one version of a page: both demo texts are cut
    into wagtail-localize segments and matched field by field, in order."""
    segments = {}
    for language in LANGUAGES:
        text = {**spec[language], **_texts(spec, language)[version]}
        instance = _model(spec)(slug=text["slug"])
        _set_fields(instance, text, pages)
        for name in STREAM_FIELDS & text.keys():  # segments are addressed by block ids
            instance._meta.get_field(name).get_prep_value(getattr(instance, name))
        by_field: dict[str, list[str]] = {}
        for segment in extract_segments(instance):
            if isinstance(segment, StringSegmentValue):
                by_field.setdefault(segment.path.split(".")[0], []).append(segment.string.data)
        segments[language] = by_field
    matched = {}
    for field, turkish in segments["tr"].items():
        english = segments["en"].get(field, [])
        if len(english) != len(turkish):
            raise ValueError(
                f"Demo content {spec['key']}.{field}: {len(turkish)} Turkish strings but "
                f"{len(english)} English ones; the two texts must have the same structure."
            )
        matched.update(zip(turkish, english, strict=True))
    return matched


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
