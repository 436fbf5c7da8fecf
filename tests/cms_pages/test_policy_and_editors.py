"""R1: the policy version in force is recorded on a complaint; publishing the policy needs
approval; content editors manage pages but see no complaint data."""

import json

import pytest
from django.contrib.auth.models import Group
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms_pages.permissions import CONTENT_EDITORS_GROUP, POLICY_APPROVERS_GROUP
from tests.factories import (
    AlternativeRouteFactory,
    CategoryFactory,
    ComplaintFactory,
    StaffFactory,
    UserFactory,
)
from workflow.models import AlternativeRoute, CorrectiveAction
from workflow.services import file_complaint

pytestmark = pytest.mark.django_db


def file(actor, category, language="tr", **extra):
    return file_complaint(
        actor=actor,
        category=category,
        subject="Sertifika yenilenmedi",
        description="Ayrıntılar",
        preferred_contact_method="email",
        language=language,
        **extra,
    )


def test_new_complaint_records_the_policy_version_in_force(site_tree, customer, category):
    policy = site_tree["tr"]["policy"]
    first = file(customer, category)

    policy.body = json.dumps([{"type": "paragraph", "value": "<p>İkinci sürüm</p>"}])
    policy.save_revision().publish()
    policy.refresh_from_db()
    second = file(customer, category)

    assert first.policy_version is not None
    assert second.policy_version == policy.live_revision_id != first.policy_version
    assert policy.version_number == 2


def test_english_complaint_records_the_english_policy(site_tree, customer, category):
    complaint = file(customer, category, language="en")

    assert complaint.policy_version == site_tree["en"]["policy"].live_revision_id


def test_falls_back_to_the_turkish_policy_without_a_translation(site_tree, customer, category):
    site_tree["en"]["policy"].unpublish()

    complaint = file(customer, category, language="en")

    assert complaint.policy_version == site_tree["tr"]["policy"].live_revision_id


def test_no_policy_published_records_nothing(customer, category):
    assert file(customer, category).policy_version is None


def test_guest_filing_records_the_policy_version_too(site_tree, category):
    complaint = file(None, category, contact_name="Misafir", contact_email="g@example.com")

    assert complaint.policy_version == site_tree["tr"]["policy"].live_revision_id


@pytest.fixture
def editor(db):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=CONTENT_EDITORS_GROUP))
    return user


@pytest.fixture
def approver(db):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name=POLICY_APPROVERS_GROUP))
    return user


def _edit_post(page, **extra):
    """The admin edit form as a browser posts it (rich text in Draftail's format)."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": "Yeni giriş",
            "body": streamfield([("paragraph", rich_text("<p>Yeni metin</p>"))]),
            **extra,
        }
    )


def test_editor_publishes_an_ordinary_page(site_tree, client, editor):
    about = site_tree["tr"]["about"]
    client.force_login(editor)

    response = client.post(
        f"/admin/pages/{about.pk}/edit/", _edit_post(about, **{"action-publish": "1"})
    )

    assert response.status_code == 302
    about.refresh_from_db()
    assert about.intro == "Yeni giriş"
    assert about.live
    assert not about.has_unpublished_changes


def test_editor_cannot_publish_the_policy_only_submit_it(site_tree, client, editor):
    policy = site_tree["tr"]["policy"]
    live_revision = policy.live_revision_id
    client.force_login(editor)

    client.post(f"/admin/pages/{policy.pk}/edit/", _edit_post(policy, **{"action-publish": "1"}))
    policy.refresh_from_db()
    assert policy.live_revision_id == live_revision
    assert policy.intro == "Politikamız"

    client.post(f"/admin/pages/{policy.pk}/edit/", _edit_post(policy, **{"action-submit": "1"}))
    policy.refresh_from_db()
    assert policy.live_revision_id == live_revision
    assert WorkflowState.objects.filter(
        base_content_type__model="page", object_id=str(policy.pk), status="in_progress"
    ).exists()
    assert not policy.permissions_for_user(editor).can_publish()


def test_approver_approval_publishes_the_submitted_policy(site_tree, client, editor, approver):
    policy = site_tree["tr"]["policy"]
    client.force_login(editor)
    client.post(f"/admin/pages/{policy.pk}/edit/", _edit_post(policy, **{"action-submit": "1"}))
    state = WorkflowState.objects.get(object_id=str(policy.pk), status="in_progress")
    task_state = state.current_task_state

    client.force_login(approver)
    response = client.post(
        f"/admin/pages/workflow/action/{policy.pk}/approve/{task_state.pk}/", {"comment": "Uygun"}
    )

    assert response.status_code in (200, 302)
    policy.refresh_from_db()
    assert policy.intro == "Yeni giriş"
    assert policy.version_number == 2


@pytest.mark.parametrize(
    "url",
    ["/admin/complaints/", "/admin/notifications/", "/api/v1/staff/complaints/"],
)
def test_editor_sees_no_complaint_data(site_tree, client, editor, url):
    ComplaintFactory(subject="Gizli şikâyet")
    client.force_login(editor)

    response = client.get(url)

    assert response.status_code in (302, 403)
    assert b"Gizli" not in response.content


def test_editor_admin_menu_has_pages_but_no_complaints(site_tree, client, editor):
    client.force_login(editor)

    response = client.get("/admin/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "/admin/pages/" in html
    assert "/admin/complaints/" not in html
    assert "/admin/notifications/" not in html


def test_editor_keeps_contact_channels_and_routes(site_tree, client, editor):
    client.force_login(editor)

    for url in [
        "/admin/snippets/workflow/contactchannel/",
        "/admin/snippets/workflow/alternativeroute/",
    ]:
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("model", ["correctiveaction", "unit", "category"])
@pytest.mark.parametrize("view", ["", "results/"])
def test_editor_cannot_list_internal_workflow_data_through_a_chooser(
    site_tree, client, editor, model, view
):
    category = CategoryFactory(name_tr="Gizli kategori", default_unit__name_tr="Gizli birim")
    CorrectiveAction.objects.create(kind="corrective", title="Gizli faaliyet").complaints.add(
        ComplaintFactory(category=category)
    )
    client.force_login(editor)

    response = client.get(f"/admin/snippets/choose/workflow/{model}/{view}")

    assert response.status_code in (302, 403)  # Wagtail redirects a refusal to the dashboard
    assert b"Gizli" not in response.content


def test_editor_cannot_pick_a_chosen_unit_either(site_tree, client, editor):
    unit = CategoryFactory().default_unit
    client.force_login(editor)

    response = client.get(f"/admin/snippets/choose/workflow/unit/chosen/{unit.pk}/")

    assert response.status_code in (302, 403)
    assert unit.name_tr.encode() not in response.content


def test_staff_still_choose_units_and_editors_still_choose_routes(site_tree, client, editor):
    CategoryFactory(default_unit__name_tr="Destek birimi")
    AlternativeRouteFactory(name_tr="Tüketici Hakem Heyeti")
    client.force_login(StaffFactory())
    assert "Destek birimi" in client.get("/admin/snippets/choose/workflow/unit/").json()["html"]

    client.force_login(editor)
    routes = client.get("/admin/snippets/choose/workflow/alternativeroute/")
    assert routes.status_code == 200
    assert "Tüketici Hakem Heyeti" in routes.json()["html"]


def test_editor_adds_a_route_for_a_category(site_tree, client, editor):
    """Category names are public (/api/v1/categories/): the route form lists them so an editor
    can say where a route applies, although the category chooser and listing stay closed."""
    category = CategoryFactory(name_tr="Sertifika iptali")
    client.force_login(editor)

    form = client.get("/admin/snippets/workflow/alternativeroute/add/")
    assert "Sertifika iptali" in form.content.decode()
    response = client.post(
        "/admin/snippets/workflow/alternativeroute/add/",
        {"kind": "external", "name_tr": "Hakem heyeti", "name_en": "Arbitration",
         "categories": [category.pk], "sort_order": 0, "is_active": "on"},
    )  # fmt: skip

    assert response.status_code == 302
    assert list(AlternativeRoute.objects.get(name_tr="Hakem heyeti").categories.all()) == [category]
    assert client.get("/admin/snippets/workflow/category/").status_code in (302, 403)
