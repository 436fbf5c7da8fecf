"""The console's sidebar is built once per person and language and kept (staff/sidebar.py): the
same JSON as Wagtail's own tag, a new one as soon as the person, their permissions, profile or
language change, and none of the permission queries it costs when it is kept."""

import json
import re

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

from staff import sidebar
from tests.staff.roles import *  # noqa: F403  (fixtures)

pytestmark = pytest.mark.django_db


def sidebar_json(html: str) -> dict:
    found = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    assert found, "the page has no sidebar"
    return json.loads(found.group(1))


def menu_labels(props: dict) -> list[str]:
    """The main menu's labels, submenus' included."""
    labels = []

    def walk(items):
        for item in items:
            if isinstance(item, dict) and "_args" in item:
                args = item["_args"][0]
                if isinstance(args, dict) and "label" in args:
                    labels.append(args["label"])
                for arg in item["_args"]:
                    if isinstance(arg, list):
                        walk(arg)
            elif isinstance(item, list):
                walk(item)
            elif isinstance(item, dict):
                walk(list(item.values()))

    walk(props["modules"])
    return labels


def admin_page(client, user, language="tr", url="/admin/") -> str:
    client.force_login(user)
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def test_the_kept_sidebar_is_wagtails_own(client, handler_a, monkeypatch):
    kept_first = sidebar_json(admin_page(client, handler_a))
    kept_again = sidebar_json(admin_page(client, handler_a))
    monkeypatch.setenv("MEMNUN_SIDEBAR_CACHE", "0")
    built_by_wagtail = sidebar_json(admin_page(client, handler_a))
    assert kept_first == kept_again == built_by_wagtail
    assert "Şikâyet kuyruğu" in menu_labels(built_by_wagtail)


def test_a_kept_sidebar_saves_its_permission_queries(client, handler_a):
    queue = "/admin/complaints/"
    admin_page(client, handler_a, url=queue)
    with CaptureQueriesContext(connection) as kept:
        admin_page(client, handler_a, url=queue)
    sidebar.forget()
    with CaptureQueriesContext(connection) as built:
        admin_page(client, handler_a, url=queue)
    page_permission_queries = [
        q["sql"] for q in built.captured_queries if "wagtailcore_grouppagepermission" in q["sql"]
    ]
    assert page_permission_queries, "building the sidebar reads the page permissions"
    assert not [q for q in kept.captured_queries if "wagtailcore_grouppagepermission" in q["sql"]]
    assert len(kept) < len(built)


def test_each_person_gets_their_own_menu(client, handler_a, content_editor):
    handler_menu = menu_labels(sidebar_json(admin_page(client, handler_a)))
    editor_menu = menu_labels(sidebar_json(admin_page(client, content_editor)))
    assert "Şikâyet kuyruğu" in handler_menu
    assert "Şikâyet kuyruğu" not in editor_menu
    assert "Sayfalar" in editor_menu


def test_the_language_of_the_page_is_part_of_the_key(client, handler_a):
    turkish = menu_labels(sidebar_json(admin_page(client, handler_a, "tr")))
    profile = UserProfile.get_for_user(handler_a)
    profile.preferred_language = "en"
    profile.save()
    english = menu_labels(sidebar_json(admin_page(client, handler_a, "en")))
    assert "Şikâyet kuyruğu" in turkish
    assert "Complaint queue" in english


def test_a_new_permission_shows_on_the_next_page(client, content_editor):
    before = menu_labels(sidebar_json(admin_page(client, content_editor)))
    assert "Kullanıcılar" not in before
    content_editor.user_permissions.add(Permission.objects.get(codename="add_user"))
    after = menu_labels(sidebar_json(admin_page(client, content_editor)))
    assert "Kullanıcılar" in after


def test_a_renamed_person_shows_on_the_next_page(client, handler_a):
    admin_page(client, handler_a)
    handler_a.first_name = "Yeniad"
    handler_a.save()
    props = sidebar_json(admin_page(client, handler_a))
    assert "Yeniad" in json.dumps(props, ensure_ascii=False)


def test_a_dismissed_help_item_shows_dismissed_on_the_next_page(client, handler_a):
    dismissed = "data-w-dismissible-dismissed-value"
    before = json.dumps(sidebar_json(admin_page(client, handler_a)))
    assert '"editor-guide"' in before
    assert dismissed not in before
    # what the sidebar's "Editor Guide" link posts when it is opened
    response = client.patch(
        "/admin/dismissibles/",
        data=json.dumps({"editor-guide": True}),
        content_type="application/json",
    )
    assert response.status_code == 200
    after = json.dumps(sidebar_json(admin_page(client, handler_a)))
    assert dismissed in after
